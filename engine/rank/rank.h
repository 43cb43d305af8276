// Ranking: order by total, ties explicit (never hidden by sort order).
#ifndef CIRCA_ENGINE_RANK_RANK_H_
#define CIRCA_ENGINE_RANK_RANK_H_

#include "circa/evaluation.h"

namespace circa::rank {

// Fills status, rank, tied and order of `evaluation` from its totals, and
// adds a note for each tie. Tied bids share the better rank (1, 2, 2, 4) and
// keep their input order in `order`.
void Rank(Evaluation* evaluation);

}  // namespace circa::rank

#endif  // CIRCA_ENGINE_RANK_RANK_H_
