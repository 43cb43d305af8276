// Life-cycle cost: each offer's costs as a (years x components) matrix,
// discounted with one vector of discount factors (docs/lcc.md).
#include "circa/lcc.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>

#include "circa/money.h"
#include "util/number_format.h"

namespace circa {
namespace {

int Col(LccComponent c) { return static_cast<int>(c); }

std::string RateText(double rate) {
  return FormatNumber(rate * 100, -1) + " %";
}

// Residual value at the horizon of the unit then in service.
void Residual(const CostProfile& p, const CostOffer& o, LccOfferResult* out) {
  if (o.kind == OfferKind::kService) {
    out->residual = 0;
    out->residual_basis = o.take_back
                              ? "none: the provider takes the product back"
                              : "none: the provider owns the product";
    return;
  }
  if (o.residual) {
    out->residual = *o.residual;
    out->residual_basis = "declared by the bidder";
    return;
  }
  const int life = o.lifetime > 0 ? o.lifetime : p.horizon;
  const int bought =
      out->replacement_years.empty() ? 0 : out->replacement_years.back();
  const int remaining = std::max(0, life - (p.horizon - bought));
  if (p.residual_rule == ResidualRule::kNone || remaining == 0) {
    out->residual = 0;
    out->residual_basis =
        remaining == 0 ? "none: the unit reaches the end of its " +
                             std::to_string(life) + "-year life at the horizon"
                       : "none declared (residual-rule: none)";
    return;
  }
  const double price =
      bought == 0 ? o.price : o.replacement_price.value_or(o.price);
  out->residual = price * remaining / life;
  out->residual_basis = "linear: " + std::to_string(remaining) + " of " +
                        std::to_string(life) + " years of life left x " +
                        FormatNumber(price, 2) + " " + p.currency;
}

std::string Sentence(const CostProfile& p, const CostOffer& o,
                     const LccOfferResult& r, const LccEvaluation& e,
                     std::size_t index) {
  const std::string& cur = p.currency;
  std::string s = "Offer " + o.id;
  s += o.supplier.empty() ? "" : " (" + o.supplier + ")";
  s += o.kind == OfferKind::kService ? ", a service at " : ", a purchase at ";
  s += o.kind == OfferKind::kService
           ? FormatMoney(r.nominal.col(Col(LccComponent::kServiceFee))
                             .tail(p.horizon)
                             .sum(),
                         cur) +
                 " in fees over the horizon"
           : FormatMoney(o.price, cur);
  s += ", has a life-cycle cost of " + FormatMoney(r.lcc, cur) + " over " +
       std::to_string(p.horizon) + " years at a " + RateText(p.discount_rate) +
       " discount rate (present values: ";
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
  if (r.tied) {
    std::string with;
    for (const auto& group : e.ties) {
      if (std::find(group.begin(), group.end(), index) == group.end()) {
        continue;
      }
      for (std::size_t j : group) {
        if (j == index) continue;
        with += (with.empty() ? "" : ", ") + e.offers[j].id;
      }
    }
    s += ", and ties for " + OrdinalNumber(r.rank) + of + " with offer " +
         with + " (lowest wins; the tie is not broken here).";
  } else {
    s += ", and ranks " + OrdinalNumber(r.rank) + of + " (lowest wins).";
  }
  return s;
}

}  // namespace

std::string_view ToString(LccComponent component) {
  switch (component) {
    case LccComponent::kAcquisition:
      return "acquisition";
    case LccComponent::kOperating:
      return "operating";
    case LccComponent::kMaintenance:
      return "maintenance";
    case LccComponent::kRepair:
      return "repair";
    case LccComponent::kServiceFee:
      return "service-fee";
    case LccComponent::kExternalities:
      return "externalities";
    case LccComponent::kEndOfLife:
      return "end-of-life";
    case LccComponent::kResidual:
      return "residual";
  }
  return "?";
}

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

std::string_view ToString(OfferKind kind) {
  return kind == OfferKind::kService ? "service" : "purchase";
}

std::string_view ToString(ResidualRule rule) {
  return rule == ResidualRule::kNone ? "none" : "linear";
}

Eigen::VectorXd DiscountFactors(double rate, int horizon) {
  Eigen::VectorXd d(horizon + 1);
  for (int t = 0; t <= horizon; ++t) d(t) = std::pow(1 + rate, -t);
  return d;
}

std::vector<int> ReplacementYears(int lifetime, int horizon) {
  std::vector<int> out;
  if (lifetime <= 0) return out;
  for (int k = lifetime; k < horizon; k += lifetime) out.push_back(k);
  return out;
}

LccEvaluation EvaluateLcc(const CostProfile& p) {
  assert(p.horizon >= 1);
  LccEvaluation e;
  e.source = p.source;
  e.sha256 = p.sha256;
  e.currency = p.currency;
  e.horizon = p.horizon;
  e.discount_rate = p.discount_rate;
  e.discount_factors = DiscountFactors(p.discount_rate, p.horizon);
  const Eigen::Index years = p.horizon + 1;
  const std::size_t n = static_cast<std::size_t>(p.horizon);
  for (const CostOffer& o : p.offers) {
    LccOfferResult r;
    r.id = o.id;
    r.supplier = o.supplier;
    r.kind = o.kind;
    r.where = o.where;
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(years, kLccComponents);
    // Year 0: purchase price and installation (a service's set-up fee).
    r.price = o.kind == OfferKind::kPurchase ? o.price : 0;
    r.acquisition = o.price + o.installation;
    m(0, Col(LccComponent::kAcquisition)) = r.acquisition;
    // Replacements: a new unit in year k, the old one disposed of.
    if (o.kind == OfferKind::kPurchase) {
      r.replacement_years = ReplacementYears(o.lifetime, p.horizon);
      for (int k : r.replacement_years) {
        m(k, Col(LccComponent::kAcquisition)) +=
            o.replacement_price.value_or(o.price + o.installation);
        m(k, Col(LccComponent::kEndOfLife)) += o.end_of_life;
      }
    }
    // Yearly lines, years 1..N.
    for (const CostLine& line : o.lines) {
      assert(line.amount.size() == n);
      for (std::size_t t = 0; t < n && t < line.amount.size(); ++t) {
        m(static_cast<Eigen::Index>(t) + 1, Col(line.component)) +=
            line.amount[t];
      }
    }
    // The horizon: end of life of the unit in service, minus its value.
    Residual(p, o, &r);
    m(p.horizon, Col(LccComponent::kEndOfLife)) += o.end_of_life;
    m(p.horizon, Col(LccComponent::kResidual)) -= r.residual;
    r.nominal = m;
    r.discounted = e.discount_factors.asDiagonal() * m;
    r.present_value = e.discount_factors.transpose() * m;
    r.lcc = r.present_value.sum();
    r.lcc_rounded = RoundMoney(r.lcc, 2);
    e.offers.push_back(std::move(r));
  }
  // Rank on the LCC in cents, lowest first; equal values tie.
  MoneyRanking ranking;
  for (const LccOfferResult& r : e.offers) {
    MoneyBidResult b;
    b.evaluated = r.lcc_rounded;
    ranking.bids.push_back(b);
  }
  RankByEvaluatedPrice(&ranking);
  e.order = ranking.order;
  e.ties = ranking.ties;
  for (std::size_t i = 0; i < e.offers.size(); ++i) {
    e.offers[i].rank = ranking.bids[i].rank;
    e.offers[i].tied = ranking.bids[i].tied;
  }
  for (std::size_t i = 0; i < e.offers.size(); ++i) {
    e.offers[i].sentence = Sentence(p, p.offers[i], e.offers[i], e, i);
  }
  return e;
}

Result<std::vector<double>> LccForBids(const LccEvaluation& evaluation,
                                       const std::vector<std::string>& bid_ids,
                                       const std::string& profile_file) {
  Diagnostics diag;
  std::vector<double> out;
  for (const std::string& id : bid_ids) {
    const std::optional<double> lcc = LccOf(evaluation, id);
    if (!lcc) {
      diag.Error({profile_file, 0, 0}, "offers",
                 "no offer for bid \"" + id +
                     "\"; the cost profile needs one offer per bid, with "
                     "the same id");
    }
    out.push_back(lcc.value_or(0));
  }
  for (const LccOfferResult& o : evaluation.offers) {
    if (std::find(bid_ids.begin(), bid_ids.end(), o.id) == bid_ids.end()) {
      diag.Error({profile_file, 0, 0}, "offers[" + o.id + "]",
                 "no bid has this id; expected the ids of the bid file");
    }
  }
  // An LCC is a sum of amounts times discount factors <= 1: a price of
  // 1e308 overflows to inf, which would be ranked and shown as "inf".
  for (std::size_t i = 0; i < evaluation.offers.size(); ++i) {
    const LccOfferResult& o = evaluation.offers[i];
    if (std::isfinite(o.lcc) && std::abs(o.lcc) <= kMaxLcc) continue;
    diag.Error(o.where, "offers[" + std::to_string(i) + "]",
               std::string("the life-cycle cost of offer \"") + o.id + "\" " +
                   (std::isfinite(o.lcc)
                        ? "is " + fmt::format("{}", o.lcc)
                        : std::string("overflows (not a finite number)")) +
                   "; amounts must keep it within -1e12 to 1e12 (docs/lcc.md, "
                   "\"Limits\")");
  }
  Result<std::vector<double>> result;
  result.diagnostics = diag.Take();
  if (!HasErrors(result.diagnostics)) result.value = std::move(out);
  return result;
}

std::optional<double> LccOf(const LccEvaluation& evaluation,
                            std::string_view offer_id) {
  for (const LccOfferResult& r : evaluation.offers) {
    if (r.id == offer_id) return r.lcc;
  }
  return std::nullopt;
}

}  // namespace circa
