// The English words of the HTML report and the workbook
// (explain/document_words.h).
#include "explain/document_words.h"

namespace circa::explain {
namespace {

std::string SetLine(const std::string& id, const std::string& version,
                    const std::string& publisher) {
  std::string s = "Criteria set " + id + " version " + version;
  if (!publisher.empty()) s += ", published by " + publisher;
  return s + ".";
}

std::string ScopeLine(int bids, int criteria, const std::string& scale) {
  return std::to_string(bids) + (bids == 1 ? " bid" : " bids") + " scored on " +
         std::to_string(criteria) +
         (criteria == 1 ? " criterion" : " criteria") + " out of " + scale +
         " points.";
}

std::string ExcludedBy(const std::string& rule) {
  return "excluded (" + rule + ")";
}

std::string PointsDesc(int criteria, const std::string& winner,
                       const std::string& total) {
  return "Stacked bars, one per bid, of the points on each of " +
         std::to_string(criteria) +
         (criteria == 1 ? " criterion" : " criteria") +
         (winner.empty()
              ? std::string(".")
              : "; " + winner + " wins with " + total + " points (marked).");
}

std::string GapDesc(const std::string& winner) {
  return "For every other ranked bid, bars of the points it gains (right) "
         "or loses (left) against the winner " +
         winner + " on each criterion.";
}

std::string WeightsDesc(int criteria, const std::string& scale) {
  return "Bars of the weight of each of " + std::to_string(criteria) +
         (criteria == 1 ? " criterion" : " criteria") + ", in points out of " +
         scale + ".";
}

std::string SensitivityDesc(const std::string& winner) {
  return "For each criterion, the smallest decrease (left) and increase "
         "(right) of its weight, in points, that makes another bid than " +
         winner +
         " win; a bar reaching the end of the axis means no change within "
         "the range.";
}

std::string SmaaDesc(int samples) {
  return "Share of " + std::to_string(samples) +
         " random weight vectors in which each bid (row) takes each rank "
         "(column); darker is more.";
}

std::string ChartLimit(int shown, int ranked) {
  return "The charts show the best " + std::to_string(shown) + " of " +
         std::to_string(ranked) + " ranked bids; the tables show all.";
}

std::string RankN(int rank) { return "rank " + std::to_string(rank); }

DocumentWords MakeEnglish() {
  DocumentWords w;
  w.language = "en";
  w.ranking = "Ranking";
  w.criteria = "Criteria";
  w.bidders = "Bidders";
  w.notes = "Notes";
  w.rank = "Rank";
  w.bid = "Bid";
  w.supplier = "Supplier";
  w.total = "Total";
  w.criterion = "Criterion";
  w.type = "Type";
  w.weight = "Weight";
  w.rule = "Rule";
  w.relative = "relative";
  w.absolute = "absolute";
  w.excluded = "excluded";
  w.winner = "winner";
  w.points = "Points";
  w.value = "Value";
  w.score = "Score";
  w.versus_winner = "Against the winner";
  w.table_equivalent = "The chart as a table";
  w.chart_limit = ChartLimit;
  w.set_line = SetLine;
  w.scope_line = ScopeLine;
  w.excluded_by = ExcludedBy;
  w.chart_points_title = "Points per criterion, per bid";
  w.chart_points_desc = PointsDesc;
  w.chart_gap_title = "Each bid's gap to the winner, per criterion";
  w.chart_gap_desc = GapDesc;
  w.gap_axis = "points against the winner";
  w.chart_weights_title = "Weights of the criteria";
  w.chart_weights_desc = WeightsDesc;
  w.weights_axis = "points";
  w.analysis = "Robustness of the award";
  w.sensitivity_title = "Weight change that changes the winner";
  w.sensitivity_desc = SensitivityDesc;
  w.decrease = "Decrease";
  w.increase = "Increase";
  w.no_change = "no change";
  w.new_winner = "New winner";
  w.smaa_title = "Rank acceptabilities (SMAA)";
  w.smaa_desc = SmaaDesc;
  w.rank_n = RankN;
  w.acceptability = "Rank acceptability";
  w.sheet_criteria = "Criteria";
  w.sheet_values = "Values";
  w.sheet_scores = "Scores";
  w.sheet_ranking = "Ranking";
  w.sheet_explanations = "Explanations";
  w.id = "Id";
  w.unit = "Unit";
  w.direction = "Direction";
  w.parameters = "Parameters";
  w.scored_quality = "Scored on quality (1/0)";
  w.scored_price = "Scored on price and cost (1/0)";
  w.explanation = "Explanation";
  w.lowest = "Lowest";
  w.highest = "Highest";
  w.comment_exclusion =
      "circa's decision, not a formula: 1 when the bid reached this stage of "
      "the award order (requirements, minimum scores and max-pass are "
      "checked by circa; docs/result-format.md, \"Workbook\").";
  w.comment_panel =
      "The panel's aggregated value (docs/panels.md), not the individual "
      "scores.";
  w.comment_lcc =
      "The life-cycle cost from the cost profile (docs/lcc.md), not a "
      "formula.";
  w.comment_rank =
      "RANK on the totals: bids with equal totals share a rank here; the "
      "declared tie-break policy is applied by circa only.";
  w.comment_thresholds =
      "A formula: 1 when the bid met the requirements (circa's decision, "
      "column C) and every minimum score (Scores sheet), and, with max-pass, "
      "ranks among the best on quality.";
  w.quality_points = "Quality points";
  w.thresholds_met = "Minimum scores met (1/0)";
  return w;
}

}  // namespace

const DocumentWords& EnglishDocumentWords() {
  static const DocumentWords kWords = MakeEnglish();
  return kWords;
}

}  // namespace circa::explain
