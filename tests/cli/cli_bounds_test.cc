// Numbers that overflow are errors, never null, inf or zero points (issue
// 12, item 5; docs/criteria-format.md "Limits", docs/lcc.md "Limits"): the
// reproducers d5, d10 and d11 through the real executable.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

constexpr char kBids[] = "bid,supplier,price,q\nA,Alpha,100,5\nB,Beta,120,9\n";

// d5: a scale of 1e303 made every total null in JSON (the report rounds to
// six decimals by multiplying by 1e6).
TEST(CliBounds, HugeScaleIsRefusedNotNullTotals) {
  const TempDir dir;
  dir.Write("tender.yaml",
            "circa: 1\nid: base\nversion: 1.0.0\ntitle: Base\nscale: 1e303\n"
            "criteria:\n"
            "  - {id: price, type: price, weight: 6e302, scoring: {rule: "
            "lowest-ratio}}\n"
            "  - {id: q, type: quality, weight: 4e302, scoring: {rule: "
            "linear, worst: 0, best: 10}}\n");
  dir.Write("bids.csv", kBids);
  const RunResult r = RunCirca(
      {"score", "tender.yaml", "bids.csv", "-f", "json"}, {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("tender.yaml:5:8: scale: scale 1e+303 is out of range; "
                       "expected at most 1,000,000"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tender.yaml:7:5: criteria[0].weight: weight 6e+302 "
                       "is out of range; a weight must be at most 1,000,000"),
            std::string::npos)
      << r.err;
}

// d10: worst -1e308, best 1e308 made best - worst overflow, and every bid
// scored 0 on q with exit 0.
TEST(CliBounds, LinearSpanOverflowIsRefusedNotZeroPoints) {
  const TempDir dir;
  dir.Write("tender.yaml",
            "circa: 1\nid: base\nversion: 1.0.0\ntitle: Base\ncriteria:\n"
            "  - {id: price, type: price, weight: 60, scoring: {rule: "
            "lowest-ratio}}\n"
            "  - {id: q, type: quality, weight: 40, scoring: {rule: linear, "
            "worst: -1e308, best: 1e308}}\n");
  dir.Write("bids.csv", kBids);
  const RunResult r =
      RunCirca({"score", "tender.yaml", "bids.csv"}, {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_NE(r.err.find("tender.yaml:7:5: criteria[1].scoring.worst: worst "
                       "-1e+308 is out of range; rule parameters must lie "
                       "within -1e12 to 1e12"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("criteria[1].scoring.best: best 1e+308 is out of "
                       "range"),
            std::string::npos)
      << r.err;
}

// d11: a purchase price of 1e308 in the cost profile gave an LCC of inf,
// ranked and printed, with exit 0.
TEST(CliBounds, LccOverflowIsAnErrorAtTheOffer) {
  const TempDir dir;
  std::string profile =
      ReadFile(SourceDir() / "samples/laptops-lcc/cost-profile.yaml");
  const std::size_t at = profile.find("    price: ");
  ASSERT_NE(at, std::string::npos);
  const std::size_t end = profile.find('\n', at);
  profile.replace(at, end - at, "    price: 1e308");
  dir.Write("costs.yaml", profile);
  const RunResult r = RunCirca(
      {"score", "samples/laptops-lcc", "--costs", (dir.path() / "costs.yaml")});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("offers[0]: the life-cycle cost of offer \"N\" "
                       "overflows (not a finite number); amounts must keep it "
                       "within -1e12 to 1e12"),
            std::string::npos)
      << r.err;
}

// The limits themselves are accepted: a scale of 1,000,000 and anchors of
// +-1e12 score normally, with finite totals.
TEST(CliBounds, ValuesAtTheLimitsScore) {
  const TempDir dir;
  dir.Write("tender.yaml",
            "circa: 1\nid: base\nversion: 1.0.0\ntitle: Base\n"
            "scale: 1000000\ncriteria:\n"
            "  - {id: price, type: price, weight: 600000, scoring: {rule: "
            "lowest-ratio}}\n"
            "  - {id: q, type: quality, weight: 400000, scoring: {rule: "
            "linear, worst: -1e12, best: 1e12}}\n");
  dir.Write("bids.csv", kBids);
  const RunResult r = RunCirca(
      {"score", "tender.yaml", "bids.csv", "-f", "json"}, {.cwd = dir.path()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  // A: lowest price (600,000) + (5 + 1e12) / 2e12 x 400,000 on q.
  const nlohmann::json j = nlohmann::json::parse(r.out);
  for (const nlohmann::json& bid : j["bids"]) {
    ASSERT_TRUE(bid["total"].is_number()) << bid;
    for (const auto& [id, points] : bid["subtotals"].items()) {
      EXPECT_TRUE(points.is_number()) << id;
    }
  }
  EXPECT_NEAR(j["bids"][0]["total"].get<double>(), 800000.0, 1e-5) << r.out;
}

// Issue 12, item 4: 20,000 flat criteria cost seconds and gigabytes to load,
// score and explain. A set holds at most 10,000 criteria (LoadOptions::
// max_criteria, docs/criteria-format.md "Limits"): one more is refused at
// the first criterion past the limit, with no output.
TEST(CliBounds, MoreCriteriaThanTheLimitAreRefused) {
  const TempDir dir;
  std::string yaml =
      "circa: 1\nid: flat\nversion: 1.0.0\ntitle: Flat\n"
      "scale: 100\nweights: percent\ncriteria:\n";
  std::string header = "bid,supplier";
  std::string row = "A,Alpha";
  for (int i = 0; i <= 10000; ++i) {
    yaml += "  - {id: c" + std::to_string(i) +
            ", type: quality, weight: 0.0099990001, scoring: {rule: linear, "
            "worst: 0, best: 10}}\n";
    header += ",c" + std::to_string(i);
    row += ",5";
  }
  dir.Write("tender.yaml", yaml);
  dir.Write("bids.csv", header + "\n" + row + "\n");
  const RunResult r =
      RunCirca({"score", "tender.yaml", "bids.csv"}, {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("tender.yaml:10008:5: criteria[10000]: more than 10000 "
                       "criteria; a set holds at most 10000 "
                       "(docs/criteria-format.md, \"Limits\")"),
            std::string::npos)
      << r.err.substr(0, 2000);
}

}  // namespace
}  // namespace circa_test::cli
