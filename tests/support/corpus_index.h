#pragma once
// The bundled corpus/ indexed by the real `byline index`, as the README's demo
// does (every format, plus the custom-fields JSONL with its --map), once per
// test process. Fails the running test when indexing fails.

#include <string>

namespace byline::test {

// Path of the database.
const std::string& corpus_db();

}  // namespace byline::test
