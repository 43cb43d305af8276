// What the `circa analyze` tests share (cli_analyze_test.cc,
// cli_methods_test.cc): a run on the office-furniture sample, its JSON, and
// the comparison of a run with its approved output.
#ifndef CIRCA_TESTS_CLI_ANALYZE_SUPPORT_H_
#define CIRCA_TESTS_CLI_ANALYZE_SUPPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_support.h"

namespace circa_test::cli {

inline const std::string kAnalyzeSample = "samples/office-furniture";

// `circa analyze samples/office-furniture extra...`.
RunResult Analyze(const std::vector<std::string>& extra);

// The JSON a run wrote; a test failure if it did not exit 0.
nlohmann::json Json(const RunResult& run);

// Runs `circa args... -f FORMAT --width 100` for the table, json and md
// formats and expects each output to equal
// tests/golden/approved/analyze/NAME.FORMAT.approved.txt. (A subdirectory:
// tests/golden/golden_test.cc and scripts/approve-golden.sh own every
// *.approved.txt directly in approved/, one per sample and `score` format,
// and would reject these.) For each of `languages`, the table and md formats
// with `--lang L` are compared with NAME.FORMAT.L.approved.txt.
void ExpectApprovedAnalysis(const std::string& name,
                            const std::vector<std::string>& args,
                            const std::vector<std::string>& languages = {});

}  // namespace circa_test::cli

#endif  // CIRCA_TESTS_CLI_ANALYZE_SUPPORT_H_
