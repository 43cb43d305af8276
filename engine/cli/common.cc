#include "cli/common.h"

#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "cli/commands.h"
#include "io/bids_layout.h"
#include "io/file.h"
#include "util/display_text.h"

namespace circa::cli {

std::optional<Inputs> ResolveInputs(const std::string& first,
                                    const std::string& second,
                                    bool bids_required, int* exit_code) {
  std::error_code ec;
  *exit_code = kExitUsage;
  if (!std::filesystem::exists(first, ec)) {
    std::fprintf(stderr, "%s: cannot read file: %s\n", first.c_str(),
                 ec.value() == ELOOP ? "a symbolic link loop" : "no such file");
    *exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  if (std::filesystem::is_directory(first, ec)) {
    if (!second.empty()) {
      std::fprintf(stderr,
                   "circa: %s is a tender directory; give either a directory "
                   "or CRITERIA BIDS\n",
                   first.c_str());
      return std::nullopt;
    }
    const Result<TenderPaths> paths = ResolveTenderDirectory(first);
    PrintDiagnostics(paths.diagnostics);
    *exit_code = kExitInvalidInput;
    if (!paths.ok()) return std::nullopt;
    return Inputs{paths.value->criteria, paths.value->bids, paths.value->panel,
                  paths.value->cost_profile};
  }
  if (bids_required && second.empty()) {
    std::fprintf(stderr,
                 "circa: missing BIDS; give CRITERIA BIDS or a tender "
                 "directory\n");
    return std::nullopt;
  }
  return Inputs{first, second, "", ""};
}

std::optional<Tender> LoadTenderArgs(const std::string& first,
                                     const std::string& second,
                                     const std::string& panel,
                                     const std::string& locale, int* exit_code,
                                     const std::string& costs,
                                     const std::string& output,
                                     std::unique_ptr<io::OutputTarget>* out) {
  const auto inputs = ResolveInputs(first, second, true, exit_code);
  if (!inputs) return std::nullopt;
  TenderPaths paths{inputs->criteria, inputs->bids, inputs->panel,
                    inputs->costs};
  if (!panel.empty()) paths.panel = panel;
  if (!costs.empty()) paths.cost_profile = costs;
  if (out) {
    *out = OpenOutput(
        output, {paths.criteria, paths.bids, paths.panel, paths.cost_profile},
        exit_code);
    if (!*out) return std::nullopt;
  }
  const LoadOptions options = MakeLoadOptions(locale);
  if (!CheckOptions(options)) {
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  Result<Tender> tender = LoadTenderSheet(paths, options, SheetOption());
  if (PrintDiagnostics(tender.diagnostics) || !tender.value) {
    *exit_code = kExitInvalidInput;
    return std::nullopt;
  }
  if (out && OutputIsModel(output, tender.value->criteria)) {
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  spdlog::info(
      "criteria set {} {} from {}; {} bids from {} (locale {}){}",
      tender.value->criteria.id, tender.value->criteria.version, paths.criteria,
      tender.value->bids.size(), paths.bids, tender.value->bids.locale,
      (paths.panel.empty() ? "" : "; panel scores from " + paths.panel) +
          (tender.value->lcc ? "; life-cycle costs from " + paths.cost_profile
                             : ""));
  return std::move(tender.value);
}

bool ReportInvalidOptions(bool valid, const std::string& why) {
  if (!valid) std::fprintf(stderr, "circa: invalid options: %s\n", why.c_str());
  return valid;
}

bool RefuseMoneyAward(const CriteriaSet& criteria, const char* command) {
  if (!criteria.award) return false;
  std::fprintf(stderr,
               "circa: %s ranks bids on money (award: %s), not on points; "
               "circa %s analyses points-based sets; use circa score\n",
               criteria.source.c_str(),
               std::string(ToString(criteria.award->method)).c_str(), command);
  return true;
}

bool PrintDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  }
  return HasErrors(diagnostics);
}

namespace {
std::vector<std::string>& LibraryDirs() {
  static std::vector<std::string> dirs;
  return dirs;
}
bool& AllowOutside() {
  static bool allow = false;
  return allow;
}
std::string& Sheet() {
  static std::string sheet;
  return sheet;
}
}  // namespace

const std::string& SheetOption() { return Sheet(); }

void SetAllowOutside(bool allow) { AllowOutside() = allow; }

void AddTenderFileOptions(CLI::App* cmd, std::string* locale,
                          std::string* panel, std::string* costs) {
  cmd->add_option("--locale", *locale,
                  "Number format of the bids when the file declares none: "
                  "auto (default), en, nl-BE, fr-BE, de-BE...");
  cmd->add_option("--panel", *panel,
                  "Evaluator panel scores (CSV: bid, criterion, evaluator, "
                  "score, rationale); default: panel.csv in a tender "
                  "directory");
  cmd->add_option("--sheet", Sheet(),
                  "The sheet of a workbook bid file (.xlsx, .ods) to read; "
                  "default: bids: sheet: in the tender, else the first");
  cmd->add_option("--costs", *costs,
                  "Cost profile (YAML or CSV) for criteria scored on "
                  "life-cycle cost (from: lcc); default: cost-profile.yaml "
                  "or .csv in a tender directory");
}

void SetLibraryDirs(std::vector<std::string> dirs) {
  LibraryDirs() = std::move(dirs);
}

LoadOptions MakeLoadOptions(const std::string& locale) {
  LoadOptions options;
  if (!locale.empty()) options.locale = locale;
  options.library = LibraryDirs();
  options.allow_outside = AllowOutside();
  options.log = [](std::string_view message) { spdlog::debug("{}", message); };
  return options;
}

std::unique_ptr<io::OutputTarget> OpenOutput(
    const std::string& path, const std::vector<std::string>& inputs,
    int* exit_code) {
  auto out = std::make_unique<io::OutputTarget>();
  if (path.empty() || path == "-") {
    out->OpenStdout();
    return out;
  }
  if (const auto input = io::SameFileAs(path, inputs)) {
    std::fprintf(stderr,
                 "circa: -o %s would overwrite %s, an input of this run; "
                 "write the result to another file\n",
                 path.c_str(), input->c_str());
    *exit_code = kExitUsage;
    return nullptr;
  }
  if (!out->Open(path)) {
    std::fprintf(stderr, "circa: %s\n", out->error().c_str());
    *exit_code = kExitInternal;
    return nullptr;
  }
  return out;
}

bool OutputIsModel(const std::string& output, const CriteriaSet& set) {
  if (output.empty() || output == "-" || set.model_chain.empty()) {
    return false;
  }
  // Every model up the `extends:` chain is an input of the run.
  const auto model = io::SameFileAs(output, set.model_chain);
  if (!model) return false;
  const bool direct = *model == set.model_chain.front();
  std::fprintf(stderr,
               "circa: -o %s would overwrite %s, %s %s derives "
               "from; write the result to another file\n",
               output.c_str(), model->c_str(),
               direct ? "the model" : "a model further up the extends: chain",
               set.source.c_str());
  return true;
}

namespace {
// Set once a failed write to standard output has been reported, so that
// CheckStdout does not report it again.
bool g_stdout_failure_reported = false;
}  // namespace

int FinishOutput(io::OutputTarget* out, std::string_view text) {
  if (out->Write(text) && out->Commit()) return kExitOk;
  std::fprintf(stderr, "circa: %s\n", out->error().c_str());
  if (out->to_stdout()) g_stdout_failure_reported = true;
  return kExitInternal;
}

TextSink SinkInto(io::OutputTarget* out) {
  return [out](std::string_view text) { out->Write(text); };
}

void WarnNotes(const std::vector<std::string>& notes) {
  for (std::size_t n = 0; n < notes.size() && n < kEchoedNotes; ++n) {
    spdlog::warn("{}", notes[n]);
  }
  if (notes.size() > kEchoedNotes) {
    spdlog::warn("… and {} more notes (in the result)",
                 notes.size() - kEchoedNotes);
  }
}

int WriteOutput(const std::string& text, const std::string& path) {
  int code = kExitOk;
  const auto out = OpenOutput(path, {}, &code);
  if (!out) return code;
  return FinishOutput(out.get(), text);
}

int CheckStdout(int code) {
  errno = 0;
  const int flushed = std::fflush(stdout);
  const int err = errno;
  if (flushed == 0 && !std::ferror(stdout)) return code;
  if (g_stdout_failure_reported) return kExitInternal;
  std::fprintf(stderr, "circa: cannot write to standard output%s%s\n",
               err != 0 ? ": " : "", err != 0 ? std::strerror(err) : "");
  return kExitInternal;
}

CLI::Validator NonEmptyPath() {
  return CLI::Validator(
      [](const std::string& value) {
        return value.empty() ? std::string(
                                   "an empty path; give a file name, or - "
                                   "for standard output")
                             : std::string();
      },
      "FILE");
}

int TerminalWidth() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
      ws.ws_col >= 40) {
    return ws.ws_col;
  }
  return 100;
}

int WriteDisplayText(const std::string& text) {
  return WriteOutput(util::SanitizeForDisplay(text), "");
}

}  // namespace circa::cli
