// Renderers stream: the text goes to a sink in chunks of about 64 KB as it
// is rendered, and the chunks concatenated are the text the string
// overloads return, for every format.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "report/fixtures.h"
#include "report/text_util.h"

namespace circa_test {
namespace {

using circa::ReportFormat;

constexpr ReportFormat kFormats[] = {ReportFormat::kTable, ReportFormat::kJson,
                                     ReportFormat::kCsv,
                                     ReportFormat::kMarkdown};

// Prices and a 0..10 quality mark drawn so that many bids share a total:
// ties, tie records and notes, as in a large tender.
std::string ManyBids(int count) {
  std::mt19937 engine(7);
  std::string csv = "bid,experience,qa,time,price\n";
  for (int i = 0; i < count; ++i) {
    const auto experience = engine() % 61u;
    const auto qa = engine() % 41u;
    const auto time = engine() % 31u;
    const auto price = 8000u + (engine() % 50u) * 100u;
    csv += "B" + std::to_string(i) + "," + std::to_string(experience) + "," +
           std::to_string(qa) + "," + std::to_string(time) + "," +
           std::to_string(price) + "\n";
  }
  return csv;
}

Chunks Stream(const circa::Report& report, ReportFormat format) {
  Chunks c;
  circa::Render(report, format, c.Sink());
  return c;
}

TEST(Stream, StreamedEqualsCollectedForEveryFormat) {
  for (const auto& scored : {ScoreText(kT1Criteria, kT1Bids), ScoreSample(),
                             ScoreText(kT1Criteria, ManyBids(300))}) {
    for (const ReportFormat format : kFormats) {
      const Chunks c = Stream(scored->report, format);
      EXPECT_EQ(c.text, circa::Render(scored->report, format))
          << static_cast<int>(format);
      EXPECT_GE(c.count, 1u);
    }
  }
}

TEST(Stream, LargeReportsComeInBoundedChunks) {
  // 3,000 bids: megabytes of text in every format but CSV.
  const auto scored = ScoreText(kT1Criteria, ManyBids(3000));
  for (const ReportFormat format : kFormats) {
    const Chunks c = Stream(scored->report, format);
    const std::string whole = circa::Render(scored->report, format);
    EXPECT_EQ(c.text, whole);
    // Not one string handed over at the end: chunks of 64 KB.
    EXPECT_EQ(c.count, (whole.size() + 65535) / 65536)
        << static_cast<int>(format);
    EXPECT_EQ(c.largest, 65536u) << static_cast<int>(format);
  }
}

TEST(Stream, JsonWrittenBidByBidIsTheDocumentDumped) {
  // The bids are dumped one at a time and indented to their depth; the
  // whole must be exactly what dumping the parsed document gives (the
  // layout circa.result/1 has always had), and hold every bid once.
  const auto scored = ScoreText(kT1Criteria, ManyBids(500));
  const std::string text = circa::RenderJson(scored->report);
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(doc.dump(2) + "\n", text);
  ASSERT_EQ(doc["bids"].size(), 500u);
  std::set<std::string> ids;
  for (const auto& b : doc["bids"]) ids.insert(b["id"].get<std::string>());
  EXPECT_EQ(ids.size(), 500u);
  EXPECT_FALSE(doc["tie_breaks"].empty());
}

TEST(Stream, FullPrecisionHoldsForEveryBlockOfBids) {
  // Bids are rendered in blocks of 512, every other block on a second
  // thread: `--precision full` must reach that thread too. Price scores
  // (lowest / price) have more than six decimals, so a rounded one differs
  // from the double; 1,500 bids are three blocks.
  const auto scored = ScoreText(kT1Criteria, ManyBids(1500));
  const circa::Evaluation& e = scored->evaluation;
  const auto price = static_cast<Eigen::Index>(3);
  std::string text;
  {
    const circa::report::FullPrecisionScope full(true);
    text = circa::RenderJson(scored->report);
  }
  const nlohmann::json doc = nlohmann::json::parse(text);
  ASSERT_EQ(doc["bids"].size(), 1500u);
  std::size_t unrounded = 0;
  for (std::size_t n = 0; n < 1500; ++n) {
    const nlohmann::json& bid = doc["bids"][n];
    const int i = e.order[n];
    ASSERT_EQ(bid["id"], scored->bids.ids[static_cast<std::size_t>(i)]);
    const nlohmann::json& cell = bid["criteria"][3];
    ASSERT_EQ(cell["id"], "price");
    EXPECT_EQ(cell["score"].get<double>(), e.scores(i, price)) << "bid " << n;
    EXPECT_EQ(bid["total"].get<double>(), e.totals[i]) << "bid " << n;
    const double score = e.scores(i, price);
    if (std::round(score * 1e6) / 1e6 != score) ++unrounded;
  }
  EXPECT_GT(unrounded, 1000u);  // the check has something to catch
  // Outside the scope the same render rounds again.
  const nlohmann::json rounded =
      nlohmann::json::parse(circa::RenderJson(scored->report));
  const double last = rounded["bids"][1499]["criteria"][3]["score"];
  EXPECT_EQ(last, std::round(last * 1e6) / 1e6);
}

TEST(Stream, JsonStringsWithEveryByteThatNeedsCareAtEveryPlace) {
  // The JSON writer copies a string between quotes as it stands when it
  // finds nothing to escape, eight bytes at a time: a quote, a backslash, a
  // control, DEL or a multi-byte character at any place in the string (in
  // the eight-byte words and in the tail) must still be escaped and
  // sanitised, whatever text it is in.
  const std::string specials[] = {"\"",   "\\",   "\n",      "\x01",
                                  "\x1f", "\x7f", "\xc3\xa9"};
  constexpr std::size_t kLength = 19;
  auto scored = ScoreText(
      kT1Criteria, ManyBids(static_cast<int>(kLength * std::size(specials))));
  std::vector<std::string> expected;
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at < kLength; ++at) {
      std::string supplier(kLength, 'a');
      supplier.replace(at, 1, special);
      expected.push_back(supplier);
    }
  }
  scored->bids.suppliers = expected;
  const std::string text = circa::RenderJson(scored->report);
  // Every control and DEL escaped: none is written raw.
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    ASSERT_TRUE((b >= 0x20 || b == '\n') && b != 0x7F) << int{b};
  }
  const nlohmann::json doc = nlohmann::json::parse(text);
  ASSERT_EQ(doc["bids"].size(), expected.size());
  for (const nlohmann::json& bid : doc["bids"]) {
    const std::string id = bid["id"];
    const std::size_t k = std::stoul(id.substr(1));
    EXPECT_EQ(bid["supplier"], expected[k]) << id;
    // The summary names the supplier: written into the output by the
    // explainer and escaped there.
    EXPECT_NE(bid["explanation"]["summary"].get<std::string>().find(
                  "(" + expected[k] + ")"),
              std::string::npos)
        << id;
  }
}

TEST(Stream, JsonWithNoBidsKeepsAnEmptyArray) {
  circa::BidSet none;
  none.criteria = {"experience", "qa", "time", "price"};
  none.values.resize(0, 4);
  const auto scored = Score(ParseCriteriaOk(kT1Criteria), std::move(none));
  const std::string text = circa::RenderJson(scored->report);
  EXPECT_NE(text.find("\n  \"bids\": [],\n"), std::string::npos);
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(text);
  EXPECT_EQ(doc.dump(2) + "\n", text);
}

}  // namespace
}  // namespace circa_test
