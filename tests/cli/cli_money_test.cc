// circa score and validate on money-based awards (`award:`) and on sets
// scored on life-cycle cost (`from: lcc`, --costs): exit codes, what is
// printed, and the JSON of circa.award/2 and of the lcc object.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

TEST(CliMoney, ScoreValueAwardTable) {
  const RunResult r =
      RunCirca({"score", "samples/value-award", "--width", "100"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_NE(r.out.find("   1  C    Circulaire Keukens CV   81,000.00  "
                       "-6,500.00  74,500.00"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("   -  D    Lowcost Grootkeuken BV  70,000.00  "
                       "excluded (min_warranty)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("so its fictitious price is 80,000.00 - 1,500.00 = "
                       "78,500.00 EUR"),
            std::string::npos)
      << r.out;
}

TEST(CliMoney, ScoreValueAwardJson) {
  const RunResult r =
      RunCirca({"score", "samples/value-award", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "circa.award/2");
  EXPECT_EQ(j["method"]["name"], "fictitious-price");
  EXPECT_EQ(j["winner"], "C");
  ASSERT_EQ(j["bids"].size(), 4u);
  EXPECT_EQ(j["bids"][0]["id"], "C");
  EXPECT_EQ(j["bids"][0]["evaluated"], 74500.0);
  EXPECT_EQ(j["bids"][2]["id"], "A");
  EXPECT_EQ(j["bids"][2]["evaluated"], 78500.0);
  EXPECT_EQ(j["bids"][2]["adjustments"][0]["amount"], -1500.0);
  EXPECT_EQ(j["bids"][3]["status"], "excluded");
  EXPECT_EQ(j["bids"][3]["exclusion"]["rule"], "min_warranty");
}

TEST(CliMoney, ScoreValueAwardCsv) {
  const RunResult r =
      RunCirca({"score", "samples/value-award", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out,
            "rank,bid,supplier,status,tied,price,evaluated,delivery_plan,"
            "take_back\n"
            "1,C,Circulaire Keukens CV,ranked,no,81000.000000,74500.000000,"
            "-2500.000000,-4000.000000\n"
            "2,B,Budget Horeca NV,ranked,no,76000.000000,77000.000000,"
            "0.000000,1000.000000\n"
            "3,A,Keukenpartner BV,ranked,no,80000.000000,78500.000000,"
            "-1500.000000,0.000000\n"
            "0,D,Lowcost Grootkeuken BV,excluded,no,70000.000000,,,\n");
}

TEST(CliMoney, TablesFitTheWidth) {
  for (const char* sample : {"samples/value-award", "samples/furniture-buyback",
                             "samples/laptops-lcc"}) {
    for (const int width : {40, 60, 100}) {
      const RunResult r =
          RunCirca({"score", sample, "--width", std::to_string(width)});
      ASSERT_EQ(r.exit_code, 0) << r.Describe();
      std::size_t start = 0;
      while (start < r.out.size()) {
        std::size_t end = r.out.find('\n', start);
        if (end == std::string::npos) end = r.out.size();
        const std::string line = r.out.substr(start, end - start);
        int chars = 0;  // characters, not bytes
        for (const char c : line) {
          chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }
        EXPECT_LE(chars, width) << sample << " width " << width << ": " << line;
        start = end + 1;
      }
    }
  }
}

TEST(CliMoney, ValidateSaysTheSetRanksOnMoney) {
  const RunResult r = RunCirca({"validate", "samples/value-award"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_NE(r.out.find("ok: value-award-catering-equipment 1.0.0, awarded on "
                       "fictitious-price (lowest evaluated price)"),
            std::string::npos)
      << r.out;
}

TEST(CliMoney, UnknownLevelIsAnInputError) {
  TempDir dir;
  dir.Write("tender.yaml", R"(circa: 1
id: x
version: "1"
title: X
award:
  method: fictitious-price
  price: price
  criteria: [{id: plan, value: 100, levels: {good: 100, none: 0}}]
criteria:
  - {id: price, type: price}
)");
  dir.Write("bids.csv", "bid,price,plan\nA,10,great\n");
  const RunResult r = RunCirca({"score", dir.path().string()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_NE(r.err.find("bids.csv:2:1: bids[A].plan: unknown level \"great\"; "
                       "expected one of \"good\" or \"none\""),
            std::string::npos)
      << r.err;
}

TEST(CliMoney, ScoreFurnitureBuyBackShowsLcc) {
  const RunResult r =
      RunCirca({"score", "samples/furniture-buyback", "--width", "110"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_NE(r.out.find("   1  B    Circulair Meubel CV       92.50"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Life-cycle cost over 7 years at a 3 % discount rate"),
            std::string::npos)
      << r.out;
  const RunResult j =
      RunCirca({"score", "samples/furniture-buyback", "--format", "json"});
  ASSERT_EQ(j.exit_code, 0) << j.Describe();
  const nlohmann::json doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["winner"], "B");
  EXPECT_EQ(doc["lcc"]["horizon"], 7);
  EXPECT_EQ(doc["lcc"]["offers"][0]["id"], "B");
  EXPECT_EQ(doc["lcc"]["offers"][0]["lcc"], 60716.09);
  EXPECT_EQ(doc["lcc"]["offers"][0]["present_value"]["residual"],
            -19514.196272);
  EXPECT_EQ(doc["lcc"]["offers"][0]["years"].size(), 8u);
}

TEST(CliMoney, CostsOptionOverridesTheDirectory) {
  TempDir dir;
  dir.Write("profile.csv",
            "offer,key,value\n,circa,1\n,horizon,1\n,discount-rate,0\n"
            "A,price,100\nB,price,50\n");
  dir.Write("tender.yaml", R"(circa: 1
id: x
version: "1"
title: X
criteria:
  - {id: lcc, type: cost, from: lcc, weight: 100, scoring: {rule: lowest-ratio}}
)");
  dir.Write("bids.csv", "bid\nA\nB\n");
  const RunResult missing = RunCirca({"score", dir.path().string()});
  EXPECT_EQ(missing.exit_code, 1) << missing.Describe();
  EXPECT_NE(missing.err.find("lcc.from: the value is each bid's life-cycle "
                             "cost; give a cost profile"),
            std::string::npos)
      << missing.err;
  const RunResult r =
      RunCirca({"score", dir.path().string(), "--costs",
                (dir.path() / "profile.csv").string(), "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out,
            "rank,bid,supplier,status,tied,total,lcc\n"
            "1,B,,ranked,no,100.000000,100.000000\n"
            "2,A,,ranked,no,50.000000,50.000000\n");
  const RunResult v = RunCirca({"validate", dir.path().string(), "--costs",
                                (dir.path() / "profile.csv").string()});
  ASSERT_EQ(v.exit_code, 0) << v.Describe();
  EXPECT_NE(v.out.find("profile.csv: ok: 2 offers over 1 year\n"),
            std::string::npos)
      << v.out;
}

}  // namespace
}  // namespace circa_test::cli
