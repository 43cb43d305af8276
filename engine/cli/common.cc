#include "cli/common.h"

#include <spdlog/spdlog.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "io/file.h"

namespace circa::cli {

std::optional<Inputs> ResolveInputs(const std::string& first,
                                    const std::string& second,
                                    bool bids_required, int* exit_code) {
  std::error_code ec;
  *exit_code = kExitUsage;
  if (!std::filesystem::exists(first, ec)) {
    std::fprintf(stderr, "%s: cannot read file: no such file\n", first.c_str());
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
                                     const std::string& costs) {
  const auto inputs = ResolveInputs(first, second, true, exit_code);
  if (!inputs) return std::nullopt;
  TenderPaths paths{inputs->criteria, inputs->bids, inputs->panel,
                    inputs->costs};
  if (!panel.empty()) paths.panel = panel;
  if (!costs.empty()) paths.cost_profile = costs;
  Result<Tender> tender = LoadTender(paths, MakeLoadOptions(locale));
  if (PrintDiagnostics(tender.diagnostics) || !tender.value) {
    *exit_code = kExitInvalidInput;
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

BidSet BidsMeetingRequirements(const BidSet& bids, const Evaluation& evaluation,
                               bool warn) {
  std::vector<int> keep;
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    if (evaluation.exclusion.empty() ||
        evaluation.exclusion[i].stage != ExclusionStage::kRequirement) {
      keep.push_back(static_cast<int>(i));
    } else if (warn) {
      spdlog::warn("bid {} {}; it is left out of the analyses", bids.ids[i],
                   evaluation.exclusion[i].reason);
    }
  }
  return bids.Subset(keep);
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
}  // namespace

void AddTenderFileOptions(CLI::App* cmd, std::string* locale,
                          std::string* panel, std::string* costs) {
  cmd->add_option("--locale", *locale,
                  "Number format of the bids when the file declares none: "
                  "auto (default), en, nl-BE, fr-BE, de-BE...");
  cmd->add_option("--panel", *panel,
                  "Evaluator panel scores (CSV: bid, criterion, evaluator, "
                  "score, rationale); default: panel.csv in a tender "
                  "directory");
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
  options.log = [](std::string_view message) { spdlog::debug("{}", message); };
  return options;
}

int WriteOutput(const std::string& text, const std::string& path) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  std::string error;
  if (!io::WriteFileAtomic(path, text, &error)) {
    std::fprintf(stderr, "circa: %s\n", error.c_str());
    return kExitInternal;
  }
  return kExitOk;
}

int TerminalWidth() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
      ws.ws_col >= 40) {
    return ws.ws_col;
  }
  return 100;
}

}  // namespace circa::cli
