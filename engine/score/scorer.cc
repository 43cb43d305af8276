// Compile once, score many: the criteria tree becomes a flat list of column
// rules and a weight vector; totals are one matrix-vector product.
#include "circa/scorer.h"

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
    c.relative = IsRelative(c.rule.rule);
    c.top_level = tops[static_cast<std::size_t>(j)];
    s.weights_[j] = c.weight;
    s.grouping_(j, c.top_level) = 1.0;
    s.columns_.push_back(std::move(c));
  }
  for (const Criterion& top : criteria.criteria) {
    s.top_levels_.push_back({top.id, top.name, top.effective_weight});
  }
  return s;
}

void Scorer::Score(const Eigen::MatrixXd& values, Eigen::MatrixXd* scores,
                   Eigen::VectorXd* min, Eigen::VectorXd* max,
                   std::vector<std::string>* notes) const {
  const Eigen::Index n = values.rows();
  const Eigen::Index m = size();
  scores->resize(n, m);
  min->setZero(m);
  max->setZero(m);
  if (notes) notes->assign(static_cast<std::size_t>(m), std::string());
  if (n == 0) return;
  *min = values.colwise().minCoeff().transpose();
  *max = values.colwise().maxCoeff().transpose();
  for (Eigen::Index j = 0; j < m; ++j) {
    score::ColumnOutcome outcome =
        score::ScoreColumn(columns_[static_cast<std::size_t>(j)].rule,
                           values.col(j), (*min)[j], (*max)[j], scores->col(j));
    if (notes && !outcome.note.empty()) {
      (*notes)[static_cast<std::size_t>(j)] = std::move(outcome.note);
    }
  }
}

Evaluation Scorer::Evaluate(const Eigen::MatrixXd& values) const {
  Evaluation e;
  std::vector<std::string> notes;
  Score(values, &e.scores, &e.column_min, &e.column_max, &notes);
  e.points = e.scores * weights_.asDiagonal();
  e.totals = e.scores * weights_;
  e.subtotals = e.points * grouping_;
  e.min_bid.assign(static_cast<std::size_t>(size()), -1);
  e.max_bid.assign(static_cast<std::size_t>(size()), -1);
  for (Eigen::Index j = 0; j < size() && values.rows() > 0; ++j) {
    Eigen::Index at = 0;
    values.col(j).minCoeff(&at);
    e.min_bid[static_cast<std::size_t>(j)] = static_cast<int>(at);
    values.col(j).maxCoeff(&at);
    e.max_bid[static_cast<std::size_t>(j)] = static_cast<int>(at);
  }
  for (std::size_t j = 0; j < notes.size(); ++j) {
    if (!notes[j].empty()) {
      e.notes.push_back({static_cast<int>(j), columns_[j].id + ": " + notes[j]});
    }
  }
  rank::Rank(&e);
  return e;
}

Evaluation Scorer::Evaluate(const BidSet& bids) const {
  return Evaluate(bids.values);
}

}  // namespace circa
