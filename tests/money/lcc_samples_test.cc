// The LCC samples load and name the winner their READMEs document
// (samples/fleet-lcc/README.md, samples/laptops-lcc/README.md). Expected
// LCCs are re-derived here with the annuity factor a(N, r) = (1 - (1 +
// r)^-N) / r for the constant yearly costs.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "circa/lcc.h"
#include "test_util.h"

namespace circa {
namespace {

LccEvaluation LoadSample(const std::string& name) {
  const Result<CostProfile> p =
      LoadCostProfileFile(std::string(CIRCA_SOURCE_DIR) + "/samples/" + name +
                          "/cost-profile.yaml");
  EXPECT_TRUE(p.ok()) << circa_test::Describe(p.diagnostics);
  EXPECT_TRUE(p.diagnostics.empty()) << circa_test::Describe(p.diagnostics);
  if (!p.ok()) return {};
  return EvaluateLcc(*p.value);
}

const LccOfferResult& Winner(const LccEvaluation& e) {
  return e.offers[e.order.front()];
}

TEST(LccSamples, FleetElectricVanWinsDespiteTheHighestPrice) {
  const LccEvaluation e = LoadSample("fleet-lcc");
  ASSERT_EQ(e.offers.size(), 3u);
  EXPECT_EQ(Winner(e).id, "E");
  EXPECT_TRUE(e.ties.empty());
  // 31,250 km a year for 8 years at 4 %.
  const double a = (1 - std::pow(1.04, -8)) / 0.04;
  const double d8 = std::pow(1.04, -8);
  const double km = 31250;
  // E: 45,000 + 1,200 wall box; 0.20 kWh/km x 0.25 EUR/kWh; 600 maintenance;
  // no tailpipe emissions; buy-back 6,000.
  const double e_lcc = 46200 + (0.20 * km * 0.25 + 600) * a - 6000 * d8;
  // D: 32,000; 0.075 l/km x 1.65 EUR/l; 1,100; CO2 0.198 kg/km x 0.04,
  // NOx 0.08 g/km x 0.0044, NMHC 0.02 x 0.001, PM 0.0045 x 0.087; 3,000.
  const double d_ext =
      km * (0.198 * 0.04 + 0.08 * 0.0044 + 0.02 * 0.001 + 0.0045 * 0.087);
  const double d_lcc =
      32000 + (0.075 * km * 1.65 + 1100 + d_ext) * a - 3000 * d8;
  EXPECT_NEAR(e.offers[2].lcc, e_lcc, 1e-6);
  EXPECT_NEAR(e.offers[0].lcc, d_lcc, 1e-6);
  EXPECT_NEAR(e.offers[2].lcc, 56375.42, 0.005);
  EXPECT_NEAR(e.offers[1].lcc, 61502.84, 0.005);
  EXPECT_NEAR(e.offers[0].lcc, 65077.73, 0.005);
  EXPECT_EQ(e.offers[1].rank, 2);
  EXPECT_EQ(e.offers[0].rank, 3);
}

TEST(LccSamples, LaptopsDeviceAsAServiceWins) {
  const LccEvaluation e = LoadSample("laptops-lcc");
  ASSERT_EQ(e.offers.size(), 3u);
  EXPECT_EQ(Winner(e).id, "S");
  const double a = (1 - std::pow(1.03, -6)) / 0.03;
  // N: 960 now, 960 + 20 end of life in year 4, 10 + 20 + 45 a year,
  // 20 end of life - 120 buy-back in year 6.
  EXPECT_NEAR(
      e.offers[0].lcc,
      960 + 980 * std::pow(1.03, -4) + 75 * a - 100 * std::pow(1.03, -6), 1e-6);
  // R: 580 now, 580 + 20 in year 3, 11.25 + 20 + 60 a year, 20 in year 6;
  // the year-3 unit ends its 3-year life at the horizon: no residual.
  EXPECT_NEAR(
      e.offers[1].lcc,
      580 + 600 * std::pow(1.03, -3) + 91.25 * a + 20 * std::pow(1.03, -6),
      1e-6);
  // S: (280 fee + 10 electricity) a year.
  EXPECT_NEAR(e.offers[2].lcc, 290 * a, 1e-6);
  EXPECT_NEAR(e.offers[2].lcc, 1570.99, 0.005);
  EXPECT_NEAR(e.offers[1].lcc, 1640.15, 0.005);
  EXPECT_NEAR(e.offers[0].lcc, 2153.26, 0.005);
  EXPECT_EQ(e.offers[0].replacement_years, (std::vector<int>{4}));
  EXPECT_EQ(e.offers[1].replacement_years, (std::vector<int>{3}));
  EXPECT_EQ(e.offers[1].residual, 0);
}

}  // namespace
}  // namespace circa
