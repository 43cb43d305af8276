// Robustness analyses of one evaluation (issue 6; docs/robustness.md):
//   - rank-reversal probe: does removing a losing bid, or adding a dominated
//     one, change the winner or the order? (relative rules, DOMAIN.md §3)
//   - weight sensitivity: the smallest change of one weight that changes the
//     winner, solved in closed form on the score matrix;
//   - counterfactuals: the smallest single change that would have made a
//     losing bid win, with the sentence for a debrief letter; for an
//     excluded bid, what would have made it eligible.
// Each analysis takes a compiled scorer and the evaluation it produced; none
// reads files. Degenerate inputs (no bid, one bid, all bids tied) are
// legitimate outcomes, explained in the result's `explanation`.
#ifndef CIRCA_ROBUSTNESS_H_
#define CIRCA_ROBUSTNESS_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "circa/evaluation.h"
#include "circa/scorer.h"

namespace circa {

// ---------------------------------------------------------------------------
// Rank-reversal probe

struct ReversalOptions {
  // Re-rank after withdrawing each non-winning bid, one at a time.
  bool remove_each_loser = true;
  // Re-rank after adding one constructed dominated bid (see
  // ProbeRankReversal).
  bool add_dominated = true;
  // How far beyond the worst value of each numeric column the dominated bid
  // lies, as a fraction of the column's span (best - worst). 0 = exactly the
  // worst value, which leaves every column's extremes, and so every score,
  // unchanged. Must be >= 0.
  double dominated_stretch = 0.5;
  // Withdraw at most this many non-winning bids: first those holding a
  // relative column's lowest or highest value, then the best-ranked. Each
  // withdrawal re-scores every bid, so probing all of them is quadratic in
  // the bids (20,000 bids: over a minute); the explanation says when the
  // cap applied. Must be >= 1.
  int max_withdrawals = 200;
  // Search the dominated bid's distance (DominatedSearch) instead of only
  // probing at dominated_stretch, looking at most `max_stretch` spans beyond
  // the worst values. Must be > 0.
  bool search_dominated = true;
  double max_stretch = 1e4;
  // Probe a new bid cheaper than every bid (CheaperBidSearch).
  bool probe_cheaper = true;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why = nullptr) const {
    const char* problem =
        !(dominated_stretch >= 0) ? "dominated_stretch: must be >= 0"
        : max_withdrawals < 1     ? "max_withdrawals: must be >= 1"
        : !(max_stretch > 0)      ? "max_stretch: must be > 0"
                                  : nullptr;
    if (problem != nullptr && why != nullptr) *why = problem;
    return problem == nullptr;
  }
};

// The smallest dominated bid that changes the winner. The bid is the one
// ProbeRankReversal constructs, at `stretch` spans beyond the worst value of
// each column instead of dominated_stretch. Only a rule that measures
// against the worst value (linear-range) can feel it; then each such
// column's points are W (1 - (1 - s_i) / (1 + t)) at stretch t, so every
// total is T_i + L_i t / (1 + t) (L_i: the points bid i lacks on those
// columns) and bid k overtakes winner w at t / (1 + t) = (T_w - T_k) /
// (L_k - L_w): solved in closed form, then checked by re-scoring. Where
// that does not hold (minimum scores, max-pass, rounding, a value clamped
// at 0), a bounded scan over t with bisection.
struct DominatedSearch {
  // Some column uses a rule that measures against the worst value; false:
  // no dominated bid can change any score, nothing was searched.
  bool searched = false;
  bool found = false;
  bool analytic = false;  // closed form confirmed by re-scoring
  // found: the boundary (just beyond it the winner changes); else the
  // farthest stretch looked at (max_stretch).
  double stretch = 0;
  Eigen::VectorXd values;  // the dominated bid at `stretch` (one per column)
  int old_winner = -1;
  int new_winner = -1;  // original bid index
};

// A new bid cheaper than every bid (not dominated) that changes which of the
// existing bids wins without winning itself: "a new bid below `below` with
// `quality_points` on the other criteria would change the winner". On every
// other column it takes the worst value among the bids still in (a cheap,
// poor bid, as in Schotanus et al.); when the set has minimum scores or
// max-pass, the values of the weakest bid still in (`like_bid`), which
// passed them, so that its price is scored at all. Under lowest-ratio the
// boundary is closed form: with C_i = T_i - W P_min / P_i, bid k overtakes w
// below p = (C_k - C_w) / (W (1/P_w - 1/P_k)); otherwise a bounded scan between
// 0 and the lowest value with bisection.
struct CheaperBidSearch {
  // Some price or cost column uses a relative rule that reads the lowest
  // value; false: nothing was searched.
  bool searched = false;
  bool found = false;
  bool analytic = false;
  int column = -1;            // the price or cost column probed
  double lowest = 0;          // the lowest value now
  double below = 0;           // found: the boundary value X
  double quality_points = 0;  // Y: the new bid's points outside `column`
  int like_bid = -1;          // whose other values it takes
  // The new bid would win itself at any price below the lowest (so it
  // reverses nothing): no boundary reported.
  bool new_bid_wins = false;
  int old_winner = -1;
  int new_winner = -1;  // original bid index
};

// What one probe changed for one bid that kept its place in the set.
struct ReversalShift {
  int bid = -1;  // index in the original bid set
  double old_total = 0;
  double new_total = 0;
  int old_position = 0;  // 1-based place among the bids both sets share
  int new_position = 0;
};

struct ReversalProbe {
  enum class Kind { kRemoved, kAddedDominated };
  Kind kind = Kind::kRemoved;
  int removed_bid = -1;  // kRemoved: the withdrawn bid (original index)
  // kAddedDominated: the added bid's values (one per column) and total.
  Eigen::VectorXd added_values;
  double added_total = 0;
  int old_winner = -1;  // original bid indices
  int new_winner = -1;  // -1 if the added bid wins (cannot happen: dominated)
  bool winner_changed = false;
  // The relative order of the bids both sets share differs.
  bool order_changed = false;
  // The bids whose place among the shared bids moved, with old and new
  // totals; empty when nothing changed.
  std::vector<ReversalShift> shifts;
};

struct RankReversalResult {
  // Whether any column uses a relative rule. If not, no bid's score depends
  // on the others, so no reversal is possible and no probe is run.
  bool has_relative_rule = false;
  // Every probe run, in order: removals by bid index, then the addition.
  std::vector<ReversalProbe> probes;
  int winner_changes = 0;  // probes with winner_changed
  int order_changes = 0;   // probes with order_changed
  int non_winning = 0;     // bids other than the winner
  int withdrawn = 0;       // of those, withdrawn (max_withdrawals)
  // Every withdrawal that could change a score was probed: all of them, or
  // (above max_withdrawals) every bid holding a relative column's lowest or
  // highest value, in a set without minimum scores or max-pass. Relative
  // rules read only those extremes, so withdrawing any other bid changes no
  // score.
  bool complete = true;
  DominatedSearch dominated;  // search_dominated
  CheaperBidSearch cheaper;   // probe_cheaper
  std::string explanation;    // one sentence: what was found or why nothing ran
};

// Re-scores `values` (the decision matrix `evaluation` was computed from)
// without each non-winning bid, and with one dominated bid added, using
// Scorer::Evaluate, so relative rules see the new P_min / P_max.
//
// The dominated bid takes, on every column, the value of the bid that scores
// worst there, moved `dominated_stretch` x span further away from the best
// value (numeric columns only; yes-no and scale columns take the worst value
// as is; a value never crosses 0). It is at least as bad as every bid on every
// column, so it can only change the others' order through relative rules
// that measure against the worst bid (linear-range).
RankReversalResult ProbeRankReversal(const Scorer& scorer,
                                     const Eigen::MatrixXd& values,
                                     const Evaluation& evaluation,
                                     const ReversalOptions& options = {});

// ---------------------------------------------------------------------------
// Weight sensitivity

// The first winner change when one weight moves in one direction.
struct WeightThreshold {
  // false: "no change within [0, scale]": no bid gets strictly ahead for
  // any weight strictly between the current one and the end of the range
  // (at exactly 0 or scale, bids may tie and input order decides).
  bool changes = false;
  double weight = 0;    // the weight (points) at which the winner changes
  double delta = 0;     // weight - current weight
  int new_winner = -1;  // winner for any weight just beyond `weight`
  // Totals of the old and new winner at the crossing (equal there).
  double total_at_crossing = 0;
};

struct WeightSensitivity {
  enum class Kind { kLeaf, kGroup };
  Kind kind = Kind::kLeaf;
  int index = -1;  // column index (kLeaf) or top-level index (kGroup)
  std::string id;
  double weight = 0;  // current points
  WeightThreshold increase;
  WeightThreshold decrease;
  // The weight range the criteria set publishes for this criterion, in
  // points (Column::weight_range, TopLevel::weight_range); empty if none.
  std::optional<WeightRange> published_range;
  // Set when published_range is and the weight could be analysed: true iff
  // no other bid gets strictly ahead of the winner for any weight in
  // [lo, hi] (the others rescaled proportionally, as for the thresholds).
  // A tie exactly at an end of the range (to 1e-9 of the scale) is not a
  // change, as for "no change within [0, scale]".
  std::optional<bool> robust_within_published_range;
  // The finding in words, when published_range is set: "robust within the
  // published range 60-70" (with an en dash), or where the winner changes
  // inside it: "not robust within the published range 60-70: C wins above
  // 64.2"; or why it could not be analysed.
  std::string range_explanation;
  std::string note;  // why a direction could not be analysed, if so
};

struct SensitivityResult {
  int winner = -1;
  std::vector<WeightSensitivity> leaves;  // one per column
  std::vector<WeightSensitivity> groups;  // one per top-level criterion
  std::string explanation;
};

// For each leaf and each top-level group, the smallest change of its weight
// (the others rescaled proportionally so that the total stays scale()) that
// changes the winner, upwards and downwards. Scores do not depend on weights,
// so each total is linear in the moved weight x:
//   T_i(x) = x u_i + (scale - x) v_i,
// with u_i the bid's weighted-average score inside the moved criterion and
// v_i the same outside it; each pair (winner, k) crosses at one x, solved
// exactly. The winner is decided as in rank: highest total, ties by input
// order; "changes" means another bid is strictly ahead just past `weight`.
// Where the scorer carries a published weight range (Column::weight_range,
// TopLevel::weight_range), robust_within_published_range says whether the
// winner holds over all of it.
SensitivityResult AnalyseWeightSensitivity(const Scorer& scorer,
                                           const Evaluation& evaluation);

// ---------------------------------------------------------------------------
// Counterfactuals

struct CounterfactualOptions {
  // Bid names for the sentences, one per bid; "bid <n>" (1-based) if empty.
  std::vector<std::string> bid_ids;
  // Currency written after price and cost amounts.
  std::string currency = "EUR";
  // Continuous searches stop when the bracket is narrower than this
  // fraction of the value (or absolute, near 0). Must be > 0.
  double relative_precision = 1e-10;
  // Continuous searches without a natural bound look at most this many
  // column spans beyond the column's best value. Must be > 0.
  double search_spans = 10;
  // Look at most at this many non-winning bids: the best-ranked ones. Each
  // re-scores every bid many times per column, so all of them is quadratic
  // in the bids; the explanation says when the cap applied. Must be >= 1.
  int max_bids = 100;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why = nullptr) const {
    const char* problem = !(relative_precision > 0)
                              ? "relative_precision: must be > 0"
                          : !(search_spans > 0) ? "search_spans: must be > 0"
                          : max_bids < 1        ? "max_bids: must be >= 1"
                                                : nullptr;
    if (problem != nullptr && why != nullptr) *why = problem;
    return problem == nullptr;
  }
};

// One single change of one value that makes the bid win.
struct SingleChange {
  int column = -1;
  double current = 0;  // the bid's value now
  // A value that makes it win. Continuous columns: within
  // relative_precision of the boundary, on the winning side; any value short
  // of the boundary loses. Discrete columns (yes-no, scale level, steps
  // threshold): the nearest value that wins.
  double value = 0;
  bool continuous = false;
  bool lower_is_better = false;  // direction the value had to move
  // The clause for the sentence: "Price below 7,812.50 EUR (now 8,000 EUR)",
  // "Quality plan rated 'excellent' instead of 'good'".
  std::string text;
};

struct Counterfactual {
  int bid = -1;
  std::vector<SingleChange> changes;  // column order; empty: none suffices
  std::string sentence;               // for the debrief letter
};

struct CounterfactualResult {
  int winner = -1;
  // One per non-winning bid looked at (all of them up to max_bids, else the
  // max_bids best-ranked), input order.
  std::vector<Counterfactual> bids;
  int non_winning = 0;  // bids other than the winner
  std::string explanation;
};

// For each non-winning bid and each column, the smallest change of that one
// value that makes the bid's total exceed every other bid's (by more than
// kTieTolerance). Only the changed column is re-scored, with the same column
// kernel the scorer uses, so relative rules see the new extremes (a price
// that becomes the lowest lowers everybody else's price score). Continuous
// columns: bisection on the value, which is exact because the bid's margin
// is monotone in its own value; discrete columns: the candidate levels or
// thresholds in order.
CounterfactualResult FindCounterfactuals(
    const Scorer& scorer, const Eigen::MatrixXd& values,
    const Evaluation& evaluation, const CounterfactualOptions& options = {});

// ---------------------------------------------------------------------------
// What would make an excluded bid eligible

struct EligibilityOptions {
  // Look at most at this many excluded bids (input order); the result says
  // how many were excluded in all. Must be >= 1.
  int max_bids = 1000;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why = nullptr) const {
    if (max_bids >= 1) return true;
    if (why != nullptr) *why = "max_bids: must be >= 1";
    return false;
  }
};

// One minimum score (Scorer::thresholds()) a bid is below.
struct ThresholdShortfall {
  int threshold = -1;     // index in Scorer::thresholds()
  double points = 0;      // the bid's points on the criterion
  double min_points = 0;  // the minimum
  double max_points = 0;  // the criterion's own points
  double lacking = 0;     // min_points - points (> 0)
  // When the minimum covers one column whose rule is absolute: the bid's
  // value there now and the nearest value that reaches the minimum (a
  // scale level, a step, yes, or for linear the exact boundary); empty for
  // a group or a relative rule, where points do not map to one value.
  int column = -1;
  double current = 0;
  std::optional<double> needed;
};

// Why one bid was excluded and what would have kept it in. Every exclusion
// happens before price and cost are scored (docs/criteria-format.md,
// "Award order"), so no price or cost change can make the bid eligible:
// `price_can_rescue` is always false, and says so in the result.
struct EligibilityCounterfactual {
  int bid = -1;  // index in the full bid set
  ExclusionStage stage = ExclusionStage::kNone;
  // kRequirement: the requirement's id (Exclusion::rule); nothing was
  // scored, so only meeting it makes the bid eligible.
  std::string requirement;
  // kThreshold: every minimum score the bid is below, in document order
  // (the exclusion names only the first).
  std::vector<ThresholdShortfall> thresholds;
  // The bid's quality points (every column but price and cost).
  double quality_points = 0;
  // When some bid was excluded by max-pass: the quality points of the last
  // bid that went on (a bid that reaches them ties at the cut and goes on)
  // and how many the bid lacks (>= 0). kMaxPass: also the bid's place on
  // quality among the bids that met every minimum (1-based).
  std::optional<double> cut_points;
  double cut_lacking = 0;
  int place = 0;
  int passed = 0;  // bids that met every minimum (the max-pass ranking)
  bool price_can_rescue = false;
};

struct EligibilityResult {
  // One per excluded bid looked at, input order.
  std::vector<EligibilityCounterfactual> bids;
  int excluded = 0;  // bids excluded in all
};

// For each bid `evaluation` excludes (a requirement, a minimum score or
// max-pass): which requirement it failed, the quality points it lacks
// against each minimum score and, for max-pass, against the last bid that
// went on. `values` and `evaluation` are the full bid set's (the excluded
// bids included, as Scorer::Evaluate gave them). The other bids' quality
// scores are taken as they are: a relative quality rule could move them
// when the bid's own value changes.
EligibilityResult FindEligibilityCounterfactuals(
    const Scorer& scorer, const Eigen::MatrixXd& values,
    const Evaluation& evaluation, const EligibilityOptions& options = {});

}  // namespace circa

#endif  // CIRCA_ROBUSTNESS_H_
