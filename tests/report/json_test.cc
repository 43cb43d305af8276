// JSON result (engine/report/json.cc), schema circa.result/2, read back with
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
  EXPECT_EQ(doc_.at("schema"), "circa.result/2");
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
  EXPECT_EQ(doc.at("notes")[0].at("kind"), "price-quality-split");
  EXPECT_EQ(doc.at("notes")[1].at("kind"), "tie");
  EXPECT_EQ(doc.at("notes")[1].at("tie_break"), 0);
  EXPECT_TRUE(doc.at("notes")[1].at("criterion").is_null());
  EXPECT_THAT(doc.at("notes")[1].at("text").get<std::string>(),
              ::testing::HasSubstr("tie at rank 1"));
  EXPECT_EQ(doc.at("winner"), "A");
}

// Every fact of the award order as numbers (schema circa.result/2): a
// failed requirement with the value and the condition, a missed minimum
// score with points and minimum, an abnormally-low price with its
// reference, a tie and the tie-break rule with each bid's key.
constexpr char kFactsCriteria[] = R"(circa: 1
id: facts
version: "1"
title: Facts
requirements:
  - id: thick
    conditions: [{field: thickness, min: 2}]
tie-break: [{lower: price}]
abnormally-low: {rule: below-mean, criterion: price, percent: 20}
criteria:
  - {id: q, name: Quality, type: quality, weight: 50, min-score: 20,
     scoring: {rule: linear, worst: 0, best: 10}}
  - {id: price, name: Price, type: price, weight: 50,
     scoring: {rule: lowest-ratio}}
)";

TEST(JsonTest, FactsCarryTheirNumbers) {
  const auto scored = circa_test::ScoreText(
      kFactsCriteria,
      "bid,q,price,thickness\n"
      "A,6,100,3\n"    // 30 + 30 = 60
      "B,1,50,3\n"     // 5 quality points: below the minimum of 20
      "C,8,100,1\n"    // thickness 1: fails the requirement
      "D,7.2,125,3\n"  // 36 + 24 = 60: ties with A, lower price decides
      "F,4,60,3\n");   // 60 against a mean of 112.5: abnormally low
  const json doc = json::parse(RenderJson(scored->report));
  const auto bid = [&](const std::string& id) {
    for (const json& b : doc.at("bids")) {
      if (b.at("id") == id) return b;
    }
    throw std::runtime_error("no bid " + id);
  };
  const json c = bid("C").at("exclusion");
  EXPECT_EQ(c.at("stage"), "requirement");
  EXPECT_EQ(c.at("rule"), "thick");
  ASSERT_EQ(c.at("failed").size(), 1u);
  EXPECT_EQ(c.at("failed")[0].at("field"), "thickness");
  EXPECT_EQ(c.at("failed")[0].at("value"), "1");
  EXPECT_EQ(c.at("failed")[0].at("number"), 1);
  EXPECT_EQ(c.at("failed")[0].at("condition"), "min");
  EXPECT_EQ(c.at("failed")[0].at("bound"), 2);
  EXPECT_EQ(c.at("reason"),
            "does not meet requirement thick: thickness is \"1\", expected "
            "at least 2");

  const json b = bid("B").at("exclusion");
  EXPECT_EQ(b.at("stage"), "threshold");
  EXPECT_EQ(b.at("rule"), "q");
  EXPECT_EQ(b.at("points"), 5);
  EXPECT_EQ(b.at("max_points"), 50);
  EXPECT_EQ(b.at("min_points"), 20);

  const json f = bid("F").at("abnormally_low");
  EXPECT_EQ(f.at("rule"), "below-mean");
  EXPECT_EQ(f.at("basis"), "mean-of-others");
  EXPECT_EQ(f.at("price"), 60);
  EXPECT_EQ(f.at("reference"), 112.5);
  EXPECT_EQ(f.at("below_percent"), 46.666667);
  EXPECT_EQ(f.at("threshold_percent"), 20);
  EXPECT_EQ(f.at("limit"), 90);
  EXPECT_EQ(f.at("count"), 2);
  EXPECT_EQ(f.at("of"), 3);
  EXPECT_FALSE(bid("A").contains("abnormally_low"));

  ASSERT_EQ(doc.at("tie_breaks").size(), 1u);
  const json t = doc.at("tie_breaks")[0];
  EXPECT_EQ(t.at("rank"), 2);
  EXPECT_EQ(t.at("policy_rules"), 1);
  EXPECT_EQ(t.at("resolved"), true);
  ASSERT_EQ(t.at("steps").size(), 1u);
  const json step = t.at("steps")[0];
  EXPECT_EQ(step.at("rule"), 1);
  EXPECT_EQ(step.at("kind"), "lower");
  EXPECT_EQ(step.at("target"), "price");
  ASSERT_EQ(step.at("keys").size(), 2u);
  EXPECT_EQ(step.at("keys")[0].at("bid"), "A");
  EXPECT_EQ(step.at("keys")[0].at("value"), 100);
  EXPECT_EQ(step.at("keys")[1].at("bid"), "D");
  EXPECT_EQ(step.at("keys")[1].at("value"), 125);
  EXPECT_EQ(step.at("text"), "rule 1, lower Price: A EUR 100, D EUR 125");

  // The notes: the price/quality split with its four numbers, then the tie
  // pointing at its record.
  ASSERT_EQ(doc.at("notes").size(), 2u);
  const json split = doc.at("notes")[0];
  EXPECT_EQ(split.at("kind"), "price-quality-split");
  EXPECT_EQ(split.at("money_points"), 50);
  EXPECT_EQ(split.at("money_weight"), 50);
  EXPECT_EQ(split.at("quality_points"), 36);
  EXPECT_EQ(split.at("quality_weight"), 50);
  const json tie = doc.at("notes")[1];
  EXPECT_EQ(tie.at("kind"), "tie");
  EXPECT_EQ(tie.at("tie_break"), 0);
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
