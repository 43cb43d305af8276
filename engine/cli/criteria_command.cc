// circa criteria <subcommand>: work with criteria sets as documents.
//   circa criteria export --format eforms|ocds SET [-o OUT] [--language L]
//   circa criteria import NOTICE.xml [-o DIR | -o OUT.yaml]
//   circa criteria list [--group G] [--library DIR]... [--format table|json]
//   circa criteria show ID|FILE [--resolved] [--library DIR]...
//   circa criteria diff A B [--format text|json] [--library DIR]...
//   circa criteria lint FILE... [--against OLD] [--strict] [--library DIR]...
// Exchange logic lives in engine/exchange (circa/exchange.h), the
// catalogue in engine/catalog (circa/catalog.h, docs/catalog.md); this file
// only parses, calls and prints.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "circa/catalog.h"
#include "circa/exchange.h"
#include "circa/library.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "util/display_text.h"

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
  ExportOptions options;
  options.language = args.language;
  options.lot_id = args.lot_id;
  if (std::string why; !options.IsValid(&why)) {
    std::fprintf(stderr, "circa: invalid options: %s\n", why.c_str());
    return kExitUsage;
  }
  int failure = kExitUsage;
  const auto out = OpenOutput(args.output, {args.set}, &failure);
  if (!out) return failure;
  const Result<CriteriaSet> set =
      LoadCriteriaFile(args.set, MakeLoadOptions(""));
  if (PrintDiagnostics(set.diagnostics)) return kExitInvalidInput;
  if (OutputIsModel(args.output, *set.value)) return kExitUsage;
  const Result<std::string> text = args.format == "ocds"
                                       ? ExportOcds(*set.value, options)
                                       : ExportEforms(*set.value, options);
  if (PrintDiagnostics(text.diagnostics) || !text.value) {
    return kExitInvalidInput;  // a label missing in a requested language
  }
  return FinishOutput(out.get(), *text.value);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int RunImport(const ImportArgs& args) {
  const bool to_file =
      EndsWith(args.output, ".yaml") || EndsWith(args.output, ".yml");
  if (to_file && io::SameFileAs(args.output, {args.notice})) {
    std::fprintf(stderr,
                 "circa: -o %s would overwrite %s, an input of this run; "
                 "write the result to another file\n",
                 args.output.c_str(), args.notice.c_str());
    return kExitUsage;
  }
  const Result<ImportedNotice> notice = ImportNoticeFile(args.notice);
  if (PrintDiagnostics(notice.diagnostics) || !notice.value) {
    return kExitInvalidInput;
  }
  const std::string report = RenderImportReport(*notice.value);
  if (!args.quiet) {
    std::fputs(util::SanitizeForDisplay(report).c_str(), stderr);
  }

  std::vector<const ImportedLot*> lots;
  for (const ImportedLot& lot : notice.value->lots) {
    if (!lot.criteria.empty()) lots.push_back(&lot);
  }
  if (lots.empty()) {
    std::fprintf(stderr, "%s: no award criteria to import\n",
                 args.notice.c_str());
    return kExitOk;
  }
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
    int failure = kExitUsage;
    const auto out = OpenOutput(args.output, {args.notice}, &failure);
    if (!out) return failure;
    return FinishOutput(out.get(), ToCriteriaYaml(*lots[0]));
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
    int code = kExitUsage;
    const auto out = OpenOutput(path, {args.notice}, &code);
    if (!out) return code;
    if (code = FinishOutput(out.get(), ToCriteriaYaml(*lot)); code != kExitOk) {
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
                  "Write to FILE (a regular file is replaced atomically; a "
                  "device or FIFO is written into) instead of stdout")
      ->check(NonEmptyPath());
  cmd->add_option("--language", args->language,
                  "Languages of the names, comma-separated: nl or NLD, "
                  "nl,fr (default ENG); other than English from the labels");
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
                  "for a notice with one lot; default: stdout")
      ->check(NonEmptyPath());
  cmd->add_flag("-q,--quiet", args->quiet,
                "Do not print the import report to stderr");
  return {cmd, [args] { return RunImport(*args); }};
}

// ------------------------------------------------------------ catalogue

// --library DIR (repeatable); none: DefaultLibraryDirs().
void AddLibraryOption(CLI::App* cmd, std::vector<std::string>* dirs) {
  cmd->add_option("--library", *dirs,
                  "Model library directory (repeatable; default: "
                  "$CIRCA_LIBRARY, else the installed and source-tree "
                  "criteria/)")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false);  // one DIR per --library
}

LoadOptions CatalogLoadOptions(const std::vector<std::string>& library) {
  LoadOptions options = MakeLoadOptions("");
  options.library = library.empty() ? DefaultLibraryDirs() : library;
  return options;
}

// A set named on the command line: a file, a tender directory (its
// tender.yaml), or a library reference ID or ID@VERSION.
Result<CriteriaSet> LoadNamedSet(const std::string& name,
                                 const LoadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::string path = name;
  if (fs::is_directory(name, ec)) {
    path = (fs::path(name) / "tender.yaml").string();
  } else if (!fs::exists(name, ec)) {
    std::string id;
    std::string version;
    if (ParseModelReference(name, &id, &version)) {
      const Result<std::string> file =
          FindModelSet(options.library, id, version);
      if (!file.ok()) {
        // Named on the command line, not in an extends: key.
        std::vector<Diagnostic> diagnostics = file.diagnostics;
        for (Diagnostic& d : diagnostics) {
          d.where.file = name;
          d.path.clear();
        }
        return {std::nullopt, diagnostics};
      }
      path = *file.value;
    }
  }
  return LoadCriteriaFile(path, options);
}

struct ListArgs {
  std::string group;
  std::vector<std::string> library;
  std::string format = "table";
};

int RunList(const ListArgs& args) {
  const LoadOptions options = CatalogLoadOptions(args.library);
  const std::vector<LibraryEntry> entries =
      ListLibrary(options.library, args.group, options);
  if (args.format == "json")
    return WriteDisplayText(RenderLibraryJson(entries));
  std::string text = RenderLibraryTable(entries);
  std::string dirs;
  for (const std::string& d : options.library) {
    dirs += (dirs.empty() ? "" : ", ") + d;
  }
  if (dirs.empty()) dirs = "no library directory (set CIRCA_LIBRARY)";
  std::size_t loaded = 0;
  for (const LibraryEntry& e : entries) loaded += e.error.empty() ? 1u : 0u;
  text += std::to_string(loaded) + (loaded == 1 ? " model set" : " model sets");
  if (!args.group.empty()) text += " of product group " + args.group;
  text += " in " + dirs + "\n";
  return WriteDisplayText(text);
}

std::pair<CLI::App*, Runner> AddList(CLI::App* criteria) {
  auto args = std::make_shared<ListArgs>();
  CLI::App* cmd = criteria->add_subcommand(
      "list",
      "List the model sets of the library: id, version, title, product "
      "group, strategies covered (docs/catalog.md)");
  cmd->add_option("--group", args->group, "Only this product group");
  AddLibraryOption(cmd, &args->library);
  cmd->add_option("--format", args->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  return {cmd, [args] { return RunList(*args); }};
}

struct ShowArgs {
  std::string set;
  bool resolved = false;
  std::vector<std::string> library;
};

int RunShow(const ShowArgs& args) {
  const Result<CriteriaSet> set =
      LoadNamedSet(args.set, CatalogLoadOptions(args.library));
  if (PrintDiagnostics(set.diagnostics) || !set.value) {
    return kExitInvalidInput;
  }
  if (args.resolved) {
    WriteOptions options;
    options.origins = true;
    return WriteOutput(WriteCriteriaYaml(*set.value, options), "");
  }
  return WriteDisplayText(RenderSummary(*set.value));
}

std::pair<CLI::App*, Runner> AddShow(CLI::App* criteria) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = criteria->add_subcommand(
      "show",
      "Show a criteria set: a summary, or with --resolved the effective set "
      "as YAML with each criterion's origin (docs/catalog.md)");
  cmd->add_option("SET", args->set,
                  "A model set id (ID or ID@VERSION), a criteria file or a "
                  "tender directory")
      ->required();
  cmd->add_flag("--resolved", args->resolved,
                "Print the effective set as YAML (derived sets resolved, "
                "origins as comments)");
  AddLibraryOption(cmd, &args->library);
  return {cmd, [args] { return RunShow(*args); }};
}

struct DiffArgs {
  std::string a;
  std::string b;
  std::string format = "text";
  std::vector<std::string> library;
};

int RunDiff(const DiffArgs& args) {
  const LoadOptions options = CatalogLoadOptions(args.library);
  const Result<CriteriaSet> a = LoadNamedSet(args.a, options);
  const Result<CriteriaSet> b = LoadNamedSet(args.b, options);
  const bool bad_a = PrintDiagnostics(a.diagnostics) || !a.value;
  const bool bad_b = PrintDiagnostics(b.diagnostics) || !b.value;
  if (bad_a || bad_b) return kExitInvalidInput;
  const CriteriaDiff diff = Diff(*a.value, *b.value);
  // Differences are the answer, not a failure: exit 0 either way.
  return WriteDisplayText(args.format == "json" ? RenderDiffJson(diff)
                                                : RenderDiffText(diff));
}

std::pair<CLI::App*, Runner> AddDiff(CLI::App* criteria) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = criteria->add_subcommand(
      "diff",
      "Compare two criteria sets: criteria added, removed, re-weighted, "
      "re-ruled, moved (exit 0 whether or not they differ)");
  cmd->add_option("A", args->a, "The older set: model id, file or directory")
      ->required();
  cmd->add_option("B", args->b, "The newer set: model id, file or directory")
      ->required();
  cmd->add_option("--format", args->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  AddLibraryOption(cmd, &args->library);
  return {cmd, [args] { return RunDiff(*args); }};
}

struct LintArgs {
  std::vector<std::string> files;
  std::string against;
  bool strict = false;
  std::vector<std::string> library;
};

int RunLint(const LintArgs& args) {
  const LoadOptions options = CatalogLoadOptions(args.library);
  std::optional<CriteriaSet> previous;
  if (!args.against.empty()) {
    Result<CriteriaSet> old = LoadNamedSet(args.against, options);
    if (PrintDiagnostics(old.diagnostics) || !old.value) {
      return kExitInvalidInput;
    }
    previous = std::move(old.value);
  }
  LintOptions lint;
  if (previous) lint.previous = &*previous;
  int errors = 0;
  int warnings = 0;
  std::string out;
  for (const std::string& file : args.files) {
    const Result<CriteriaSet> set = LoadNamedSet(file, options);
    std::vector<Diagnostic> findings = set.diagnostics;
    if (set.value) {
      const std::vector<Diagnostic> more = Lint(*set.value, lint);
      findings.insert(findings.end(), more.begin(), more.end());
    }
    for (const Diagnostic& d : findings) {
      (d.severity == Severity::kError ? errors : warnings) += 1;
      out += d.ToString() + "\n";
    }
  }
  const std::size_t n = args.files.size();
  const std::string sets = std::to_string(n) + (n == 1 ? " set" : " sets");
  if (errors == 0 && warnings == 0) {
    out += "ok: " + sets + ", no findings\n";
  } else {
    out += sets + ": " + std::to_string(errors) +
           (errors == 1 ? " error, " : " errors, ") + std::to_string(warnings) +
           (warnings == 1 ? " warning" : " warnings") +
           (args.strict && warnings > 0 ? " (--strict: warnings fail)" : "") +
           "\n";
  }
  if (const int code = WriteDisplayText(out); code != kExitOk) return code;
  return errors > 0 || (args.strict && warnings > 0) ? kExitInvalidInput
                                                     : kExitOk;
}

std::pair<CLI::App*, Runner> AddLint(CLI::App* criteria) {
  auto args = std::make_shared<LintArgs>();
  CLI::App* cmd = criteria->add_subcommand(
      "lint",
      "Facilitator-quality checks on model sets: documentation, labels, "
      "sources, weights, scale descriptors, stable ids (docs/catalog.md)");
  cmd->add_option("SET", args->files, "Criteria files (or model ids)")
      ->required();
  cmd->add_option("--against", args->against,
                  "The previous version (file or ID@VERSION): ids it has "
                  "that are gone need a new major version");
  cmd->add_flag("--strict", args->strict, "Warnings fail too (exit 1)");
  AddLibraryOption(cmd, &args->library);
  return {cmd, [args] { return RunLint(*args); }};
}

}  // namespace

Runner AddCriteriaCommand(CLI::App& app) {
  CLI::App* criteria = app.add_subcommand(
      "criteria",
      "Work with criteria sets: list, show, diff, lint, export, import");
  criteria->require_subcommand(1);
  std::vector<std::pair<CLI::App*, Runner>> subcommands;
  subcommands.push_back(AddList(criteria));
  subcommands.push_back(AddShow(criteria));
  subcommands.push_back(AddDiff(criteria));
  subcommands.push_back(AddLint(criteria));
  subcommands.push_back(AddExport(criteria));
  subcommands.push_back(AddImport(criteria));
  return [subcommands] {
    for (const auto& [cmd, run] : subcommands) {
      if (cmd->parsed()) return run();
    }
    return static_cast<int>(kExitUsage);
  };
}

}  // namespace circa::cli
