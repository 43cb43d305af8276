// circa criteria <subcommand>: work with criteria sets as documents.
//   circa criteria export --format eforms|ocds SET [-o OUT] [--language L]
//   circa criteria import NOTICE.xml [-o DIR | -o OUT.yaml]
// Further subcommands (list, show, diff, lint) register in
// AddCriteriaCommand next to these two. Exchange logic lives in
// engine/exchange (circa/exchange.h); this file only parses, calls and
// prints.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "circa/exchange.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace circa::cli {
namespace {

struct ExportArgs {
  std::string set;
  std::string format;
  std::string output;
  std::string language = "ENG";
  std::string lot_id = "1";
};

struct ImportArgs {
  std::string notice;
  std::string output;
  bool quiet = false;
};

int RunExport(const ExportArgs& args) {
  const Result<CriteriaSet> set =
      LoadCriteriaFile(args.set, MakeLoadOptions(""));
  if (PrintDiagnostics(set.diagnostics)) return kExitInvalidInput;
  ExportOptions options;
  options.language = args.language;
  options.lot_id = args.lot_id;
  const Result<std::string> text = args.format == "ocds"
                                       ? ExportOcds(*set.value, options)
                                       : ExportEforms(*set.value, options);
  if (PrintDiagnostics(text.diagnostics) || !text.value) {
    return kExitUsage;  // only the options can make an export fail
  }
  return WriteOutput(*text.value, args.output);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int RunImport(const ImportArgs& args) {
  const Result<ImportedNotice> notice = ImportNoticeFile(args.notice);
  if (PrintDiagnostics(notice.diagnostics) || !notice.value) {
    return kExitInvalidInput;
  }
  const std::string report = RenderImportReport(*notice.value);
  if (!args.quiet) std::fputs(report.c_str(), stderr);

  std::vector<const ImportedLot*> lots;
  for (const ImportedLot& lot : notice.value->lots) {
    if (!lot.criteria.empty()) lots.push_back(&lot);
  }
  if (lots.empty()) {
    std::fprintf(stderr, "%s: no award criteria to import\n",
                 args.notice.c_str());
    return kExitOk;
  }
  const bool to_file =
      EndsWith(args.output, ".yaml") || EndsWith(args.output, ".yml");
  if (args.output.empty() || args.output == "-") {
    std::string text;
    for (std::size_t i = 0; i < lots.size(); ++i) {
      if (i) text += "---\n";
      text += ToCriteriaYaml(*lots[i]);
    }
    return WriteOutput(text, "");
  }
  if (to_file) {
    if (lots.size() > 1) {
      std::fprintf(stderr,
                   "circa: %s has %zu lots with award criteria; give a "
                   "directory to -o to write one file per lot\n",
                   args.notice.c_str(), lots.size());
      return kExitUsage;
    }
    return WriteOutput(ToCriteriaYaml(*lots[0]), args.output);
  }
  std::error_code ec;
  std::filesystem::create_directories(args.output, ec);
  if (ec || !std::filesystem::is_directory(args.output, ec)) {
    std::fprintf(stderr, "circa: cannot create directory %s\n",
                 args.output.c_str());
    return kExitInternal;
  }
  for (const ImportedLot* lot : lots) {
    const std::string path =
        (std::filesystem::path(args.output) / (lot->set_id + ".yaml")).string();
    if (const int code = WriteOutput(ToCriteriaYaml(*lot), path);
        code != kExitOk) {
      return code;
    }
    std::fprintf(stderr, "wrote %s\n", path.c_str());
  }
  return kExitOk;
}

std::pair<CLI::App*, Runner> AddExport(CLI::App* criteria) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = criteria->add_subcommand(
      "export",
      "Export a set's award criteria as an eForms BG-707 fragment or OCDS "
      "award-criteria JSON (docs/exchange.md)");
  cmd->add_option("SET", args->set, "Criteria set (YAML)")->required();
  cmd->add_option("-f,--format", args->format, "eforms or ocds")
      ->required()
      ->check(CLI::IsMember({"eforms", "ocds"}));
  cmd->add_option("-o,--output", args->output,
                  "Write to FILE (atomically) instead of stdout");
  cmd->add_option("--language", args->language,
                  "eForms languageID of names and descriptions (default ENG)");
  cmd->add_option("--lot-id", args->lot_id,
                  "OCDS lots[].id of the exported lot (default 1)");
  return {cmd, [args] { return RunExport(*args); }};
}

std::pair<CLI::App*, Runner> AddImport(CLI::App* criteria) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = criteria->add_subcommand(
      "import",
      "Import the award criteria of an eForms or TED XML notice as "
      "criteria-set skeletons, one per lot, with a report of what could "
      "not be mapped (docs/exchange.md)");
  cmd->add_option("NOTICE", args->notice, "Notice (eForms or TED XML)")
      ->required();
  cmd->add_option("-o,--output", args->output,
                  "A directory (one SET_ID.yaml per lot), or a .yaml file "
                  "for a notice with one lot; default: stdout");
  cmd->add_flag("-q,--quiet", args->quiet,
                "Do not print the import report to stderr");
  return {cmd, [args] { return RunImport(*args); }};
}

}  // namespace

Runner AddCriteriaCommand(CLI::App& app) {
  CLI::App* criteria =
      app.add_subcommand("criteria", "Work with criteria sets: export, import");
  criteria->require_subcommand(1);
  std::vector<std::pair<CLI::App*, Runner>> subcommands;
  subcommands.push_back(AddExport(criteria));
  subcommands.push_back(AddImport(criteria));
  // list, show, diff, lint: push_back(AddList(criteria)) etc. here.
  return [subcommands] {
    for (const auto& [cmd, run] : subcommands) {
      if (cmd->parsed()) return run();
    }
    return static_cast<int>(kExitUsage);
  };
}

}  // namespace circa::cli
