// The outcome of scoring one bid set: scores, points, totals, ranks and the
// notes a reader needs (degenerate columns, ties). A plain value.
#ifndef CIRCA_EVALUATION_H_
#define CIRCA_EVALUATION_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/criteria.h"

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

// One condition of a requirement that a bid did not satisfy: the condition
// as declared (field, op and bound) and the bid's value.
struct FailedCondition {
  int group = 0;                 // index in Requirement::groups (an "option")
  int condition = 0;             // index in that group's conditions
  Condition declared;            // field, op and bound (number, text or one_of)
  std::string value;             // the bid's value as written ("" when missing)
  std::optional<double> number;  // the value read as a number, if it is one
};

// Why a bid left the evaluation, as numbers (engine/explain writes the
// sentence). Which fields are set depends on the stage.
struct Exclusion {
  ExclusionStage stage = ExclusionStage::kNone;
  std::string rule;  // requirement id, criterion id, or "max-pass"
  // kRequirement: the failed conditions of every group (the requirement
  // holds when all conditions of one group hold), by group then condition.
  std::vector<FailedCondition> failed;
  // kThreshold: points on criterion `rule`, its maximum and the minimum.
  // kMaxPass: quality points.
  double points = 0;
  double max_points = 0;
  double min_points = 0;
  // kMaxPass: the bid's place on quality among `of` bids; only the best
  // `max_pass` went on.
  int place = 0;
  int of = 0;
  int max_pass = 0;
};

// What an abnormally-low price was compared with (DOMAIN.md §2,
// docs/rules.md "Abnormally low prices").
enum class AbnormallyLowBasis {
  kNone,                         // not flagged
  kMeanOfOthers,                 // below-mean: mean of the other valid bids
  kMeanWithoutHighest,           // kb-2017-36 § 4, fewer than 7 bids
  kMeanWithoutHighestAndLowest,  // kb-2017-36 § 4, 7 bids or more
  kBudget,                       // rglcap-85 .1/.3: the tender budget
  kOtherBid,                     // rglcap-85 .2: the other of two bids
  kMeanOfAll,                    // rglcap-85 .3/.4: mean of all valid bids
  kMeanOfTwoLower,               // rglcap-85 .3: the highest of 3 left out
  kMeanOfThreeLowest,            // rglcap-85 .4: fewer than 3 within 10 %
  kMeanWithinTenPercent,         // rglcap-85 .4: bids <= 110 % of the mean
};

// A bid whose price must be justified before the award (Directive
// 2014/24/EU art. 69); flagged, never excluded.
struct AbnormallyLowFlag {
  AbnormallyLowBasis basis = AbnormallyLowBasis::kNone;  // kNone: not flagged
  AbnormallyLowRule::Kind rule = AbnormallyLowRule::Kind::kNone;
  double price = 0;      // the bid's price or cost
  double reference = 0;  // the mean, budget or other price compared with
  double below = 0;      // 1 - price / reference (0.25: 25 % below)
  double threshold = 0;  // percent below the reference that triggers
  double limit = 0;      // below-mean: the price limit, reference x (1 - %)
  int count = 0;         // bids in the reference (mean), 0 otherwise
  int of = 0;            // valid bids considered
  int paragraph = 0;     // rglcap-85: the paragraph (1 to 4) applied

  bool flagged() const { return basis != AbnormallyLowBasis::kNone; }
};

// One bid's key under a tie-break rule.
struct TieKey {
  int bid = 0;                // bid index (in the ranked list)
  std::optional<double> key;  // smaller first; nullopt: no value, last
  std::string as_written;     // earlier: the field as written
};

// A tie-break rule that separated bids: which rule, and every bid's key in
// the order the rule put them.
struct TieBreakStepRecord {
  int rule = 0;       // 0-based position in the applied policy
  TieBreakStep step;  // kind, target, seed
  std::vector<TieKey> keys;
};

// A tie on the total and how the declared policy treated it.
struct TieBreakRecord {
  double total = 0;
  int rank = 0;                           // the rank the bids tie at
  std::vector<int> bids;                  // the tied bids, input order
  std::vector<int> order;                 // the same bids after the policy
  std::vector<TieBreakStepRecord> steps;  // the rules that separated bids
  int policy_rules = 0;                   // rules declared (0: no policy)
  bool resolved = false;                  // every bid got a rank of its own
};

// What a note is about; the fields of Note it uses are listed per kind.
enum class NoteKind {
  kLowestIsZero,                // column: a relative rule's lowest value is 0
  kAllEqual,                    // column: every bid has the same value
  kNoneBelowCeiling,            // column: no bid is below the ceiling
  kBestIsZero,                  // column: the best value is 0
  kNotReached,                  // column: no bid reached this column's stage
  kMaxPassTie,                  // max_pass, count (bids kept)
  kPriceQualitySplit,           // money_points, money_weight, quality_points,
                                // quality_weight
  kTie,                         // record (index in tie_breaks)
  kAbnormallyLowNoNumber,       // column, contract (kb-2017-36 § 1-3)
  kAbnormallyLowPriceShare,     // column, share (kb-2017-36 § 4 not applied)
  kAbnormallyLowTooFewBids,     // column, count (kb-2017-36 § 4 not applied)
  kAbnormallyLowIndicative,     // column, share (rglcap-85 not price-only)
  kAbnormallyLowNoBudgetOne,    // column (rglcap-85.1 needs the budget)
  kAbnormallyLowNoBudgetThree,  // column (rglcap-85.3 budget clause)
  kRankReversal,                // reversal, removed_bid, old_winner, new_winner
};

// How a rank-reversal probe changed the valid bids.
enum class ReversalChange {
  kRemoved,        // bid removed_bid was withdrawn
  kAddedDominated  // a bid worse than every other on every criterion
};

// Something about a column, a tie or the set that a reader must be told.
struct Note {
  NoteKind kind = NoteKind::kAllEqual;
  int column = -1;            // -1: not about one column
  int count = 0;              // bids (see NoteKind)
  int max_pass = 0;           // kMaxPassTie: N
  int record = -1;            // kTie: index in Evaluation::tie_breaks
  double share = 0;           // price share of the points (0.4: 40 %)
  double money_points = 0;    // best points on price and cost
  double money_weight = 0;    // points price and cost carry
  double quality_points = 0;  // best points on quality
  double quality_weight = 0;  // points quality carries
  AbnormallyLowContract contract = AbnormallyLowContract::kWorks;
  ReversalChange reversal = ReversalChange::kRemoved;
  std::string removed_bid;  // kRankReversal: ids
  std::string old_winner;
  std::string new_winner;
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
  // Per bid (empty when the set declares no abnormally-low rule): whether
  // and why a justification must be requested (Directive 2014/24/EU art.
  // 69), with the numbers.
  std::vector<AbnormallyLowFlag> abnormally_low;
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

// Names of the facts' enums as the JSON result writes them
// (docs/result-format.md), e.g. "max-pass", "mean-of-others", "all-equal".
std::string_view ToString(ExclusionStage stage);
std::string_view ToString(AbnormallyLowBasis basis);
std::string_view ToString(AbnormallyLowRule::Kind kind);
std::string_view ToString(NoteKind kind);
std::string_view ToString(ReversalChange change);
std::string_view ToString(Condition::Op op);
std::string_view ToString(TieBreakStep::Kind kind);

// Totals closer than this are equal: it absorbs floating-point noise only,
// far below any published rounding (no "within x %" rule, DOMAIN.md §2).
inline constexpr double kTieTolerance = 1e-9;

}  // namespace circa

#endif  // CIRCA_EVALUATION_H_
