// Abnormally low prices (Directive 2014/24/EU art. 69): the flag of one bid
// with its numbers and the law, and the notes of a rule that does not apply.
#include <algorithm>
#include <string>

#include "explain/words.h"

namespace circa {
namespace {

using explain::Arg;
using explain::Messages;

std::string Pct(double fraction, const Messages& m) {
  return m("abnormal.percent", {{"value", m.Number(100.0 * fraction, 2)}});
}

// The name of the price or cost criterion the rule looks at.
std::string PriceName(const FactContext& context, const Messages& m) {
  if (context.set == nullptr) return m("abnormal.price");
  const std::string& id = context.set->abnormally_low.criterion;
  return explain::CriterionName(context.set, id, id, context.language);
}

std::string Money(const FactContext& context, double v, const Messages& m) {
  const std::string currency =
      context.set != nullptr ? context.set->currency : std::string();
  return currency + " " + m.Number(v, 2);
}

const char* BasisKey(AbnormallyLowBasis basis) {
  switch (basis) {
    case AbnormallyLowBasis::kMeanWithoutHighest:
      return "abnormal.basis_without_highest";
    case AbnormallyLowBasis::kMeanWithoutHighestAndLowest:
      return "abnormal.basis_without_highest_lowest";
    case AbnormallyLowBasis::kMeanOfAll:
      return "abnormal.basis_all";
    case AbnormallyLowBasis::kMeanOfTwoLower:
      return "abnormal.basis_two_lower";
    case AbnormallyLowBasis::kMeanOfThreeLowest:
      return "abnormal.basis_three_lowest";
    case AbnormallyLowBasis::kMeanWithinTenPercent:
      return "abnormal.basis_within_ten";
    default:
      return nullptr;
  }
}

}  // namespace

std::string DescribeAbnormallyLow(const AbnormallyLowFlag& f,
                                  const FactContext& context) {
  if (!f.flagged()) return "";
  const Messages& m = explain::Words(context);
  const std::string price = PriceName(context, m);
  const std::string amount = Money(context, f.price, m);
  const std::string below = Pct(f.below, m);
  const std::string reference = Money(context, f.reference, m);
  const std::string paragraph = std::to_string(f.paragraph);
  const std::string count = std::to_string(f.count);
  const std::string of = std::to_string(f.of);
  const char* basis_key = BasisKey(f.basis);
  const std::string basis =
      basis_key == nullptr ? "" : m(basis_key, {{"count", count}, {"of", of}});
  const std::string threshold = m.Number(f.threshold, -1);
  const std::string limit = Money(context, f.limit, m);
  const std::initializer_list<Arg> args = {
      {"price_name", price},    {"price", amount},        {"below", below},
      {"reference", reference}, {"paragraph", paragraph}, {"count", count},
      {"basis", basis},         {"threshold", threshold}, {"limit", limit}};
  switch (f.basis) {
    case AbnormallyLowBasis::kNone:
      return "";
    case AbnormallyLowBasis::kMeanOfOthers:
      return m("abnormal.flag_mean_of_others", args);
    case AbnormallyLowBasis::kMeanWithoutHighest:
    case AbnormallyLowBasis::kMeanWithoutHighestAndLowest:
      return m("abnormal.flag_belgian", args);
    case AbnormallyLowBasis::kBudget:
      return m("abnormal.flag_budget", args);
    case AbnormallyLowBasis::kOtherBid:
      return m("abnormal.flag_other_bid", args);
    case AbnormallyLowBasis::kMeanOfAll:
    case AbnormallyLowBasis::kMeanOfTwoLower:
    case AbnormallyLowBasis::kMeanOfThreeLowest:
    case AbnormallyLowBasis::kMeanWithinTenPercent:
      return m("abnormal.flag_spanish_mean", args);
  }
  return "";
}

namespace explain {

std::string AbnormallyLowNote(const Note& note, const FactContext& context) {
  const Messages& m = Words(context);
  switch (note.kind) {
    case NoteKind::kAbnormallyLowNoNumber: {
      // The kind as a select keyword (no hyphens) and as written.
      const std::string contract(ToString(note.contract));
      std::string kind = contract;
      std::replace(kind.begin(), kind.end(), '-', '_');
      return m("abnormal.note_no_number",
               {{"contract", contract}, {"contract_kind", kind}});
    }
    case NoteKind::kAbnormallyLowPriceShare:
      return m("abnormal.note_price_share",
               {{"price_name", PriceName(context, m)},
                {"share", Pct(note.share, m)}});
    case NoteKind::kAbnormallyLowTooFewBids:
      return m("abnormal.note_too_few",
               {{"count", note.count}, {"n", std::to_string(note.count)}});
    case NoteKind::kAbnormallyLowIndicative:
      return m("abnormal.note_indicative",
               {{"price_name", PriceName(context, m)},
                {"share", Pct(note.share, m)}});
    case NoteKind::kAbnormallyLowNoBudgetOne:
      return m("abnormal.note_no_budget_one");
    case NoteKind::kAbnormallyLowNoBudgetThree:
      return m("abnormal.note_no_budget_three");
    default:
      return "";
  }
}

}  // namespace explain
}  // namespace circa
