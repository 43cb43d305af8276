// A money-based award on a tender (a criteria set with `award:`): the
// minimum requirements first, then the set's money method (fictitious
// price, ladder discount, environmental cost added, ProZorro features) on
// the bids that meet them. See docs/money-methods.md.
#ifndef CIRCA_AWARD_H_
#define CIRCA_AWARD_H_

#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/evaluation.h"
#include "circa/money.h"

namespace circa {

struct AwardResult {
  MoneyAward award;  // the method as declared
  // The bids that met every requirement, in bid-file order; ranks count
  // these bids only.
  MoneyRanking ranking;
  std::vector<int> ranked;  // ranking.bids[k] is bid ranked[k] of the set
  // Per bid of the set: stage kNone, or kRequirement with the requirement
  // and the sentence saying why the bid is out.
  std::vector<Exclusion> exclusion;
  // Ties on the evaluated price and how the set's declared tie-break
  // policy treated them (bids are indices into ranking.bids); empty when
  // there was no tie. Without a policy a tie stands and the bids share
  // the rank.
  std::vector<TieBreakRecord> tie_breaks;
};

// Runs the award. Bad bid values for the method (a level it does not know,
// a value that is not a number) are diagnostics at the bid's row; requires
// criteria.award.
Result<AwardResult> EvaluateAward(const CriteriaSet& criteria,
                                  const BidSet& bids);

}  // namespace circa

#endif  // CIRCA_AWARD_H_
