// Words for life-cycle cost (docs/lcc.md): each offer's sentence and how its
// residual value was found. Only reads the facts in LccEvaluation.
#include <algorithm>
#include <cmath>
#include <string>

#include "circa/explain.h"
#include "explain/money_words.h"
#include "explain/words.h"

namespace circa {

namespace {

// The component's id in the catalogue's choices ("service_fee").
const char* ComponentId(int c) {
  static constexpr const char* kIds[kLccComponents] = {
      "acquisition", "operating",     "maintenance", "repair",
      "service_fee", "externalities", "end_of_life", "residual"};
  return c >= 0 && c < kLccComponents ? kIds[c] : "";
}

std::string Money(const explain::Messages& m, double v,
                  const std::string& currency) {
  return m("value.money", {{"amount", m.Number(v, 2)}, {"currency", currency}});
}

}  // namespace

std::string LccComponentName(LccComponent component, Language language) {
  return explain::Messages::Of(language)(
      "lcc.component", {{"c", ComponentId(static_cast<int>(component))}});
}

std::string LccComponentShort(LccComponent component, Language language) {
  return explain::Messages::Of(language)(
      "lcc.short", {{"c", ComponentId(static_cast<int>(component))},
                    {"name", LccComponentName(component, language)}});
}

std::string LccRateText(double rate, Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  return m("lcc.rate", {{"value", m.Number(rate * 100, -1)}});
}

namespace {

// "over 8 years at a 4 % discount rate".
std::string Period(const LccEvaluation& e, Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  return m("lcc.period", {{"years", e.horizon},
                          {"horizon", std::to_string(e.horizon)},
                          {"rate", LccRateText(e.discount_rate, language)}});
}

}  // namespace

std::string ResidualBasisText(const LccResidual& r, const std::string& currency,
                              Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  switch (r.basis) {
    case ResidualBasis::kServiceTakeBack:
      return m("lcc.residual.take_back");
    case ResidualBasis::kServiceOwned:
      return m("lcc.residual.owned");
    case ResidualBasis::kDeclared:
      return m("lcc.residual.declared");
    case ResidualBasis::kEndOfLife:
      return m("lcc.residual.end_of_life", {{"life", std::to_string(r.life)}});
    case ResidualBasis::kNoneDeclared:
      return m("lcc.residual.none_declared");
    case ResidualBasis::kLinear:
      return m("lcc.residual.linear", {{"left", std::to_string(r.years_left)},
                                       {"life", std::to_string(r.life)},
                                       {"price", m.Number(r.price, 2)},
                                       {"currency", currency}});
  }
  return {};
}

std::string LccOfferSentence(const LccEvaluation& e, std::size_t index,
                             Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  const LccOfferResult& r = e.offers[index];
  const std::string& cur = e.currency;
  std::string offer = m("lcc.offer_label", {{"id", r.id}});
  if (!r.supplier.empty()) {
    offer = m("bid.with_supplier", {{"bid", offer}, {"supplier", r.supplier}});
  }
  std::string kind;
  if (r.kind == OfferKind::kService) {
    const double fees =
        r.nominal.col(static_cast<int>(LccComponent::kServiceFee))
            .tail(e.horizon)
            .sum();
    kind = m("lcc.service", {{"fees", Money(m, fees, cur)}});
  } else {
    kind = m("lcc.purchase", {{"price", Money(m, r.price, cur)}});
  }
  std::string parts;
  for (int c = 0; c < kLccComponents; ++c) {
    const double v = r.present_value(c);
    if (std::abs(v) < 0.005) continue;
    if (!parts.empty()) parts += m("list.comma");
    parts += m("lcc.part",
               {{"component",
                 LccComponentName(static_cast<LccComponent>(c), language)},
                {"value", m.Number(v, 2)}});
  }
  std::string replacements;
  if (!r.replacement_years.empty()) {
    std::vector<std::string> years;
    for (const int y : r.replacement_years) years.push_back(std::to_string(y));
    replacements =
        m("lcc.replacements",
          {{"count", years.size()}, {"years", explain::JoinAnd(years, m)}});
  }
  const std::string count = std::to_string(e.offers.size());
  std::string rank;
  if (!r.tied) {
    rank = m("lcc.ranks",
             {{"ordinal", m.Ordinal(r.rank)}, {"offer_count", count}});
  } else {
    std::string with;
    if (r.tie_group >= 0 &&
        static_cast<std::size_t>(r.tie_group) < e.ties.size()) {
      for (const std::size_t j :
           e.ties[static_cast<std::size_t>(r.tie_group)]) {
        if (j == index) continue;
        with += (with.empty() ? "" : m("list.comma")) + e.offers[j].id;
      }
    }
    rank = m("lcc.ties", {{"ordinal", m.Ordinal(r.rank)},
                          {"offer_count", count},
                          {"with", with}});
  }
  return m("lcc.sentence", {{"offer", offer},
                            {"kind", kind},
                            {"lcc", Money(m, r.lcc, cur)},
                            {"period", Period(e, language)},
                            {"parts", parts},
                            {"currency", cur},
                            {"replacements", replacements},
                            {"rank", rank}});
}

std::string LccClauseText(const LccEvaluation& lcc, const LccOfferResult& o,
                          Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  const std::string kind =
      o.kind == OfferKind::kService
          ? m("lcc.clause_service")
          : m("lcc.purchase", {{"price", Money(m, o.price, lcc.currency)}});
  return m("lcc.clause", {{"kind", kind},
                          {"lcc", Money(m, o.lcc_rounded, lcc.currency)},
                          {"period", Period(lcc, language)}});
}

std::string LccHeadingText(const LccEvaluation& lcc, Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  return m("lcc.heading",
           {{"period", Period(lcc, language)}, {"currency", lcc.currency}});
}

// A component as a reader names it (circa/lcc.h).
std::string_view Label(LccComponent component) {
  switch (component) {
    case LccComponent::kServiceFee:
      return "service fee";
    case LccComponent::kEndOfLife:
      return "end of life";
    case LccComponent::kResidual:
      return "residual value";
    default:
      return ToString(component);
  }
}

}  // namespace circa
