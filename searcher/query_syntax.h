#pragma once
// A strict syntax check run before Xapian's QueryParser. The parser is lenient
// on purpose: on a syntax error it silently re-reads the query with every
// operator treated as a plain word, so `title:(foo` would search for the words
// "title" and "foo". byline would rather say what is wrong and where.

#include <string_view>

namespace byline {

// Throws QuerySyntaxError ("query syntax error in '<query>': unmatched '(' at
// column 7") for: an unmatched '(' or ')', an unclosed '"', a binary operator
// (AND, OR, XOR, NEAR, ADJ) with nothing on one side, NOT with nothing after
// it, and a query made only of excluded terms ("-foo", which Xapian would
// otherwise read as "foo"). Columns are 1-based byte offsets.
void check_query_syntax(std::string_view query);

// "query syntax error in '<query>': <problem>", the one format for every
// syntax error the searcher reports.
[[noreturn]] void throw_query_syntax_error(std::string_view query, std::string_view problem);

}  // namespace byline
