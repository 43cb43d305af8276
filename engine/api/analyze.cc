// Analyze (circa/analyze.h): which bids are analysed and which analyses
// run. The policy `circa analyze` used to hold lives here.
#include "circa/analyze.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "api/select.h"
#include "circa/direction.h"
#include "circa/validate.h"

namespace circa {

bool AnalyzeOptions::IsValid(std::string* why) const {
  std::string reason;
  if (!reversal_options.IsValid(&reason)) {
    reason = "reversal_options." + reason;
  } else if (!counterfactual_options.IsValid(&reason)) {
    reason = "counterfactual_options." + reason;
  } else if (smaa && !smaa->IsValid(&reason)) {
    reason = "smaa." + reason;
  } else if (comparison && !comparison->IsValid(&reason)) {
    reason = "comparison." + reason;
  } else {
    return true;
  }
  if (why != nullptr) *why = std::move(reason);
  return false;
}

namespace {

// The comparison method on the analysed bids: their scores (higher is
// better), or their raw values with each column's sense from its rule
// (LowerIsBetter); PROMETHEE thresholds named by criterion id go to their
// columns.
Result<AggregationResult> Compare(const AnalysisResult& r,
                                  const AnalyzeOptions& options) {
  Result<AggregationResult> out;
  AggregationOptions o = *options.comparison;
  const std::vector<Column>& columns = r.scorer.columns();
  const auto n = static_cast<Eigen::Index>(columns.size());
  if (!options.comparison_preference.empty()) {
    o.preference.assign(columns.size(), o.preference_all);
    for (const auto& entry : options.comparison_preference) {
      const auto& id = entry.first;
      const auto& c = entry.second;
      const auto it =
          std::find_if(columns.begin(), columns.end(),
                       [&id](const Column& col) { return col.id == id; });
      if (it == columns.end()) {
        out.diagnostics.push_back({Severity::kError,
                                   {},
                                   "comparison.preference",
                                   fmt::format("no leaf criterion '{}' in {}",
                                               id, r.tender.criteria.source)});
        continue;
      }
      o.preference[static_cast<std::size_t>(it - columns.begin())] = c;
    }
    if (HasErrors(out.diagnostics)) return out;
    if (std::string why; !o.IsValid(&why)) {
      out.diagnostics.push_back(
          {Severity::kError, {}, "comparison.preference", why});
      return out;
    }
  }
  if (o.input == AggregationInput::kScores) {
    out.value = Aggregate(r.evaluation, o);
    return out;
  }
  Eigen::MatrixXd values(r.bids.values.rows(), n);
  std::vector<bool> cost(columns.size());
  for (Eigen::Index j = 0; j < n; ++j) {
    const Column& col = columns[static_cast<std::size_t>(j)];
    const auto it =
        std::find(r.bids.criteria.begin(), r.bids.criteria.end(), col.id);
    const Eigen::Index k =
        it == r.bids.criteria.end()
            ? j
            : static_cast<Eigen::Index>(it - r.bids.criteria.begin());
    values.col(j) = r.bids.values.col(k);
    cost[static_cast<std::size_t>(j)] = LowerIsBetter(col.rule);
  }
  out.value = AggregateMatrix(values, r.evaluation.weights, cost, o);
  return out;
}

Result<AnalysisResult> AnalyzeOwned(Tender tender,
                                    const AnalyzeOptions& options) {
  Result<AnalysisResult> result;
  const auto error = [&result](std::string path, std::string message) {
    result.diagnostics.push_back(
        {Severity::kError, {}, std::move(path), std::move(message)});
    return std::move(result);
  };
  if (std::string why; !options.IsValid(&why)) return error("options", why);
  if (tender.criteria.award) {
    return error("award",
                 fmt::format("{} ranks bids on money (award: {}), not on "
                             "points; only points-based sets are analysed",
                             tender.criteria.source,
                             ToString(tender.criteria.award->method)));
  }
  // A draft criterion (an import's placeholder rule) is never scored.
  result.diagnostics = DraftCriteria(tender.criteria, Severity::kError);
  if (!result.diagnostics.empty()) return result;
  Result<Scorer> compiled = Scorer::Compile(tender.criteria);
  if (!compiled.ok()) {
    result.diagnostics = std::move(compiled.diagnostics);
    return result;
  }
  Scorer scorer = std::move(*compiled.value);
  Evaluation full = scorer.Evaluate(tender.bids);
  // The bids the award excluded at any stage are out of the ranking, so no
  // analysis of the ranking concerns them: left out, as `circa score` does.
  // One pass sorts every bid into analysed or left out.
  const std::size_t count = full.status.size();
  std::vector<int> analysed;
  analysed.reserve(count);
  std::vector<LeftOutBid> left_out;
  for (std::size_t i = 0; i < count; ++i) {
    const bool excluded = i < full.exclusion.size() &&
                          full.exclusion[i].stage != ExclusionStage::kNone;
    if (excluded) {
      left_out.push_back({static_cast<int>(i), full.exclusion[i]});
    } else {
      analysed.push_back(static_cast<int>(i));
    }
  }
  BidSet bids = tender.bids.Subset(analysed);
  // With nothing left out, the analysed bids are the bids: no re-scoring.
  Evaluation evaluation = left_out.empty() ? full : scorer.Evaluate(bids);
  AnalysisResult r{
      std::move(tender),   std::move(scorer),   std::move(full),
      std::move(bids),     std::move(analysed), std::move(evaluation),
      std::move(left_out), std::nullopt,        std::nullopt,
      std::nullopt,        std::nullopt,        std::nullopt,
      std::nullopt};

  if (options.reversal) {
    r.reversal = ProbeRankReversal(r.scorer, r.bids.values, r.evaluation,
                                   options.reversal_options);
  }
  if (options.sensitivity) {
    r.sensitivity = AnalyseWeightSensitivity(r.scorer, r.evaluation);
  }
  if (options.counterfactual) {
    CounterfactualOptions cf = options.counterfactual_options;
    cf.bid_ids = r.bids.ids;
    cf.currency = r.tender.criteria.currency;
    r.counterfactual =
        FindCounterfactuals(r.scorer, r.bids.values, r.evaluation, cf);
    if (!r.left_out.empty()) {
      r.eligibility = FindEligibilityCounterfactuals(
          r.scorer, r.tender.bids.values, r.full_evaluation);
    }
  }
  if (options.smaa) {
    SmaaOptions smaa = *options.smaa;
    // Within the published weight ranges when the set declares any (the
    // output says so).
    if (options.smaa_within_published_ranges) {
      UsePublishedRanges(r.scorer, &smaa);
    }
    Result<SmaaResult> s = Smaa(r.scorer, r.evaluation, smaa);
    result.diagnostics = std::move(s.diagnostics);
    if (!s.ok() || HasErrors(result.diagnostics)) return result;
    r.smaa = std::move(s.value);
  }
  if (options.comparison) {
    Result<AggregationResult> c = Compare(r, options);
    result.diagnostics.insert(result.diagnostics.end(), c.diagnostics.begin(),
                              c.diagnostics.end());
    if (!c.ok()) return result;
    r.comparison = std::move(c.value);
  }
  result.value = std::move(r);
  return result;
}

}  // namespace

Result<AnalysisResult> Analyze(const Tender& tender,
                               const AnalyzeOptions& options) {
  return AnalyzeOwned(tender, options);
}

Result<AnalysisResult> Analyze(Tender&& tender, const AnalyzeOptions& options) {
  return AnalyzeOwned(std::move(tender), options);
}

}  // namespace circa
