// The money-award renderer streams (issue 12): RenderAward writes through a
// TextSink in chunks of 64 KB, bid by bid; the chunks concatenated are the
// text the string overload returns, and a large award is written without
// its text ever being held whole.
#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "circa/circa.h"
#include "report/fixtures.h"
#include "test_util.h"

namespace circa_test {
namespace {

using circa::ReportFormat;

constexpr ReportFormat kFormats[] = {ReportFormat::kTable, ReportFormat::kJson,
                                     ReportFormat::kCsv,
                                     ReportFormat::kMarkdown};

// A ladder discount with a requirement (level 0 is excluded) and a
// tie-break; prices in `steps` steps of 1 and three levels, so that bids
// tie.
constexpr char kCriteria[] = R"(circa: 1
id: big-award
version: "1"
title: A large money award
requirements:
  - id: on_the_ladder
    conditions: [{field: co2_ladder, one-of: ["1", "2", "3"]}]
tie-break: [{lower: price}, {draw: 7}]
award:
  method: ladder-discount
  price: price
  levels: {"0": 0, "1": 5, "2": 10, "3": 15}
criteria:
  - {id: price, name: Price, type: price}
)";

std::string ManyBids(int count, unsigned steps) {
  std::mt19937 engine(11);
  std::string csv = "bid,supplier,price,co2_ladder\n";
  for (int i = 0; i < count; ++i) {
    const auto price = 8000u + (engine() % steps) * 100u;
    const auto level = engine() % 4u;
    csv += "B" + std::to_string(i) + ",Supplier " + std::to_string(i % 97) +
           "," + std::to_string(price) + "," + std::to_string(level) + "\n";
  }
  return csv;
}

struct Awarded {
  circa::CriteriaSet criteria;
  circa::BidSet bids;
  circa::AwardResult award;
  circa::AwardReport Report() const {
    return circa::AwardReport{&criteria, &bids, &award, 100};
  }
};

std::unique_ptr<Awarded> Award(int count, unsigned steps = 50) {
  auto a = std::make_unique<Awarded>();
  a->criteria = ParseCriteriaOk(kCriteria);
  a->bids = ParseBidsOk(ManyBids(count, steps), a->criteria);
  circa::Result<circa::AwardResult> r =
      circa::EvaluateAward(a->criteria, a->bids);
  EXPECT_TRUE(r.ok()) << Describe(r.diagnostics);
  if (r.ok()) a->award = std::move(*r.value);
  return a;
}

Chunks Stream(const circa::AwardReport& report, ReportFormat format) {
  Chunks c;
  circa::RenderAward(report, format, c.Sink());
  return c;
}

TEST(AwardStream, StreamedEqualsCollectedForEveryFormat) {
  for (const int count : {1, 5, 300, 3000}) {
    const auto a = Award(count);
    ASSERT_FALSE(a->award.ranking.bids.empty());
    if (count >= 300) {
      ASSERT_FALSE(a->award.tie_breaks.empty());  // ties shown too
    }
    for (const ReportFormat format : kFormats) {
      const Chunks c = Stream(a->Report(), format);
      const std::string whole = circa::RenderAward(a->Report(), format);
      EXPECT_EQ(c.text, whole) << count << " " << static_cast<int>(format);
      // Chunks of 64 KB, the last one shorter.
      EXPECT_EQ(c.count, (whole.size() + 65535) / 65536)
          << count << " " << static_cast<int>(format);
      EXPECT_LE(c.largest, 65536u);
    }
  }
}

TEST(AwardStream, JsonWrittenBidByBidIsOneDocument) {
  const auto a = Award(300);
  const std::string text = circa::RenderAward(a->Report(), ReportFormat::kJson);
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
  // The bids written one at a time are the document's dump, byte for byte.
  EXPECT_EQ(text, j.dump(2) + "\n");
  EXPECT_EQ(j["bids"].size(), a->bids.size());
  EXPECT_EQ(j["ties"].size(), a->award.tie_breaks.size());
  EXPECT_EQ(j["schema"], "circa.award/2");
}

// 100,000 bids: megabytes of text, written through the sink while the heap
// grows by far less than the text (glibc's mallinfo2; under a sanitizer's
// allocator the figures are not the heap's and the bound holds trivially).
TEST(AwardStream, HundredThousandBidsAreNeverHeldWhole) {
  // Prices spread wide: ties of two or three bids, not of hundreds (a tied
  // bid's sentence names every bid it ties with).
  const auto a = Award(100000, 200000);
  ASSERT_FALSE(a->award.tie_breaks.empty());
  for (const ReportFormat format : kFormats) {
    std::size_t bytes = 0;
    std::size_t count = 0;
    std::size_t largest = 0;
    const std::size_t before = mallinfo2().uordblks;
    std::size_t peak = before;
    circa::RenderAward(a->Report(), format, [&](std::string_view chunk) {
      bytes += chunk.size();
      ++count;
      largest = std::max(largest, chunk.size());
      peak = std::max(peak, static_cast<std::size_t>(mallinfo2().uordblks));
    });
    EXPECT_GT(bytes, 4u << 20) << static_cast<int>(format);
    EXPECT_EQ(count, (bytes + 65535) / 65536) << static_cast<int>(format);
    EXPECT_LE(largest, 65536u);
    // What the renderer holds besides the award: its row index (a few
    // bytes a bid) and one chunk, never the text.
    EXPECT_LT(peak - std::min(peak, before), bytes / 4)
        << static_cast<int>(format) << ": " << bytes << " bytes written";
  }
}

}  // namespace
}  // namespace circa_test
