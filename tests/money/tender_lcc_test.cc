// A cost criterion scored on life-cycle cost (`from: lcc`): LoadTender
// fills it from the tender's cost profile, any price rule scores it, and
// the explanation gives the purchase price and the LCC. Every sample's
// outcome is re-derived here from the LCCs its README derives by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "circa/circa.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;

struct Scored {
  Tender tender;
  Evaluation evaluation;
};

Scored ScoreSample(const std::string& name) {
  const std::string dir = std::string(CIRCA_SOURCE_DIR) + "/samples/" + name;
  const Result<TenderPaths> paths = ResolveTenderDirectory(dir);
  EXPECT_TRUE(paths.ok()) << circa_test::Describe(paths.diagnostics);
  Result<Tender> t = LoadTender(*paths.value, LoadOptions{});
  EXPECT_TRUE(t.ok()) << circa_test::Describe(t.diagnostics);
  const Scorer scorer = ::circa_test::CompileOk(t.value->criteria);
  Evaluation e = scorer.Evaluate(t.value->bids);
  return {std::move(*t.value), std::move(e)};
}

// Total of the bid with this id.
double Total(const Scored& s, const std::string& id) {
  for (std::size_t i = 0; i < s.tender.bids.ids.size(); ++i) {
    if (s.tender.bids.ids[i] == id) {
      return s.evaluation.totals[static_cast<Eigen::Index>(i)];
    }
  }
  ADD_FAILURE() << "no bid " << id;
  return 0;
}

double Value(const Scored& s, const std::string& id) {
  for (std::size_t i = 0; i < s.tender.bids.ids.size(); ++i) {
    if (s.tender.bids.ids[i] == id) {
      return s.tender.bids.values(static_cast<Eigen::Index>(i), 0);
    }
  }
  return 0;
}

std::string Winner(const Scored& s) {
  return s.tender.bids.ids[static_cast<std::size_t>(s.evaluation.Winner())];
}

TEST(TenderLcc, FleetVans) {
  // LCCs from samples/fleet-lcc/README.md; 80 points on lowest-ratio of
  // the LCC, 20 on eco-driving training (E yes, H yes, D no).
  const Scored s = ScoreSample("fleet-lcc");
  EXPECT_EQ(Value(s, "E"), 56375.42);
  EXPECT_EQ(Value(s, "H"), 61502.84);
  EXPECT_EQ(Value(s, "D"), 65077.73);
  EXPECT_NEAR(Total(s, "E"), 100.0, 1e-9);
  EXPECT_NEAR(Total(s, "H"), 80 * 56375.42 / 61502.84 + 20, 1e-9);  // 93.33
  EXPECT_NEAR(Total(s, "D"), 80 * 56375.42 / 65077.73, 1e-9);       // 69.30
  EXPECT_NEAR_TOL(Total(s, "H"), 93.33, kTwoDecimals);
  EXPECT_NEAR_TOL(Total(s, "D"), 69.30, kTwoDecimals);
  EXPECT_EQ(Winner(s), "E");
}

TEST(TenderLcc, LaptopsPurchaseRefurbishedService) {
  // LCCs from samples/laptops-lcc/README.md; 60 points on the LCC, 40 on
  // the repairability index (linear 0..10: N 6.0, R 7.5, S 8.0).
  const Scored s = ScoreSample("laptops-lcc");
  EXPECT_EQ(Value(s, "S"), 1570.99);
  EXPECT_EQ(Value(s, "R"), 1640.15);
  EXPECT_EQ(Value(s, "N"), 2153.26);
  EXPECT_NEAR(Total(s, "S"), 60 + 32, 1e-9);
  EXPECT_NEAR(Total(s, "R"), 60 * 1570.99 / 1640.15 + 30, 1e-9);  // 87.47
  EXPECT_NEAR(Total(s, "N"), 60 * 1570.99 / 2153.26 + 24, 1e-9);  // 67.78
  EXPECT_NEAR_TOL(Total(s, "R"), 87.47, kTwoDecimals);
  EXPECT_NEAR_TOL(Total(s, "N"), 67.78, kTwoDecimals);
  EXPECT_EQ(Winner(s), "S");
}

TEST(TenderLcc, FurnitureBuyBackFromACsvProfile) {
  // samples/furniture-buyback/README.md, with d = 1.03^-7 and
  // a = (1 - d) / 0.03:
  //   A = 62,000 + 1,500 a + 3,000 d   = 73,784.70
  //   B = 74,000 + 1,000 a - 24,000 d  = 60,716.09
  //   C = 1,000 + 11,500 a             = 72,648.25
  const double d = 1 / (1.03 * 1.03 * 1.03 * 1.03 * 1.03 * 1.03 * 1.03);
  const double a = (1 - d) / 0.03;
  EXPECT_NEAR(62000 + 1500 * a + 3000 * d, 73784.70, 0.005);
  EXPECT_NEAR(74000 + 1000 * a - 24000 * d, 60716.09, 0.005);
  EXPECT_NEAR(1000 + 11500 * a, 72648.25, 0.005);
  const Scored s = ScoreSample("furniture-buyback");
  ASSERT_TRUE(s.tender.lcc.has_value());
  EXPECT_EQ(s.tender.cost_profile->source,
            std::string(CIRCA_SOURCE_DIR) +
                "/samples/furniture-buyback/cost-profile.csv");
  EXPECT_EQ(Value(s, "A"), 73784.70);
  EXPECT_EQ(Value(s, "B"), 60716.09);
  EXPECT_EQ(Value(s, "C"), 72648.25);
  // 70 points on the LCC, 30 on recycled content (linear 0..80 %).
  EXPECT_NEAR(Total(s, "B"), 70 + 30 * 60 / 80.0, 1e-9);  // 92.50
  EXPECT_NEAR(Total(s, "C"), 70 * 60716.09 / 72648.25 + 15, 1e-9);
  EXPECT_NEAR(Total(s, "A"), 70 * 60716.09 / 73784.70 + 3.75, 1e-9);
  EXPECT_NEAR_TOL(Total(s, "C"), 73.50, kTwoDecimals);
  EXPECT_NEAR_TOL(Total(s, "A"), 61.35, kTwoDecimals);
  EXPECT_EQ(Winner(s), "B");
  // The circular offer is the dearest purchase but the cheapest to own.
  const Scorer scorer = ::circa_test::CompileOk(s.tender.criteria);
  const Report r = MakeReport(s.tender.criteria, s.tender.bids, scorer,
                              s.evaluation, true, nullptr, &*s.tender.lcc);
  ASSERT_EQ(r.Explanation(1).criteria[0].id, "lcc");
  EXPECT_EQ(r.Explanation(1).criteria[0].text,
            "Life-cycle cost: a purchase at 72,000.00 EUR with a life-cycle "
            "cost of 60,716.09 EUR over 7 years at a 3 % discount rate; "
            "scored on 60,716.09 EUR; lowest 60,716.09 (B) / 60,716.09 = "
            "1.0000 x 70.00 = 70.00 points (relative)");
  EXPECT_EQ(r.Explanation(2).criteria[0].text.substr(0, 64),
            "Life-cycle cost: a service (no purchase price) with a life-cycle");
}

constexpr const char* kSet = R"(circa: 1
id: x
version: "1"
title: X
criteria:
  - {id: lcc, type: cost, from: lcc, weight: 100, scoring: {rule: lowest-ratio}}
)";

class TenderLccFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/tender_lcc_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::create_directories(dir_);
    Write("tender.yaml", kSet);
    Write("bids.csv", "bid,supplier\nA,Alpha\nB,Beta\n");
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name) << text;
  }
  std::vector<std::string> Load() {
    const Result<TenderPaths> paths = ResolveTenderDirectory(dir_);
    EXPECT_TRUE(paths.ok()) << circa_test::Describe(paths.diagnostics);
    std::vector<std::string> out =
        Messages(LoadTender(*paths.value, LoadOptions{}).diagnostics);
    for (std::string& m : out) {
      if (m.rfind(dir_, 0) == 0) m = m.substr(dir_.size() + 1);
    }
    return out;
  }
  std::string dir_;
};

TEST_F(TenderLccFiles, NeedsACostProfile) {
  EXPECT_EQ(Load(), std::vector<std::string>{
                        "tender.yaml:6:5: lcc.from: the value is each bid's "
                        "life-cycle cost; give a cost profile "
                        "(cost-profile.yaml or cost-profile.csv in the "
                        "tender directory, or --costs FILE)"});
}

TEST_F(TenderLccFiles, OneOfferPerBid) {
  Write("cost-profile.csv",
        "offer,key,value\n,circa,1\n,horizon,2\n,discount-rate,0\n"
        "A,price,100\nC,price,90\n");
  EXPECT_EQ(Load(),
            (std::vector<std::string>{
                "cost-profile.csv: offers: no offer for bid \"B\"; the cost "
                "profile needs one offer per bid, with the same id",
                "cost-profile.csv: offers[C]: no bid has this id; expected "
                "the ids of the bid file"}));
}

TEST_F(TenderLccFiles, ProfileErrorsStopTheLoad) {
  Write("cost-profile.csv", "offer,key,value\n,circa,1\n,horizon,0\n");
  EXPECT_EQ(Load(),
            (std::vector<std::string>{
                "cost-profile.csv:3:10: horizon: expected the horizon in "
                "years (a whole number from 1 to 100), got \"0\"",
                "cost-profile.csv:1:1: discount-rate: missing; expected a "
                "discount rate between 0 and 1 (e.g. 0.04 for 4 %)",
                "cost-profile.csv:1:1: offers: missing; expected a list of "
                "offers"}));
}

TEST_F(TenderLccFiles, AnUnusedProfileIsAWarning) {
  Write("tender.yaml", R"(circa: 1
id: x
version: "1"
title: X
criteria:
  - {id: price, type: price, weight: 100, scoring: {rule: lowest-ratio}}
)");
  Write("bids.csv", "bid,price\nA,1\n");
  Write("cost-profile.yaml", "circa: 1\n");
  const std::vector<std::string> m = Load();
  ASSERT_EQ(m.size(), 1u);
  EXPECT_NE(m[0].find("warning: cost profile not used: no criterion of"),
            std::string::npos)
      << m[0];
}

}  // namespace
}  // namespace circa
