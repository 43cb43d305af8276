// circa analyze CRITERIA BIDS | TENDER_DIR [--reversal] [--sensitivity]
//   [--counterfactual] [--smaa N] [--seed S] [--method M] [-f table|json|md]
//   [-o FILE]
// Loads and scores like `score`, then runs the library's analyses
// (robustness.h, smaa.h, aggregation.h) and renders them with
// report/analysis_report.h. No analysis logic lives here.
#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "circa/aggregation.h"
#include "circa/robustness.h"
#include "circa/smaa.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "report/analysis_report.h"

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

int RunAnalyze(const AnalyzeArgs& args) {
  int failure = kExitUsage;
  std::unique_ptr<io::OutputTarget> out;
  const std::optional<Tender> tender =
      LoadTenderArgs(args.first, args.second, args.panel, args.locale, &failure,
                     args.costs, args.output, &out);
  if (!tender) return failure;
  if (RefuseMoneyAward(tender->criteria, "analyze")) return kExitUsage;
  const CriteriaSet& set = tender->criteria;
  const Result<Scorer> compiled = Scorer::Compile(set);
  if (!compiled.ok()) {
    PrintDiagnostics(compiled.diagnostics);
    return kExitInvalidInput;
  }
  const Scorer& scorer = *compiled.value;
  const BidSet bid_set = BidsMeetingRequirements(
      tender->bids, scorer.Evaluate(tender->bids), true, &set);
  const Evaluation evaluation = scorer.Evaluate(bid_set);

  report::AnalysisReport r;
  r.criteria = &set;
  r.bids = &bid_set;
  r.scorer = &scorer;
  r.evaluation = &evaluation;
  // Without an analysis flag, the three cheap analyses run; --smaa and
  // --method add to whatever else runs.
  const bool all = !args.reversal && !args.sensitivity && !args.counterfactual;
  if (all || args.reversal) {
    r.reversal = ProbeRankReversal(scorer, bid_set.values, evaluation);
  }
  if (all || args.sensitivity) {
    r.sensitivity = AnalyseWeightSensitivity(scorer, evaluation);
  }
  if (all || args.counterfactual) {
    CounterfactualOptions cf;
    cf.bid_ids = bid_set.ids;
    cf.currency = set.currency;
    r.counterfactual =
        FindCounterfactuals(scorer, bid_set.values, evaluation, cf);
  }
  if (args.smaa > 0) {
    SmaaOptions smaa;
    smaa.samples = args.smaa;
    smaa.seed = args.seed;
    // Within the published weight ranges when the set declares any (the
    // output says so); uniform over all weights otherwise.
    UsePublishedRanges(scorer, &smaa);
    Result<SmaaResult> result = Smaa(scorer, evaluation, smaa);
    if (PrintDiagnostics(result.diagnostics) || !result.value) {
      return kExitInvalidInput;
    }
    r.smaa = std::move(*result.value);
  }
  if (!args.method.empty()) {
    const auto method = AggregationFromString(args.method);
    if (!method) {
      std::fprintf(stderr, "circa: error: unknown method '%s'\n",
                   args.method.c_str());
      return kExitUsage;
    }
    r.comparison = Aggregate(evaluation, *method);
  }
  r.width = args.width > 0 ? args.width : TerminalWidth();
  const std::string text = args.format == "json" ? report::RenderAnalysisJson(r)
                           : args.format == "md"
                               ? report::RenderAnalysisMarkdown(r)
                               : report::RenderAnalysisTable(r);
  const FactContext words{&set, &scorer, &evaluation, &bid_set.ids, false};
  for (const Note& note : evaluation.notes) {
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
      ->transform(CLI::IsMember({"table", "json", "md"}, CLI::ignore_case))
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
