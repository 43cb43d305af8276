// Abnormally low prices (Directive 2014/24/EU art. 69): the flag of one bid
// with its numbers and the law, and the notes of a rule that does not apply.
#include <string>

#include "explain/words.h"

namespace circa {
namespace {

constexpr const char* kBelgianLaw =
    "Belgium, royal decree of 18 April 2017 (classic sectors) art. 36";
constexpr const char* kAsk =
    "; a justification must be requested before the award (Directive "
    "2014/24/EU art. 69); the bid keeps its rank";

std::string Pct(double fraction) {
  return FormatNumber(100.0 * fraction, 2) + " %";
}

// The name of the price or cost criterion the rule looks at.
std::string PriceName(const FactContext& context) {
  if (context.set == nullptr) return "price";
  const std::string& id = context.set->abnormally_low.criterion;
  return explain::CriterionName(context.set, id, id);
}

std::string Money(const FactContext& context, double v) {
  const std::string currency =
      context.set != nullptr ? context.set->currency : std::string();
  return currency + " " + FormatNumber(v, 2);
}

std::string Basis(const AbnormallyLowFlag& f) {
  switch (f.basis) {
    case AbnormallyLowBasis::kMeanWithoutHighest:
      return "the mean of the bids without the highest (" +
             std::to_string(f.of) + " bids, fewer than 7)";
    case AbnormallyLowBasis::kMeanWithoutHighestAndLowest:
      return "the mean of the bids without the highest and the lowest (" +
             std::to_string(f.of) + " bids, 7 or more)";
    case AbnormallyLowBasis::kMeanOfAll:
      return "the mean of the " + std::to_string(f.count) + " bids";
    case AbnormallyLowBasis::kMeanOfTwoLower:
      return "the mean of the 2 lower bids (the highest is more than 10 % "
             "above the mean of all 3 and is left out)";
    case AbnormallyLowBasis::kMeanOfThreeLowest:
      return "the mean of the 3 lowest bids";
    case AbnormallyLowBasis::kMeanWithinTenPercent:
      return "the mean of the " + std::to_string(f.count) +
             " bids not more than 10 % above the mean of all " +
             std::to_string(f.of);
    default:
      return "";
  }
}

}  // namespace

std::string DescribeAbnormallyLow(const AbnormallyLowFlag& f,
                                  const FactContext& context) {
  if (!f.flagged()) return "";
  const std::string head = PriceName(context) + " " + Money(context, f.price) +
                           " is " + Pct(f.below) + " below ";
  const std::string cite =
      " (Spain, RGLCAP art. 85." + std::to_string(f.paragraph) + ")";
  switch (f.basis) {
    case AbnormallyLowBasis::kNone:
      return "";
    case AbnormallyLowBasis::kMeanOfOthers:
      return head + "the mean of the other " + std::to_string(f.count) +
             " valid bids (" + Money(context, f.reference) +
             "); the declared limit is " + FormatNumber(f.threshold, -1) +
             " % below (" + Money(context, f.limit) + ")" + kAsk;
    case AbnormallyLowBasis::kMeanWithoutHighest:
    case AbnormallyLowBasis::kMeanWithoutHighestAndLowest:
      return head + Basis(f) + ", " + Money(context, f.reference) +
             "; at least 15 % below must be examined (" + kBelgianLaw +
             " § 4)" + kAsk;
    case AbnormallyLowBasis::kBudget:
      return head + "the budget " + Money(context, f.reference) +
             "; more than 25 % below is abnormally low" + cite + kAsk;
    case AbnormallyLowBasis::kOtherBid:
      return head + "the other bid (" + Money(context, f.reference) +
             "); more than 20 % below is abnormally low" + cite + kAsk;
    case AbnormallyLowBasis::kMeanOfAll:
    case AbnormallyLowBasis::kMeanOfTwoLower:
    case AbnormallyLowBasis::kMeanOfThreeLowest:
    case AbnormallyLowBasis::kMeanWithinTenPercent:
      return head + Basis(f) + " (" + Money(context, f.reference) +
             "); more than 10 % below is abnormally low" + cite + kAsk;
  }
  return "";
}

namespace explain {

std::string AbnormallyLowNote(const Note& note, const FactContext& context) {
  const std::string law = kBelgianLaw;
  switch (note.kind) {
    case NoteKind::kAbnormallyLowNoNumber:
      return "abnormally-low: " + law + " § 1-3: for " +
             std::string(ToString(note.contract)) +
             " the buyer examines every price and asks for a "
             "justification of any that seems abnormally low; the "
             "decree sets no number, so circa flags no bid";
    case NoteKind::kAbnormallyLowPriceShare:
      return "abnormally-low: " + law +
             " § 4 applies its 15 % trigger "
             "when price decides alone or carries at least half of the "
             "weight; here " +
             PriceName(context) + " carries " + Pct(note.share) +
             "; every price is still examined (§ 1-3), circa flags "
             "no bid";
    case NoteKind::kAbnormallyLowTooFewBids:
      return "abnormally-low: " + law + " § 4 needs at least 4 bids; " +
             std::to_string(note.count) +
             " were ranked, so every price is examined (§ 1-3) and "
             "circa flags no bid";
    case NoteKind::kAbnormallyLowIndicative:
      return "abnormally-low: rglcap-85 (Spain, RGLCAP art. 85) is meant "
             "for price-only awards; here " +
             PriceName(context) + " carries " + Pct(note.share) +
             " of the points, so its flags are indicative only";
    case NoteKind::kAbnormallyLowNoBudgetOne:
      return "abnormally-low: RGLCAP art. 85.1 (Spain) compares a single bid "
             "with the tender budget, which the criteria set does not "
             "declare (abnormally-low.budget); not checked";
    case NoteKind::kAbnormallyLowNoBudgetThree:
      return "abnormally-low: RGLCAP art. 85.3 (Spain) also holds any of three "
             "bids more than 25 % below the tender budget abnormally low; the "
             "criteria set declares no budget (abnormally-low.budget), so that "
             "clause is not checked";
    default:
      return "";
  }
}

}  // namespace explain
}  // namespace circa
