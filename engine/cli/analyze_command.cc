// circa analyze CRITERIA BIDS | TENDER_DIR [--reversal] [--sensitivity]
//   [--counterfactual] [--smaa N] [--seed S] [--method M] [-f table|json|md]
//   [-o FILE]
// Loads the tender, calls Analyze (circa/analyze.h) and writes the result
// with Render (circa/render.h). No analysis policy lives here.
#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdint>
#include <memory>
#include <utility>

#include "circa/analyze.h"
#include "circa/render.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace circa::cli {
namespace {

struct AnalyzeArgs {
  std::string first;
  std::string second;
  bool reversal = false;
  bool sensitivity = false;
  bool counterfactual = false;
  int smaa = 0;  // samples; 0: no SMAA
  std::uint64_t seed = 1;
  std::string method;
  std::string format = "table";
  std::string output;
  std::string locale;
  std::string panel;
  std::string costs;
  int width = 0;
};

// --seed: digits only, at most 2^64-1. CLI11 alone would wrap "-1" to
// 2^64-1 rather than refuse it.
CLI::Validator SeedValidator() {
  return CLI::Validator(
      [](const std::string& value) {
        std::uint64_t seed = 0;
        const char* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, seed);
        if (value.empty() || value[0] < '0' || value[0] > '9' ||
            ec != std::errc() || ptr != end) {
          return "expected a whole number from 0 to 18446744073709551615, "
                 "got '" +
                 value + "'";
        }
        return std::string();
      },
      "UINT64");
}

// The options the flags ask for: without an analysis flag the defaults
// (the three cheap analyses) run; --smaa and --method add to them.
AnalyzeOptions OptionsFromArgs(const AnalyzeArgs& args) {
  AnalyzeOptions options;
  if (args.reversal || args.sensitivity || args.counterfactual) {
    options.reversal = args.reversal;
    options.sensitivity = args.sensitivity;
    options.counterfactual = args.counterfactual;
  }
  if (args.smaa > 0) {
    SmaaOptions smaa;
    smaa.samples = args.smaa;
    smaa.seed = args.seed;
    options.smaa = smaa;
  }
  // --method is checked by CLI11 against the same names.
  if (!args.method.empty()) {
    options.comparison = AggregationFromString(args.method);
  }
  return options;
}

int RunAnalyze(const AnalyzeArgs& args) {
  int failure = kExitUsage;
  std::unique_ptr<io::OutputTarget> out;
  std::optional<Tender> tender =
      LoadTenderArgs(args.first, args.second, args.panel, args.locale, &failure,
                     args.costs, args.output, &out);
  if (!tender) return failure;
  if (RefuseMoneyAward(tender->criteria, "analyze")) return kExitUsage;
  const AnalyzeOptions options = OptionsFromArgs(args);
  RenderOptions render;
  render.width = args.width > 0 ? args.width : TerminalWidth();
  if (!CheckOptions(options) || !CheckOptions(render)) return kExitUsage;

  const Result<AnalysisResult> analysis = Analyze(std::move(*tender), options);
  if (PrintDiagnostics(analysis.diagnostics) || !analysis.ok()) {
    return kExitInvalidInput;
  }
  const AnalysisResult& a = *analysis.value;
  const FactContext all_words{&a.tender.criteria, &a.scorer, &a.full_evaluation,
                              &a.tender.bids.ids, false};
  for (const LeftOutBid& b : a.left_out) {
    spdlog::warn("bid {} {}; it is left out of the analyses",
                 a.tender.bids.ids[static_cast<std::size_t>(b.bid)],
                 DescribeExclusion(b.exclusion, all_words));
  }
  // -f is checked by CLI11 against table, json, md and html.
  const std::string text = Render(
      a, ReportFormatFromString(args.format).value_or(ReportFormat::kTable),
      render);
  const FactContext words{&a.tender.criteria, &a.scorer, &a.evaluation,
                          &a.bids.ids, false};
  for (const Note& note : a.evaluation.notes) {
    spdlog::warn("{}", DescribeNote(note, words));
  }

  return FinishOutput(out.get(), text);
}

}  // namespace

Runner AddAnalyzeCommand(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "How robust the award is: rank reversal, weight sensitivity, "
      "counterfactuals, and optionally SMAA and other aggregation methods");
  cmd->add_option("CRITERIA", args->first,
                  "Criteria set (YAML), or a tender directory holding "
                  "tender.yaml and bids.csv/.yaml/.json")
      ->required();
  cmd->add_option("BIDS", args->second, "Bids (CSV, YAML or JSON)");
  cmd->add_flag("--reversal", args->reversal,
                "Rank-reversal probe (withdraw each losing bid, add a "
                "dominated one)");
  cmd->add_flag("--sensitivity", args->sensitivity,
                "Smallest change of each weight that changes the winner");
  cmd->add_flag("--counterfactual", args->counterfactual,
                "Smallest single change that makes each losing bid win");
  CLI::Option* smaa =
      cmd->add_option("--smaa", args->smaa,
                      "Also run SMAA with N random weight vectors (within "
                      "the published weight ranges, if the set has any)")
          ->check(CLI::Range(1, 10000000));
  cmd->add_option("--seed", args->seed,
                  "Seed of the SMAA draws, 0 to 2^64-1 (default 1)")
      ->check(SeedValidator())
      ->needs(smaa);
  cmd->add_option("--method", args->method,
                  "Also rank by this method, for comparison only (the award "
                  "ranks by weighted sum)")
      ->check(CLI::IsMember({"weighted-sum", "topsis", "weighted-product"}));
  cmd->add_option("-f,--format", args->format, "Output format")
      ->transform(
          CLI::IsMember({"table", "json", "md", "html"}, CLI::ignore_case))
      ->default_str("table");
  cmd->add_option("-o,--output", args->output,
                  "Write to FILE (a regular file is replaced atomically; a "
                  "device or FIFO is written into) instead of stdout")
      ->check(NonEmptyPath());
  AddTenderFileOptions(cmd, &args->locale, &args->panel, &args->costs);
  cmd->add_option("--width", args->width,
                  "Table width in columns (default: the terminal, or 100)")
      ->check(CLI::Range(40, 1000));
  return [args] { return RunAnalyze(*args); };
}

}  // namespace circa::cli
