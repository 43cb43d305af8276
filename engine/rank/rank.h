// Ranking: order by total, ties explicit (never hidden by sort order), and
// broken only by a policy the criteria set declares.
#ifndef CIRCA_ENGINE_RANK_RANK_H_
#define CIRCA_ENGINE_RANK_RANK_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "circa/evaluation.h"

namespace circa::rank {

// One rule of a tie-break policy, compiled: a key per bid (smaller comes
// first; nullopt when the bid has no value, which comes last) and how to
// show a bid's key in a sentence.
struct TieRule {
  std::string name;  // e.g. "higher points on Circularity"
  std::function<std::optional<double>(int)> key;
  std::function<std::string(int)> show;
  double tolerance = 0;  // keys closer than this are equal
};

// Fills rank, tied, order and tie_breaks of `evaluation` from its totals and
// status (excluded bids get rank 0 and come last in `order`). Bids with
// equal totals are separated by `policy`, rule by rule; without a policy, or
// when it does not separate them, they share the better rank (1, 2, 2, 4),
// keep their input order and get a note. `names` names bids in sentences.
void Rank(Evaluation* evaluation, const std::vector<TieRule>& policy = {},
          const std::vector<std::string>* names = nullptr);

}  // namespace circa::rank

#endif  // CIRCA_ENGINE_RANK_RANK_H_
