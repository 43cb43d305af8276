// Ranking: order by total, ties explicit (never hidden by sort order), and
// broken only by a policy the criteria set declares. The tie-break policy is
// compiled here once for the points scorer and the money award alike.
#ifndef CIRCA_ENGINE_RANK_RANK_H_
#define CIRCA_ENGINE_RANK_RANK_H_

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"

namespace circa::rank {

using TieKeyFn = std::function<std::optional<double>(int)>;

// One rule of a tie-break policy, compiled: a key per bid (smaller comes
// first; nullopt when the bid has no value, which comes last) and, for a
// rule on a bid field, the value as written (kept in the tie-break record).
struct TieRule {
  TieBreakStep step;  // the declared rule (kind, target, seed)
  TieKeyFn key;
  std::function<std::string(int)> as_written;  // may be empty
  double tolerance = 0;                        // keys closer are equal
};

// What a tie-break policy reads, for bids k = 0 .. n-1 of the list being
// ranked (the bid set's rows for points, the ranked bids for money).
struct TieInputs {
  const BidSet* bids = nullptr;  // bid fields ({earlier: ...}); may be null
  // Bid k's row in `bids`; the identity when empty.
  std::function<Eigen::Index(int)> row;
  // Bid k's id for a draw; nullptr: "1", "2", ... (a bare matrix).
  const std::vector<std::string>* ids = nullptr;
  // {higher: target} and {lower: target}: bid k's key, smaller first (for
  // higher points, the negated points). An empty function (or an empty
  // result) leaves the rule out of the policy.
  std::function<TieKeyFn(const TieBreakStep&)> higher_points;
  std::function<TieKeyFn(const TieBreakStep&)> lower_value;
};

// The declared policy, rule by rule, as ranking applies it.
std::vector<TieRule> CompilePolicy(const std::vector<TieBreakStep>& steps,
                                   const TieInputs& inputs);

// Fills rank, tied, order and tie_breaks of `evaluation` from its totals and
// status (excluded bids get rank 0 and come last in `order`). Bids with
// equal totals are separated by `policy`, rule by rule; without a policy, or
// when it does not separate them, they share the better rank (1, 2, 2, 4),
// keep their input order and get a note (NoteKind::kTie).
void Rank(Evaluation* evaluation, const std::vector<TieRule>& policy = {});

// The draw key of a bid: SplitMix64 of the seed mixed with the FNV-1a hash
// of the bid id, so a bid's place in a draw depends only on the seed and
// its own id (not on file order or the other bids).
std::uint64_t DrawKey(std::uint64_t seed, std::string_view bid_id);

}  // namespace circa::rank

#endif  // CIRCA_ENGINE_RANK_RANK_H_
