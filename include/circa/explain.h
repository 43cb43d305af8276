// Explanations in words a buyer can paste into an award letter, built from
// the stored evaluation (never re-scoring).
#ifndef CIRCA_EXPLAIN_H_
#define CIRCA_EXPLAIN_H_

#include <string>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"
#include "circa/panel.h"
#include "circa/scorer.h"

namespace circa {

struct CriterionExplanation {
  std::string id;
  std::string text;  // "price 10,000 EUR: lowest price 8,000 (B) / 10,000 =
                     // 0.800 -> 24.00 of 30 points"
};

struct BidExplanation {
  std::string summary;  // rank, total, gap to winner (or why excluded)
  // The award order for this bid: requirements, panel scores, thresholds,
  // abnormally-low flag, tie-break; one sentence each.
  std::vector<std::string> award_steps;
  std::vector<std::string> versus_winner;      // where points were won or lost
  std::vector<CriterionExplanation> criteria;  // per leaf criterion
  std::string relative_note;                   // what relative rules mean here
};

std::vector<BidExplanation> Explain(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& evaluation,
                                    const PanelResult* panel = nullptr);

// Describes a scoring rule in one line, e.g. "lowest-ratio: score = lowest
// price / price (relative)".
std::string DescribeRule(const ScoringRule& rule, const std::string& currency,
                         const std::string& unit);

// Formats a number with a fixed count of decimals, grouping thousands with
// commas ("1,234.56"), as circa prints numbers everywhere.
std::string FormatNumber(double value, int decimals);

}  // namespace circa

#endif  // CIRCA_EXPLAIN_H_
