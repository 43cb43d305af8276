// CSV result (engine/report/csv.cc): one row per bid in rank order with the
// points per leaf criterion, six decimals.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/fixtures.h"

namespace circa {
namespace {

TEST(CsvReportTest, NegometrixRowsInRankOrder) {
  const auto scored =
      circa_test::ScoreText(circa_test::kT1Criteria, circa_test::kT1Bids);
  // A: 40 + 30 + 20 + 56 = 146; B: 32 + 20 + 22 + 70 = 144 (DOMAIN.md T1).
  EXPECT_EQ(RenderCsv(scored->report),
            "rank,bid,supplier,status,tied,total,experience,qa,time,price\n"
            "1,A,,ranked,no,146.000000,40.000000,30.000000,20.000000,"
            "56.000000\n"
            "2,B,,ranked,no,144.000000,32.000000,20.000000,22.000000,"
            "70.000000\n");
}

TEST(CsvReportTest, QuotingAndTies) {
  const auto scored =
      circa_test::ScoreText(circa_test::kT1Criteria,
                            "bid,supplier,experience,qa,time,price\n"
                            "B,\"Bolt, \"\"the\"\" Builders\",40,30,20,100\n"
                            "A,Acme,50,30,10,100\n");
  const std::vector<std::string> lines =
      circa_test::Lines(RenderCsv(scored->report));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1],
            "1,B,\"Bolt, \"\"the\"\" Builders\",ranked,yes,160.000000,"
            "40.000000,30.000000,20.000000,70.000000");
  EXPECT_EQ(lines[2],
            "1,A,Acme,ranked,yes,160.000000,50.000000,30.000000,10.000000,"
            "70.000000");
}

}  // namespace
}  // namespace circa
