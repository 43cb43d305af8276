// Internal to engine/explain: the shared pieces of the words written from
// an evaluation's facts (numbers, bid names, a criterion's value and
// formula, the award-order steps).
#ifndef CIRCA_ENGINE_EXPLAIN_WORDS_H_
#define CIRCA_ENGINE_EXPLAIN_WORDS_H_

#include <string>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/evaluation.h"
#include "circa/explain.h"
#include "circa/panel.h"
#include "circa/scorer.h"
#include "explain/messages.h"

namespace circa::explain {

inline constexpr int kPointDecimals = 2;

// The catalogue of a context's language.
inline const Messages& Words(const FactContext& context) {
  return Messages::Of(context.language);
}
// Points as printed everywhere: two decimals, in the language's convention.
std::string Pts(double v, const Messages& m);
// A bid's id, or "bid N" (1-based) without ids.
std::string BidId(int bid, const std::vector<std::string>* ids,
                  const Messages& m);
// The decimals the set rounds points to, 2 when it does not round.
int PointDecimals(const CriteriaSet* set);
// The name of criterion `id` in the set in `language` (its label, else its
// name), or `fallback`.
std::string CriterionName(const CriteriaSet* set, const std::string& id,
                          const std::string& fallback,
                          Language language = Language::kEnglish);
// One sentence on a panel cell in the language of `m` (engine/explain/
// panel.cc; circa::DescribePanel is the English one).
std::string DescribePanel(const PanelCell& cell, const CriteriaSet& set,
                          const Messages& m);
// "A, B and C" in the language of `m` ("A, B en C", "A, B et C").
std::string JoinAnd(const std::vector<std::string>& items, const Messages& m);

// The words for one bid's criterion cells (criterion.cc).
struct Context {
  const CriteriaSet& set;
  const Scorer& scorer;
  const BidSet& bids;
  const Evaluation& e;
  const Messages& m;
  // Column names in the context's language (the labels), by column.
  const std::vector<std::string>& names;

  std::string BidName(int i) const;
  // The value of bid i on column j as a reader should see it.
  std::string Value(int i, std::size_t j) const;
  // "lowest price 8,000 EUR (B) / 10,000 EUR = 0.8000"
  std::string Formula(int i, std::size_t j) const;
  // What the reader gets from DescribeNote with this context.
  FactContext Facts() const;
};

// "B", "B and C", "B, C, D and 997 other bids": at most five names
// (tie_break.cc).
std::string TiePartners(const Evaluation& e, const BidSet& bids, int bid,
                        const std::vector<std::size_t>& tie_start,
                        const Messages& m);
// A tie record's steps, joined by "; ".
std::string TieSteps(const TieBreakRecord& record, const FactContext& context);
// The sentence of a kTie note (tie_break.cc).
std::string TieNote(const TieBreakRecord& record, const FactContext& context);

// The note sentences of the abnormally-low rules (abnormally_low.cc).
std::string AbnormallyLowNote(const Note& note, const FactContext& context);

// The award-order steps of one bid, in order, each a kAwardStep sentence
// of `sink` (award_steps.cc; docs/criteria-format.md, "Award order").
void AwardSteps(const CriteriaSet& set, const Scorer& scorer,
                const BidSet& bids, const Evaluation& e, int i,
                const PanelResult* panel, const std::vector<int>& tie_record,
                Language language, ExplanationSink& sink);

}  // namespace circa::explain

#endif  // CIRCA_ENGINE_EXPLAIN_WORDS_H_
