// The outcome of scoring one bid set: scores, points, totals, ranks and the
// notes a reader needs (degenerate columns, ties). A plain value.
#ifndef CIRCA_EVALUATION_H_
#define CIRCA_EVALUATION_H_

#include <Eigen/Core>
#include <string>
#include <vector>

namespace circa {

enum class BidStatus { kRanked, kExcluded };

// Something about a column or a tie that a reader must be told.
struct Note {
  int column = -1;  // -1: not about one column
  std::string text;
};

struct Evaluation {
  Eigen::MatrixXd scores;     // bids x columns, rule output
  Eigen::VectorXd weights;    // points per column (the scorer's weights)
  Eigen::VectorXd totals;     // sum of points per bid
  Eigen::MatrixXd subtotals;  // bids x top-level criteria
  // Per column, the lowest and highest value among the scored bids (what
  // relative rules measure against) and the first bid holding each.
  Eigen::VectorXd column_min;
  Eigen::VectorXd column_max;
  std::vector<int> min_bid;
  std::vector<int> max_bid;

  std::vector<BidStatus> status;
  std::vector<int> rank;    // 1-based; tied bids share a rank
  std::vector<bool> tied;   // shares its rank with another bid
  std::vector<int> order;   // bid indices, best first (input order in ties)
  std::vector<Note> notes;  // warnings about columns and ties

  // Points of bid i on column j: score x weight. Not stored, so that scoring
  // 100,000 bids does not allocate a second bids x columns matrix.
  double Points(Eigen::Index bid, Eigen::Index column) const {
    return scores(bid, column) * weights[column];
  }
  // All points at once (bids x columns).
  Eigen::MatrixXd PointsMatrix() const { return scores * weights.asDiagonal(); }

  // Bid index of the (first) winner, -1 if no bid was ranked.
  int Winner() const { return order.empty() ? -1 : order.front(); }
};

// Totals closer than this are equal: it absorbs floating-point noise only,
// far below any published rounding (no "within x %" rule, DOMAIN.md §2).
inline constexpr double kTieTolerance = 1e-9;

}  // namespace circa

#endif  // CIRCA_EVALUATION_H_
