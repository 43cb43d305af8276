// The HTML report and the workbook (docs/result-format.md, "HTML" and
// "Workbook") without a browser or a spreadsheet: the page is
// self-contained and accessible, bidder text is escaped, the workbook's
// formulas implement the rules and its bytes are deterministic. The checks
// with Chromium and LibreOffice are check_documents.py (label documents).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <string_view>

#include "circa/circa.h"
#include "cli/cli_support.h"
#include "raw_control.h"
#include "report/fixtures.h"
#include "report/workbook.h"

namespace circa {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int Count(std::string_view text, std::string_view what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string_view::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

// The inputs of /work/shared/repro (d2-md-injection.csv and
// d3-control-chars.json) on its base set, with a formula as a bid id and a
// right-to-left override added.
constexpr char kBase[] = R"(circa: 1
id: base
version: 1.0.0
title: Base <b>set</b> & "co"
criteria:
  - id: price
    type: price
    weight: 60
    scoring: {rule: lowest-ratio}
  - id: q
    name: "Quality <script>alert(1)</script>"
    type: quality
    weight: 40
    scoring: {rule: linear, worst: 0, best: 10}
)";
constexpr char kHostile[] =
    "bid,supplier,price,q\n"
    "A,\"<img src=x onerror=alert(1)>\",100,5\n"
    "B,\"Beta\n## Forged heading\",120,9\n"
    "\"=HYPERLINK(1)\",\"N\x01UL\x1b[2J\x1b]0;pwned\x07\xE2\x80\xAE\",130,2\n";

TEST(HtmlTest, BidderAndCriterionTextIsEscaped) {
  const auto scored = circa_test::ScoreText(kBase, kHostile);
  const std::string html = Render(scored->report, ReportFormat::kHtml);
  EXPECT_THAT(html, Not(HasSubstr("<img")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("<b>set")));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(html, HasSubstr("Quality &lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("<title>Base &lt;b&gt;set&lt;/b&gt; &amp; "
                              "&quot;co&quot;</title>"));
  // The line break is a space: no forged heading line.
  EXPECT_THAT(html, HasSubstr("Beta ## Forged heading"));
  // Controls and the bidi override shown escaped, never raw.
  EXPECT_FALSE(circa_test::HasRawControl(html));
  EXPECT_THAT(html, HasSubstr("\\u001b[2J"));
  EXPECT_THAT(html, HasSubstr("\\u202e"));
}

TEST(HtmlTest, PageIsSelfContainedAndEveryChartHasATextAlternative) {
  const auto scored = circa_test::ScoreSample();
  const std::string html = Render(scored->report, ReportFormat::kHtml);
  // Nothing to fetch or run.
  for (const char* banned : {"<script", "src=", "url(", "@import", "<link",
                             "<img", "<iframe", "<object"}) {
    EXPECT_THAT(html, Not(HasSubstr(banned))) << banned;
  }
  EXPECT_EQ(Count(html, "http"), Count(html, "http://www.w3.org/2000/svg"));
  // Three charts (points, gap, weights), each with role, title and
  // description, and a table after it.
  const std::regex svg(
      "<svg [^>]*role=\"img\"[^>]*aria-labelledby=\"([a-z-]+)-t \\1-d\">"
      "<title id=\"\\1-t\">[^<]+</title><desc id=\"\\1-d\">[^<]+</desc>");
  const auto begin = std::sregex_iterator(html.begin(), html.end(), svg);
  EXPECT_EQ(std::distance(begin, std::sregex_iterator()), 3);
  EXPECT_EQ(Count(html, "<svg "), 3);
  EXPECT_EQ(Count(html, "<figure "), 3);
  EXPECT_EQ(Count(html, "<table><caption>The chart as a table</caption>"), 3);
  // The winner marked, one article per bid, a page per bid in print.
  EXPECT_THAT(html, HasSubstr("★ 85.38 (winner)"));
  EXPECT_EQ(Count(html, "<article class=\"bid\""),
            static_cast<int>(scored->bids.size()));
  EXPECT_THAT(html, HasSubstr("@media print{"));
  EXPECT_THAT(html, HasSubstr("article.bid{break-before:page}"));
  EXPECT_THAT(html, HasSubstr("<html lang=\"en\">"));
}

TEST(HtmlTest, AnalysisAddsTornadoAndHeatmap) {
  const circa_test::cli::RunResult r = circa_test::cli::RunCirca(
      {"analyze", "samples/office-furniture", "--sensitivity", "--smaa", "500",
       "-f", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_THAT(r.out, HasSubstr("<figure id=\"chart-tornado\">"));
  EXPECT_THAT(r.out, HasSubstr("<figure id=\"chart-smaa\">"));
  EXPECT_THAT(r.out, HasSubstr("Share of 500 random weight vectors"));
  EXPECT_EQ(Count(r.out, "<svg "), 5);
  // Without the analyses' options, no analysis chart.
  const circa_test::cli::RunResult plain = circa_test::cli::RunCirca(
      {"score", "samples/office-furniture", "-f", "html"});
  ASSERT_EQ(plain.exit_code, 0) << plain.Describe();
  EXPECT_THAT(plain.out, Not(HasSubstr("chart-tornado")));
}

TEST(DocumentsCliTest, MoneyAwardHasNoHtmlOrWorkbook) {
  for (const char* format : {"html", "xlsx"}) {
    const circa_test::cli::RunResult r = circa_test::cli::RunCirca(
        {"score", "samples/value-award", "-f", format});
    EXPECT_EQ(r.exit_code, 2) << r.Describe();
    EXPECT_EQ(r.err, "circa: --format " + std::string(format) +
                         " needs a points evaluation; a set with a "
                         "money-based award (award:) has table, json, csv "
                         "and md\n");
    EXPECT_EQ(r.out, "");
  }
}

TEST(WorkbookTest, FormulasImplementEachRule) {
  using report::ScoreFormula;
  ScoringRule r;
  r.rule = Rule::kLowestRatio;
  r.better = Direction::kLowerIsBetter;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(L<=0,IF(X=0,1,0),L/X)");
  r.rule = Rule::kPercentOfLowest;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"),
            "=IF(L<=0,IF(X=0,1,0),MAX(0,1-(X-L)/L))");
  r.rule = Rule::kLogarithmic;
  r.zero_at = 2;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"),
            "=IF(L<=0,IF(X=0,1,0),MAX(0,1-LN(X/L)/LN(2)))");
  r.allow_negative = true;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"),
            "=IF(L<=0,IF(X=0,1,0),1-LN(X/L)/LN(2))");
  r.rule = Rule::kLinearRange;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(H=L,1,(H-X)/(H-L))");
  r.rule = Rule::kLinearCeiling;
  r.ceiling = 500;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"),
            "=IF(L>=500,0,MAX(0,(500-X)/(500-L)))");
  r.rule = Rule::kRatioToBest;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(L<=0,IF(X=0,1,0),L/X)");
  r.rule = Rule::kSteps;
  r.steps = {{10, 1}, {20, 0.5}};
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(X<=10,1,IF(X<=20,0.5,0))");

  r.better = Direction::kHigherIsBetter;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(X>=20,0.5,IF(X>=10,1,0))");
  r.rule = Rule::kRatioToBest;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(H<=0,0,X/H)");
  r.rule = Rule::kLinearRange;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(H=L,1,(X-L)/(H-L))");
  r.rule = Rule::kLinear;
  r.worst = -2;
  r.best = 60;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"),
            "=MIN(1,MAX(0,(X-(-2))/(60-(-2))))");
  r.rule = Rule::kYesNo;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=X");
  r.rule = Rule::kScale;
  r.levels = {{0, "none", {}}, {2.5, "some", {}}, {10, "all", {}}};
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=X/10");
  // share-of-total sums over the scored bids (flags F = 1) of the column V.
  r.rule = Rule::kShareOfTotal;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H", "V", "F"),
            "=IF(H<=0,0,X/SUMIF(F,1,V))");
  r.better = Direction::kLowerIsBetter;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H", "V", "F"),
            "=IF(L<=0,IF(X=0,1,0),(1/X)/SUMPRODUCT((F=1)/(V+(F<>1))))");
  r.rule = Rule::kBelowHighest;
  EXPECT_EQ(ScoreFormula(r, "X", "L", "H"), "=IF(H<=0,1,1-X/H)");
}

TEST(WorkbookTest, BytesAreDeterministicAndHoldCachedFormulas) {
  const auto scored = circa_test::ScoreSample();
  const std::string a = Render(scored->report, ReportFormat::kXlsx);
  const std::string b = Render(scored->report, ReportFormat::kXlsx);
  ASSERT_GT(a.size(), 1000u);
  EXPECT_EQ(a.substr(0, 2), "PK");
  EXPECT_EQ(a, b);
}

TEST(WorkbookTest, CliWritesTheWorkbookToAFile) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "circa-documents-test";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "of.xlsx").string();
  const circa_test::cli::RunResult r = circa_test::cli::RunCirca(
      {"score", "samples/office-furniture", "-f", "xlsx", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  // Standard output that is not a terminal (a pipe here) gets the same
  // bytes.
  const circa_test::cli::RunResult piped = circa_test::cli::RunCirca(
      {"score", "samples/office-furniture", "-f", "xlsx"});
  ASSERT_EQ(piped.exit_code, 0) << piped.Describe();
  const std::string file = circa_test::cli::ReadFile(path);
  EXPECT_EQ(file.substr(0, 2), "PK");
  EXPECT_TRUE(file == piped.out) << "the file and the pipe differ";
  std::filesystem::remove_all(dir);
}

// A workbook that cannot be written (here: a file size limit, as on a full
// disk) is an output error: exit 3 with the library's reason, and no file.
TEST(WorkbookTest, FailedWriteIsAnOutputError) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "circa-documents-fail";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "of.xlsx").string();
  circa_test::cli::RunOptions options;
  options.file_size_limit = 4096;
  const circa_test::cli::RunResult r = circa_test::cli::RunCirca(
      {"score", "samples/office-furniture", "-f", "xlsx", "-o", path}, options);
  EXPECT_EQ(r.exit_code, 3) << r.Describe();
  EXPECT_THAT(r.err, ::testing::EndsWith(
                         "circa: internal error: cannot write the workbook: "
                         "Zip generic error ZIP_ERRNO while creating the "
                         "xlsx file.\n"));
  EXPECT_FALSE(std::filesystem::exists(path));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace circa
