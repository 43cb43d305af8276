// The stages of the award order around scoring (docs/criteria-format.md,
// "Award order"): minimum requirements, the abnormally-low check and the
// tie-break keys. Pure functions on one bid set; the scorer calls them.
#ifndef CIRCA_ENGINE_SCORE_STAGES_H_
#define CIRCA_ENGINE_SCORE_STAGES_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"

namespace circa::score {

// Checks one requirement for bid i. Returns "" when met, otherwise the
// sentence that explains why not (with the bid's values). A condition on a
// leaf criterion id reads the bid's value for that criterion.
std::string CheckRequirement(const Requirement& requirement, const BidSet& bids,
                             Eigen::Index bid,
                             const std::vector<std::string>& leaf_ids);

// Does `text` match a pattern where * matches any text and ? one character
// (case-insensitive, ASCII)? Linear in practice: no backtracking blow-up.
bool GlobMatch(std::string_view pattern, std::string_view text);

// Flags abnormally low tenders among the ranked bids: fills
// e->abnormally_low (one sentence per flagged bid). `column` is the price
// or cost leaf; values are the bids' prices.
void FlagAbnormallyLow(const AbnormallyLowRule& rule, int column,
                       const std::string& criterion_name,
                       const std::string& currency,
                       const Eigen::MatrixXd& values, Evaluation* e);

// The draw key of a bid: SplitMix64 of the seed mixed with the FNV-1a hash
// of the bid id, so a bid's place in a draw depends only on the seed and
// its own id (not on file order or the other bids).
std::uint64_t DrawKey(std::uint64_t seed, std::string_view bid_id);

}  // namespace circa::score

#endif  // CIRCA_ENGINE_SCORE_STAGES_H_
