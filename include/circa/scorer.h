// The compiled scorer: a criteria set turned once into column rules and an
// effective weight vector, reusable across any number of bid sets.
#ifndef CIRCA_SCORER_H_
#define CIRCA_SCORER_H_

#include <Eigen/Core>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"

namespace circa {

// One leaf criterion as the scorer sees it: a column of the decision matrix.
struct Column {
  std::string id;
  std::string name;
  std::string unit;
  CriterionType type = CriterionType::kQuality;
  ScoringRule rule;
  double weight = 0;  // effective points
  // The published weight range in points, when the set declares one.
  std::optional<WeightRange> weight_range;
  bool relative = false;
  int top_level = 0;  // index of the top-level criterion it belongs to
};

// A minimum score (CriteriaSet: Criterion::threshold) as the scorer applies
// it: the columns it covers and the points needed.
struct ScoreThreshold {
  std::string id;
  std::string name;
  Eigen::VectorXd mask;  // 1 on the columns it covers, 0 elsewhere
  double min_points = 0;
  double max_points = 0;  // the criterion's own points
};

// A top-level criterion (group or leaf), used to report subtotals.
struct TopLevel {
  std::string id;
  std::string name;
  double weight = 0;                        // points
  std::optional<WeightRange> weight_range;  // points, when published
};

class Scorer {
 public:
  // Validates `criteria` as reading a file does (ValidateCriteria,
  // circa/validate.h) and compiles it. No value, with the diagnostics, when
  // the set has an error: a set built in code never reaches the scorer
  // unchecked. Warnings come with the scorer.
  static Result<Scorer> Compile(const CriteriaSet& criteria);

  const std::vector<Column>& columns() const { return columns_; }
  const std::vector<TopLevel>& top_levels() const { return top_levels_; }
  // Effective weights (points), one per column; they sum to scale().
  const Eigen::VectorXd& weights() const { return weights_; }
  // 1 on the columns below top-level criterion `t`, 0 elsewhere. The
  // mapping is kept as Column::top_level, not as a dense columns x
  // top-levels matrix (20,000 flat criteria would make it 3.2 GB).
  Eigen::VectorXd TopLevelMask(Eigen::Index t) const;
  // Sums the columns of a bids x columns matrix per top-level criterion.
  Eigen::MatrixXd SumByTopLevel(const Eigen::MatrixXd& points) const;
  double scale() const { return scale_; }
  Eigen::Index size() const { return weights_.size(); }

  // Scores a decision matrix (bids x columns) into `scores` (same shape,
  // values in [0, 1] unless a rule allows negatives). Writes each column's
  // lowest and highest value, and, if `notes` is given, one note kind per
  // column (none unless the column was degenerate, e.g. all bids equal).
  void Score(const Eigen::MatrixXd& values, Eigen::MatrixXd* scores,
             Eigen::VectorXd* min, Eigen::VectorXd* max,
             std::vector<std::optional<NoteKind>>* notes = nullptr) const;

  // Runs the award order on one bid set (docs/criteria-format.md, "Award
  // order"): requirements -> quality scoring -> thresholds and max-pass ->
  // price/cost scoring -> totals (rounded as declared) -> abnormally-low
  // check -> ranking -> tie-break.
  Evaluation Evaluate(const BidSet& bids) const;
  // The same on a bare decision matrix (analyses re-score with it): no bid
  // fields, so requirements are not checked and an {earlier: ...} tie-break
  // rule leaves the tie to the next rule.
  Evaluation Evaluate(const Eigen::MatrixXd& values) const;

  // Whether the set declares any stage beyond scoring and ranking.
  bool HasRequirements() const;
  // The set's minimum scores, in document order.
  const std::vector<ScoreThreshold>& thresholds() const;
  bool HasThresholds() const;
  const Rounding& rounding() const;
  // Rounds as the set declares (half away from zero); identity without
  // rounding.
  double Round(double value) const;

 private:
  void ScoreImpl(const Eigen::MatrixXd& values, Eigen::MatrixXd* scores,
                 Eigen::VectorXd* min, Eigen::VectorXd* max,
                 std::vector<int>* min_bid, std::vector<int>* max_bid,
                 std::vector<std::optional<NoteKind>>* notes) const;

  // Compiles a set ValidateCriteria accepted (every leaf has a rule,
  // effective weights are filled in).
  static Scorer CompileValidated(const CriteriaSet& criteria);

  struct Stages;
  Evaluation EvaluateImpl(const Eigen::MatrixXd& values,
                          const BidSet* bids) const;

  std::shared_ptr<const Stages> stages_;
  std::vector<Column> columns_;
  std::vector<TopLevel> top_levels_;
  Eigen::VectorXd weights_;
  double scale_ = 100;
};

}  // namespace circa

#endif  // CIRCA_SCORER_H_
