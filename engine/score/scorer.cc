// Compile once, score many: the criteria tree becomes a flat list of column
// rules and a weight vector; totals are one matrix-vector product.
#include "circa/scorer.h"

#include <algorithm>

#include "rank/rank.h"
#include "score/rules.h"

namespace circa {

Scorer Scorer::Compile(const CriteriaSet& criteria) {
  Scorer s;
  s.scale_ = criteria.scale;
  const std::vector<const Criterion*> leaves = criteria.Leaves();
  const std::vector<int> tops = criteria.LeafTopLevel();
  const auto m = static_cast<Eigen::Index>(leaves.size());
  const auto g = static_cast<Eigen::Index>(criteria.criteria.size());
  s.weights_.resize(m);
  s.grouping_ = Eigen::MatrixXd::Zero(m, g);
  for (Eigen::Index j = 0; j < m; ++j) {
    const Criterion& leaf = *leaves[static_cast<std::size_t>(j)];
    Column c;
    c.id = leaf.id;
    c.name = leaf.name;
    c.unit = leaf.unit;
    c.type = leaf.type;
    c.rule = *leaf.scoring;
    c.weight = leaf.effective_weight;
    c.weight_range = leaf.effective_range;
    c.relative = IsRelative(c.rule.rule);
    c.top_level = tops[static_cast<std::size_t>(j)];
    s.weights_[j] = c.weight;
    s.grouping_(j, c.top_level) = 1.0;
    s.columns_.push_back(std::move(c));
  }
  for (const Criterion& top : criteria.criteria) {
    s.top_levels_.push_back(
        {top.id, top.name, top.effective_weight, top.effective_range});
  }
  s.aggregation_.resize(m, g + 1);
  s.aggregation_.col(0) = s.weights_;
  s.aggregation_.rightCols(g) = s.weights_.asDiagonal() * s.grouping_;
  return s;
}

void Scorer::Score(const Eigen::MatrixXd& values, Eigen::MatrixXd* scores,
                   Eigen::VectorXd* min, Eigen::VectorXd* max,
                   std::vector<std::string>* notes) const {
  ScoreImpl(values, scores, min, max, nullptr, nullptr, notes);
}

void Scorer::ScoreImpl(const Eigen::MatrixXd& values, Eigen::MatrixXd* scores,
                       Eigen::VectorXd* min, Eigen::VectorXd* max,
                       std::vector<int>* min_bid, std::vector<int>* max_bid,
                       std::vector<std::string>* notes) const {
  const Eigen::Index n = values.rows();
  const Eigen::Index m = size();
  scores->resize(n, m);
  min->setZero(m);
  max->setZero(m);
  if (min_bid) min_bid->assign(static_cast<std::size_t>(m), -1);
  if (max_bid) max_bid->assign(static_cast<std::size_t>(m), -1);
  if (notes) notes->assign(static_cast<std::size_t>(m), std::string());
  if (n == 0) return;
  for (Eigen::Index j = 0; j < m; ++j) {
    // Vectorised extremes; the first bid holding each is found by a scan
    // that stops at the first match.
    const auto col = values.col(j);
    const double lo = col.minCoeff();
    const double hi = col.maxCoeff();
    const double* x = col.data();
    const auto lo_at = std::find(x, x + n, lo) - x;
    const auto hi_at = std::find(x, x + n, hi) - x;
    (*min)[j] = lo;
    (*max)[j] = hi;
    const auto k = static_cast<std::size_t>(j);
    if (min_bid) (*min_bid)[k] = static_cast<int>(lo_at);
    if (max_bid) (*max_bid)[k] = static_cast<int>(hi_at);
    score::ColumnOutcome outcome = score::ScoreColumn(
        columns_[k].rule, values.col(j), lo, hi, scores->col(j));
    if (notes && !outcome.note.empty()) (*notes)[k] = std::move(outcome.note);
  }
}

Evaluation Scorer::Evaluate(const Eigen::MatrixXd& values) const {
  Evaluation e;
  std::vector<std::string> notes;
  ScoreImpl(values, &e.scores, &e.column_min, &e.column_max, &e.min_bid,
            &e.max_bid, &notes);
  e.weights = weights_;
  // Totals and subtotals in one product: scores x [w | diag(w) G].
  const Eigen::MatrixXd both = e.scores * aggregation_;
  e.totals = both.col(0);
  e.subtotals = both.rightCols(aggregation_.cols() - 1);
  for (std::size_t j = 0; j < notes.size(); ++j) {
    if (!notes[j].empty()) {
      e.notes.push_back(
          {static_cast<int>(j), columns_[j].id + ": " + notes[j]});
    }
  }
  rank::Rank(&e);
  return e;
}

Evaluation Scorer::Evaluate(const BidSet& bids) const {
  return Evaluate(bids.values);
}

}  // namespace circa
