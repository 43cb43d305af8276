// Life-cycle cost (engine/money/lcc.cc, io/lcc_reader.cc): NPV cases whose
// expected values are derived here by other routes (annuity formula, terms
// written out year by year), replacement, product-as-a-service against
// purchase, and every validation message's exact text.
#include "circa/lcc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "explain/money_words.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;

// Money is compared to a hundredth of a cent: the derivations below and the
// engine's matrix product add the same terms in a different order.
constexpr double kCent = 1e-4;

CostProfile ParseOk(const std::string& yaml) {
  Result<CostProfile> r = ParseCostProfile(yaml, "profile.yaml");
  EXPECT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << circa_test::Describe(r.diagnostics);
  if (!r.ok()) return CostProfile{};
  return std::move(*r.value);
}

std::vector<std::string> Problems(const std::string& yaml) {
  return Messages(ParseCostProfile(yaml, "profile.yaml").diagnostics);
}

double Pv(const LccOfferResult& r, LccComponent c) {
  return r.present_value(static_cast<int>(c));
}

TEST(Lcc, ConstantYearlyCostMatchesTheAnnuityFormula) {
  // LCC = price + m x a(N, r), with the annuity factor
  // a(N, r) = (1 - (1 + r)^-N) / r  (the closed form of sum_{t=1..N}
  // (1 + r)^-t). N = 5, r = 4 %: a = 4.4518223..., LCC = 1,445.18223...
  const CostProfile p = ParseOk(R"(circa: 1
horizon: 5
discount-rate: 0.04
offers:
  - {id: A, price: 1000, maintenance: 100}
)");
  const LccEvaluation e = EvaluateLcc(p);
  const double annuity = (1 - std::pow(1.04, -5)) / 0.04;
  ASSERT_EQ(e.offers.size(), 1u);
  EXPECT_NEAR(e.offers[0].lcc, 1000 + 100 * annuity, kCent);
  EXPECT_NEAR(e.offers[0].lcc, 1445.18223, 1e-5);
  EXPECT_EQ(e.discount_factors.size(), 6);
  EXPECT_EQ(e.discount_factors(0), 1.0);
  EXPECT_NEAR(e.discount_factors(5), 1 / (1.04 * 1.04 * 1.04 * 1.04 * 1.04),
              1e-15);
  // Nothing left at the horizon: one unit lasting the whole horizon.
  EXPECT_EQ(e.offers[0].residual, 0.0);
}

TEST(Lcc, ZeroRateIsThePlainSum) {
  const CostProfile p = ParseOk(R"(circa: 1
horizon: 2
discount-rate: 0
offers:
  - {id: A, price: 100, maintenance: 10, end-of-life: 5}
)");
  // 100 + 10 + 10 + 5 = 125.
  EXPECT_NEAR(EvaluateLcc(p).offers[0].lcc, 125, 1e-12);
}

TEST(Lcc, EveryComponentWrittenOutYearByYear) {
  // N = 3, r = 5 %. Year 0: price 10,000 + installation 500 = 10,500.
  // Yearly: electricity 2 MWh = 2,000 kWh x 0.25 EUR/kWh = 500; toner
  // 4 x 60 = 240; maintenance 100, 200, 300; repair 50; CO2 1 t = 1,000 kg x
  // 0.10 EUR/kg = 100. Year totals 990, 1,090, 1,190. Horizon: end of life
  // 400, residual 2,000 received.
  // LCC = 10,500 + 990/1.05 + 1,090/1.05^2 + (1,190 + 400 - 2,000)/1.05^3
  //     = 10,500 + 942.857143 + 988.662132 - 354.173415 = 12,077.345859.
  const CostProfile p = ParseOk(R"(circa: 1
title: Office printer
currency: EUR
horizon: 3
discount-rate: 0.05
prices:
  electricity: {price: 0.25, unit: EUR/kWh, source: framework tariff 2026}
shadow-prices:
  co2: {price: 0.10, unit: EUR/kg, source: buyer's carbon price}
offers:
  - id: A
    supplier: Print NV
    price: 10000
    installation: 500
    operating:
      - {name: electricity, quantity: 2, unit: MWh}
      - {name: toner, quantity: 4, unit: cartridge, unit-price: 60}
    maintenance: [100, 200, 300]
    repair: 50
    emissions:
      - {name: co2, quantity: 1, unit: t}
    end-of-life: 400
    residual: 2000
)");
  const LccEvaluation e = EvaluateLcc(p);
  const LccOfferResult& a = e.offers[0];
  const double d1 = 1 / 1.05;
  const double d2 = 1 / (1.05 * 1.05);
  const double d3 = 1 / (1.05 * 1.05 * 1.05);
  EXPECT_NEAR(a.lcc, 10500 + 990 * d1 + 1090 * d2 + (1190 + 400 - 2000) * d3,
              kCent);
  EXPECT_NEAR(a.lcc, 12077.345859, 1e-6);
  EXPECT_NEAR(Pv(a, LccComponent::kAcquisition), 10500, kCent);
  EXPECT_NEAR(Pv(a, LccComponent::kOperating), 740 * (d1 + d2 + d3), kCent);
  EXPECT_NEAR(Pv(a, LccComponent::kMaintenance), 100 * d1 + 200 * d2 + 300 * d3,
              kCent);
  EXPECT_NEAR(Pv(a, LccComponent::kRepair), 50 * (d1 + d2 + d3), kCent);
  EXPECT_NEAR(Pv(a, LccComponent::kExternalities), 100 * (d1 + d2 + d3), kCent);
  EXPECT_NEAR(Pv(a, LccComponent::kEndOfLife), 400 * d3, kCent);
  EXPECT_NEAR(Pv(a, LccComponent::kResidual), -2000 * d3, kCent);
  EXPECT_EQ(Pv(a, LccComponent::kServiceFee), 0.0);
  // Per year, as paid: rows are years 0..3.
  EXPECT_EQ(a.nominal.rows(), 4);
  EXPECT_EQ(a.nominal.cols(), kLccComponents);
  EXPECT_EQ(a.nominal(2, static_cast<int>(LccComponent::kMaintenance)), 200);
  EXPECT_EQ(a.nominal(3, static_cast<int>(LccComponent::kResidual)), -2000);
  EXPECT_NEAR(a.discounted(2, static_cast<int>(LccComponent::kMaintenance)),
              200 * d2, 1e-9);
  EXPECT_EQ(a.residual_basis.basis, ResidualBasis::kDeclared);
  EXPECT_EQ(ResidualBasisText(a.residual_basis, "EUR"),
            "declared by the bidder");
  // Lines keep the quantities and unit prices for the explanation.
  const CostLine& electricity = p.offers[0].lines[0];
  EXPECT_EQ(electricity.quantity, (std::vector<double>{2, 2, 2}));
  EXPECT_EQ(electricity.unit, "MWh");
  EXPECT_DOUBLE_EQ(electricity.unit_price, 250);  // EUR per MWh
  EXPECT_EQ(electricity.price_basis, "prices.electricity 0.25 EUR/kWh");
  EXPECT_EQ(LccOfferSentence(e, 0),
            "Offer A (Print NV), a purchase at 10,000.00 EUR, has a "
            "life-cycle cost of 12,077.35 EUR over 3 years at a 5 % discount "
            "rate (present values: acquisition 10,500.00, operating "
            "2,015.20, maintenance 535.80, repair 136.16, externalities "
            "272.32, end of life 345.54, residual value -1,727.68 EUR), and "
            "ranks 1st of 1 (lowest wins).");
}

TEST(Lcc, ReplacementYears) {
  EXPECT_EQ(ReplacementYears(3, 8), (std::vector<int>{3, 6}));
  EXPECT_EQ(ReplacementYears(4, 8), (std::vector<int>{4}));
  EXPECT_EQ(ReplacementYears(8, 8), (std::vector<int>{}));
  EXPECT_EQ(ReplacementYears(10, 8), (std::vector<int>{}));
  EXPECT_EQ(ReplacementYears(0, 8), (std::vector<int>{}));
}

TEST(Lcc, ShortLifetimeIsReplacedInYearK) {
  // N = 8, r = 3 %, lifetime 3: units bought in years 0, 3 and 6. Each
  // replacement costs price + installation = 1,000 and the old unit's end
  // of life 50. The unit bought in year 6 is 2 years old at the horizon:
  // 1 of 3 years left, linear residual 900 x 1/3 = 300; its end of life 50.
  // LCC = 1,000 + (1,000 + 50)/1.03^3 + (1,000 + 50)/1.03^6
  //       + (50 - 300)/1.03^8.
  const CostProfile p = ParseOk(R"(circa: 1
horizon: 8
discount-rate: 0.03
offers:
  - {id: A, price: 900, installation: 100, lifetime: 3, end-of-life: 50}
  - {id: B, price: 900, installation: 100, lifetime: 3, end-of-life: 50,
     replacement-price: 700}
)");
  const LccEvaluation e = EvaluateLcc(p);
  const LccOfferResult& a = e.offers[0];
  EXPECT_EQ(a.replacement_years, (std::vector<int>{3, 6}));
  EXPECT_NEAR(a.residual, 300, 1e-9);
  // The residual's facts: 1 of 3 years left of a unit bought at 900.
  EXPECT_EQ(a.residual_basis.basis, ResidualBasis::kLinear);
  EXPECT_EQ(a.residual_basis.years_left, 1);
  EXPECT_EQ(a.residual_basis.life, 3);
  EXPECT_EQ(a.residual_basis.price, 900);
  EXPECT_EQ(e.offers[1].residual_basis.price, 700);  // the replacement's
  EXPECT_EQ(ResidualBasisText(a.residual_basis, "EUR"),
            "linear: 1 of 3 years of life left x 900.00 EUR");
  const double expected = 1000 + 1050 / std::pow(1.03, 3) +
                          1050 / std::pow(1.03, 6) - 250 / std::pow(1.03, 8);
  EXPECT_NEAR(a.lcc, expected, kCent);
  EXPECT_EQ(a.nominal(3, static_cast<int>(LccComponent::kAcquisition)), 1000);
  EXPECT_EQ(a.nominal(6, static_cast<int>(LccComponent::kEndOfLife)), 50);
  // B: replacements cost 700 (installation included); residual 700 x 1/3.
  const LccOfferResult& b = e.offers[1];
  EXPECT_NEAR(b.residual, 700.0 / 3, 1e-9);
  EXPECT_NEAR(b.lcc,
              1000 + 750 / std::pow(1.03, 3) + 750 / std::pow(1.03, 6) +
                  (50 - 700.0 / 3) / std::pow(1.03, 8),
              kCent);
  const std::string sentence = LccOfferSentence(e, 0);
  EXPECT_NE(sentence.find(", with a replacement in years 3 and 6, "),
            std::string::npos)
      << sentence;
}

TEST(Lcc, LongLifetimeKeepsALinearResidualUnlessDeclaredOrRuledOut) {
  // Lifetime 10 in an 8-year horizon: 2 of 10 years left, 1,000 x 2/10.
  const std::string offers = R"(
offers:
  - {id: A, price: 1000, lifetime: 10}
  - {id: B, price: 1000, lifetime: 10, residual: 50}
)";
  const CostProfile p =
      ParseOk("circa: 1\nhorizon: 8\ndiscount-rate: 0\n" + offers);
  const LccEvaluation e = EvaluateLcc(p);
  EXPECT_NEAR(e.offers[0].residual, 200, 1e-9);
  EXPECT_NEAR(e.offers[0].lcc, 800, 1e-9);
  EXPECT_EQ(e.offers[1].residual, 50);  // declared wins
  const CostProfile none = ParseOk(
      "circa: 1\nhorizon: 8\ndiscount-rate: 0\nresidual-rule: none\n" + offers);
  const LccEvaluation n = EvaluateLcc(none);
  EXPECT_EQ(n.offers[0].residual, 0);
  EXPECT_EQ(n.offers[0].residual_basis.basis, ResidualBasis::kNoneDeclared);
  EXPECT_EQ(ResidualBasisText(n.offers[0].residual_basis, "EUR"),
            "none declared (residual-rule: none)");
  EXPECT_EQ(n.offers[1].residual, 50);
}

TEST(Lcc, ServiceAndPurchaseInOneTable) {
  // N = 5, r = 4 %, a = (1 - 1.04^-5) / 0.04.
  // buy:   5,000 + 300 a + (200 - 500)/1.04^5 = 6,088.97
  // lease: 1,200 a (maintenance and take-back included) = 5,342.19
  // click: 0.02 EUR/page x 60,000 pages = 1,200 a year: the same as lease.
  const CostProfile p = ParseOk(R"(circa: 1
horizon: 5
discount-rate: 0.04
usage:
  printing: {quantity: 60000, unit: page}
offers:
  - {id: buy, price: 5000, maintenance: 300, end-of-life: 200, residual: 500}
  - id: lease
    kind: service
    fee: 1200
    includes: [maintenance, repair, take-back]
    take-back: true
  - id: click
    kind: service
    fee: {amount: 0.02, per: printing}
    take-back: true
)");
  const LccEvaluation e = EvaluateLcc(p);
  const double a = (1 - std::pow(1.04, -5)) / 0.04;
  EXPECT_NEAR(e.offers[0].lcc, 5000 + 300 * a - 300 / std::pow(1.04, 5), kCent);
  EXPECT_NEAR(e.offers[1].lcc, 1200 * a, kCent);
  EXPECT_NEAR(e.offers[2].lcc, 1200 * a, kCent);
  EXPECT_EQ(p.offers[1].includes,
            (std::vector<std::string>{"maintenance", "repair", "take-back"}));
  EXPECT_EQ(e.offers[1].residual_basis.basis, ResidualBasis::kServiceTakeBack);
  EXPECT_EQ(ResidualBasisText(e.offers[1].residual_basis, "EUR"),
            "none: the provider takes the product back");
  // lease and click tie for 1st; the tie is reported, not broken.
  EXPECT_EQ(e.offers[1].rank, 1);
  EXPECT_EQ(e.offers[2].rank, 1);
  EXPECT_EQ(e.offers[0].rank, 3);
  ASSERT_EQ(e.ties.size(), 1u);
  EXPECT_EQ(e.ties[0], (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(e.offers[1].tie_group, 0);
  EXPECT_EQ(e.offers[0].tie_group, -1);
  EXPECT_EQ(LccOfferSentence(e, 1),
            "Offer lease, a service at 6,000.00 EUR in fees over the "
            "horizon, has a life-cycle cost of 5,342.19 EUR over 5 years at "
            "a 4 % discount rate (present values: service fee 5,342.19 EUR), "
            "and ties for 1st of 3 with offer click (lowest wins; the tie is "
            "not broken here).");
  EXPECT_EQ(LccOf(e, "buy"), e.offers[0].lcc);
  EXPECT_FALSE(LccOf(e, "nope").has_value());
}

TEST(Lcc, UsageDriversAndUnitConversion) {
  // 25,000 km a year x 0.18 kWh/km = 4,500 kWh x 0.2 EUR/kWh = 900 a year;
  // NOx 0.01 g/km x 25,000 km = 250 g x 0.0044 EUR/g = 1.10; CO2 given in g
  // per km (0 here) priced per kg.
  const CostProfile p = ParseOk(R"(circa: 1
horizon: 1
discount-rate: 0
usage:
  distance: {quantity: 25000, unit: km}
prices:
  electricity: {price: 0.2, unit: EUR/kWh}
shadow-prices:
  nox: {price: 0.0044, unit: EUR/g}
  co2: {price: 0.04, unit: EUR/kg}
offers:
  - id: ev
    price: 0
    operating:
      - {name: electricity, quantity: 0.18, unit: kWh, per: distance}
    emissions:
      - {name: nox, quantity: 0.01, unit: g, per: distance}
      - {name: co2, quantity: 1000, unit: g}
)");
  const LccEvaluation e = EvaluateLcc(p);
  const LccOfferResult& ev = e.offers[0];
  EXPECT_NEAR(Pv(ev, LccComponent::kOperating), 900, 1e-9);
  // 1.10 for NOx + 1,000 g = 1 kg x 0.04 = 0.04 for CO2.
  EXPECT_NEAR(Pv(ev, LccComponent::kExternalities), 1.14, 1e-9);
  EXPECT_EQ(p.offers[0].lines[0].price_basis,
            "per km; prices.electricity 0.2 EUR/kWh");
}

TEST(LccValidation, MissingHorizonRateOutOfRangeNegativeQuantityUnknownUnits) {
  EXPECT_EQ(Problems(R"(circa: 1
discount-rate: 4
prices:
  electricity: {price: 0.25, unit: EUR/kwh}
offers:
  - id: A
    price: 1000
    operating:
      - {name: toner, quantity: -5, unit: piece, unit-price: 60}
      - {name: water, quantity: 3, unit: litre, unit-price: 2}
    maintenanse: 100
)"),
            (std::vector<std::string>{
                "profile.yaml:1:1: horizon: missing; expected the horizon in "
                "years (a whole number from 1 to 100)",
                "profile.yaml:2:16: discount-rate: expected a discount rate "
                "between 0 and 1 (e.g. 0.04 for 4 %), got \"4\"",
                "profile.yaml:4:36: prices.electricity.unit: unknown unit "
                "\"kwh\"; expected one of kWh, MWh, Wh, GJ, l, m3, kg, g, t, "
                "km, h, piece, set, pack, page, cartridge, visit (did you "
                "mean \"kWh\"?)",
                "profile.yaml:11:5: offers[A].maintenanse: unknown key; did "
                "you mean \"maintenance\"?",
                "profile.yaml:9:33: offers[A].operating[0].quantity: expected "
                "a quantity >= 0, got \"-5\"",
                "profile.yaml:10:42: offers[A].operating[1].unit: unknown "
                "unit \"litre\"; expected one of kWh, MWh, Wh, GJ, l, m3, kg, "
                "g, t, km, h, piece, set, pack, page, cartridge, visit"}));
}

TEST(LccValidation, RateBoundsAndHorizonShape) {
  const std::string offers = "offers:\n  - {id: A, price: 1}\n";
  EXPECT_EQ(Problems("circa: 1\nhorizon: 2.5\ndiscount-rate: -0.01\n" + offers),
            (std::vector<std::string>{
                "profile.yaml:2:10: horizon: expected the horizon in years (a "
                "whole number from 1 to 100), got \"2.5\"",
                "profile.yaml:3:16: discount-rate: expected a discount rate "
                "between 0 and 1 (e.g. 0.04 for 4 %), got \"-0.01\""}));
  EXPECT_EQ(Problems("circa: 1\nhorizon: 5\ndiscount-rate: 1\n" + offers),
            (std::vector<std::string>{
                "profile.yaml:3:16: discount-rate: expected a discount rate "
                "between 0 and 1 (e.g. 0.04 for 4 %), got \"1\""}));
  EXPECT_EQ(Problems("circa: 1\nhorizon: 5\n" + offers),
            (std::vector<std::string>{
                "profile.yaml:1:1: discount-rate: missing; expected a "
                "discount rate between 0 and 1 (e.g. 0.04 for 4 %)"}));
  EXPECT_EQ(Problems("circa: 1\nhorizon: 5\ndiscount-rate: 4 %\n" + offers),
            (std::vector<std::string>{
                "profile.yaml:3:16: discount-rate: expected a discount rate "
                "between 0 and 1 (e.g. 0.04 for 4 %), got \"4 %\""}));
  EXPECT_TRUE(Problems("circa: 1\nhorizon: 5\ndiscount-rate: 0.999\n" + offers)
                  .empty());
}

TEST(LccValidation, OfferProblemsAllAtOnce) {
  EXPECT_EQ(Problems(R"(circa: 1
horizon: 3
discount-rate: 0.04
usage:
  distance: {quantity: 20000, unit: km}
prices:
  electricity: {price: 0.25, unit: EUR/kWh}
offers:
  - id: A
    price: 30000
    fee: 100
    operating:
      - {name: electricity, quantity: 10, unit: l, per: distance}
      - {name: diesel, quantity: 0.06, unit: l, per: distanse}
    maintenance: [100, 200]
    emissions:
      - {name: co2, quantity: 0.12, unit: kg, per: distance}
  - id: B
    kind: service
    price: 100
    take-back: true
    end-of-life: 50
  - id: A
    kind: lease
    price: 1
)"),
            (std::vector<std::string>{
                "profile.yaml:11:10: offers[A].fee: only for a service offer; "
                "write kind: service for product-as-a-service",
                "profile.yaml:13:49: offers[A].operating[0].unit: expected a "
                "unit that converts to kWh (prices.electricity is in "
                "EUR/kWh), got l",
                "profile.yaml:14:54: offers[A].operating[1].per: unknown "
                "usage driver \"distanse\"; declared drivers: distance (did "
                "you mean \"distance\"?)",
                "profile.yaml:14:16: offers[A].operating[1].name: no price "
                "for \"diesel\"; declare prices.diesel or give unit-price",
                "profile.yaml:15:18: offers[A].maintenance: expected an "
                "amount >= 0 in EUR per year or a list of 3 (one per year of "
                "the horizon), got a list of 2",
                "profile.yaml:17:16: offers[A].emissions[0].name: no shadow "
                "price for \"co2\"; declare shadow-prices.co2 with its source "
                "(circa has no built-in value)",
                "profile.yaml:20:12: offers[B].price: not used by a service "
                "offer (kind: service): the provider owns the product; put "
                "its cost in fee",
                "profile.yaml:18:5: offers[B].fee: missing; a service offer "
                "needs a fee (an amount per year, a list per year, or "
                "{amount, per})",
                "profile.yaml:22:18: offers[B].end-of-life: the provider takes "
                "the product back (take-back: true), so the buyer has no "
                "end-of-life cost; remove end-of-life or set take-back: false",
                "profile.yaml:24:11: offers[A].kind: expected purchase or "
                "service, got \"lease\"",
                "profile.yaml:23:9: offers[2].id: offer id \"A\" is used "
                "twice"}));
}

TEST(Lcc, ValuesForACostCriterionInBidOrder) {
  const CostProfile p = ParseOk(R"(circa: 1
horizon: 1
discount-rate: 0
offers:
  - {id: A, price: 10}
  - {id: B, price: 20}
)");
  const LccEvaluation e = EvaluateLcc(p);
  const Result<std::vector<double>> ok = LccForBids(e, {"B", "A"}, "p.yaml");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok.value, (std::vector<double>{20, 10}));
  EXPECT_EQ(Messages(LccForBids(e, {"A", "C"}, "p.yaml").diagnostics),
            (std::vector<std::string>{
                "p.yaml: offers: no offer for bid \"C\"; the cost profile "
                "needs one offer per bid, with the same id",
                "p.yaml: offers[B]: no bid has this id; expected the ids of "
                "the bid file"}));
}

// d11 of issue 12: a price of 1e308 gave an LCC of inf, ranked and shown
// with exit 0. An LCC beyond +-1e12 or not finite is an error at the offer.
TEST(LccValidation, LccBeyondTheLimitIsAnErrorAtTheOffer) {
  const CostProfile p = ParseOk(R"(circa: 1
horizon: 2
discount-rate: 0
offers:
  - {id: A, price: 10}
  - {id: B, price: 1e308, lifetime: 1}
  - {id: C, price: 2e12}
  - {id: D, price: 1e12}
)");
  const LccEvaluation e = EvaluateLcc(p);
  EXPECT_EQ(Messages(LccForBids(e, {"A", "B", "C", "D"}, "p.yaml").diagnostics),
            (std::vector<std::string>{
                "profile.yaml:6:5: offers[1]: the life-cycle cost of offer "
                "\"B\" overflows (not a finite number); amounts must keep it "
                "within -1e12 to 1e12 (docs/lcc.md, \"Limits\")",
                "profile.yaml:7:5: offers[2]: the life-cycle cost of offer "
                "\"C\" is 2000000000000; amounts must keep it within -1e12 "
                "to 1e12 (docs/lcc.md, \"Limits\")"}));
}

TEST(LccValidation, ShapeAndFormatErrors) {
  EXPECT_EQ(Problems("- 1\n"),
            (std::vector<std::string>{
                "profile.yaml:1:1: expected a cost profile (a map with circa, "
                "horizon, discount-rate and offers), got a list"}));
  EXPECT_EQ(Problems("circa: 2\nhorizon: 1\ndiscount-rate: 0\noffers: []\n"),
            (std::vector<std::string>{
                "profile.yaml:1:8: circa: unsupported format version 2; this "
                "circa reads format 1",
                "profile.yaml:4:9: offers: expected a non-empty list of "
                "offers, got a list"}));
  EXPECT_EQ(
      Problems("circa: 1\nhorizon: 1\ndiscount-rate: 0\noffers:\n  - {id: A, "
               "price: 1}\nprices:\n  gas: {price: 1, unit: kWh}\n"),
      (std::vector<std::string>{
          "profile.yaml:7:25: prices.gas.unit: expected a price unit "
          "EUR/<unit>, e.g. EUR/kWh, got \"kWh\""}));
}

TEST(LccValidation, DuplicatePricesAndDrivers) {
  EXPECT_EQ(Problems(R"(circa: 1
horizon: 1
discount-rate: 0
usage:
  km: {quantity: 1, unit: km}
  km: {quantity: 2, unit: km}
shadow-prices:
  co2: {price: 0.03, unit: EUR/kg}
  co2: {price: 0.04, unit: EUR/kg}
offers:
  - {id: A, price: 1}
)"),
            (std::vector<std::string>{
                "profile.yaml:6:3: usage.km: duplicate key",
                "profile.yaml:9:3: shadow-prices.co2: duplicate key"}));
}

// A cost line with an empty name priced nothing and left the LCC without
// a word, so the offer looked cheaper than it is. It is an error at the name.
TEST(LccValidation, ACostLineNeedsAName) {
  EXPECT_EQ(Problems(R"(circa: 1
horizon: 1
discount-rate: 0
offers:
  - id: A
    price: 1
    operating:
      - {name: "", quantity: 5, unit: kWh}
    emissions:
      - {name: '', quantity: 2, unit: kg}
)"),
            (std::vector<std::string>{
                "profile.yaml:8:16: offers[A].operating[0].name: expected the "
                "name of the priced item (e.g. electricity), got \"\"",
                "profile.yaml:10:16: offers[A].emissions[0].name: expected "
                "the name of the emission (e.g. co2), got \"\""}));
}

// The YAML reader turns the document into the format-neutral tree the CSV
// reader fills too (io/cost_profile_input.h); a value reached through an
// alias is shared there, not copied, so 2^40 paths through 40 anchors cost
// 40 nodes and the unknown key is reported at once.
TEST(LccValidation, AliasesAreNotMultiplied) {
  std::string yaml = "circa: 1\nhorizon: 1\ndiscount-rate: 0\n";
  yaml += "x-bomb:\n  - &a0 [1, 1]\n";
  for (int i = 1; i < 40; ++i) {
    yaml += "  - &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + "]\n";
  }
  yaml += "offers:\n  - {id: A, price: 1}\n";
  EXPECT_EQ(
      Problems(yaml),
      (std::vector<std::string>{"profile.yaml:4:1: x-bomb: unknown key"}));
}

// Through aliases a YAML graph can contain itself (&l [*l]) or be far
// deeper than its text (each anchor wrapping the one before). The tree
// keeps what the check reads and stops there (io::kCostValueDepth): the
// same messages, no endless descent (found by fuzz_cost_profile).
TEST(LccValidation, AliasCyclesAndChainsEnd) {
  EXPECT_EQ(Problems(R"(circa: 1
horizon: 1
discount-rate: 0
offers:
  - id: A
    price: 1
    operating: &l [*l]
)"),
            (std::vector<std::string>{
                "profile.yaml:7:16: offers[A].operating[0]: expected a map "
                "{name, quantity, unit}, got a list"}));
  std::string yaml = "circa: 1\nhorizon: 1\ndiscount-rate: 0\nx-deep:\n";
  yaml += "  - &a0 [1]\n";
  for (int i = 1; i < 20000; ++i) {
    yaml +=
        "  - &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + "]\n";
  }
  yaml += "offers:\n  - {id: A, price: 1}\n";
  EXPECT_EQ(
      Problems(yaml),
      (std::vector<std::string>{"profile.yaml:4:1: x-deep: unknown key"}));
}

TEST(LccValidation, LoadingAMissingFileIsAnError) {
  const Result<CostProfile> r = LoadCostProfileFile("/nonexistent/x.yaml");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.size(), 1u);
}

}  // namespace
}  // namespace circa
