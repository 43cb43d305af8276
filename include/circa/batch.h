// Batch comparison (docs/batch.md): re-scoring many tenders under their
// published rules and under scenarios — another price rule, another price
// weight, other weights for a strategy or type of criterion, a dropped
// criterion, another aggregation method — and summing up, per product
// group and year, how often the winner flips, the margins, how often the
// lowest price won, the premium paid and the points that went to circular
// criteria. Built on Evaluate (circa/evaluate.h) and Scorer.
#ifndef CIRCA_BATCH_H_
#define CIRCA_BATCH_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "circa/archive.h"
#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/tender.h"

namespace circa {

// One scenario of a scenarios file (docs/batch.md). Every change is
// optional; they apply in this order: drop, price rule, weight factors,
// price weight, method.
struct Scenario {
  std::string name;
  // Leaf or group ids to drop; the other weights keep their proportions.
  std::vector<std::string> drop;
  // Another rule for every price leaf (CriterionType::kPrice).
  std::optional<Rule> price_rule;
  // linear-ceiling: the ceiling as a multiple of the highest price bid
  // (derived per tender); logarithmic: zero_at.
  double ceiling_factor = 1.0;
  std::optional<double> zero_at;
  // The price leaves' share of the scale (0.3: 30 %), the others rescaled.
  std::optional<double> price_weight;
  // Multiply the weight of the leaves with this strategy, or this type,
  // then rescale all to the set's scale.
  struct Factor {
    std::optional<Strategy> strategy;
    std::optional<CriterionType> type;
    double factor = 1;
  };
  std::vector<Factor> factors;
  // Another aggregation method: "weighted-sum" (the default), "topsis",
  // "weighted-product", or any name AggregationFromString knows.
  std::string method;
};

// Reads a scenarios file: `scenarios:` a list of {name, drop, price-rule,
// ceiling-factor, zero-at, price-weight, weights: [{strategy|type,
// factor}], method}. Errors are located diagnostics.
Result<std::vector<Scenario>> ParseScenarios(std::string_view text,
                                             const std::string& file_name);

// `tender` with `scenario` applied to its criteria set (and the bids'
// columns of dropped criteria removed). Errors: a dropped id that does not
// exist, a scenario leaving no criterion, a price weight without a price
// criterion (path "scenarios[name]").
Result<Tender> ApplyScenario(const Tender& tender, const Scenario& scenario);
// The same, changing `tender` in place (no copy of it).
Result<Tender> ApplyScenario(Tender&& tender, const Scenario& scenario);

struct BatchOptions {
  // Probe the published award for rank reversal (fragility).
  bool reversal = true;
  // SMAA samples for the winner's first-rank acceptability; 0: not run.
  int smaa = 0;
  std::uint64_t smaa_seed = 1;
  bool IsValid(std::string* why) const {
    if (smaa >= 0) return true;
    if (why != nullptr) *why = "smaa: must be >= 0";
    return false;
  }
};

// One scenario's outcome on one tender.
struct ScenarioResult {
  std::string scenario;
  std::string winner;  // bid id; empty when no bid was ranked
  bool flip = false;   // the winner differs from the published rules'
  double margin = 0;   // winner's value minus the runner-up's
  std::string error;   // the scenario does not apply to this tender
  std::vector<int> ranks;
  std::vector<double> totals;
};

// Everything a batch found about one tender.
struct TenderBatchResult {
  std::int64_t tender_id = 0;
  std::string path;
  TenderInfo info;
  std::string hash;
  std::string error;  // not empty: the tender could not be loaded or scored
  int bids = 0;
  int ranked = 0;
  std::string winner;     // under the published rules, recomputed
  bool mismatch = false;  // differs from info.published_winner (when known)
  double margin = 0;      // points between the winner and the runner-up
  // Price: the share of the scale on price leaves, the lowest ranked price
  // and the winner's; premium = winner / lowest - 1.
  bool has_price = false;
  double price_share = 0;
  double lowest_price = 0;
  double winner_price = 0;
  bool lowest_won = false;
  double premium = 0;
  // Share of the scale on leaves with any circular strategy, per strategy
  // (AllStrategies() order) and per criterion type (price, cost, quality).
  double circular_share = 0;
  std::vector<double> strategy_share;
  double type_share[3] = {0, 0, 0};
  // Fragility: probes that changed the winner, and with BatchOptions::smaa
  // the winner's first-rank acceptability.
  bool reversal_probed = false;
  int reversals = 0;
  std::optional<double> acceptability;
  std::vector<int> ranks;
  std::vector<double> totals;
  std::vector<double> points;  // bids x leaves, row-major
  std::vector<ScenarioResult> scenarios;
};

// Scores one tender under its published rules and each scenario. Never
// fails: a tender that cannot be scored has `error` set.
TenderBatchResult ScoreTender(const Tender& tender,
                              const std::vector<Scenario>& scenarios,
                              const BatchOptions& options = {});
// The same on a criteria set and bids held apart (the tenders of a stream
// share their set: TenderLine).
TenderBatchResult ScoreTender(const CriteriaSet& criteria, const BidSet& bids,
                              const std::vector<Scenario>& scenarios,
                              const BatchOptions& options = {});
// The same on a set shared by many tenders (a stream's lines of the same
// criteria text): the set's compilation, and the compiled set of each
// scenario that does not read the bids (anything but a dropped criterion
// or a linear-ceiling price rule), are kept per thread while the same set
// is given, and reused: the results are those of the overload above.
TenderBatchResult ScoreTender(
    const std::shared_ptr<const CriteriaSet>& criteria, const BidSet& bids,
    const std::vector<Scenario>& scenarios, const BatchOptions& options = {});

// Margins are summarised by these quantiles.
struct Quantiles {
  double min = 0, p25 = 0, median = 0, p75 = 0, max = 0;
};

// The price weight against the premium paid: tenders whose price share
// falls in [lo, hi).
struct PriceWeightBand {
  double lo = 0, hi = 0;
  int tenders = 0;  // with a price criterion and a ranked winner
  int lowest_won = 0;
  double mean_premium = 0;
};

// The summary of one group of tenders (a product group and a year; the
// group "" / 0 is every tender).
struct BatchGroup {
  std::string product_group;
  int year = 0;
  int tenders = 0;  // scored
  int failed = 0;
  int mismatches = 0;
  int fragile = 0;
  std::vector<int> flips;  // per scenario
  std::vector<int> scenario_errors;
  Quantiles margins;
  int with_price = 0;
  int lowest_won = 0;
  double mean_premium = 0;
  double mean_price_share = 0;
  double mean_circular_share = 0;
  std::vector<double> mean_strategy_share;
  double mean_type_share[3] = {0, 0, 0};
  std::vector<PriceWeightBand> bands;
};

struct BatchSummary {
  std::vector<std::string> scenarios;
  std::vector<BatchGroup> groups;  // every tender first, then by group, year
};

// Accumulates results (any order) and sums them up.
class BatchSummariser {
 public:
  explicit BatchSummariser(std::vector<std::string> scenarios);
  void Add(const TenderBatchResult& result);
  BatchSummary Summary() const;

 private:
  struct Acc;
  std::vector<std::string> scenarios_;
  std::map<std::pair<std::string, int>, std::shared_ptr<Acc>> accs_;
  Acc& AccFor(const std::string& group, int year);
};

// Output formats of a batch (docs/batch.md).
enum class BatchFormat { kTable, kMarkdown, kCsv, kJsonLines };
std::optional<BatchFormat> BatchFormatFromString(std::string_view text);

// Writers: a header (before the first tender), one tender, the summary.
// CSV and JSON lines write one line per tender; JSON lines write the
// summary as a last record with "record": "summary".
std::string RenderBatchHeader(BatchFormat format,
                              const std::vector<std::string>& scenarios);
std::string RenderBatchTender(BatchFormat format,
                              const TenderBatchResult& result);
std::string RenderBatchSummary(BatchFormat format, const BatchSummary& summary);

// One tender of a JSON-lines input (docs/batch.md, "Streaming"):
// {"id", "criteria" (a criteria set as YAML or JSON text), "bids" (CSV
// text), "record" (optional, as record.yaml)}. Errors name the line.
Result<Tender> ParseTenderLine(std::string_view line, int line_number,
                               TenderInfo* info);

// The same, the criteria set shared with the other lines that give the same
// criteria text (read once, see docs/batch.md) instead of copied.
struct TenderLine {
  std::shared_ptr<const CriteriaSet> criteria;
  BidSet bids;
};
Result<TenderLine> ReadTenderLine(std::string_view line, int line_number,
                                  TenderInfo* info);

}  // namespace circa

#endif  // CIRCA_BATCH_H_
