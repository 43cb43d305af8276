// `circa score` streams every format: a large result is written bid by bid
// into the output, and the notes echoed on stderr are capped while the
// result keeps them all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>

#include "cli/cli_support.h"
#include "cli/fixtures.h"

namespace circa_test::cli {
namespace {

using ::testing::StartsWith;

// Prices 1,000..5,000 and a 0..10 mark: many bids share a total, so the
// evaluation carries thousands of tie notes.
std::string Bids(int count) {
  std::mt19937 engine(42);
  std::string csv = "bid,supplier,price,q\n";
  for (int i = 0; i < count; ++i) {
    const auto price = 1000u + engine() % 4001u;
    const auto q = engine() % 11u;
    csv += "B" + std::to_string(i) + ",Supplier " + std::to_string(i) + "," +
           std::to_string(price) + "," + std::to_string(q) + "\n";
  }
  return csv;
}

constexpr int kBids = 20000;

class CliStream : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("tender.yaml", kPriceQualityTender);
    dir_.Write("bids.csv", Bids(kBids));
  }
  RunResult Score(const std::string& format, const std::string& output) {
    return RunCirca(
        {"score", "tender.yaml", "bids.csv", "-f", format, "-o", output},
        {.cwd = dir_.path(), .timeout = std::chrono::seconds{120}});
  }
  TempDir dir_;
};

TEST_F(CliStream, JsonOfManyBidsParsesAndHoldsEveryBid) {
  const RunResult r = Score("json", "out.json");
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out, "");
  const nlohmann::json doc =
      nlohmann::json::parse(ReadFile(dir_.path() / "out.json"));
  ASSERT_EQ(doc["bids"].size(), static_cast<std::size_t>(kBids));
  std::set<std::string> ids;
  int previous_rank = 0;
  for (const auto& b : doc["bids"]) {
    ids.insert(b["id"].get<std::string>());
    // In rank order, each with its explanation.
    EXPECT_GE(b["rank"].get<int>(), previous_rank);
    previous_rank = b["rank"].get<int>();
    EXPECT_THAT(b["explanation"]["summary"].get<std::string>(),
                StartsWith("Bid " + b["id"].get<std::string>() + " "));
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kBids));
  EXPECT_EQ(doc["winner"], doc["bids"][0]["id"]);
  std::printf("%d bids as JSON in %.1f s\n", kBids, r.seconds);
}

TEST_F(CliStream, NotesOnStderrAreCappedAndAllAreInTheResult) {
  const RunResult r = Score("json", "out.json");
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  const nlohmann::json doc =
      nlohmann::json::parse(ReadFile(dir_.path() / "out.json"));
  const std::size_t notes = doc["notes"].size();
  ASSERT_GT(notes, 20u);
  const std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 21u) << r.err.substr(0, 2000);
  for (std::size_t n = 0; n < 20; ++n) {
    EXPECT_EQ(lines[n],
              "circa: warning: " + doc["notes"][n]["text"].get<std::string>());
  }
  EXPECT_EQ(lines[20], "circa: warning: … and " + std::to_string(notes - 20) +
                           " more notes (in the result)");
}

// How many lines of `text` start with `prefix`.
std::size_t LinesStartingWith(const std::string& text,
                              const std::string& prefix) {
  std::size_t n = 0;
  for (const std::string& line : Lines(text)) n += line.rfind(prefix, 0) == 0;
  return n;
}

TEST_F(CliStream, EveryFormatHoldsEveryBid) {
  const auto kAll = static_cast<std::size_t>(kBids);
  // CSV: a header and one row per bid.
  RunResult r = Score("csv", "out.csv");
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  const std::string csv = ReadFile(dir_.path() / "out.csv");
  EXPECT_EQ(Lines(csv).size(), kAll + 1);
  // Markdown: a section per bid.
  r = Score("md", "out.md");
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(LinesStartingWith(ReadFile(dir_.path() / "out.md"), "### "), kAll);
  // Table: an explanation per bid under "Why".
  r = Score("table", "out.txt");
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(LinesStartingWith(ReadFile(dir_.path() / "out.txt"), "  Bid B"),
            kAll);
}

TEST_F(CliStream, StandardOutputGetsTheSameBytesAsAFile) {
  const RunResult file = Score("json", "out.json");
  ASSERT_EQ(file.exit_code, 0) << file.Describe();
  const RunResult r =
      RunCirca({"score", "tender.yaml", "bids.csv", "-f", "json"},
               {.cwd = dir_.path(), .timeout = std::chrono::seconds{120}});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out, ReadFile(dir_.path() / "out.json"));
}

}  // namespace
}  // namespace circa_test::cli
