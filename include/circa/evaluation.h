// The outcome of scoring one bid set: scores, points, totals, ranks and the
// notes a reader needs (degenerate columns, ties). A plain value.
#ifndef CIRCA_EVALUATION_H_
#define CIRCA_EVALUATION_H_

#include <Eigen/Core>
#include <string>
#include <vector>

namespace circa {

enum class BidStatus { kRanked, kExcluded };

// Where in the award order (docs/criteria-format.md, "Award order") a bid
// left the evaluation.
enum class ExclusionStage {
  kNone,
  kRequirement,  // a minimum requirement was not met: nothing was scored
  kThreshold,    // below a minimum score: quality scored, price/cost not
  kMaxPass,      // not among the best N on quality: price/cost not scored
};

struct Exclusion {
  ExclusionStage stage = ExclusionStage::kNone;
  std::string rule;    // requirement id, criterion id, or "max-pass"
  std::string reason;  // a sentence with the numbers, for the award letter
};

// A tie on the total and how the declared policy treated it.
struct TieBreakRecord {
  double total = 0;
  std::vector<int> bids;           // the tied bids, input order
  std::vector<int> order;          // the same bids after the policy
  std::vector<std::string> steps;  // one sentence per rule that was applied
  bool resolved = false;           // every bid got a rank of its own
};

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

  // Points per cell, stored only when the set rounds criterion points (then
  // Points() returns these rounded values); empty otherwise.
  Eigen::MatrixXd points;

  std::vector<BidStatus> status;
  // Per bid (empty when the set declares no requirements, thresholds or
  // max-pass): stage kNone when the bid stayed in.
  std::vector<Exclusion> exclusion;
  // Per bid (empty when the set declares no abnormally-low rule): empty, or
  // why a justification must be requested (Directive 2014/24/EU art. 69),
  // with the numbers.
  std::vector<std::string> abnormally_low;
  std::vector<TieBreakRecord> tie_breaks;
  std::vector<int> rank;   // 1-based; tied bids share a rank; 0: excluded
  std::vector<bool> tied;  // shares its rank with another bid
  // Bid indices, best first (input order in unbroken ties), then the
  // excluded bids in input order.
  std::vector<int> order;
  std::vector<Note> notes;  // warnings about columns and ties

  // Points of bid i on column j: score x weight. Not stored, so that scoring
  // 100,000 bids does not allocate a second bids x columns matrix.
  double Points(Eigen::Index bid, Eigen::Index column) const {
    if (points.size() > 0) return points(bid, column);
    return scores(bid, column) * weights[column];
  }
  // Bid i's points on the columns where mask is non-zero (a group, a
  // threshold): sum of Points(i, j) x mask[j].
  double PointsOn(Eigen::Index bid, const Eigen::VectorXd& mask) const {
    double sum = 0;
    for (Eigen::Index j = 0; j < mask.size(); ++j) {
      if (mask[j] != 0) sum += Points(bid, j) * mask[j];
    }
    return sum;
  }
  // All points at once (bids x columns).
  Eigen::MatrixXd PointsMatrix() const {
    if (points.size() > 0) return points;
    return scores * weights.asDiagonal();
  }
  // Whether bid i was scored on column j (not when it was excluded before
  // that column's stage).
  bool Scored(Eigen::Index bid, bool money_column) const;

  // Bid index of the (first) winner, -1 if no bid was ranked.
  int Winner() const {
    if (order.empty()) return -1;
    const auto first = static_cast<std::size_t>(order.front());
    if (first < status.size() && status[first] != BidStatus::kRanked) {
      return -1;
    }
    return order.front();
  }
  // Number of ranked (not excluded) bids.
  int RankedCount() const;
};

// Totals closer than this are equal: it absorbs floating-point noise only,
// far below any published rounding (no "within x %" rule, DOMAIN.md §2).
inline constexpr double kTieTolerance = 1e-9;

}  // namespace circa

#endif  // CIRCA_EVALUATION_H_
