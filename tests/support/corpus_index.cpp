#include "support/corpus_index.h"

#include <catch2/catch.hpp>

#include "support/run_command.h"

namespace byline::test {

const std::string& corpus_db() {
  static const std::string db = [] {
    const std::string path = scratch_dir("corpus") + "/db";
    const std::string corpus = source_path("corpus");
    const CommandResult first =
        run_byline("index --quiet --db " + shell_quote(path) + " " + shell_quote(corpus + "/jsonl/wire-2023-2025.jsonl") +
                   " " + shell_quote(corpus + "/pages") + " " + shell_quote(corpus + "/bbc-style") + " " +
                   shell_quote(corpus + "/crawl/sample-crawl.warc.gz"));
    if (first.exit_code != 0) FAIL("indexing corpus failed: " << first.err);
    const CommandResult custom = run_byline("index --quiet --db " + shell_quote(path) +
                                            " --map title=headline,date=when,section=meta.desk,author=writer,body=text,"
                                            "url=link,description=summary " +
                                            shell_quote(corpus + "/jsonl/custom-fields.jsonl"));
    if (custom.exit_code != 0) FAIL("indexing custom-fields failed: " << custom.err);
    return path;
  }();
  return db;
}

}  // namespace byline::test
