// circa score CRITERIA BIDS | TENDER_DIR [--format] [-o FILE]
// Loads the tender, calls Evaluate (circa/evaluate.h) and writes the
// outcome with Render (circa/render.h): no scoring policy lives here.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "circa/evaluate.h"
#include "circa/render.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/language_options.h"

namespace circa::cli {
namespace {

struct ScoreArgs {
  std::string first;
  std::string second;
  std::string format = "table";
  std::string output;
  std::string locale;
  std::string panel;
  std::string costs;
  std::string lang;
  std::string csv_dialect = "auto";
  std::string per_bidder;
  std::string documents;
  std::string precision = "fixed";
  int width = 0;
};

// --documents DIR: every document a buyer signs or sends, each file written
// atomically. A money-based award has no HTML page or workbook.
int WriteDocuments(const Outcome& outcome, const RenderOptions& render,
                   const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "circa: cannot make directory %s: %s\n", dir.c_str(),
                 ec.message().c_str());
    return kExitInternal;
  }
  const std::filesystem::path root(dir);
  for (const auto& [format, name] :
       {std::pair{ReportFormat::kDecision, "decision.md"},
        std::pair{ReportFormat::kHtml, "report.html"},
        std::pair{ReportFormat::kXlsx, "workbook.xlsx"}}) {
    if (!HasOutcomeFormat(outcome, format)) continue;
    if (const int code = WriteOutput(Render(outcome, format, render),
                                     (root / name).string());
        code != kExitOk) {
      return code;
    }
  }
  return WriteLetters(RenderLetters(outcome, render),
                      (root / "letters").string());
}

int RunScore(const ScoreArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  // -f is checked by CLI11 against the same names.
  const ReportFormat format =
      ReportFormatFromString(args.format).value_or(ReportFormat::kTable);
  if (format == ReportFormat::kXlsx &&
      (args.output.empty() || args.output == "-") && isatty(STDOUT_FILENO)) {
    std::fprintf(stderr,
                 "circa: --format xlsx writes a binary workbook; give -o "
                 "FILE.xlsx or redirect standard output\n");
    return kExitUsage;
  }
  int failure = kExitUsage;
  std::unique_ptr<io::OutputTarget> out;
  std::optional<Tender> tender =
      LoadTenderArgs(args.first, args.second, args.panel, args.locale, &failure,
                     args.costs, args.output, &out);
  if (!tender) return failure;
  RenderOptions render;
  render.width = args.width > 0 ? args.width : TerminalWidth();
  // --lang and --csv-dialect are checked by CLI11 against the same names.
  if (!args.lang.empty()) render.language = LanguageFromString(args.lang);
  render.csv_dialect =
      CsvDialectFromString(args.csv_dialect).value_or(CsvDialect::kAuto);
  render.precision = args.precision == "full" ? NumberPrecision::kFull
                                              : NumberPrecision::kFixed;
  const EvaluateOptions options;
  if (!CheckOptions(options) || !CheckOptions(render)) return kExitUsage;

  const Result<Outcome> outcome = Evaluate(std::move(*tender), options);
  if (PrintDiagnostics(outcome.diagnostics) || !outcome.ok()) {
    return kExitInvalidInput;
  }
  if (outcome.value->reversal_probe == ReversalProbeRun::kSkippedLarge) {
    spdlog::info(
        "rank-reversal probe skipped for {} bids (more than {}); run "
        "circa analyze --reversal",
        outcome.value->tender.bids.size(), options.automatic_probe_limit);
  }
  if (!HasOutcomeFormat(*outcome.value, format)) {
    std::fprintf(stderr,
                 "circa: --format %s needs a points evaluation; a set with a "
                 "money-based award (award:) has table, json, csv and md\n",
                 std::string(ToString(format)).c_str());
    return kExitUsage;
  }
  WarnNotes(outcome.value->Notes());
  WarnMissingLabels(outcome.value->tender.criteria, render.language);
  if (format == ReportFormat::kDecision || !args.per_bidder.empty() ||
      !args.documents.empty()) {
    WarnDecisionPlaceholders(outcome.value->tender.criteria);
  }
  if (!args.per_bidder.empty()) {
    if (const int code = WriteLetters(RenderLetters(*outcome.value, render),
                                      args.per_bidder);
        code != kExitOk) {
      return code;
    }
  }
  if (!args.documents.empty()) {
    if (const int code = WriteDocuments(*outcome.value, render, args.documents);
        code != kExitOk) {
      return code;
    }
  }
  // Streamed: each chunk goes out as it is rendered.
  Render(*outcome.value, format, SinkInto(out.get()), render);
  if (const int code = FinishOutput(out.get(), ""); code != kExitOk) {
    return code;
  }

  spdlog::info("scored in {:.1f} ms",
               std::chrono::duration<double, std::milli>(
                   std::chrono::steady_clock::now() - start)
                   .count());
  return kExitOk;
}

}  // namespace

Runner AddScoreCommand(CLI::App& app) {
  auto args = std::make_shared<ScoreArgs>();
  CLI::App* cmd = app.add_subcommand(
      "score",
      "Score bids against a criteria set and print the ranking with reasons");
  cmd->add_option("CRITERIA", args->first,
                  "Criteria set (YAML), or a tender directory holding "
                  "tender.yaml and bids.csv/.yaml/.json")
      ->required();
  cmd->add_option("BIDS", args->second, "Bids (CSV, YAML or JSON)");
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember(
          {"table", "json", "csv", "md", "decision", "html", "xlsx"},
          CLI::ignore_case))
      ->default_str("table");
  cmd->add_option("-o,--output", args->output,
                  "Write to FILE (a regular file is replaced atomically; a "
                  "device or FIFO is written into) instead of stdout")
      ->check(NonEmptyPath());
  AddTenderFileOptions(cmd, &args->locale, &args->panel, &args->costs);
  cmd->add_option("--width", args->width,
                  "Table width in columns (default: the terminal, or 100)")
      ->check(CLI::Range(40, 1000));
  AddLanguageOptions(cmd, &args->lang, &args->csv_dialect);
  cmd->add_option("--precision", args->precision,
                  "JSON numbers: fixed (6 decimals, default) or full "
                  "(shortest text that reads back as the same double)")
      ->check(CLI::IsMember({"fixed", "full"}))
      ->default_str("fixed");
  cmd->add_option("--per-bidder", args->per_bidder,
                  "Also write a notification letter per bidder into DIR "
                  "(<bid>.md: its own scores and the chosen bid's)")
      ->check(NonEmptyPath());
  cmd->add_option("--documents", args->documents,
                  "Also write the buyer's documents into DIR: decision.md, "
                  "report.html, workbook.xlsx and letters/<bid>.md, in the "
                  "result language")
      ->check(NonEmptyPath());
  return [args] { return RunScore(*args); };
}

}  // namespace circa::cli
