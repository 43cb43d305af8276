// Reference cases: the worked examples of DOMAIN.md §7 as a data file
// (worked_cases.yaml), each with its source and tolerance, run by one
// parameterised test.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "test_util.h"

namespace circa {
namespace {

struct ExpectedBid {
  std::string id;
  int rank = 0;  // 0: not stated
  std::optional<double> total;
  std::map<std::string, double> scores;
  std::map<std::string, double> points;
};

struct ReferenceCase {
  std::string id;
  std::string source;
  double tolerance = 0;
  std::string criteria;
  std::string bids;
  std::string winner;
  std::vector<ExpectedBid> expected;
  std::string load_error;  // set when the data file itself is broken
};

void PrintTo(const ReferenceCase& c, std::ostream* os) {
  *os << c.id << " (" << c.source << ")";
}

std::map<std::string, double> Numbers(const YAML::Node& map) {
  std::map<std::string, double> out;
  if (!map) return out;
  for (const auto& kv : map) {
    out[kv.first.as<std::string>()] = kv.second.as<double>();
  }
  return out;
}

std::vector<ReferenceCase> LoadCases() {
  const std::string path =
      circa_test::SourcePath("tests/reference/worked_cases.yaml");
  std::vector<ReferenceCase> cases;
  try {
    const YAML::Node root = YAML::LoadFile(path);
    for (const YAML::Node& node : root["cases"]) {
      ReferenceCase c;
      c.id = node["id"].as<std::string>();
      c.source = node["source"].as<std::string>();
      c.tolerance = node["tolerance"].as<double>();
      c.criteria = node["criteria"].as<std::string>();
      c.bids = node["bids"].as<std::string>();
      c.winner = node["expected"]["winner"].as<std::string>();
      for (const YAML::Node& b : node["expected"]["bids"]) {
        ExpectedBid e;
        e.id = b["id"].as<std::string>();
        if (b["rank"]) e.rank = b["rank"].as<int>();
        if (b["total"]) e.total = b["total"].as<double>();
        e.scores = Numbers(b["scores"]);
        e.points = Numbers(b["points"]);
        c.expected.push_back(std::move(e));
      }
      cases.push_back(std::move(c));
    }
  } catch (const std::exception& e) {
    ReferenceCase broken;
    broken.id = "worked_cases_yaml";
    broken.load_error = path + ": " + e.what();
    cases.push_back(std::move(broken));
  }
  return cases;
}

Eigen::Index IndexOf(const std::vector<std::string>& ids,
                     const std::string& id) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return static_cast<Eigen::Index>(i);
  }
  return -1;
}

class ReferenceCaseTest : public ::testing::TestWithParam<ReferenceCase> {};

TEST_P(ReferenceCaseTest, MatchesThePublishedFigures) {
  const ReferenceCase& c = GetParam();
  ASSERT_EQ(c.load_error, "");
  ASSERT_GT(c.tolerance, 0) << c.id;
  ASSERT_FALSE(c.expected.empty()) << c.id;
  SCOPED_TRACE(c.id + ": " + c.source);

  const CriteriaSet set =
      circa_test::ParseCriteriaOk(c.criteria, c.id + "/criteria.yaml");
  const BidSet bids = circa_test::ParseBidsOk(c.bids, set, BidsFormat::kCsv,
                                              c.id + "/bids.csv");
  const Scorer scorer = ::circa_test::CompileOk(set);
  const Evaluation e = scorer.Evaluate(bids);
  ASSERT_TRUE(circa_test::AllFinite(e.scores));

  ASSERT_GE(e.Winner(), 0);
  EXPECT_EQ(bids.ids[static_cast<std::size_t>(e.Winner())], c.winner);
  for (const ExpectedBid& x : c.expected) {
    const Eigen::Index i = IndexOf(bids.ids, x.id);
    ASSERT_GE(i, 0) << "no bid " << x.id;
    const auto k = static_cast<std::size_t>(i);
    if (x.rank > 0) {
      EXPECT_EQ(e.rank[k], x.rank) << x.id;
    }
    if (x.total) {
      EXPECT_NEAR(e.totals[i], *x.total, c.tolerance) << x.id;
    }
    for (const auto& [criterion, score] : x.scores) {
      const Eigen::Index j = IndexOf(bids.criteria, criterion);
      ASSERT_GE(j, 0) << "no criterion " << criterion;
      EXPECT_NEAR(e.scores(i, j), score, c.tolerance)
          << x.id << " score on " << criterion;
    }
    for (const auto& [criterion, points] : x.points) {
      const Eigen::Index j = IndexOf(bids.criteria, criterion);
      ASSERT_GE(j, 0) << "no criterion " << criterion;
      EXPECT_NEAR(e.Points(i, j), points, c.tolerance)
          << x.id << " points on " << criterion;
    }
  }
}

std::string CaseName(const ::testing::TestParamInfo<ReferenceCase>& param) {
  std::string name = param.param.id;
  for (char& ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9');
    if (!ok) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(WorkedCases, ReferenceCaseTest,
                         ::testing::ValuesIn(LoadCases()), CaseName);

}  // namespace
}  // namespace circa
