// Rendering of `circa analyze` (docs/cli.md, docs/result-format.md): pure
// functions of the analysis results, no scoring. The table is plain words
// for a reader; the JSON (schema circa.analysis/1) is for programs; the
// Markdown is the table's content as a document for the award file.
#ifndef CIRCA_ENGINE_REPORT_ANALYSIS_REPORT_H_
#define CIRCA_ENGINE_REPORT_ANALYSIS_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "circa/aggregation.h"
#include "circa/analyze.h"
#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"
#include "circa/language.h"
#include "circa/render.h"
#include "circa/robustness.h"
#include "circa/scorer.h"
#include "circa/smaa.h"

namespace circa::report {

// Everything one analysis run produced (public: circa/analyze.h's
// AnalysisResult, rendered by circa/render.h). The pointers must outlive the
// report; an analysis that was not run is null.
struct AnalysisReport {
  const CriteriaSet* criteria = nullptr;
  const BidSet* bids = nullptr;
  const Scorer* scorer = nullptr;
  const Evaluation* evaluation = nullptr;
  // The tender's bids, every one, and those the analyses left out (bids
  // are indices into all_bids); none when null.
  const BidSet* all_bids = nullptr;
  const std::vector<LeftOutBid>* left_out = nullptr;
  const RankReversalResult* reversal = nullptr;
  const SensitivityResult* sensitivity = nullptr;
  const CounterfactualResult* counterfactual = nullptr;
  const SmaaResult* smaa = nullptr;
  const AggregationResult* comparison = nullptr;  // --method
  // What would make each excluded bid eligible (FindEligibilityCounterfactuals
  // on the full bid set). Its bid indices are into `all_bids` and
  // `all_evaluation`, the full set's, when the other analyses ran on the
  // bids that stayed in; null: `bids` and `evaluation`.
  const EligibilityResult* eligibility = nullptr;
  const Evaluation* all_evaluation = nullptr;
  int width = 100;  // table columns
  // The language of the table and Markdown (docs/translating.md); the JSON
  // stays English.
  Language language = Language::kEnglish;
};

// The smallest single weight change (over all leaf criteria, up or down)
// that changes the winner, if any.
struct SmallestWeightChange {
  int column = -1;
  double delta = 0;  // signed, points
  int new_winner = -1;
};
std::optional<SmallestWeightChange> FindSmallestWeightChange(
    const SensitivityResult& sensitivity);

// The first line of the table: whether and how far the award is robust.
std::string AnalysisHeadline(const AnalysisReport& report);

std::string RenderAnalysisTable(const AnalysisReport& report);
std::string RenderAnalysisJson(const AnalysisReport& report);
// A Markdown document for an award file (docs/robustness.md, "Markdown
// output"): the headline, then one section per analysis with tables whose
// figures are the table's, to two decimals.
std::string RenderAnalysisMarkdown(const AnalysisReport& report);

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_ANALYSIS_REPORT_H_
