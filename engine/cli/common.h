// Shared plumbing of the subcommands: exit codes, input resolution,
// diagnostics printing.
#ifndef CIRCA_ENGINE_CLI_COMMON_H_
#define CIRCA_ENGINE_CLI_COMMON_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "circa/circa.h"
#include "io/output.h"

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
// With `out`, *out is opened on `output` (OpenOutput) after the inputs are
// known and before any is read; an output naming an input, the criteria
// set's model included, is refused with kExitUsage.
std::optional<Tender> LoadTenderArgs(
    const std::string& first, const std::string& second,
    const std::string& panel, const std::string& locale, int* exit_code,
    const std::string& costs = "", const std::string& output = "",
    std::unique_ptr<io::OutputTarget>* out = nullptr);

// Checks a library options struct (its IsValid(std::string*)): prints
// "circa: invalid options: WHY" and returns false when it cannot be used.
bool ReportInvalidOptions(bool valid, const std::string& why);
template <typename Options>
bool CheckOptions(const Options& options) {
  std::string why;
  const bool valid = options.IsValid(&why);
  return ReportInvalidOptions(valid, why);
}

// For commands that work on points: prints why a set with a money-based
// award (`award:`) is refused and returns true.
bool RefuseMoneyAward(const CriteriaSet& criteria, const char* command);

// Prints diagnostics to stderr; returns true if any was an error.
bool PrintDiagnostics(const std::vector<Diagnostic>& diagnostics);

// Loader options carrying the CLI's logger.
// The workbook sheet given with --sheet ("" when none).
const std::string& SheetOption();
LoadOptions MakeLoadOptions(const std::string& locale);
// The model library directories (--library) that MakeLoadOptions passes on;
// empty: DefaultLibraryDirs().
void SetLibraryDirs(std::vector<std::string> dirs);

// Whether --allow-outside was given: `extends:` may then name a model
// outside the tender's directory and the libraries (MakeLoadOptions).
void SetAllowOutside(bool allow);

// Where a command writes: standard output (path empty or "-") or `path`
// (io/output.h: a regular file replaced atomically, a device or FIFO
// written into). A path that is the same file as one of `inputs` is
// refused before anything is read (kExitUsage); one that cannot be written
// gives kExitInternal. Prints why and returns nullptr on failure.
std::unique_ptr<io::OutputTarget> OpenOutput(
    const std::string& path, const std::vector<std::string>& inputs,
    int* exit_code);

// Refuses (prints why, returns true) when `out` is a file the set was
// derived from: the model named by `extends:` is known only once the set
// is read.
bool OutputIsModel(const std::string& output, const CriteriaSet& set);

// Writes `text` to `out` and commits it; returns kExitOk, or kExitInternal
// after printing why not (a full disk, a closed pipe, a failed flush).
int FinishOutput(io::OutputTarget* out, std::string_view text);

// A sink that streams rendered text into `out` (every write checked by
// `out`; FinishOutput(out, "") then reports a failure and commits).
TextSink SinkInto(io::OutputTarget* out);

// Warns on stderr with each of `notes`, at most kEchoedNotes of them, then
// one line "… and N more notes (in the result)": 200,000 bids can carry
// tens of thousands of tie notes, and the result holds them all.
inline constexpr std::size_t kEchoedNotes = 20;
void WarnNotes(const std::vector<std::string>& notes);

// WriteOutput to standard output of text built from inputs (criteria
// names, ids, file names): control characters and bidi controls are shown
// escaped (util::SanitizeForDisplay), never sent to the terminal raw. For
// text and JSON reports; not for files that must stay byte-exact (YAML).
int WriteDisplayText(const std::string& text);

// Writes `text` to stdout (path empty or "-") or to `path` as OpenOutput
// does; returns kExitOk, or kExitInternal after printing why it could not.
int WriteOutput(const std::string& text, const std::string& path);

// Flushes standard output at the end of a command: returns kExitInternal
// after printing why when anything written to it was lost (a full disk,
// /dev/full), else `code`.
int CheckStdout(int code);

// A check for -o/--output: an empty path is a usage error.
CLI::Validator NonEmptyPath();

// Columns of the terminal on stdout, or 100 when not a terminal.
int TerminalWidth();

}  // namespace circa::cli

#endif  // CIRCA_ENGINE_CLI_COMMON_H_
