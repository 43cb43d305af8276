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

// Residual value at the horizon of the unit then in service.
void Residual(const CostProfile& p, const CostOffer& o, LccOfferResult* out) {
  LccResidual& how = out->residual_basis;
  if (o.kind == OfferKind::kService) {
    out->residual = 0;
    how.basis = o.take_back ? ResidualBasis::kServiceTakeBack
                            : ResidualBasis::kServiceOwned;
    return;
  }
  if (o.residual) {
    out->residual = *o.residual;
    how.basis = ResidualBasis::kDeclared;
    return;
  }
  const int life = o.lifetime > 0 ? o.lifetime : p.horizon;
  const int bought =
      out->replacement_years.empty() ? 0 : out->replacement_years.back();
  const int remaining = std::max(0, life - (p.horizon - bought));
  how.life = life;
  if (p.residual_rule == ResidualRule::kNone || remaining == 0) {
    out->residual = 0;
    how.basis = remaining == 0 ? ResidualBasis::kEndOfLife
                               : ResidualBasis::kNoneDeclared;
    return;
  }
  const double price =
      bought == 0 ? o.price : o.replacement_price.value_or(o.price);
  out->residual = price * remaining / life;
  how.basis = ResidualBasis::kLinear;
  how.years_left = remaining;
  how.price = price;
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

std::string_view ToString(OfferKind kind) {
  return kind == OfferKind::kService ? "service" : "purchase";
}

std::string_view ToString(ResidualBasis basis) {
  switch (basis) {
    case ResidualBasis::kServiceTakeBack:
      return "service-take-back";
    case ResidualBasis::kServiceOwned:
      return "service-owned";
    case ResidualBasis::kDeclared:
      return "declared";
    case ResidualBasis::kEndOfLife:
      return "end-of-life";
    case ResidualBasis::kNoneDeclared:
      return "none";
    case ResidualBasis::kLinear:
      return "linear";
  }
  return "?";
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
    e.offers[i].tie_group = ranking.bids[i].tie_group;
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
