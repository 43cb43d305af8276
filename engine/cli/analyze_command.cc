// circa analyze CRITERIA BIDS | TENDER_DIR [--reversal] [--sensitivity]
//   [--counterfactual] [--smaa N] [--seed S] [--method M [method options]]
//   [-f table|json|md] [--precision fixed|full] [-o FILE]
// Loads the tender, calls Analyze (circa/analyze.h) and writes the result
// with Render (circa/render.h). No analysis policy lives here.
#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "circa/analyze.h"
#include "circa/render.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/language_options.h"

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
  // Method options (docs/aggregation.md); empty: the method's default.
  std::string normalisation;
  std::string distance;
  std::string exponents;
  std::string objective_weights;
  std::string method_input;
  double lambda = 0.5;
  double vikor_v = 0.5;
  std::vector<std::string> preference;
  std::string precision = "fixed";
  std::string format = "table";
  std::string lang;  // --lang (docs/translating.md)
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

// --preference [CRITERION=]FUNCTION[:q=X][:p=Y][:s=Z], e.g.
// "linear:q=0.05:p=0.3" or "price=v-shape:p=0.2". Parsed into `id` (empty:
// every criterion) and `c`; the reason on failure.
std::string ParsePreference(const std::string& text, std::string* id,
                            PreferenceCriterion* c) {
  std::string rest = text;
  id->clear();
  if (const auto eq = rest.find('=');
      eq != std::string::npos && rest.find(':') > eq) {
    *id = rest.substr(0, eq);
    rest = rest.substr(eq + 1);
    if (id->empty()) return "empty criterion id in '" + text + "'";
  }
  const auto colon = rest.find(':');
  const std::string name = rest.substr(0, colon);
  const auto f = PreferenceFunctionFromString(name);
  if (!f) {
    return "unknown preference function '" + name +
           "' (usual, u-shape, v-shape, level, linear, gaussian)";
  }
  *c = PreferenceCriterion{};
  c->function = *f;
  std::string params =
      colon == std::string::npos ? std::string() : rest.substr(colon + 1);
  while (!params.empty()) {
    const auto next = params.find(':');
    const std::string item = params.substr(0, next);
    params =
        next == std::string::npos ? std::string() : params.substr(next + 1);
    if (item.size() < 3 || item[1] != '=' ||
        (item[0] != 'q' && item[0] != 'p' && item[0] != 's')) {
      return "expected q=NUMBER, p=NUMBER or s=NUMBER, got '" + item + "'";
    }
    double value = 0;
    const char* end = item.data() + item.size();
    const auto [ptr, ec] = std::from_chars(item.data() + 2, end, value);
    if (ec != std::errc() || ptr != end) {
      return "expected a number after '" + item.substr(0, 2) + "', got '" +
             item.substr(2) + "'";
    }
    (item[0] == 'q' ? c->q : item[0] == 'p' ? c->p : c->s) = value;
  }
  return "";
}

CLI::Validator PreferenceValidator() {
  return CLI::Validator(
      [](const std::string& value) {
        std::string id;
        PreferenceCriterion c;
        return ParsePreference(value, &id, &c);
      },
      "[CRITERION=]FUNCTION[:q=X][:p=Y][:s=Z]");
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
  // --method and its options are checked by CLI11 against the same names.
  if (!args.method.empty()) {
    AggregationOptions c(
        AggregationFromString(args.method).value_or(Aggregation::kWeightedSum));
    if (!args.normalisation.empty()) {
      c.normalisation = NormalisationFromString(args.normalisation);
    }
    c.distance =
        DistanceFromString(args.distance).value_or(Distance::kEuclidean);
    c.exponents = ProductExponentsFromString(args.exponents)
                      .value_or(ProductExponents::kShares);
    c.weights = ObjectiveWeightsFromString(args.objective_weights)
                    .value_or(ObjectiveWeights::kPublished);
    c.input = AggregationInputFromString(args.method_input)
                  .value_or(AggregationInput::kScores);
    c.lambda = args.lambda;
    c.v = args.vikor_v;
    for (const std::string& text : args.preference) {
      std::string id;
      PreferenceCriterion p;
      ParsePreference(text, &id, &p);  // checked by PreferenceValidator
      if (id.empty()) {
        c.preference_all = p;
      } else {
        options.comparison_preference.emplace_back(id, p);
      }
    }
    options.comparison = c;
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
  render.precision = args.precision == "full" ? NumberPrecision::kFull
                                              : NumberPrecision::kFixed;
  if (!args.lang.empty()) render.language = LanguageFromString(args.lang);
  if (!CheckOptions(options) || !CheckOptions(render)) return kExitUsage;
  WarnMissingLabels(tender->criteria, render.language);

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
  CLI::Option* method =
      cmd->add_option("--method", args->method,
                      "Also rank by this method, for comparison only (the "
                      "award ranks by weighted sum; docs/aggregation.md)")
          ->check(CLI::IsMember({"weighted-sum", "topsis", "weighted-product",
                                 "waspas", "vikor", "promethee"}));
  cmd->add_option("--normalisation", args->normalisation,
                  "Column scale for --method (default: the method's own; "
                  "not for vikor or promethee)")
      ->check(
          CLI::IsMember({"vector", "min-max", "max", "sum", "linear", "none"}))
      ->needs(method);
  cmd->add_option("--distance", args->distance,
                  "TOPSIS distance (default euclidean)")
      ->check(CLI::IsMember({"euclidean", "manhattan"}))
      ->needs(method);
  cmd->add_option("--exponents", args->exponents,
                  "Weights of the weighted product and WASPAS: shares of their "
                  "sum (default) or raw, as given")
      ->check(CLI::IsMember({"shares", "raw"}))
      ->needs(method);
  cmd->add_option("--lambda", args->lambda,
                  "WASPAS: share of the weighted sum, 0 to 1 (default 0.5)")
      ->check(CLI::Range(0.0, 1.0))
      ->needs(method);
  cmd->add_option("--vikor-v", args->vikor_v,
                  "VIKOR: weight of the majority strategy S against the "
                  "regret R, 0 to 1 (default 0.5)")
      ->check(CLI::Range(0.0, 1.0))
      ->needs(method);
  cmd->add_option("--preference", args->preference,
                  "PROMETHEE preference function and thresholds, for every "
                  "criterion or one (repeatable): "
                  "[CRITERION=]FUNCTION[:q=X][:p=Y][:s=Z]")
      ->check(PreferenceValidator())
      ->needs(method);
  cmd->add_option("--objective-weights", args->objective_weights,
                  "Rank with weights computed from the data (entropy or "
                  "critic) instead of the published ones: analysis only, "
                  "never for an award")
      ->check(CLI::IsMember({"entropy", "critic"}))
      ->needs(method);
  cmd->add_option("--method-input", args->method_input,
                  "What --method aggregates: the rules' scores (default) or "
                  "the bids' raw values")
      ->check(CLI::IsMember({"scores", "values"}))
      ->needs(method);
  cmd->add_option("--precision", args->precision,
                  "JSON numbers: fixed (6 decimals, default) or full "
                  "(shortest text that reads back as the same double)")
      ->check(CLI::IsMember({"fixed", "full"}))
      ->default_str("fixed");
  cmd->add_option("--lang", args->lang,
                  "Language of the table, Markdown and HTML: nl, fr or en "
                  "(default: the criteria set's language:, else en)")
      ->check(CLI::IsMember({"nl", "fr", "en"}));
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
