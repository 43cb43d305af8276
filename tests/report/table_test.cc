// Terminal table and Markdown (engine/report/table.cc, markdown.cc): the
// table fits the width it is given, measured in UTF-8 code points.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/fixtures.h"

namespace circa {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Lines longer than `width` code points, with their length, for the message.
std::string Overlong(const std::string& text, int width) {
  std::string out;
  for (const std::string& line : circa_test::Lines(text)) {
    const int n = circa_test::CodePoints(line);
    if (n > width) out += std::to_string(n) + ": " + line + "\n";
  }
  return out;
}

// Long UTF-8 names everywhere: title, criteria, suppliers, ids.
constexpr char kWide[] = R"(circa: 1
id: mobilier-circulaire-region-bruxelles-capitale-lot-1
version: 2024.03-rév.2
title: "Marché public de mobilier de bureau circulaire — Région de Bruxelles-Capitale, lot 1"
scale: 100
criteria:
  - {id: prix, name: "Prix total (TVAC) sur la durée du contrat", type: price,
     weight: 40, scoring: {rule: lowest-ratio}}
  - {id: circ, name: "Circularité et économie de la fonctionnalité", type: quality,
     weight: 30, scoring: {rule: linear, worst: 0, best: 100}}
  - {id: reprise, name: "Reprise en fin d’usage", type: quality, weight: 15,
     scoring: {rule: yes-no}}
  - {id: plan, name: "Plan de service", type: quality, weight: 15,
     scoring: {rule: scale, levels: {0: insuffisant, 5: bon, 10: excellent}}}
)";

constexpr char kWideBids[] =
    "bid,supplier,prix,circ,reprise,plan\n"
    "Offre-2024-0001-Ω,Société Coopérative Écologique du Mobilier Durable – "
    "Wallonie,182000,20,non,bon\n"
    "Offre-2024-0002-Δ,Ré-Meuble SPRL,214500,55,oui,excellent\n"
    "Offre-2024-0003,Établissements Müller & Fils,151000,5,non,insuffisant\n";

class TableWidthTest : public ::testing::TestWithParam<int> {};

TEST_P(TableWidthTest, SampleFitsTheWidth) {
  auto scored = circa_test::ScoreSample();
  scored->report.width = GetParam();
  const std::string table = RenderTable(scored->report);
  EXPECT_EQ(Overlong(table, GetParam()), "") << table;
  // Every bid is listed, best first.
  const std::size_t e = table.find("\n   1  E ");
  const std::size_t d = table.find("\n   5  D ");
  EXPECT_NE(e, std::string::npos) << table;
  EXPECT_NE(d, std::string::npos) << table;
  EXPECT_LT(e, d);
}

TEST_P(TableWidthTest, LongUtf8NamesFitTheWidth) {
  auto scored = circa_test::ScoreText(kWide, kWideBids);
  scored->report.width = GetParam();
  const std::string table = RenderTable(scored->report);
  EXPECT_EQ(Overlong(table, GetParam()), "") << table;
}

INSTANTIATE_TEST_SUITE_P(Widths, TableWidthTest,
                         ::testing::Values(60, 80, 100));

TEST(TableTest, SubtotalColumnsDropWhenNarrow) {
  auto scored = circa_test::ScoreSample();
  // Rank 4 + Bid 3 + Supplier 19 + Total 7 + gaps = 39; subtotals Price 6,
  // Circularity 11, Circular service plan 14 (capped) -> 76 at full width.
  scored->report.width = 100;
  const std::string wide = RenderTable(scored->report);
  EXPECT_THAT(wide, HasSubstr("Circular servi"));
  EXPECT_THAT(wide, Not(HasSubstr("not all fit")));
  scored->report.width = 60;
  const std::string narrow = RenderTable(scored->report);
  EXPECT_THAT(narrow, HasSubstr("not all fit this width"));
  // 85.38 is E's total (40 x 151000/238000 + 15 + 10 + 10 + 25).
  EXPECT_THAT(narrow, HasSubstr("85.38"));
}

TEST(MarkdownTest, RankingAndBidderSections) {
  const auto scored =
      circa_test::ScoreText(circa_test::kT1Criteria, circa_test::kT1Bids);
  const std::string md = RenderMarkdown(scored->report);
  EXPECT_THAT(md, ::testing::StartsWith("# Negometrix low-bid example\n"));
  EXPECT_THAT(md, HasSubstr("| 1 | A |  | 146.00 |"));
  EXPECT_THAT(md, HasSubstr("| 2 | B |  | 144.00 |"));
  EXPECT_THAT(md, HasSubstr("### 1. A\n"));
  EXPECT_THAT(md, HasSubstr("- Price: 10,000 USD; lowest 8,000 (B) / 10,000 = "
                            "0.8000 x 70.00 = 56.00 points (relative)\n"));
}

}  // namespace
}  // namespace circa
