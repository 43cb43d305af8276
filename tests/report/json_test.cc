// JSON result (engine/report/json.cc), schema circa.result/1, read back with
// a JSON parser and checked against the formulas and `sha256sum`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "report/fixtures.h"

namespace circa {
namespace {

using circa_test::kSixDecimals;
using nlohmann::json;

// The first field of `sha256sum FILE`: an independent digest.
std::string Sha256Sum(const std::string& path) {
  FILE* pipe = popen(("sha256sum '" + path + "'").c_str(), "r");
  if (pipe == nullptr) return "";
  char buffer[256];
  std::string out;
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  pclose(pipe);
  return out.substr(0, out.find(' '));
}

bool IsLowerHex(const std::string& s) {
  return s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

const json* FindCell(const json& bid, const std::string& id) {
  for (const json& cell : bid.at("criteria")) {
    if (cell.at("id") == id) return &cell;
  }
  return nullptr;
}

class JsonSampleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    scored_ = circa_test::ScoreSample();
    text_ = RenderJson(scored_->report);
    doc_ = json::parse(text_);
  }
  std::unique_ptr<circa_test::Scored> scored_;
  std::string text_;
  json doc_;
};

TEST_F(JsonSampleTest, SchemaAndCriteriaSet) {
  EXPECT_EQ(doc_.at("schema"), "circa.result/1");
  EXPECT_EQ(doc_.at("schema"), kResultSchema);
  EXPECT_EQ(doc_.at("criteria_set").at("id"), "office-furniture-circular");
  EXPECT_EQ(doc_.at("criteria_set").at("version"), "1.0.0");
  EXPECT_EQ(doc_.at("criteria_set").at("currency"), "EUR");
  EXPECT_EQ(doc_.at("criteria_set").at("scale"), 100);
  EXPECT_EQ(text_.back(), '\n');
}

TEST_F(JsonSampleTest, InputsCarryTheSha256OfEachFile) {
  const json& inputs = doc_.at("inputs");
  ASSERT_EQ(inputs.size(), 2u);
  EXPECT_EQ(inputs[0].at("role"), "criteria");
  EXPECT_EQ(inputs[0].at("path"), circa_test::SampleCriteriaPath());
  EXPECT_EQ(inputs[1].at("role"), "bids");
  EXPECT_EQ(inputs[1].at("path"), circa_test::SampleBidsPath());
  for (const json& input : inputs) {
    const std::string digest = input.at("sha256");
    EXPECT_EQ(digest.size(), 64u);
    EXPECT_TRUE(IsLowerHex(digest)) << digest;
    EXPECT_EQ(digest, Sha256Sum(input.at("path")));
  }
  EXPECT_NE(inputs[0].at("sha256"), inputs[1].at("sha256"));
}

TEST_F(JsonSampleTest, BidsInRankOrderWithTotals) {
  const json& bids = doc_.at("bids");
  ASSERT_EQ(bids.size(), 5u);
  // Totals from the formulas (see tests/score/scorer_test.cc).
  const double e = 40 * 151000.0 / 238000 + 15 + 10 + 10 + 25;
  const double c = 40 * 151000.0 / 196000 + 15 * 45 / 60.0 + 10 + 5 + 25;
  const double b = 40 * 151000.0 / 214500 + 15 * 55 / 60.0 + 10 + 10 + 18.75;
  const double a = 40 * 151000.0 / 182000 + 15 * 20 / 60.0 + 0 + 5 + 12.5;
  const double d = 40 + 15 * 5 / 60.0 + 0 + 0 + 6.25;
  const std::vector<std::pair<std::string, double>> expected = {
      {"E", e}, {"C", c}, {"B", b}, {"A", a}, {"D", d}};
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(bids[k].at("id"), expected[k].first);
    EXPECT_EQ(bids[k].at("rank"), static_cast<int>(k) + 1);
    EXPECT_EQ(bids[k].at("status"), "ranked");
    EXPECT_EQ(bids[k].at("tied"), false);
    EXPECT_NEAR(bids[k].at("total").get<double>(), expected[k].second,
                kSixDecimals);
  }
  EXPECT_EQ(doc_.at("winner"), "E");
  EXPECT_EQ(bids[0].at("supplier"), "ReDesk Flanders");
  EXPECT_TRUE(doc_.at("notes").empty());
}

TEST_F(JsonSampleTest, PerLeafRawScoreWeightPointsRelative) {
  const json& bids = doc_.at("bids");
  const json& d = bids[4];
  ASSERT_EQ(d.at("id"), "D");
  ASSERT_EQ(d.at("criteria").size(), 5u);
  struct Expected {
    std::string id;
    std::string raw;
    double score;
    double weight;
    bool relative;
  };
  // D: 151000 (lowest), 5 %, no, 2 years (step >= 2 -> 0), weak (2.5/10).
  const std::vector<Expected> cells = {
      {"price", "151000", 1.0, 40, true},
      {"recycled_content", "5", 5 / 60.0, 15, false},
      {"take_back", "no", 0.0, 10, false},
      {"warranty_years", "2", 0.0, 10, false},
      {"plan", "weak", 0.25, 25, false}};
  for (const Expected& x : cells) {
    const json* cell = FindCell(d, x.id);
    ASSERT_NE(cell, nullptr) << x.id;
    EXPECT_EQ(cell->at("raw"), x.raw) << x.id;
    EXPECT_NEAR(cell->at("score").get<double>(), x.score, kSixDecimals) << x.id;
    EXPECT_NEAR(cell->at("weight").get<double>(), x.weight, kSixDecimals)
        << x.id;
    EXPECT_NEAR(cell->at("points").get<double>(), x.score * x.weight,
                kSixDecimals)
        << x.id;
    EXPECT_EQ(cell->at("relative"), x.relative) << x.id;
  }
  // Subtotals per top-level criterion: price 40, circularity 1.25, plan 6.25.
  EXPECT_NEAR(d.at("subtotals").at("price").get<double>(), 40, kSixDecimals);
  EXPECT_NEAR(d.at("subtotals").at("circularity").get<double>(), 1.25,
              kSixDecimals);
  EXPECT_NEAR(d.at("subtotals").at("plan").get<double>(), 6.25, kSixDecimals);
  // The explanation travels with the bid.
  EXPECT_THAT(d.at("explanation").at("summary").get<std::string>(),
              ::testing::StartsWith("Bid D (Budget Desk SRL) ranks 5th of 5"));
}

TEST_F(JsonSampleTest, CriteriaDescribeColumns) {
  const json& criteria = doc_.at("criteria");
  ASSERT_EQ(criteria.size(), 5u);
  EXPECT_EQ(criteria[0].at("id"), "price");
  EXPECT_EQ(criteria[0].at("rule"), "lowest-ratio");
  EXPECT_EQ(criteria[0].at("type"), "price");
  EXPECT_EQ(criteria[0].at("relative"), true);
  EXPECT_EQ(criteria[1].at("group"), "circularity");
  EXPECT_EQ(criteria[4].at("rule"), "scale");
  EXPECT_EQ(criteria[4].at("weight"), 25);
}

TEST(JsonTest, TieAndNotesAreReported) {
  const auto scored = circa_test::ScoreText(
      circa_test::kT1Criteria,
      "bid,experience,qa,time,price\nA,40,30,20,100\nB,50,30,10,100\n");
  const json doc = json::parse(RenderJson(scored->report));
  EXPECT_EQ(doc.at("bids")[0].at("tied"), true);
  EXPECT_EQ(doc.at("bids")[1].at("tied"), true);
  EXPECT_EQ(doc.at("bids")[1].at("rank"), 1);
  // The scale-length note (quality hands out at most 90 of its 130 points)
  // and the tie.
  ASSERT_EQ(doc.at("notes").size(), 2u);
  EXPECT_TRUE(doc.at("notes")[1].at("criterion").is_null());
  EXPECT_THAT(doc.at("notes")[1].at("text").get<std::string>(),
              ::testing::HasSubstr("tie at rank 1"));
  EXPECT_EQ(doc.at("winner"), "A");
}

TEST(JsonTest, RenderDispatchesOnFormat) {
  const auto scored =
      circa_test::ScoreText(circa_test::kT1Criteria, circa_test::kT1Bids);
  EXPECT_EQ(Render(scored->report, ReportFormat::kJson),
            RenderJson(scored->report));
  EXPECT_EQ(Render(scored->report, ReportFormat::kCsv),
            RenderCsv(scored->report));
  EXPECT_EQ(Render(scored->report, ReportFormat::kTable),
            RenderTable(scored->report));
  EXPECT_EQ(Render(scored->report, ReportFormat::kMarkdown),
            RenderMarkdown(scored->report));
}

// Rendering is a pure function: the same evaluation gives the same bytes.
TEST(JsonTest, Deterministic) {
  const auto one =
      circa_test::ScoreText(circa_test::kT1Criteria, circa_test::kT1Bids);
  const auto two =
      circa_test::ScoreText(circa_test::kT1Criteria, circa_test::kT1Bids);
  EXPECT_EQ(RenderJson(one->report), RenderJson(two->report));
  EXPECT_EQ(RenderJson(one->report), RenderJson(one->report));
}

// No bids: every renderer still produces its frame; the JSON says there is
// no winner.
TEST(ReportTest, ZeroBids) {
  circa::CriteriaSet set = circa_test::ParseCriteriaOk(circa_test::kT1Criteria);
  circa::BidSet none;
  none.criteria = {"experience", "qa", "time", "price"};
  none.values.resize(0, 4);
  const auto scored = circa_test::Score(std::move(set), std::move(none));
  const json doc = json::parse(RenderJson(scored->report));
  EXPECT_TRUE(doc.at("winner").is_null());
  EXPECT_TRUE(doc.at("bids").empty());
  EXPECT_EQ(RenderCsv(scored->report),
            "rank,bid,supplier,status,tied,total,experience,qa,time,price\n");
  EXPECT_THAT(RenderTable(scored->report), ::testing::HasSubstr("0 bids"));
  EXPECT_THAT(RenderMarkdown(scored->report), ::testing::HasSubstr("0 bids"));
}

}  // namespace
}  // namespace circa
