// Analysing a tender: the one entry point that gives what `circa analyze`
// gives — how robust the award is (rank reversal, weight sensitivity,
// counterfactuals, and on request SMAA and a comparison with another
// aggregation method). Render (circa/render.h) writes the result. See
// docs/api.md and docs/robustness.md.
#ifndef CIRCA_ANALYZE_H_
#define CIRCA_ANALYZE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "circa/aggregation.h"
#include "circa/bids.h"
#include "circa/diagnostics.h"
#include "circa/evaluation.h"
#include "circa/robustness.h"
#include "circa/scorer.h"
#include "circa/smaa.h"
#include "circa/tender.h"

namespace circa {

struct AnalyzeOptions {
  // The rank-reversal probe (ProbeRankReversal). Runs by default.
  bool reversal = true;
  // The smallest change of each weight that changes the winner
  // (AnalyseWeightSensitivity). Runs by default.
  bool sensitivity = true;
  // The smallest single change that makes each losing bid win
  // (FindCounterfactuals). Runs by default.
  bool counterfactual = true;
  // SMAA with these options when set (Smaa); not run by default, since it
  // scores `samples` weight vectors.
  std::optional<SmaaOptions> smaa;
  // SMAA draws the weights within the weight ranges the criteria set
  // publishes, when it publishes any (UsePublishedRanges); false: within
  // smaa->ranges and smaa->group_ranges as given.
  bool smaa_within_published_ranges = true;
  // Also rank by this method with these options, for comparison only
  // (AggregateMatrix, docs/aggregation.md); the award always ranks by
  // weighted sum. Not run by default. `comparison = Aggregation::kTopsis`
  // asks for a method with its default options.
  std::optional<AggregationOptions> comparison;
  // PROMETHEE thresholds of named leaf criteria (ids of the set), overriding
  // comparison->preference_all for their columns. An unknown id is an error
  // diagnostic ("comparison.preference").
  std::vector<std::pair<std::string, PreferenceCriterion>>
      comparison_preference;
  // Options of the rank-reversal probe.
  ReversalOptions reversal_options;
  // Options of the counterfactuals. bid_ids and currency are filled in by
  // Analyze from the analysed bids and the criteria set.
  CounterfactualOptions counterfactual_options;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why) const;
};

// A bid the analyses leave out, and why: it was excluded from the award at
// some stage (a minimum requirement, a minimum score, the max-pass cut), so
// no analysis of the ranking concerns it, and no change of its price could
// make it win.
struct LeftOutBid {
  int bid = -1;         // index into AnalysisResult::tender.bids
  Exclusion exclusion;  // the stage, the rule and why (as `circa score`)
};

// Everything one analysis produced, holding everything it refers to.
struct AnalysisResult {
  Tender tender;  // what was analysed, every bid included
  Scorer scorer;  // the compiled criteria set
  // The evaluation of every bid of the tender, as Evaluate ranks them.
  Evaluation full_evaluation;
  // The bids the analyses ran on: those not excluded at any stage, in
  // bid-file order; analysed[k] is the index in tender.bids of bid k.
  BidSet bids;
  std::vector<int> analysed;
  // The evaluation of `bids` alone: what every analysis below reads.
  Evaluation evaluation;
  // The bids left out, in bid-file order.
  std::vector<LeftOutBid> left_out;

  // Each analysis that ran (AnalyzeOptions); nullopt: not run.
  std::optional<RankReversalResult> reversal;
  std::optional<SensitivityResult> sensitivity;
  std::optional<CounterfactualResult> counterfactual;
  // With the counterfactuals, when some bid was left out: what would make
  // each left-out bid eligible (FindEligibilityCounterfactuals on every
  // bid; its indices are into tender.bids and full_evaluation).
  std::optional<EligibilityResult> eligibility;
  std::optional<SmaaResult> smaa;
  std::optional<AggregationResult> comparison;
};

// Analyses a points award: compiles and evaluates every bid, leaves out the
// bids excluded at any stage (AnalysisResult::left_out), evaluates the rest
// again and runs the analyses `options` asks for on them. A set with a
// money-based award (`award:`) has no points to analyse: an error
// diagnostic with path "award". Invalid options, and SMAA ranges no weight
// vector fits, are error diagnostics ("options", "smaa...").
Result<AnalysisResult> Analyze(const Tender& tender,
                               const AnalyzeOptions& options = {});
Result<AnalysisResult> Analyze(Tender&& tender,
                               const AnalyzeOptions& options = {});

}  // namespace circa

#endif  // CIRCA_ANALYZE_H_
