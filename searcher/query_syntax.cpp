#include "searcher/query_syntax.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "common/errors.h"

namespace byline {

namespace {

struct Token {
  std::string_view text;  // a word, "(" or ")"
  std::size_t column;     // 1-based
};

bool is_binary_operator(std::string_view word) {
  return word == "AND" || word == "OR" || word == "XOR" || word == "NEAR" || word == "ADJ" ||
         word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

bool is_proximity_operator(std::string_view word) {
  return word == "NEAR" || word == "ADJ" || word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

// Xapian's NEAR and ADJ join single words (field:word included). Given a
// phrase, a bracket, a wildcard or a +/- word, its QueryParser silently falls
// back to reading the whole query as a loose OR of its words, the operator
// included: a different query from the one written. So such an operand is an
// error here.
bool is_single_word(std::string_view token) {
  return !token.empty() && token != "(" && token != ")" && token.find('"') == std::string_view::npos &&
         token.back() != '*' && token.front() != '-' && token.front() != '+' && !is_binary_operator(token) &&
         token != "NOT";
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits the query into words and brackets outside quotes; a quoted phrase
// (with any field prefix glued to it) is one word.
std::vector<Token> tokenize(std::string_view query) {
  std::vector<Token> tokens;
  std::vector<std::size_t> open;  // columns of unmatched '('
  std::size_t i = 0;
  while (i < query.size()) {
    const char c = query[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      if (c == '(') open.push_back(i + 1);
      else if (open.empty()) throw_query_syntax_error(query, fmt::format("unmatched ')' at column {}", i + 1));
      else open.pop_back();
      tokens.push_back({query.substr(i, 1), i + 1});
      ++i;
    } else {
      const std::size_t start = i;
      while (i < query.size() && !is_space(query[i]) && query[i] != '(' && query[i] != ')') {
        if (query[i] == '"') {
          const std::size_t close = query.find('"', i + 1);
          if (close == std::string_view::npos)
            throw_query_syntax_error(query, fmt::format("unclosed '\"' at column {}", i + 1));
          i = close;
        }
        ++i;
      }
      tokens.push_back({query.substr(start, i - start), start + 1});
    }
  }
  if (!open.empty()) throw_query_syntax_error(query, fmt::format("unmatched '(' at column {}", open.back()));
  return tokens;
}

}  // namespace

void throw_query_syntax_error(std::string_view query, std::string_view problem) {
  throw QuerySyntaxError(fmt::format("query syntax error in '{}': {}", query, problem));
}

void check_query_syntax(std::string_view query) {
  const std::vector<Token> tokens = tokenize(query);
  bool only_excluded = !tokens.empty();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    const bool at_start = k == 0 || tokens[k - 1].text == "(";
    const bool at_end = k + 1 == tokens.size() || tokens[k + 1].text == ")";
    if (is_binary_operator(t.text)) {
      if (at_start || is_binary_operator(tokens[k - 1].text) || tokens[k - 1].text == "NOT")
        throw_query_syntax_error(query, fmt::format("'{}' at column {} has nothing on its left", t.text, t.column));
      if (at_end)
        throw_query_syntax_error(query, fmt::format("'{}' at column {} has nothing on its right", t.text, t.column));
      if (is_proximity_operator(t.text))
        for (const Token* operand : {&tokens[k - 1], &tokens[k + 1]})
          if (!is_single_word(operand->text))
            throw_query_syntax_error(
                query, fmt::format("'{}' at column {} joins single words, not '{}' (a phrase, bracket, wildcard or "
                                   "+/- word)",
                                   t.text, t.column, operand->text));
    } else if (t.text == "NOT" && at_end) {
      throw_query_syntax_error(query, fmt::format("'NOT' at column {} has nothing after it", t.column));
    }
    if (t.text != "(" && t.text != ")" && !(t.text.size() > 1 && t.text[0] == '-')) only_excluded = false;
  }
  if (only_excluded)
    throw_query_syntax_error(query, "only excluded terms: nothing to search for (write 'NOT foo' for every "
                                    "article without foo)");
}

}  // namespace byline
