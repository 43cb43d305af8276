// Explanations in words a buyer can paste into an award letter, built from
// the stored evaluation (never re-scoring).
#ifndef CIRCA_EXPLAIN_H_
#define CIRCA_EXPLAIN_H_

#include <string>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"
#include "circa/format.h"  // FormatNumber, declared here before
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

// Explains one bid at a time, so that a renderer writing a million bids
// holds one explanation, not a million. What every bid's explanation shares
// (the winner, the runner-up, where each rank's run starts, each bid's tie
// record, the note on relative rules) is computed once, in O(bids). The
// inputs must outlive the Explainer.
class Explainer {
 public:
  Explainer(const CriteriaSet& set, const Scorer& scorer, const BidSet& bids,
            const Evaluation& evaluation, const PanelResult* panel = nullptr);

  // The explanation of bid `bid` (an index into `bids`).
  BidExplanation Explain(int bid) const;

 private:
  BidExplanation Excluded(int bid) const;

  const CriteriaSet& set_;
  const Scorer& scorer_;
  const BidSet& bids_;
  const Evaluation& e_;
  const PanelResult* panel_;
  int winner_ = -1;
  int runner_up_ = -1;
  int ranked_ = 0;
  std::string relative_note_;  // empty when no rule is relative
  // Where each rank's run starts in e.order (tie partners without a scan).
  std::vector<std::size_t> tie_start_;
  // Each bid's tie record, -1 when none (no scan of every record per bid).
  std::vector<int> tie_record_;
};

// Every bid's explanation, in bid order (Explainer::Explain for each).
std::vector<BidExplanation> Explain(const CriteriaSet& set,
                                    const Scorer& scorer, const BidSet& bids,
                                    const Evaluation& evaluation,
                                    const PanelResult* panel = nullptr);

// Describes a scoring rule in one line, e.g. "lowest-ratio: score = lowest
// price / price (relative)".
std::string DescribeRule(const ScoringRule& rule, const std::string& currency,
                         const std::string& unit);

}  // namespace circa

#endif  // CIRCA_EXPLAIN_H_
