// Shared plumbing of the subcommands: exit codes, input resolution,
// diagnostics printing.
#ifndef CIRCA_ENGINE_CLI_COMMON_H_
#define CIRCA_ENGINE_CLI_COMMON_H_

#include <optional>
#include <string>
#include <vector>

#include "circa/circa.h"

namespace circa::cli {

// Documented in docs/cli.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidInput = 1,
  kExitUsage = 2,
  kExitInternal = 3,
};

struct Inputs {
  std::string criteria;
  std::string bids;   // may be empty (validate without bids)
  std::string panel;  // may be empty (no evaluator panel)
  std::string costs;  // may be empty (no cost profile)
};

// Turns the positional arguments (a tender directory, or CRITERIA [BIDS])
// into file paths; prints an error, sets *exit_code (usage or invalid
// input) and returns nullopt on failure.
std::optional<Inputs> ResolveInputs(const std::string& first,
                                    const std::string& second,
                                    bool bids_required, int* exit_code);

// ResolveInputs (with --panel overriding a directory's panel.csv and
// --costs its cost-profile.yaml/.csv), then LoadTender; prints every
// diagnostic. Returns nullopt with *exit_code set on failure.
std::optional<Tender> LoadTenderArgs(const std::string& first,
                                     const std::string& second,
                                     const std::string& panel,
                                     const std::string& locale, int* exit_code,
                                     const std::string& costs = "");

// The bids of `evaluation` that meet every minimum requirement. Analyses
// re-score the decision matrix, which holds no bid-file fields, so the
// others are left out first; with `warn`, each one is named on stderr.
BidSet BidsMeetingRequirements(const BidSet& bids, const Evaluation& evaluation,
                               bool warn);

// For commands that work on points: prints why a set with a money-based
// award (`award:`) is refused and returns true.
bool RefuseMoneyAward(const CriteriaSet& criteria, const char* command);

// Prints diagnostics to stderr; returns true if any was an error.
bool PrintDiagnostics(const std::vector<Diagnostic>& diagnostics);

// Loader options carrying the CLI's logger.
LoadOptions MakeLoadOptions(const std::string& locale);
// The model library directories (--library) that MakeLoadOptions passes on;
// empty: DefaultLibraryDirs().
void SetLibraryDirs(std::vector<std::string> dirs);

// Writes `text` to stdout (path empty or "-") or atomically to `path`;
// returns kExitOk, or kExitInternal after printing why it could not.
int WriteOutput(const std::string& text, const std::string& path);

// Columns of the terminal on stdout, or 100 when not a terminal.
int TerminalWidth();

}  // namespace circa::cli

#endif  // CIRCA_ENGINE_CLI_COMMON_H_
