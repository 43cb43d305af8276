// Words for life-cycle cost (docs/lcc.md): each offer's sentence and how its
// residual value was found. Only reads the facts in LccEvaluation.
#include <algorithm>
#include <cmath>
#include <string>

#include "circa/explain.h"
#include "explain/money_words.h"

namespace circa {

std::string ResidualBasisText(const LccResidual& r,
                              const std::string& currency) {
  switch (r.basis) {
    case ResidualBasis::kServiceTakeBack:
      return "none: the provider takes the product back";
    case ResidualBasis::kServiceOwned:
      return "none: the provider owns the product";
    case ResidualBasis::kDeclared:
      return "declared by the bidder";
    case ResidualBasis::kEndOfLife:
      return "none: the unit reaches the end of its " + std::to_string(r.life) +
             "-year life at the horizon";
    case ResidualBasis::kNoneDeclared:
      return "none declared (residual-rule: none)";
    case ResidualBasis::kLinear:
      return "linear: " + std::to_string(r.years_left) + " of " +
             std::to_string(r.life) + " years of life left x " +
             FormatNumber(r.price, 2) + " " + currency;
  }
  return {};
}

std::string LccOfferSentence(const LccEvaluation& e, std::size_t index) {
  const LccOfferResult& r = e.offers[index];
  const std::string& cur = e.currency;
  std::string s = "Offer " + r.id;
  s += r.supplier.empty() ? "" : " (" + r.supplier + ")";
  if (r.kind == OfferKind::kService) {
    const double fees =
        r.nominal.col(static_cast<int>(LccComponent::kServiceFee))
            .tail(e.horizon)
            .sum();
    s += ", a service at " + FormatMoney(fees, cur) +
         " in fees over the horizon";
  } else {
    s += ", a purchase at " + FormatMoney(r.price, cur);
  }
  s += ", has a life-cycle cost of " + FormatMoney(r.lcc, cur) + " over " +
       std::to_string(e.horizon) + " years at a " +
       FormatNumber(e.discount_rate * 100, -1) +
       " % discount rate (present values: ";
  std::string parts;
  for (int c = 0; c < kLccComponents; ++c) {
    const double v = r.present_value(c);
    if (std::abs(v) < 0.005) continue;
    if (!parts.empty()) parts += ", ";
    parts += std::string(Label(static_cast<LccComponent>(c))) + " " +
             FormatNumber(v, 2);
  }
  s += parts + " " + cur + ")";
  if (!r.replacement_years.empty()) {
    s += ", with a replacement in year";
    s += r.replacement_years.size() > 1 ? "s " : " ";
    for (std::size_t k = 0; k < r.replacement_years.size(); ++k) {
      if (k > 0) s += k + 1 == r.replacement_years.size() ? " and " : ", ";
      s += std::to_string(r.replacement_years[k]);
    }
  }
  const std::string of = " of " + std::to_string(e.offers.size());
  if (!r.tied) {
    return s + ", and ranks " + OrdinalNumber(r.rank) + of + " (lowest wins).";
  }
  std::string with;
  if (r.tie_group >= 0 &&
      static_cast<std::size_t>(r.tie_group) < e.ties.size()) {
    for (const std::size_t j : e.ties[static_cast<std::size_t>(r.tie_group)]) {
      if (j == index) continue;
      with += (with.empty() ? "" : ", ") + e.offers[j].id;
    }
  }
  return s + ", and ties for " + OrdinalNumber(r.rank) + of + " with offer " +
         with + " (lowest wins; the tie is not broken here).";
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
