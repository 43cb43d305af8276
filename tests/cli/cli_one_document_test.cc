// One document per input file, through the real executable (issue 12, item
// 3; the repros d6, d6b, d7 and d8): a second YAML document, content after
// "..." or after a JSON value is an error at its line, never silently
// dropped; a quote never closed is named at the quote; old Mac line endings
// are read; `weights --apply` keeps a CRLF file's line endings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "cli/cli_support.h"
#include "cli/fixtures.h"

namespace circa_test::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

class OneDocumentTest : public ::testing::Test {
 protected:
  // `circa validate tender.yaml NAME` with NAME holding `contents`.
  RunResult Validate(const std::string& name, const std::string& contents) {
    dir_.Write("tender.yaml", kPriceQualityTender);
    dir_.Write(name, contents);
    return RunCirca({"validate", "tender.yaml", name}, {dir_.path()});
  }

  TempDir dir_;
};

// d6: "ok: 1 bids" before, the cheaper bid B dropped.
TEST_F(OneDocumentTest, ASecondYamlDocumentOfBidsIsAnError) {
  const RunResult r =
      Validate("bids.yaml",
               "bids:\n"
               "  - {id: A, supplier: Alpha, price: 100, q: 5}\n"
               "---\n"
               "bids:\n"
               "  - {id: B, supplier: Beta, price: 90, q: 9}\n");
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err,
            "bids.yaml:3:1: a second document starts here; circa reads one "
            "document per file (put it in a file of its own)\n");
  EXPECT_THAT(r.out, Not(HasSubstr("bids.yaml: ok")));
}

// d6b: bids after the end-of-document marker.
TEST_F(OneDocumentTest, BidsAfterTheEndMarkerAreAnError) {
  const RunResult r =
      Validate("bids.yaml",
               "bids:\n"
               "  - {id: A, supplier: Alpha, price: 100, q: 5}\n"
               "...\n"
               "  - {id: B, supplier: Beta, price: 90, q: 9}\n");
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err,
            "bids.yaml:4:3: content after the end-of-document marker "
            "\"...\"; circa reads one document per file\n");
}

// d8: text after the JSON value.
TEST_F(OneDocumentTest, TrailingContentAfterTheJsonValueIsAnError) {
  const RunResult r = Validate(
      "bids.json",
      "{\"bids\":[{\"id\":\"A\",\"supplier\":\"x\",\"price\":100,\"q\":5}]} "
      "garbage {");
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err,
            "bids.json:1:56: content after the end of the JSON value; a file "
            "holds one JSON value\n");
}

// d7: a criteria set followed by a second copy of itself.
TEST_F(OneDocumentTest, ASecondCriteriaDocumentIsAnError) {
  dir_.Write("two.yaml",
             std::string(kPriceQualityTender) + "---\n" + kPriceQualityTender);
  const RunResult r = RunCirca({"validate", "two.yaml"}, {dir_.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err,
            "two.yaml:14:1: a second document starts here; circa reads one "
            "document per file (put it in a file of its own)\n");
  EXPECT_THAT(r.out, IsEmpty());
}

// A leading "---" and a final "..." with comments after it are one document.
TEST_F(OneDocumentTest, MarkersAroundOneDocumentAreFine) {
  const RunResult r =
      Validate("bids.yaml",
               "--- # bids received\n"
               "bids:\n"
               "  - {id: A, supplier: Alpha, price: 100, q: 5}\n"
               "...\n"
               "# end of file\n");
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_THAT(r.out, HasSubstr("bids.yaml: ok: 1 bids"));
}

// Before: the quote swallowed the rest of the file and the message was
// about missing keys at 1:1.
TEST_F(OneDocumentTest, AQuoteNeverClosedIsNamedAtTheQuote) {
  const RunResult r = Validate("bids.yaml",
                               "bids:\n"
                               "  - id: A\n"
                               "    supplier: \"Alpha\n"
                               "    price: 100\n"
                               "    q: 5\n");
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err,
            "bids.yaml:3:15: invalid YAML: this quote is never closed; "
            "expected a closing \" before the end of the file\n");
}

TEST_F(OneDocumentTest, ATagOutsideTheCoreSchemaIsRefused) {
  const RunResult r =
      Validate("bids.yaml",
               "bids:\n"
               "  - {id: A, supplier: !!python/object:os.system x, price: "
               "100, q: 5}\n");
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(
      r.err,
      "bids.yaml:2:23: unsupported YAML tag \"!!python/object:os.system\"; "
      "circa reads plain values (the core tags !!str, !!int, !!float, "
      "!!bool, !!null, !!map and !!seq are allowed)\n");
}

// Old Mac files (lines ended by CR alone) are read, in CSV and YAML.
TEST_F(OneDocumentTest, OldMacLineEndingsAreRead) {
  const RunResult csv = Validate(
      "bids.csv", "bid,supplier,price,q\rA,Alpha,100,5\rB,Beta,90,9\r");
  EXPECT_EQ(csv.exit_code, 0) << csv.Describe();
  EXPECT_THAT(csv.out, HasSubstr("bids.csv: ok: 2 bids"));
  const RunResult yaml = Validate(
      "bids.yaml", "bids:\r  - {id: A, supplier: Alpha, price: 100, q: 5}\r");
  EXPECT_EQ(yaml.exit_code, 0) << yaml.Describe();
  EXPECT_THAT(yaml.out, HasSubstr("bids.yaml: ok: 1 bids"));
}

// --apply inserts "weights: percent" before "criteria:"; in a CRLF file the
// new line ended in a bare LF before.
TEST_F(OneDocumentTest, WeightsApplyKeepsCrlfLineEndings) {
  std::string set =
      ReadFile(SourceDir() / "samples/office-furniture/tender.yaml");
  ASSERT_THAT(set, Not(HasSubstr("\nweights:")));  // the line is inserted
  std::string crlf;
  for (const char c : set) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  dir_.Write("tender.yaml", crlf);
  const RunResult r =
      RunCirca({"weights", "ahp",
                (SourceDir() / "samples/office-furniture/ahp.yaml").string(),
                "--apply", "tender.yaml", "-o", "out.yaml"},
               {dir_.path()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  const std::string out = ReadFile(dir_.path() / "out.yaml");
  EXPECT_THAT(out, HasSubstr("\r\nweights: percent\r\ncriteria:"));
  std::size_t bare = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n' && (i == 0 || out[i - 1] != '\r')) ++bare;
  }
  EXPECT_EQ(bare, 0u);
}

}  // namespace
}  // namespace circa_test::cli
