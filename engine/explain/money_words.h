// Words for the money side: a money-based award's bids and method, life-cycle
// cost offers and their residual values. Built only from the facts the
// engine stores (MoneyRanking, AwardResult, LccEvaluation); nothing here
// computes a price. Definitions: engine/explain/money.cc (money awards) and
// engine/explain/lcc.cc (life-cycle cost). The panel's words are declared in
// circa/panel.h and defined in engine/explain/panel.cc.
#ifndef CIRCA_ENGINE_EXPLAIN_MONEY_WORDS_H_
#define CIRCA_ENGINE_EXPLAIN_MONEY_WORDS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "circa/award.h"
#include "circa/evaluation.h"
#include "circa/language.h"
#include "circa/lcc.h"
#include "circa/money.h"

namespace circa {

// "1st", "2nd", "3rd", "11th"...
std::string OrdinalNumber(int n);

// "Bid B" or "Bid B (Supplier)".
std::string MoneyBidLabel(const MoneyBidResult& bid,
                          Language language = Language::kEnglish);

// What an adjustment's level reads as: the level achieved (fictitious
// price, ladder), the environmental cost as money ("12,000.00 EUR"), the
// feature value ("0.05", ProZorro).
std::string AdjustmentLevelText(const MoneyAdjustment& adjustment,
                                const std::string& currency,
                                Language language = Language::kEnglish);
// How the adjustment's amount was found: "60 % of 2,500.00 EUR", "a malus of
// 500.00 EUR", "5 % of 80,000.00 EUR", "2,000.00 EUR for this level",
// "1.5 x 12,000.00 EUR", or the feature option's title (ProZorro).
std::string AdjustmentHowText(const MoneyAdjustment& adjustment,
                              const std::string& currency,
                              Language language = Language::kEnglish);

// The end of bid `bid`'s sentence: "which ranks 1st of 3 (lowest wins)",
// "which ties for 1st of 3 with bid B (lowest wins; the tie is not broken
// here)", or, after the set's tie-break policy (MoneyRanking::tie_policy),
// how `tie_breaks[bid.tie_record]` settled it.
// The tie-break rules applied to one tie on the evaluated price, one text
// per rule ("rule 1, lower Price: B 900,000, C 950,000"); `set` names the
// criteria (by id without it). O(bids in the tie), not O(bids).
std::vector<std::string> MoneyTieStepTexts(
    const MoneyRanking& ranking, const TieBreakRecord& tie,
    const CriteriaSet* set, Language language = Language::kEnglish);

// `set` names the criteria of tie-break rules ("lower Price"); without it
// they are named by id.
std::string RankClause(const MoneyRanking& ranking, std::size_t bid,
                       const std::vector<TieBreakRecord>& tie_breaks = {},
                       const CriteriaSet* set = nullptr,
                       Language language = Language::kEnglish);

// One sentence per bid for the award letter: price, adjustments, evaluated
// price and rank (the method's words: docs/money-methods.md).
std::string MoneyBidSentence(const MoneyRanking& ranking, std::size_t bid,
                             const std::vector<TieBreakRecord>& tie_breaks = {},
                             const CriteriaSet* set = nullptr,
                             Language language = Language::kEnglish);
// The same for a bid of an award (its tie records).
std::string MoneyBidSentence(const AwardResult& award, std::size_t bid,
                             const CriteriaSet* set = nullptr,
                             Language language = Language::kEnglish);

// "fictitious price", "discount per level"...
std::string MoneyMethodTitle(MoneyMethod method,
                             Language language = Language::kEnglish);
// The method in one sentence with its formula; `price` names P.
std::string MoneyMethodSentence(const MoneyAward& award,
                                const std::string& price,
                                Language language = Language::kEnglish);
// One note per tie on the evaluated price: "Bids A and B tie on evaluated
// price (...); ...". `declared` says whether the set declares a tie-break.
// The warning `circa score` prints for a tie on evaluated price: "bids B, C
// tie on evaluated price; the declared tie-break decided it".
std::string MoneyTieWarning(const AwardResult& award, const TieBreakRecord& tie,
                            bool declared);

std::string MoneyTieNote(const AwardResult& award, const TieBreakRecord& tie,
                         const CriteriaSet& set,
                         Language language = Language::kEnglish);

// How an offer's residual value was found: "declared by the bidder",
// "linear: 1 of 3 years of life left x 900.00 EUR"...
std::string ResidualBasisText(const LccResidual& residual,
                              const std::string& currency,
                              Language language = Language::kEnglish);
// One sentence per offer for the award letter: kind, price or fees, LCC,
// present values by component, replacements and rank.
std::string LccOfferSentence(const LccEvaluation& lcc, std::size_t offer,
                             Language language = Language::kEnglish);
// A component's name ("residual value", "restwaarde") and its short form
// for a narrow table column ("residual"), in `language`.
std::string LccComponentName(LccComponent component, Language language);
std::string LccComponentShort(LccComponent component, Language language);
// The discount rate: "4 %", "4%".
std::string LccRateText(double rate, Language language);
// "a purchase at 45,000.00 EUR with a life-cycle cost of ... over 8 years at
// a 4 % discount rate": the lead of a criterion scored on LCC.
std::string LccClauseText(const LccEvaluation& lcc, const LccOfferResult& offer,
                          Language language);
// "Life-cycle cost over 8 years at a 4 % discount rate (EUR, present
// values)".
std::string LccHeadingText(const LccEvaluation& lcc, Language language);

}  // namespace circa

#endif  // CIRCA_ENGINE_EXPLAIN_MONEY_WORDS_H_
