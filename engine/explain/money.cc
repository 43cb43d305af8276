// Words for a money-based award (docs/money-methods.md): each bid's sentence
// from its adjustments, evaluated price and rank; the method's sentence;
// the notes on ties. Only reads the facts in MoneyRanking and AwardResult.
#include <cmath>
#include <string>
#include <vector>

#include "circa/explain.h"
#include "explain/money_words.h"

namespace circa {
namespace {

std::string Percent(double fraction) {
  return FormatNumber(fraction * 100, -1) + " %";
}

// "A", "A and B", "A, B and C".
std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) out += k + 1 == items.size() ? " and " : ", ";
    out += items[k];
  }
  return out;
}

// "a malus of 500.00 EUR" for a negative worth, else "2,500.00 EUR".
std::string Worth(double worth, const std::string& currency) {
  return worth < 0 ? "a malus of " + FormatMoney(-worth, currency)
                   : FormatMoney(worth, currency);
}

std::string FictitiousSentence(const MoneyRanking& r, std::size_t i,
                               const std::string& clause) {
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  double total = 0;
  std::string parts;
  for (const MoneyAdjustment& a : b.adjustments) {
    total -= a.amount;
    if (!parts.empty()) parts += "; ";
    const std::string how = AdjustmentHowText(a, cur);
    const std::string value = Worth(-a.amount, cur);
    parts += a.name + ": " + AdjustmentLevelText(a, cur) + ", " + how;
    if (how != value) parts += " = " + value;
  }
  // A negative total is a malus: it is added, never "minus minus".
  const bool malus = total < 0;
  return MoneyBidLabel(b) + " offers " + FormatMoney(b.price, cur) +
         (malus ? "; its quality carries a malus of " + FormatMoney(-total, cur)
                : "; its quality is valued at " + FormatMoney(total, cur)) +
         " (" + parts + "), so its fictitious price is " +
         FormatNumber(b.price, 2) + (malus ? " + " : " - ") +
         FormatNumber(std::abs(total), 2) + " = " +
         FormatMoney(b.evaluated, cur, r.decimals) + ", " + clause + ".";
}

std::string LadderSentence(const MoneyRanking& r, std::size_t i,
                           const std::string& clause) {
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  const MoneyAdjustment& a = b.adjustments.front();
  const std::string earns =
      a.kind == AdjustmentKind::kDiscountShare
          ? "a " + Percent(a.value) + " discount (" +
                FormatMoney(-a.amount, cur) + ")"
          : "a discount of " + FormatMoney(-a.amount, cur);
  return MoneyBidLabel(b) + " offers " + FormatMoney(b.price, cur) + " at " +
         a.name + " " + a.level + ", which earns " + earns +
         ", so its evaluated price is " +
         FormatMoney(b.evaluated, cur, r.decimals) + ", " + clause + ".";
}

std::string EnvironmentalSentence(const MoneyRanking& r, std::size_t i,
                                  const std::string& clause) {
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  const MoneyAdjustment& a = b.adjustments.front();
  return MoneyBidLabel(b) + " offers " + FormatMoney(b.price, cur) +
         " with an " + a.name + " of " + AdjustmentLevelText(a, cur) +
         "; at the declared factor " + FormatNumber(a.factor, -1) +
         " this adds " + FormatMoney(a.amount, cur) +
         ", so its evaluated price is " +
         FormatMoney(b.evaluated, cur, r.decimals) + ", " + clause + ".";
}

std::string ProzorroSentence(const MoneyRanking& r, std::size_t i,
                             const std::string& clause) {
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  std::string values;
  double sum_v = 0;
  for (const MoneyAdjustment& a : b.adjustments) {
    if (!values.empty()) values += " + ";
    values += a.name + " " + AdjustmentLevelText(a, cur);
    sum_v += a.value;
  }
  const std::string max = FormatNumber(r.feature_max, -1);
  return MoneyBidLabel(b) + " offers " + FormatMoney(b.price, cur) +
         " with feature values " + values + " = " + FormatNumber(sum_v, -1) +
         " (maximum " + max + "), so its price is divided by 1 + " +
         FormatNumber(sum_v, -1) + " / (1 - " + max +
         ") = " + FormatNumber(b.coefficient, 6) +
         " and its adjusted price is " +
         FormatMoney(b.evaluated, cur, r.decimals) + ", " + clause + ".";
}

}  // namespace

std::string FormatMoney(double value, const std::string& currency,
                        int decimals) {
  return FormatNumber(value, decimals) + " " + currency;
}

std::string OrdinalNumber(int n) {
  const int mod100 = n % 100;
  const int mod10 = n % 10;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    if (mod10 == 1) suffix = "st";
    if (mod10 == 2) suffix = "nd";
    if (mod10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string MoneyBidLabel(const MoneyBidResult& bid) {
  return bid.supplier.empty() ? "Bid " + bid.id
                              : "Bid " + bid.id + " (" + bid.supplier + ")";
}

std::string AdjustmentLevelText(const MoneyAdjustment& a,
                                const std::string& currency) {
  switch (a.kind) {
    case AdjustmentKind::kCostAdded:
      return FormatMoney(a.value, currency);
    case AdjustmentKind::kFeature:
      return FormatNumber(a.value, -1);
    default:
      return a.level;
  }
}

std::string AdjustmentHowText(const MoneyAdjustment& a,
                              const std::string& currency) {
  switch (a.kind) {
    case AdjustmentKind::kValueShare:
    case AdjustmentKind::kDiscountShare:
      return Percent(a.value) + " of " + FormatMoney(a.base, currency);
    case AdjustmentKind::kValueAmount:
      return Worth(a.value, currency);
    case AdjustmentKind::kDiscountAmount:
      return FormatMoney(a.value, currency) + " for this level";
    case AdjustmentKind::kCostAdded:
      return FormatNumber(a.factor, -1) + " x " +
             FormatMoney(a.value, currency);
    case AdjustmentKind::kFeature:
      return a.level;
  }
  return {};
}

std::vector<std::string> MoneyTieStepTexts(const MoneyRanking& r,
                                           const TieBreakRecord& t,
                                           const CriteriaSet* set) {
  std::vector<std::string> out;
  for (const TieBreakStepRecord& step : t.steps) {
    // The keys name bids of the whole ranking; only these few are worded.
    TieBreakStepRecord local = step;
    std::vector<std::string> ids;
    for (std::size_t k = 0; k < local.keys.size(); ++k) {
      const auto bid = static_cast<std::size_t>(local.keys[k].bid);
      ids.push_back(bid < r.bids.size() ? r.bids[bid].id : std::string());
      local.keys[k].bid = static_cast<int>(k);
    }
    FactContext words;
    words.set = set;
    words.ids = &ids;
    words.plain_tie_values = true;
    out.push_back(DescribeTieStep(local, words));
  }
  return out;
}

std::string RankClause(const MoneyRanking& r, std::size_t i,
                       const std::vector<TieBreakRecord>& tie_breaks,
                       const CriteriaSet* set) {
  const MoneyBidResult& b = r.bids[i];
  const std::string of = " of " + std::to_string(r.bids.size());
  const bool settled =
      r.tie_policy != MoneyTiePolicy::kNotApplied && b.tie_record >= 0 &&
      static_cast<std::size_t>(b.tie_record) < tie_breaks.size();
  if (settled) {
    const TieBreakRecord& t =
        tie_breaks[static_cast<std::size_t>(b.tie_record)];
    std::vector<std::string> others;
    for (const int o : t.bids) {
      if (static_cast<std::size_t>(o) != i) {
        others.push_back(r.bids[static_cast<std::size_t>(o)].id);
      }
    }
    const std::string with =
        "bid" + std::string(others.size() > 1 ? "s " : " ") + JoinAnd(others);
    std::string how;
    for (const std::string& step : MoneyTieStepTexts(r, t, set)) {
      how += (how.empty() ? "" : "; ") + step;
    }
    if (r.tie_policy == MoneyTiePolicy::kNoneDeclared) {
      return "which ties for " + OrdinalNumber(b.rank) + of + " with " + with +
             " (lowest wins); the criteria set declares no tie-break, so the "
             "tie stands";
    }
    if (!b.tied) {
      return "which ties on evaluated price with " + with + " and ranks " +
             OrdinalNumber(b.rank) + of + " by the declared tie-break (" + how +
             ")";
    }
    return "which ties for " + OrdinalNumber(b.rank) + of + " with " + with +
           " (lowest wins); the declared tie-break did not separate them" +
           (how.empty() ? "" : " (" + how + ")");
  }
  if (!b.tied) {
    return "which ranks " + OrdinalNumber(b.rank) + of + " (lowest wins)";
  }
  std::vector<std::string> others;
  if (b.tie_group >= 0 &&
      static_cast<std::size_t>(b.tie_group) < r.ties.size()) {
    for (const std::size_t j : r.ties[static_cast<std::size_t>(b.tie_group)]) {
      if (j != i) others.push_back(r.bids[j].id);
    }
  }
  return "which ties for " + OrdinalNumber(b.rank) + of + " with bid" +
         (others.size() > 1 ? "s " : " ") + JoinAnd(others) +
         " (lowest wins; the tie is not broken here)";
}

std::string MoneyBidSentence(const MoneyRanking& r, std::size_t i,
                             const std::vector<TieBreakRecord>& tie_breaks,
                             const CriteriaSet* set) {
  const std::string clause = RankClause(r, i, tie_breaks, set);
  switch (r.method) {
    case MoneyMethod::kFictitiousPrice:
      return FictitiousSentence(r, i, clause);
    case MoneyMethod::kLadderDiscount:
      return LadderSentence(r, i, clause);
    case MoneyMethod::kEnvironmentalCost:
      return EnvironmentalSentence(r, i, clause);
    case MoneyMethod::kProzorro:
      return ProzorroSentence(r, i, clause);
  }
  return {};
}

std::string MoneyBidSentence(const AwardResult& award, std::size_t i,
                             const CriteriaSet* set) {
  return MoneyBidSentence(award.ranking, i, award.tie_breaks, set);
}

std::string MoneyMethodTitle(MoneyMethod m) {
  switch (m) {
    case MoneyMethod::kFictitiousPrice:
      return "fictitious price";
    case MoneyMethod::kLadderDiscount:
      return "discount per level";
    case MoneyMethod::kEnvironmentalCost:
      return "environmental cost added";
    case MoneyMethod::kProzorro:
      return "ProZorro features";
  }
  return "?";
}

std::string MoneyMethodSentence(const MoneyAward& a, const std::string& price) {
  const std::string d = std::to_string(a.options.decimals);
  std::string what;
  switch (a.method) {
    case MoneyMethod::kFictitiousPrice:
      what = "evaluated price = " + price +
             " - the money value of the quality levels achieved (a negative "
             "value is a malus)";
      break;
    case MoneyMethod::kLadderDiscount:
      what = a.ladder.kind == LevelValue::kFraction
                 ? "evaluated price = " + price + " x (1 - the discount of " +
                       "the level achieved on " + a.ladder.name + ")"
                 : "evaluated price = " + price +
                       " - the amount of the level achieved on " +
                       a.ladder.name;
      break;
    case MoneyMethod::kEnvironmentalCost:
      what = "evaluated price = " + price + " + " +
             FormatNumber(a.environmental.factor, -1) + " x " +
             a.environmental.name;
      break;
    case MoneyMethod::kProzorro:
      what = "adjusted price = " + price +
             " / (1 + sum of the bid's feature values / (1 - sum of the "
             "features' maxima)), the maxima capped at " +
             FormatNumber(a.prozorro.cap, -1);
      break;
  }
  return "Award on " + MoneyMethodTitle(a.method) + ": " + what +
         "; amounts rounded to " + d +
         " decimals; the lowest evaluated price wins.";
}

std::string MoneyTieWarning(const AwardResult& a, const TieBreakRecord& t,
                            bool declared) {
  std::string ids;
  for (const int k : t.bids) {
    ids += (ids.empty() ? "" : ", ") +
           a.ranking.bids[static_cast<std::size_t>(k)].id;
  }
  return "bids " + ids + " tie on evaluated price; " +
         (!declared    ? "the criteria set declares no tie-break, so the tie "
                         "stands"
          : t.resolved ? "the declared tie-break decided it"
                       : "the declared tie-break did not separate all of them");
}

std::string MoneyTieNote(const AwardResult& a, const TieBreakRecord& t,
                         const CriteriaSet& set) {
  const bool declared = !set.tie_break.empty();
  const std::string& currency = set.currency;
  std::vector<std::string> ids;
  for (const int k : t.bids) {
    ids.push_back(a.ranking.bids[static_cast<std::size_t>(k)].id);
  }

  std::string text = "Bids " + JoinAnd(ids) + " tie on evaluated price (" +
                     FormatMoney(-t.total, currency, a.award.options.decimals) +
                     "); ";
  if (!declared) {
    return text +
           "the criteria set declares no tie-break, so the tie stands and "
           "they share the rank.";
  }
  text += "the declared tie-break ";
  text += t.resolved ? "decided it" : "did not separate all of them";
  if (!t.steps.empty()) {
    text += " (";
    const std::vector<std::string> steps =
        MoneyTieStepTexts(a.ranking, t, &set);
    for (std::size_t s = 0; s < steps.size(); ++s) {
      text += (s == 0 ? "" : "; ") + steps[s];
    }
    text += ")";
  }
  return text + ".";
}

}  // namespace circa
