// Bidder text is data in every rendering (docs/result-format.md, "Text from
// inputs"): a bid id that is a spreadsheet formula, a supplier holding HTML,
// a line break with a forged heading, terminal escapes and a right-to-left
// override, rendered as table, CSV, Markdown and JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "raw_control.h"
#include "report/fixtures.h"

namespace circa {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Bid A ("=A|1") wins with 146 points, B with 144 (DOMAIN.md T1).
constexpr char kHostileBids[] =
    "bid,supplier,experience,qa,time,price\n"
    "\"=A|1\",\"<img src=x onerror=alert(1)>\",40,30,20,10000\n"
    "\"B_\x1b[2J\",\"Beta\n## Forged heading\xE2\x80\xAE\x07\",32,20,22,8000\n";

const std::string kSupplierB = "Beta\n## Forged heading\xE2\x80\xAE\x07";

using circa_test::HasRawControl;

// Pipes in a Markdown table row that are not escaped with a backslash.
int CellBorders(std::string_view row) {
  int n = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\') {
      ++i;
    } else if (row[i] == '|') {
      ++n;
    }
  }
  return n;
}

std::unique_ptr<circa_test::Scored> ScoreHostile() {
  return circa_test::ScoreText(circa_test::kT1Criteria, kHostileBids);
}

TEST(HostileTextTest, CsvNeutralisesFormulasAndEscapesControls) {
  const auto scored = ScoreHostile();
  const std::string csv = RenderCsv(scored->report);
  EXPECT_FALSE(HasRawControl(csv)) << csv;
  const std::vector<std::string> lines = circa_test::Lines(csv);
  ASSERT_EQ(lines.size(), 4u) << csv;
  EXPECT_EQ(lines[1],
            "1,\"'=A|1\",<img src=x onerror=alert(1)>,ranked,no,146.000000,"
            "40.000000,30.000000,20.000000,56.000000");
  EXPECT_EQ(lines[2], "2,B_\\u001b[2J,\"Beta");
  EXPECT_EQ(lines[3],
            "## Forged heading\\u202e\\u0007\",ranked,no,144.000000,32.000000,"
            "20.000000,22.000000,70.000000");
}

TEST(HostileTextTest, MarkdownShowsTextNotMarkup) {
  const auto scored = ScoreHostile();
  const std::string md = RenderMarkdown(scored->report);
  EXPECT_FALSE(HasRawControl(md));
  EXPECT_THAT(md, Not(HasSubstr("<img")));
  EXPECT_THAT(md,
              HasSubstr("| 1 | =A\\|1 | &lt;img src=x onerror=alert(1)&gt; |"));
  EXPECT_THAT(md, HasSubstr("| 2 | B\\_\\u001b\\[2J | Beta \\#\\# Forged "
                            "heading\\u202e\\u0007 |"));
  EXPECT_THAT(md, HasSubstr("### 2. B\\_\\u001b\\[2J — Beta \\#\\# Forged"));
  const std::vector<std::string> lines = circa_test::Lines(md);
  int header_borders = -1;
  for (const std::string& line : lines) {
    EXPECT_NE(line.rfind("## Forged", 0), 0u) << line;
    if (line.rfind("| Rank |", 0) == 0) header_borders = CellBorders(line);
    // Ranking rows: "| 1 | ..." with as many cells as the header.
    if (line.size() > 2 && line[0] == '|' && line[2] >= '0' && line[2] <= '9') {
      EXPECT_EQ(CellBorders(line), header_borders) << line;
    }
  }
  EXPECT_EQ(header_borders, 9);  // rank, bid, supplier, total, 4 groups
}

TEST(HostileTextTest, TableEscapesControlsAndKeepsColumns) {
  const auto scored = ScoreHostile();
  const std::string table = RenderTable(scored->report);
  EXPECT_FALSE(HasRawControl(table)) << table;
  EXPECT_THAT(table, HasSubstr("B_\\u001b[2J"));
  EXPECT_THAT(table, HasSubstr("Bid B_\\u001b[2J (Beta ## Forged "
                               "heading\\u202e\\u0007) ranks 2nd"));
  // The header and both rows are equally wide: widths count the escapes.
  const std::vector<std::string> lines = circa_test::Lines(table);
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(lines[3].rfind("Rank", 0), 0u) << table;
  EXPECT_EQ(circa_test::CodePoints(lines[4]), circa_test::CodePoints(lines[3]));
  EXPECT_EQ(circa_test::CodePoints(lines[5]), circa_test::CodePoints(lines[3]));
}

TEST(HostileTextTest, JsonEscapesAndKeepsTheText) {
  const auto scored = ScoreHostile();
  const std::string json = RenderJson(scored->report);
  EXPECT_FALSE(HasRawControl(json));
  EXPECT_THAT(json, HasSubstr("heading\\u202e\\u0007"));
  const nlohmann::json j = nlohmann::json::parse(json);
  EXPECT_EQ(j["bids"][0]["id"], "=A|1");
  EXPECT_EQ(j["bids"][1]["id"], "B_\x1b[2J");
  EXPECT_EQ(j["bids"][1]["supplier"], kSupplierB);
}

}  // namespace
}  // namespace circa
