// Words for a money-based award (docs/money-methods.md): each bid's sentence
// from its adjustments, evaluated price and rank; the method's sentence;
// the notes on ties. Only reads the facts in MoneyRanking and AwardResult.
#include <cmath>
#include <string>
#include <vector>

#include "circa/explain.h"
#include "explain/money_words.h"
#include "explain/words.h"

namespace circa {
namespace {

using explain::Messages;

std::string Money(const Messages& m, double v, const std::string& currency,
                  int decimals = 2) {
  return m("value.money",
           {{"amount", m.Number(v, decimals)}, {"currency", currency}});
}

std::string Percent(const Messages& m, double fraction) {
  return m("money.percent", {{"value", m.Number(fraction * 100, -1)}});
}

// "a malus of 500.00 EUR" for a negative worth, else "2,500.00 EUR".
std::string Worth(const Messages& m, double worth,
                  const std::string& currency) {
  return worth < 0 ? m("money.malus", {{"amount", Money(m, -worth, currency)}})
                   : Money(m, worth, currency);
}

std::string FictitiousSentence(const MoneyRanking& r, std::size_t i,
                               const std::string& clause, Language language) {
  const Messages& m = Messages::Of(language);
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  double total = 0;
  std::string parts;
  for (const MoneyAdjustment& a : b.adjustments) {
    total -= a.amount;
    if (!parts.empty()) parts += m("money.sep");
    const std::string how = AdjustmentHowText(a, cur, language);
    const std::string value = Worth(m, -a.amount, cur);
    const std::string level = AdjustmentLevelText(a, cur, language);
    parts += how != value
                 ? m("money.part_value", {{"name", a.name},
                                          {"level", level},
                                          {"how", how},
                                          {"value", value}})
                 : m("money.part",
                     {{"name", a.name}, {"level", level}, {"how", how}});
  }
  // A negative total is a malus: it is added, never "minus minus".
  const bool malus = total < 0;
  return m(malus ? "money.fictitious_malus" : "money.fictitious",
           {{"bid", MoneyBidLabel(b, language)},
            {"price", Money(m, b.price, cur)},
            {"total", Money(m, std::abs(total), cur)},
            {"parts", parts},
            {"p", m.Number(b.price, 2)},
            {"t", m.Number(std::abs(total), 2)},
            {"evaluated", Money(m, b.evaluated, cur, r.decimals)},
            {"clause", clause}});
}

std::string LadderSentence(const MoneyRanking& r, std::size_t i,
                           const std::string& clause, Language language) {
  const Messages& m = Messages::Of(language);
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  const MoneyAdjustment& a = b.adjustments.front();
  const std::string earns =
      a.kind == AdjustmentKind::kDiscountShare
          ? m("money.earns_share", {{"percent", Percent(m, a.value)},
                                    {"amount", Money(m, -a.amount, cur)}})
          : m("money.earns_amount", {{"amount", Money(m, -a.amount, cur)}});
  return m("money.ladder",
           {{"bid", MoneyBidLabel(b, language)},
            {"price", Money(m, b.price, cur)},
            {"name", a.name},
            {"level", a.level},
            {"earns", earns},
            {"evaluated", Money(m, b.evaluated, cur, r.decimals)},
            {"clause", clause}});
}

std::string EnvironmentalSentence(const MoneyRanking& r, std::size_t i,
                                  const std::string& clause,
                                  Language language) {
  const Messages& m = Messages::Of(language);
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  const MoneyAdjustment& a = b.adjustments.front();
  return m("money.environmental",
           {{"bid", MoneyBidLabel(b, language)},
            {"price", Money(m, b.price, cur)},
            {"name", a.name},
            {"level", AdjustmentLevelText(a, cur, language)},
            {"factor", m.Number(a.factor, -1)},
            {"amount", Money(m, a.amount, cur)},
            {"evaluated", Money(m, b.evaluated, cur, r.decimals)},
            {"clause", clause}});
}

std::string ProzorroSentence(const MoneyRanking& r, std::size_t i,
                             const std::string& clause, Language language) {
  const Messages& m = Messages::Of(language);
  const MoneyBidResult& b = r.bids[i];
  const std::string& cur = r.currency;
  std::string values;
  double sum_v = 0;
  for (const MoneyAdjustment& a : b.adjustments) {
    if (!values.empty()) values += " + ";
    values += a.name + " " + AdjustmentLevelText(a, cur, language);
    sum_v += a.value;
  }
  return m("money.prozorro",
           {{"bid", MoneyBidLabel(b, language)},
            {"price", Money(m, b.price, cur)},
            {"values", values},
            {"sum", m.Number(sum_v, -1)},
            {"max", m.Number(r.feature_max, -1)},
            {"coefficient", m.Number(b.coefficient, 6)},
            {"evaluated", Money(m, b.evaluated, cur, r.decimals)},
            {"clause", clause}});
}

// "bid B", "bids B and C".
std::string With(const Messages& m, const std::vector<std::string>& ids) {
  return m("money.with",
           {{"n", ids.size()}, {"ids", explain::JoinAnd(ids, m)}});
}

}  // namespace

std::string FormatMoney(double value, const std::string& currency,
                        int decimals) {
  return FormatNumber(value, decimals) + " " + currency;
}

std::string OrdinalNumber(int n) {
  return Messages::Of(Language::kEnglish).Ordinal(n);
}

std::string MoneyBidLabel(const MoneyBidResult& bid, Language language) {
  const Messages& m = Messages::Of(language);
  const std::string label = m("money.bid", {{"id", bid.id}});
  return bid.supplier.empty() ? label
                              : m("bid.with_supplier",
                                  {{"bid", label}, {"supplier", bid.supplier}});
}

std::string AdjustmentLevelText(const MoneyAdjustment& a,
                                const std::string& currency,
                                Language language) {
  const Messages& m = Messages::Of(language);
  switch (a.kind) {
    case AdjustmentKind::kCostAdded:
      return Money(m, a.value, currency);
    case AdjustmentKind::kFeature:
      return m.Number(a.value, -1);
    default:
      return a.level;
  }
}

std::string AdjustmentHowText(const MoneyAdjustment& a,
                              const std::string& currency, Language language) {
  const Messages& m = Messages::Of(language);
  switch (a.kind) {
    case AdjustmentKind::kValueShare:
    case AdjustmentKind::kDiscountShare:
      return m("money.share", {{"percent", Percent(m, a.value)},
                               {"base", Money(m, a.base, currency)}});
    case AdjustmentKind::kValueAmount:
      return Worth(m, a.value, currency);
    case AdjustmentKind::kDiscountAmount:
      return m("money.for_level", {{"amount", Money(m, a.value, currency)}});
    case AdjustmentKind::kCostAdded:
      return m.Number(a.factor, -1) + " x " + Money(m, a.value, currency);
    case AdjustmentKind::kFeature:
      return a.level;
  }
  return {};
}

std::vector<std::string> MoneyTieStepTexts(const MoneyRanking& r,
                                           const TieBreakRecord& t,
                                           const CriteriaSet* set,
                                           Language language) {
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
    words.language = language;
    out.push_back(DescribeTieStep(local, words));
  }
  return out;
}

std::string RankClause(const MoneyRanking& r, std::size_t i,
                       const std::vector<TieBreakRecord>& tie_breaks,
                       const CriteriaSet* set, Language language) {
  const Messages& m = Messages::Of(language);
  const MoneyBidResult& b = r.bids[i];
  const std::string count = std::to_string(r.bids.size());
  const std::string ordinal = m.Ordinal(b.rank);
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
    const std::string with = With(m, others);
    std::string how;
    for (const std::string& step : MoneyTieStepTexts(r, t, set, language)) {
      how += (how.empty() ? "" : m("money.sep")) + step;
    }
    if (r.tie_policy == MoneyTiePolicy::kNoneDeclared) {
      return m("money.rank_no_rule",
               {{"ordinal", ordinal}, {"count", count}, {"with", with}});
    }
    if (!b.tied) {
      return m("money.rank_settled", {{"ordinal", ordinal},
                                      {"count", count},
                                      {"with", with},
                                      {"how", how}});
    }
    return m("money.rank_open",
             {{"ordinal", ordinal},
              {"count", count},
              {"with", with},
              {"how", how.empty() ? how : " (" + how + ")"}});
  }
  if (!b.tied) {
    return m("money.rank", {{"ordinal", ordinal}, {"count", count}});
  }
  std::vector<std::string> others;
  if (b.tie_group >= 0 &&
      static_cast<std::size_t>(b.tie_group) < r.ties.size()) {
    for (const std::size_t j : r.ties[static_cast<std::size_t>(b.tie_group)]) {
      if (j != i) others.push_back(r.bids[j].id);
    }
  }
  return m("money.rank_tied",
           {{"ordinal", ordinal}, {"count", count}, {"with", With(m, others)}});
}

std::string MoneyBidSentence(const MoneyRanking& r, std::size_t i,
                             const std::vector<TieBreakRecord>& tie_breaks,
                             const CriteriaSet* set, Language language) {
  const std::string clause = RankClause(r, i, tie_breaks, set, language);
  switch (r.method) {
    case MoneyMethod::kFictitiousPrice:
      return FictitiousSentence(r, i, clause, language);
    case MoneyMethod::kLadderDiscount:
      return LadderSentence(r, i, clause, language);
    case MoneyMethod::kEnvironmentalCost:
      return EnvironmentalSentence(r, i, clause, language);
    case MoneyMethod::kProzorro:
      return ProzorroSentence(r, i, clause, language);
  }
  return {};
}

std::string MoneyBidSentence(const AwardResult& award, std::size_t i,
                             const CriteriaSet* set, Language language) {
  return MoneyBidSentence(award.ranking, i, award.tie_breaks, set, language);
}

std::string MoneyMethodTitle(MoneyMethod method, Language language) {
  const char* id = "?";
  switch (method) {
    case MoneyMethod::kFictitiousPrice:
      id = "fictitious";
      break;
    case MoneyMethod::kLadderDiscount:
      id = "ladder";
      break;
    case MoneyMethod::kEnvironmentalCost:
      id = "environmental";
      break;
    case MoneyMethod::kProzorro:
      id = "prozorro";
      break;
  }
  return Messages::Of(language)("money.method", {{"m", id}});
}

std::string MoneyMethodSentence(const MoneyAward& a, const std::string& price,
                                Language language) {
  const Messages& m = Messages::Of(language);
  std::string what;
  switch (a.method) {
    case MoneyMethod::kFictitiousPrice:
      what = m("money.what.fictitious", {{"price", price}});
      break;
    case MoneyMethod::kLadderDiscount:
      what =
          m(a.ladder.kind == LevelValue::kFraction ? "money.what.ladder_share"
                                                   : "money.what.ladder_amount",
            {{"price", price}, {"name", a.ladder.name}});
      break;
    case MoneyMethod::kEnvironmentalCost:
      what = m("money.what.environmental",
               {{"price", price},
                {"factor", m.Number(a.environmental.factor, -1)},
                {"name", a.environmental.name}});
      break;
    case MoneyMethod::kProzorro:
      what = m("money.what.prozorro",
               {{"price", price}, {"cap", m.Number(a.prozorro.cap, -1)}});
      break;
  }
  return m("money.method_sentence",
           {{"title", MoneyMethodTitle(a.method, language)},
            {"what", what},
            {"decimals", std::to_string(a.options.decimals)}});
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
                         const CriteriaSet& set, Language language) {
  const Messages& m = Messages::Of(language);
  const bool declared = !set.tie_break.empty();
  std::vector<std::string> ids;
  for (const int k : t.bids) {
    ids.push_back(a.ranking.bids[static_cast<std::size_t>(k)].id);
  }
  const std::string amount =
      Money(m, -t.total, set.currency, a.award.options.decimals);
  const std::string joined = explain::JoinAnd(ids, m);
  if (!declared) {
    return m("money.tie.none", {{"ids", joined}, {"amount", amount}});
  }
  std::string steps;
  if (!t.steps.empty()) {
    for (const std::string& step :
         MoneyTieStepTexts(a.ranking, t, &set, language)) {
      steps += (steps.empty() ? " (" : m("money.sep")) + step;
    }
    steps += ")";
  }
  return m(t.resolved ? "money.tie.decided" : "money.tie.open",
           {{"ids", joined}, {"amount", amount}, {"steps", steps}});
}

}  // namespace circa
