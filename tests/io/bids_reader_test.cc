// Bid readers (engine/io/bids_reader.cc): CSV, YAML and JSON against a
// criteria set; locales; every problem with its exact message and position.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "circa/load.h"
#include "io/csv.h"
#include "io/file.h"
#include "io/numbers.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;
using circa_test::ParseBidsOk;
using ::testing::ElementsAre;

// Leaves, in column order: price (price, lowest-ratio), recycled (quality,
// unit %, linear 0..100), take_back (yes-no), plan (scale 0/5/10).
constexpr char kCriteria[] = R"(circa: 1
id: bids-test
version: "1"
title: Bids test
criteria:
  - id: price
    type: price
    weight: 50
    scoring: {rule: lowest-ratio}
  - id: quality
    type: quality
    weight: 50
    criteria:
      - id: recycled
        unit: "%"
        weight: 20
        scoring: {rule: linear, worst: 0, best: 100}
      - id: take_back
        weight: 10
        scoring: {rule: yes-no}
      - id: plan
        weight: 20
        scoring:
          rule: scale
          levels: {0: unacceptable, 5: Acceptable, 10: excellent}
)";

// The ambiguity message names the fix, then how this file format declares
// a locale.
const char kAmbiguous[] =
    " is ambiguous: 1.234 or 1234? declare the file's locale (nl-BE for a "
    "decimal comma, en for a decimal point)";
const char kCsvHint[] =
    "; in a CSV file, a first line \"# locale: nl-BE\" or \"# locale: en\", "
    "or --locale nl-BE on the command line";
const char kYamlHint[] =
    "; in a YAML or JSON file, a top-level key \"locale: nl-BE\" or "
    "\"locale: en\", or quote nothing and write plain numbers";

// How a table's unknown column can be mapped or kept out in the tender.
const std::string kMapHint =
    ", or name the column in the tender (bids: columns: {<criterion id>: "
    "\"<header>\"}) or keep it out (bids: ignore: [\"<header>\"])";

class BidsReaderTest : public ::testing::Test {
 protected:
  std::vector<std::string> CsvErrors(std::string_view text,
                                     const LoadOptions& options = {}) const {
    const Result<BidSet> r =
        ParseBids(text, "bids.csv", BidsFormat::kCsv, criteria_, options);
    EXPECT_FALSE(r.ok());
    return Messages(r.diagnostics);
  }
  std::vector<std::string> YamlErrors(
      std::string_view text, BidsFormat format = BidsFormat::kYaml,
      const std::string& file = "bids.yaml") const {
    const Result<BidSet> r = ParseBids(text, file, format, criteria_);
    EXPECT_FALSE(r.ok());
    return Messages(r.diagnostics);
  }
  static std::vector<double> Row(const BidSet& bids, Eigen::Index i) {
    std::vector<double> out;
    for (Eigen::Index j = 0; j < bids.values.cols(); ++j) {
      out.push_back(bids.values(i, j));
    }
    return out;
  }

  const CriteriaSet criteria_ = circa_test::ParseCriteriaOk(kCriteria);
};

// ---------------------------------------------------------------- CSV input

TEST_F(BidsReaderTest, CommaCsvWithMixedNumberStyles) {
  const std::string text =
      "bid,supplier,price,recycled,take_back,plan\n"
      "A,Acme,\"1.234,56\",45%,yes,excellent\n"
      "B,Bolt,1234.5,\"12,5\",NEE,5\n"
      "C,Cole,\"1,234.56\",0 %,Oui,ACCEPTABLE\n";
  const BidSet bids = ParseBidsOk(text, criteria_);
  ASSERT_EQ(bids.size(), 3);
  EXPECT_THAT(bids.ids, ElementsAre("A", "B", "C"));
  EXPECT_THAT(bids.suppliers, ElementsAre("Acme", "Bolt", "Cole"));
  EXPECT_THAT(bids.criteria,
              ElementsAre("price", "recycled", "take_back", "plan"));
  EXPECT_THAT(Row(bids, 0), ElementsAre(1234.56, 45, 1, 10));
  EXPECT_THAT(Row(bids, 1), ElementsAre(1234.5, 12.5, 0, 5));
  EXPECT_THAT(Row(bids, 2), ElementsAre(1234.56, 0, 1, 5));
  // The cell text is kept as written (for reports).
  EXPECT_EQ(bids.Text(0, 0), "1.234,56");
  EXPECT_EQ(bids.Text(1, 2), "NEE");
  EXPECT_EQ(bids.locale, "auto");
  EXPECT_EQ(bids.source, "bids.csv");
  EXPECT_EQ(bids.sha256.size(), 64u);
  EXPECT_EQ(bids.rows[1].line, 3);
}

// A file of 1 MiB or more is hashed on a thread of its own while its rows
// are read (when the process has a second core): the same SHA-256 of the
// same bytes, and a file that fails still ends cleanly (the thread joined).
TEST_F(BidsReaderTest, BigCsvIsHashedAsASmallOneIs) {
  std::string text = "bid,supplier,price,recycled,take_back,plan\n";
  for (int i = 0; text.size() < (std::size_t{1} << 20) + 100; ++i) {
    text += "B" + std::to_string(i) + ",Acme," + std::to_string(1000 + i) +
            ",45%,yes,excellent\n";
  }
  const BidSet bids = ParseBidsOk(text, criteria_);
  EXPECT_EQ(bids.sha256, io::Sha256Hex(text));
  EXPECT_EQ(bids.sha256.size(), 64u);
  EXPECT_EQ(bids.values(bids.size() - 1, 0),
            static_cast<double>(1000 + bids.size() - 1));
  // One byte more, another hash.
  const BidSet longer = ParseBidsOk(text + "\n", criteria_);
  EXPECT_EQ(longer.sha256, io::Sha256Hex(text + "\n"));
  EXPECT_NE(longer.sha256, bids.sha256);
  EXPECT_THAT(CsvErrors(text + "X,Acme,-1,45%,yes,excellent\n"),
              testing::Contains(testing::HasSubstr("got \"-1\"")));
}

TEST_F(BidsReaderTest, SemicolonCsvWithLocaleDirective) {
  const std::string text =
      "# locale: nl-BE\n"
      "bid;supplier;price;recycled;take_back;plan\n"
      "A;Acme;1.234,56;12,5;ja;Excellent\n"
      "B;Bolt;1 234,56;0,234;Oui;acceptable\n"
      "C;Cole;1.234;100;false;0\n";
  const BidSet bids = ParseBidsOk(text, criteria_);
  EXPECT_EQ(bids.locale, "nl-BE");
  EXPECT_THAT(Row(bids, 0), ElementsAre(1234.56, 12.5, 1, 10));
  EXPECT_THAT(Row(bids, 1), ElementsAre(1234.56, 0.234, 1, 5));
  // Under nl-BE "1.234" is one thousand two hundred and thirty-four.
  EXPECT_THAT(Row(bids, 2), ElementsAre(1234, 100, 0, 0));
}

TEST_F(BidsReaderTest, TabCsvWithoutSupplierColumn) {
  const BidSet bids = ParseBidsOk(
      "bid\tprice\trecycled\ttake_back\tplan\n"
      "A\t1,234.56\t45 %\tTRUE\t10\n",
      criteria_);
  EXPECT_THAT(bids.suppliers, ElementsAre(""));
  EXPECT_THAT(Row(bids, 0), ElementsAre(1234.56, 45, 1, 10));
}

TEST_F(BidsReaderTest, NoBreakSpacesGroupThousands) {
  const BidSet bids = ParseBidsOk(
      "bid;price;recycled;take_back;plan\n"
      "A;1\u00A0234,56;1;no;0\n"
      "B;1\u202F234,56;2;non;0\n",
      criteria_);
  EXPECT_EQ(bids.values(0, 0), 1234.56);
  EXPECT_EQ(bids.values(1, 0), 1234.56);
}

TEST_F(BidsReaderTest, QuotedFieldsBomCrlfAndAnyColumnOrder) {
  const BidSet bids = ParseBidsOk(
      "\xEF\xBB\xBF"
      "plan,id,supplier,take_back,recycled,price\r\n"
      "excellent,A,\"Acme, \"\"Best\"\"\nLtd\",yes,10,100\r\n"
      "5,B,Bolt,no,20,200\r\n",
      criteria_);
  EXPECT_THAT(bids.ids, ElementsAre("A", "B"));
  EXPECT_EQ(bids.suppliers[0], "Acme, \"Best\"\nLtd");
  EXPECT_THAT(Row(bids, 0), ElementsAre(100, 10, 1, 10));
  EXPECT_THAT(Row(bids, 1), ElementsAre(200, 20, 0, 5));
  EXPECT_EQ(bids.rows[1].line, 4);  // the quoted newline counts
}

TEST_F(BidsReaderTest, LocaleFromOptionsAndDirectiveWins) {
  LoadOptions options;
  options.locale = "nl-BE";
  const std::string body =
      "bid,price,recycled,take_back,plan\nA,1.234,1,no,0\n";
  EXPECT_EQ(ParseBidsOk(body, criteria_, BidsFormat::kCsv, "bids.csv", options)
                .values(0, 0),
            1234);
  options.locale = "en";
  EXPECT_EQ(ParseBidsOk(body, criteria_, BidsFormat::kCsv, "bids.csv", options)
                .values(0, 0),
            1.234);
  EXPECT_EQ(ParseBidsOk("# locale: nl-BE\n" + body, criteria_, BidsFormat::kCsv,
                        "bids.csv", options)
                .values(0, 0),
            1234);
}

TEST_F(BidsReaderTest, AmbiguousNumberNamesTheLocaleFix) {
  EXPECT_THAT(CsvErrors("bid,price,recycled,take_back,plan\n"
                        "A,1.234,45,yes,5\n"),
              ElementsAre("bids.csv:2:3: bids[A].price: \"1.234\"" +
                          std::string(kAmbiguous) + kCsvHint));
}

TEST_F(BidsReaderTest, DecimalPointUnderDecimalCommaLocale) {
  EXPECT_THAT(CsvErrors("# locale: nl-BE\n"
                        "bid;price;recycled;take_back;plan\n"
                        "A;100;12.5;ja;5\n"),
              ElementsAre("bids.csv:3:7: bids[A].recycled: expected a number "
                          "written with a decimal comma (locale nl-BE), got "
                          "\"12.5\""));
}

TEST_F(BidsReaderTest, NegativePrice) {
  EXPECT_THAT(CsvErrors("bid,price,recycled,take_back,plan\n"
                        "A,-5,45,yes,5\n"),
              ElementsAre("bids.csv:2:3: bids[A].price: expected an amount >= "
                          "0, got \"-5\""));
}

TEST_F(BidsReaderTest, BadCellValues) {
  EXPECT_THAT(
      CsvErrors("bid,price,recycled,take_back,plan\n"
                "A,100 USD,45,maybe,7\n"
                "B,,,,\n"),
      ElementsAre(
          "bids.csv:2:3: bids[A].price: an amount in USD, got \"100 USD\"; the "
          "criteria set's amounts are in EUR (currency: EUR): convert the "
          "amount, or correct the set's currency",
          "bids.csv:2:14: bids[A].take_back: expected yes or no (also ja/nee, "
          "oui/non, true/false), got \"maybe\"",
          "bids.csv:2:20: bids[A].plan: expected one of the levels 0 "
          "(unacceptable), 5 (Acceptable), 10 (excellent), got \"7\"",
          "bids.csv:3:3: bids[B].price: missing value; expected an amount >= 0",
          "bids.csv:3:4: bids[B].recycled: missing value; expected a number",
          "bids.csv:3:5: bids[B].take_back: missing value; expected yes or no",
          "bids.csv:3:6: bids[B].plan: missing value; expected one of the "
          "levels 0 (unacceptable), 5 (Acceptable), 10 (excellent)"));
}

TEST_F(BidsReaderTest, MissingColumn) {
  EXPECT_THAT(CsvErrors("bid,price,recycled,take_back\nA,1,2,yes\n"),
              ElementsAre("bids.csv:1:1: header: missing columns for leaf "
                          "criteria: plan"));
}

TEST_F(BidsReaderTest, UnknownColumnWithSuggestion) {
  EXPECT_THAT(
      CsvErrors("bid,pirce,recycled,take_back,plan,colour\nA,1,2,yes,5,red\n"),
      ElementsAre("bids.csv:1:5: header: unknown column \"pirce\"; expected "
                  "bid, supplier or a leaf criterion id (did you mean "
                  "\"price\"?)" +
                      kMapHint,
                  "bids.csv:1:35: header: unknown column \"colour\"; expected "
                  "bid, supplier or a leaf criterion id" +
                      kMapHint,
                  "bids.csv:1:1: header: missing columns for leaf criteria: "
                  "price"));
}

// A header error does not hide the rows' problems: unknown columns are
// skipped and every row is still checked, so one run reports everything.
TEST_F(BidsReaderTest, HeaderErrorsAndRowErrorsTogether) {
  EXPECT_THAT(
      CsvErrors("bid,price,recycled,take_back,plan,colour\n"
                "A,-5,abc,yes,5,red\n"
                "A,1,2,maybe,5,blue\n"),
      ElementsAre("bids.csv:1:35: header: unknown column \"colour\"; expected "
                  "bid, supplier or a leaf criterion id" +
                      kMapHint,
                  "bids.csv:2:3: bids[A].price: expected an amount >= 0, got "
                  "\"-5\"",
                  "bids.csv:2:6: bids[A].recycled: expected a number, got "
                  "\"abc\"",
                  "bids.csv:3:1: bids[A].bid: duplicate bid id \"A\"",
                  "bids.csv:3:7: bids[A].take_back: expected yes or no (also "
                  "ja/nee, oui/non, true/false), got \"maybe\""));
}

TEST_F(BidsReaderTest, GroupIdAsColumn) {
  EXPECT_THAT(CsvErrors("bid,price,quality\nA,1,5\n"),
              ElementsAre("bids.csv:1:11: header: \"quality\" is a group of "
                          "criteria; give a value for each of its leaf "
                          "criteria instead",
                          "bids.csv:1:1: header: missing columns for leaf "
                          "criteria: recycled, take_back, plan"));
}

TEST_F(BidsReaderTest, MissingBidColumnAndDuplicateColumn) {
  EXPECT_THAT(
      CsvErrors(
          "supplier,price,recycled,take_back,plan,price\nX,1,2,yes,5,1\n"),
      ElementsAre("bids.csv:1:40: header: duplicate column \"price\"",
                  "bids.csv:1:1: header: missing the bid id column; expected a "
                  "column named \"bid\" (or id, Nr, Offerte, Offre), or name "
                  "it in the tender (bids: columns: {bid: \"<header>\"})"));
}

TEST_F(BidsReaderTest, DuplicateBidId) {
  EXPECT_THAT(CsvErrors("bid,price,recycled,take_back,plan\n"
                        "A,1,2,yes,5\n"
                        "A,2,3,no,0\n"),
              ElementsAre("bids.csv:3:1: bids[A].bid: duplicate bid id \"A\""));
}

TEST_F(BidsReaderTest, RowWithWrongNumberOfCells) {
  EXPECT_THAT(CsvErrors("bid,price,recycled,take_back,plan\n"
                        "A,1,2,yes,5\n"
                        "B,1,2\n"
                        "C,1,2,yes,5,extra\n"),
              ElementsAre("bids.csv:3:1: bids[B]: row has 3 values; the header "
                          "has 5 columns",
                          "bids.csv:4:1: bids[C]: row has 6 values; the header "
                          "has 5 columns"));
}

TEST_F(BidsReaderTest, EmptyFile) {
  EXPECT_THAT(CsvErrors(""),
              ElementsAre("bids.csv:1:1: the file is empty; expected a header "
                          "row (bid, supplier and one column per leaf "
                          "criterion) and one row per bid"));
  EXPECT_THAT(CsvErrors("# locale: en\n\n"),
              ElementsAre("bids.csv:1:1: the file is empty; expected a header "
                          "row (bid, supplier and one column per leaf "
                          "criterion) and one row per bid"));
}

TEST_F(BidsReaderTest, HeaderOnlyHasNoBids) {
  EXPECT_THAT(CsvErrors("bid,supplier,price,recycled,take_back,plan\n"),
              ElementsAre("bids.csv: no bids found; expected at least one"));
}

TEST_F(BidsReaderTest, UnknownLocaleDirective) {
  EXPECT_THAT(
      CsvErrors("# locale: tlh\nbid,price,recycled,take_back,plan\n"
                "A,1,2,yes,5\n"),
      ElementsAre("bids.csv:1:1: locale: unknown locale \"tlh\"; "
                  "expected auto, en, or a decimal-comma locale such as "
                  "nl-BE, fr-BE, de-BE"));
}

TEST_F(BidsReaderTest, ErrorCapStopsCollecting) {
  LoadOptions options;
  options.max_errors = 3;
  std::string text = "bid,price,recycled,take_back,plan\n";
  for (int i = 0; i < 10; ++i) {
    text += "B" + std::to_string(i) + ",-1,2,yes,5\n";
  }
  const std::vector<std::string> errors = CsvErrors(text, options);
  EXPECT_THAT(errors,
              ElementsAre("bids.csv:2:4: bids[B0].price: expected an amount >= "
                          "0, got \"-1\"",
                          "bids.csv:3:4: bids[B1].price: expected an amount >= "
                          "0, got \"-1\"",
                          "bids.csv:4:4: bids[B2].price: expected an amount >= "
                          "0, got \"-1\"",
                          "bids.csv: too many errors; stopped after 3"));
}

// The cap applies to CSV syntax errors too (they stop the file early).
TEST_F(BidsReaderTest, ErrorCapAppliesToCsvSyntax) {
  LoadOptions options;
  options.max_errors = 2;
  std::string text = "bid,price,recycled,take_back,plan\n";
  for (int i = 0; i < 5; ++i)
    text += "B" + std::to_string(i) + ",1\"x,2,yes,5\n";
  const std::vector<std::string> errors = CsvErrors(text, options);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[2], "bids.csv: too many errors; stopped after 2");
}

TEST_F(BidsReaderTest, DefaultErrorCapIsFifty) {
  std::string text = "bid,price,recycled,take_back,plan\n";
  for (int i = 0; i < 80; ++i) {
    text += "B" + std::to_string(i) + ",-1,2,yes,5\n";
  }
  const std::vector<std::string> errors = CsvErrors(text);
  ASSERT_EQ(errors.size(), 51u);
  EXPECT_EQ(errors.back(), "bids.csv: too many errors; stopped after 50");
}

// ---------------------------------------------------------- YAML and JSON

TEST_F(BidsReaderTest, YamlPlainNumbersUseADecimalPointQuotedFollowLocale) {
  const BidSet bids = ParseBidsOk(
      "locale: nl-BE\n"
      "bids:\n"
      "  - id: A\n"
      "    supplier: Acme\n"
      "    price: 1234.5\n"
      "    recycled: \"12,5\"\n"
      "    take_back: ja\n"
      "    plan: Excellent\n"
      "  - id: B\n"
      "    price: \"1.234\"\n"
      "    recycled: 45%\n"
      "    take_back: no\n"
      "    plan: 5\n"
      "  - id: C\n"
      "    price: 1.234\n"
      "    recycled: 0\n"
      "    take_back: 'yes'\n"
      "    plan: 0\n",
      criteria_, BidsFormat::kYaml, "bids.yaml");
  EXPECT_EQ(bids.locale, "nl-BE");
  EXPECT_THAT(bids.ids, ElementsAre("A", "B", "C"));
  EXPECT_THAT(bids.suppliers, ElementsAre("Acme", "", ""));
  EXPECT_THAT(Row(bids, 0), ElementsAre(1234.5, 12.5, 1, 10));
  EXPECT_THAT(Row(bids, 1), ElementsAre(1234, 45, 0, 5));
  EXPECT_THAT(Row(bids, 2), ElementsAre(1.234, 0, 1, 0));
  EXPECT_EQ(bids.rows[1].line, 9);
}

TEST_F(BidsReaderTest, YamlErrors) {
  EXPECT_THAT(
      YamlErrors("bids:\n"
                 "  - id: A\n"
                 "    pirce: 100\n"
                 "    take_back: yes\n"
                 "  - id: B\n"
                 "    price: -3\n"
                 "    recycled: 1\n"
                 "    take_back: no\n"
                 "    plan: 0\n"),
      ElementsAre("bids.yaml:3:5: bids[0].pirce: unknown column "
                  "\"pirce\"; expected id, supplier or a leaf "
                  "criterion id (did you mean \"price\"?)",
                  "bids.yaml:2:5: bids[0].price: missing; every bid "
                  "needs a value for every leaf criterion",
                  "bids.yaml:2:5: bids[0].recycled: missing; every bid "
                  "needs a value for every leaf criterion",
                  "bids.yaml:2:5: bids[0].plan: missing; every bid "
                  "needs a value for every leaf criterion",
                  "bids.yaml:6:12: bids[1].price: expected an amount >= "
                  "0, got \"-3\""));
}

// A value that is there but is not a scalar is one problem, not also a
// missing value.
TEST_F(BidsReaderTest, YamlNonScalarValueReportedOnce) {
  EXPECT_THAT(YamlErrors("bids:\n"
                         "  - id: A\n"
                         "    price: 100\n"
                         "    recycled: [1]\n"
                         "    take_back: yes\n"
                         "    plan: 5\n"),
              ElementsAre("bids.yaml:4:15: bids[0].recycled: expected a value, "
                          "got a list"));
}

// In a YAML bid file the bid id is the field "id".
TEST_F(BidsReaderTest, YamlDuplicateIdNamesTheIdField) {
  EXPECT_THAT(
      YamlErrors(
          "bids:\n"
          "  - {id: A, price: 1, recycled: 1, take_back: no, plan: 0}\n"
          "  - {id: A, price: 2, recycled: 1, take_back: no, plan: 0}\n"),
      ElementsAre("bids.yaml:3:5: bids[1].id: duplicate bid id \"A\""));
}

TEST_F(BidsReaderTest, YamlBidWithoutIdIsReportedOnce) {
  EXPECT_THAT(YamlErrors("bids:\n"
                         "  - price: 1\n"
                         "    recycled: 1\n"
                         "    take_back: no\n"
                         "    plan: 0\n"),
              ElementsAre("bids.yaml:2:5: bids[0].id: missing; expected a text "
                          "value"));
}

TEST_F(BidsReaderTest, YamlShapeErrors) {
  EXPECT_THAT(YamlErrors("- id: A\n"),
              ElementsAre("bids.yaml:1:1: expected a map with a list of bids "
                          "under \"bids\", got a list"));
  EXPECT_THAT(YamlErrors("bids: 3\nlocal: en\n"),
              ElementsAre("bids.yaml:2:1: local: unknown key; did you mean "
                          "\"locale\"?",
                          "bids.yaml:1:7: bids: expected a list of bids, got "
                          "\"3\""));
  EXPECT_THAT(YamlErrors(""),
              ElementsAre("bids.yaml:1:1: the file is empty; expected a YAML "
                          "map"));
  EXPECT_THAT(YamlErrors("bids: []\n"),
              ElementsAre("bids.yaml: no bids found; expected at least one"));
}

TEST_F(BidsReaderTest, JsonWithTabsAndLocale) {
  const BidSet bids = ParseBidsOk(
      "{\n"
      "\t\"locale\": \"en\",\n"
      "\t\"bids\": [\n"
      "\t\t{\"id\": \"A\", \"supplier\": \"Acme\tNV\", \"price\": 1234.5,\n"
      "\t\t \"recycled\": \"1,000.5\", \"take_back\": true, \"plan\": 10},\n"
      "\t\t{\"id\": \"B\", \"price\": \"1,234.56\", \"recycled\": 45,\n"
      "\t\t \"take_back\": \"NON\", \"plan\": \"acceptable\"}\n"
      "\t]\n"
      "}\n",
      criteria_, BidsFormat::kJson, "bids.json");
  EXPECT_THAT(bids.ids, ElementsAre("A", "B"));
  EXPECT_EQ(bids.suppliers[0], "Acme\tNV");  // a tab inside a string stays
  EXPECT_THAT(Row(bids, 0), ElementsAre(1234.5, 1000.5, 1, 10));
  EXPECT_THAT(Row(bids, 1), ElementsAre(1234.56, 45, 0, 5));
}

TEST_F(BidsReaderTest, JsonQuotedNumberFollowsTheLocale) {
  EXPECT_THAT(
      YamlErrors("{\n"
                 "\t\"bids\": [\n"
                 "\t\t{\"id\": \"A\", \"price\": \"1.234\", \"recycled\": 45, "
                 "\"take_back\": \"nee\", \"plan\": \"excellent\"}\n"
                 "\t]\n"
                 "}\n",
                 BidsFormat::kJson, "bids.json"),
      ElementsAre("bids.json:3:24: bids[0].price: \"1.234\"" +
                  std::string(kAmbiguous) + kYamlHint));
}

// ------------------------------------------------- fields read as numbers

// A field a requirement compares with a minimum or maximum is read as a
// number with the bid file, like a criterion's value: an unquoted YAML
// number uses a decimal point whatever the locale, quoted text follows the
// locale, and anything else is an error at its cell (never a silent
// exclusion later).
constexpr char kRequirementCriteria[] = R"(circa: 1
id: fields-test
version: "1"
title: Fields test
requirements:
  - id: thick
    conditions: [{field: thickness, min: 2}]
  - id: label
    conditions: [{field: label, equals: FSC}]
criteria:
  - {id: price, type: price, weight: 100, scoring: {rule: lowest-ratio}}
)";

TEST(BidFields, NumbersReadWithTheFileAndItsLocale) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kRequirementCriteria);
  const BidSet bids = ParseBidsOk(
      "locale: nl-BE\n"
      "bids:\n"
      "  - {id: A, price: 100, thickness: 2.5, label: FSC}\n"
      "  - {id: B, price: 100, thickness: \"2,5\", label: FSC}\n"
      "  - {id: C, price: 100, thickness: \"1.234\", label: 12.5}\n"
      "  - {id: D, price: 100, thickness: \"\", label: FSC}\n",
      set, BidsFormat::kYaml);
  ASSERT_EQ(bids.FieldIndex("thickness"), 1);
  EXPECT_THAT(bids.field_names, ElementsAre("label", "thickness"));
  const std::vector<double>& thickness = bids.field_numbers[1];
  EXPECT_EQ(thickness[0], 2.5);
  EXPECT_EQ(thickness[1], 2.5);
  EXPECT_EQ(thickness[2], 1234);          // nl-BE: a thousands separator
  EXPECT_TRUE(std::isnan(thickness[3]));  // missing: the requirement fails
  // Text fields are kept as written and not read as numbers.
  EXPECT_THAT(bids.fields[0], ElementsAre("FSC", "FSC", "12.5", "FSC"));
  EXPECT_TRUE(std::isnan(bids.field_numbers[0][2]));
  EXPECT_THAT(bids.fields[1], ElementsAre("2.5", "2,5", "1.234", ""));
}

TEST(BidFields, NotANumberIsAnErrorAtItsCell) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kRequirementCriteria);
  const Result<BidSet> r =
      ParseBids("bid,price,thickness,label\nA,1,abc,FSC\nB,1,1.234,FSC\n",
                "bids.csv", BidsFormat::kCsv, set);
  EXPECT_THAT(
      Messages(r.diagnostics),
      ElementsAre("bids.csv:2:5: bids[A].thickness: expected a number "
                  "(requirement thick compares it), got \"abc\"",
                  std::string("bids.csv:3:5: bids[B].thickness: \"1.234\"") +
                      kAmbiguous + kCsvHint));
}

// ------------------------------------------------------------- file level

TEST_F(BidsReaderTest, SampleFileAndTenderDirectory) {
  const Result<TenderPaths> paths = ResolveTenderDirectory(
      circa_test::SourcePath("samples/office-furniture"));
  ASSERT_TRUE(paths.ok()) << circa_test::Describe(paths.diagnostics);
  EXPECT_EQ(paths.value->criteria,
            circa_test::SourcePath("samples/office-furniture/tender.yaml"));
  EXPECT_EQ(paths.value->bids,
            circa_test::SourcePath("samples/office-furniture/bids.csv"));

  const Result<CriteriaSet> set = LoadCriteriaFile(paths.value->criteria);
  ASSERT_TRUE(set.ok());
  const Result<BidSet> bids = LoadBidsFile(paths.value->bids, *set.value);
  ASSERT_TRUE(bids.ok()) << circa_test::Describe(bids.diagnostics);
  EXPECT_EQ(bids.value->size(), 5);
  // D: 151000, 5 %, no, 2 years, weak (2.5).
  EXPECT_THAT(Row(*bids.value, 3), ElementsAre(151000, 5, 0, 2, 2.5));
  EXPECT_EQ(bids.value->suppliers[3], "Budget Desk SRL");
}

TEST_F(BidsReaderTest, UnknownFileType) {
  const Result<BidSet> r = LoadBidsFile("bids.dat", criteria_);
  EXPECT_THAT(Messages(r.diagnostics),
              ElementsAre("bids.dat: unknown bids file type \".dat\"; "
                          "expected .csv, .tsv, .txt, .yaml, .yml, .json, "
                          ".xlsx or .ods"));
}

// ------------------------------------------------- one document per file

// The repro d6 (issue 12): the cheapest bid, in a second YAML document, was
// dropped and validate said "ok: 1 bids".
TEST_F(BidsReaderTest, ASecondYamlDocumentIsAnErrorNotDropped) {
  EXPECT_THAT(
      YamlErrors("bids:\n"
                 "  - {id: A, price: 100, recycled: 1, take_back: yes, "
                 "plan: 5}\n"
                 "---\n"
                 "bids:\n"
                 "  - {id: B, price: 90, recycled: 1, take_back: yes, "
                 "plan: 5}\n"),
      ElementsAre("bids.yaml:3:1: a second document starts here; circa reads "
                  "one document per file (put it in a file of its own)"));
}

// The repro d6b: bids after the end-of-document marker were ignored.
TEST_F(BidsReaderTest, BidsAfterTheEndMarkerAreAnError) {
  EXPECT_THAT(
      YamlErrors("bids:\n"
                 "  - {id: A, price: 100, recycled: 1, take_back: yes, "
                 "plan: 5}\n"
                 "...\n"
                 "  - {id: B, price: 90, recycled: 1, take_back: yes, "
                 "plan: 5}\n"),
      ElementsAre("bids.yaml:4:3: content after the end-of-document marker "
                  "\"...\"; circa reads one document per file"));
}

// The repro d8: text after the JSON value was ignored.
TEST_F(BidsReaderTest, TrailingContentAfterTheJsonValueIsAnError) {
  EXPECT_THAT(
      YamlErrors("{\"bids\":[{\"id\":\"A\",\"price\":100,\"recycled\":1,"
                 "\"take_back\":true,\"plan\":5}]} garbage {",
                 BidsFormat::kJson, "bids.json"),
      ElementsAre("bids.json:1:74: content after the end of the JSON value; "
                  "a file holds one JSON value"));
}

// A supplier name whose quote is never closed swallowed the rest of the
// file, which then lacked its values; the message names the quote.
TEST_F(BidsReaderTest, AQuoteNeverClosedIsLocatedAtTheQuote) {
  EXPECT_THAT(YamlErrors("bids:\n"
                         "  - id: A\n"
                         "    supplier: \"Acme\n"
                         "    price: 100\n"
                         "    recycled: 1\n"),
              ElementsAre("bids.yaml:3:15: invalid YAML: this quote is never "
                          "closed; expected a closing \" before the end of "
                          "the file"));
}

TEST_F(BidsReaderTest, YamlErrorsStopAtTheCapToo) {
  std::string text = "bids:\n";
  for (int i = 0; i < 80; ++i) {
    text += "  - {id: B" + std::to_string(i) +
            ", price: -1, recycled: 1, take_back: yes, plan: 5, x: 1}\n";
  }
  const std::vector<std::string> errors = YamlErrors(text);
  ASSERT_EQ(errors.size(), 51u);
  EXPECT_EQ(errors.back(), "bids.yaml: too many errors; stopped after 50");
}

TEST_F(BidsReaderTest, CsvWithOldMacLineEndingsIsRead) {
  const BidSet bids = ParseBidsOk(
      "bid,price,recycled,take_back,plan\rA,100,1,yes,5\rB,90,2,no,10\r",
      criteria_, BidsFormat::kCsv, "bids.csv");
  EXPECT_THAT(bids.ids, ElementsAre("A", "B"));
  EXPECT_THAT(Row(bids, 1), ElementsAre(90, 2, 0, 10));
  EXPECT_THAT(CsvErrors("bid,price,recycled,take_back,plan\rA,-1,1,yes,5\r"),
              ElementsAre("bids.csv:2:3: bids[A].price: expected an amount >= "
                          "0, got \"-1\""));
}

// Table cells are read by a plan per column (a number of the locale's
// shape, yes or no, a scale level by its value) and everything else by the
// full parsers. On random cells in three locales every value is the one
// ParseLocaleNumber and ParseYesNo give, and every number is, bit for bit,
// the double std::from_chars reads from its plain text (sign, digits,
// '.').
TEST(BidTableCells, MatchTheFullParsersAndFromChars) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kCriteria);
  std::mt19937_64 rng(18);
  const auto digits = [&rng](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
      s += static_cast<char>('0' + static_cast<int>(rng() % 10));
    }
    return s;
  };
  const std::vector<std::string> edges = {"9007199254740992",
                                          "9007199254740993",
                                          "900719925474099.3",
                                          "1234567890123456789",
                                          "12345678901234567890",
                                          "0.1",
                                          "0,3",
                                          "-0",
                                          "+.5",
                                          ",5",
                                          "0.0000000000000000000001",
                                          "1.7976931348623157",
                                          "99999999999999999999.9",
                                          "1.234",
                                          "0,125",
                                          "007",
                                          "45.3",
                                          "100"};
  const auto number = [&](const std::string& locale) {
    if (rng() % 10 == 0) return edges[rng() % edges.size()];
    std::string t = rng() % 5 == 0 ? "-" : rng() % 9 == 0 ? "+" : "";
    if (locale != "auto" && rng() % 6 == 0) {
      // Grouped: 1.234.567,5 (nl-BE) or 1,234,567.5 (en), or with spaces.
      const char group = rng() % 3 == 0 ? ' ' : locale == "en" ? ',' : '.';
      t += std::to_string(1 + rng() % 999);
      for (std::size_t g = rng() % 3 + 1; g > 0; --g) t += group + digits(3);
    } else {
      t += digits(rng() % 21);
    }
    if (rng() % 3 != 0) {
      t += locale == "nl-BE" ? ',' : locale == "en" ? '.' : ",."[rng() % 2];
      t += digits(rng() % 26);
    }
    return t;
  };
  // The plain text from_chars reads: sign, digits, '.' for the decimal mark.
  const auto plain = [](const std::string& text, const std::string& locale) {
    const bool comma =
        locale == "nl-BE" ||
        (locale == "auto" && text.find(',') != std::string::npos);
    std::string out;
    bool any = false;
    for (const char c : text) {
      if (c == '-') out += c;
      if (c >= '0' && c <= '9') {
        out += c;
        any = true;
      }
      if (c == (comma ? ',' : '.')) {
        if (!any) out += '0';
        out += '.';
      }
    }
    return out;
  };
  const std::vector<std::string> yes_no = {"yes", "no",  "YES",  "Ja", " nee ",
                                           "oui", "NON", "true", "0",  "1"};
  const std::vector<std::pair<std::string, double>> levels = {
      {"0", 0},          {"5", 5},
      {"10", 10},        {"unacceptable", 0},
      {"ACCEPTABLE", 5}, {" excellent ", 10},
      {"-0", -0.0},      {"+5", 5}};
  for (const std::string locale : {"auto", "en", "nl-BE"}) {
    std::string csv =
        "# locale: " + locale + "\nbid;price;recycled;take_back;plan\n";
    std::vector<std::vector<double>> expected;
    std::vector<std::string> texts;
    int checked_bits = 0;
    while (expected.size() < 4000) {
      std::vector<double> row(4);
      std::string cells[2];
      bool ok = true;
      for (std::size_t j = 0; j < 2 && ok; ++j) {
        cells[j] = number(locale);
        std::string why;
        ok = ParseLocaleNumber(cells[j], locale, &row[j], &why) &&
             !(j == 0 && row[j] < 0);
        if (rng() % 7 == 0) cells[j] = " " + cells[j] + "  ";
      }
      if (!ok) continue;
      const std::string& yn = yes_no[rng() % yes_no.size()];
      bool yes = false;
      ASSERT_TRUE(ParseYesNo(yn, &yes));
      row[2] = yes ? 1.0 : 0.0;
      const auto& level = levels[rng() % levels.size()];
      row[3] = level.second;
      csv += "B" + std::to_string(expected.size()) + ";" + cells[0] + ";" +
             cells[1] + ";" + yn + ";" + level.first + "\n";
      texts.push_back(cells[0]);
      texts.push_back(cells[1]);
      expected.push_back(row);
    }
    const BidSet bids = ParseBidsOk(csv, set);
    ASSERT_EQ(bids.size(), static_cast<Eigen::Index>(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
      for (std::size_t j = 0; j < 4; ++j) {
        const double got = bids.values(static_cast<Eigen::Index>(i),
                                       static_cast<Eigen::Index>(j));
        EXPECT_EQ(std::bit_cast<std::uint64_t>(got),
                  std::bit_cast<std::uint64_t>(expected[i][j]))
            << locale << " bid " << i << " leaf " << j << " \""
            << (j < 2 ? texts[2 * i + j]
                      : bids.Text(static_cast<Eigen::Index>(i),
                                  static_cast<Eigen::Index>(j)))
            << "\"";
      }
      for (std::size_t j = 0; j < 2; ++j) {
        const std::string p = plain(texts[2 * i + j], locale);
        double from = 0;
        const auto [end, ec] =
            std::from_chars(p.data(), p.data() + p.size(), from);
        if (ec != std::errc() || end != p.data() + p.size()) continue;
        ++checked_bits;
        EXPECT_EQ(std::bit_cast<std::uint64_t>(expected[i][j]),
                  std::bit_cast<std::uint64_t>(from))
            << locale << " \"" << texts[2 * i + j] << "\" read as " << p;
      }
    }
    EXPECT_GT(checked_bits, 7000) << locale;
  }
}

// BidSet::text holds every cell in one buffer (CellTexts): cells read
// back as added, Set replaces one cell only (also from the set's own
// buffer), assign fills, and == compares texts, not layouts.
TEST(CellTexts, CellsReadBackAsSetInOneBuffer) {
  CellTexts t;
  EXPECT_TRUE(t.empty());
  const std::string long_text(40, 'x');
  t.push_back("12,5");
  t.push_back("");
  t.push_back(long_text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_FALSE(t.empty());
  EXPECT_EQ(t[0], "12,5");
  EXPECT_EQ(t[1], "");
  EXPECT_EQ(t[2], long_text);
  t.Set(1, "yes");
  t.Set(0, t[2].substr(0, 5));
  EXPECT_EQ(t[0], "xxxxx");
  EXPECT_EQ(t[1], "yes");
  EXPECT_EQ(t[2], long_text);
  CellTexts u;
  u.reserve(3, 8);
  u.push_back("xxxxx");
  u.push_back("yes");
  u.push_back(long_text);
  EXPECT_TRUE(t == u);
  u.Set(2, "");
  EXPECT_FALSE(t == u);
  u.assign(4, "no");
  ASSERT_EQ(u.size(), 4u);
  u.Set(3, "ja");
  EXPECT_EQ(u[0], "no");
  EXPECT_EQ(u[2], "no");
  EXPECT_EQ(u[3], "ja");
  u.clear();
  EXPECT_TRUE(u.empty());
}

// A text kept whole (Keep, as the CSV reader keeps the file) is not a cell;
// AddRange makes cells of ranges of it, mixed with copied cells, read back,
// copied and compared like any other; a range past the buffer throws.
TEST(CellTexts, RangesOfAKeptText) {
  CellTexts t;
  t.push_back("first");
  const std::string file = "B1,Acme,12.5,yes\n";
  const std::size_t at = t.Keep(file);
  EXPECT_EQ(at, 5u);
  ASSERT_EQ(t.size(), 1u);
  t.AddRange(at + 8, 4);
  t.push_back("copied");
  t.AddRange(at + 13, 3);
  t.AddRange(at + file.size(), 0);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0], "first");
  EXPECT_EQ(t[1], "12.5");
  EXPECT_EQ(t[2], "copied");
  EXPECT_EQ(t[3], "yes");
  EXPECT_EQ(t[4], "");
  CellTexts u;
  for (const char* c : {"first", "12.5", "copied", "yes", ""}) u.push_back(c);
  EXPECT_TRUE(t == u);
  CellTexts copy = t;
  copy.Set(1, "13");
  EXPECT_EQ(copy[1], "13");
  EXPECT_EQ(copy[3], "yes");
  EXPECT_EQ(t[1], "12.5");
  // The buffer holds "first", "B1,Acme,12.5,yes\n" and "copied": 28 bytes.
  EXPECT_NO_THROW(t.AddRange(28, 0));
  EXPECT_THROW(t.AddRange(28, 1), std::out_of_range);
  EXPECT_THROW(t.AddRange(29, 0), std::out_of_range);
  EXPECT_THROW(t.AddRange(20, 10), std::out_of_range);
  EXPECT_EQ(t.size(), 6u);
}

// The text kept per cell (BidSet::Text) is the cell as the CSV parser reads
// it, trimmed, whatever the quoting: random files with quoted cells
// (padded, with a line break inside), doubled quotes in the same rows,
// CRLF and lone CR line ends, compared with io::ParseCsv's cells; Subset and
// the panel's Set keep the others.
TEST_F(BidsReaderTest, CsvCellTextsAreTheParsedCellsTrimmed) {
  std::mt19937 rng(18);
  const std::vector<std::string> suppliers = {
      "Acme", "\"Bolt \"\"B\"\"\"", "\"Cole\nLine two\"", " Dex ", ""};
  const std::vector<std::string> prices = {"12",       " 1234.5 ", "\"1,5\"",
                                           "\"  7 \"", "\"8\n\"",  "0.25"};
  const std::vector<std::string> recycled = {"45%", "\"12,5\"", "0 %", "100",
                                             "\" 3.75\""};
  const std::vector<std::string> take_back = {"yes", "\"no\"", " Ja ",
                                              "\"oui\"", "NEE"};
  const std::vector<std::string> plan = {"5", "\"excellent\"", " 10",
                                         "\"Acceptable \"", "0"};
  const auto pick = [&rng](const std::vector<std::string>& v) {
    return v[rng() % v.size()];
  };
  for (int file = 0; file < 40; ++file) {
    // CRLF, LF, and lone CR (old Mac files: the parser reads a copy of
    // the text then, so no cell is a range of the kept file).
    const char* eol = file % 3 == 0 ? "\r\n" : file % 5 == 4 ? "\r" : "\n";
    std::string csv =
        std::string("bid,supplier,price,recycled,take_back,plan") + eol;
    const int bids = 1 + static_cast<int>(rng() % 60);
    for (int i = 0; i < bids; ++i) {
      csv += (rng() % 4 == 0 ? "\"B" + std::to_string(i) + "\""
                             : "B" + std::to_string(i)) +
             "," + pick(suppliers) + "," + pick(prices) + "," + pick(recycled) +
             "," + pick(take_back) + "," + pick(plan) + eol;
    }
    const BidSet read = ParseBidsOk(csv, criteria_);
    Diagnostics diag;
    io::CsvTable table;
    ASSERT_TRUE(io::ParseCsv(csv, "bids.csv", &diag, &table));
    ASSERT_EQ(table.rows.size(), static_cast<std::size_t>(bids) + 1);
    ASSERT_EQ(read.text.size(), static_cast<std::size_t>(bids) * 4);
    for (int i = 0; i < bids; ++i) {
      for (int j = 0; j < 4; ++j) {
        EXPECT_EQ(read.Text(i, j),
                  io::Trim(table
                               .rows[static_cast<std::size_t>(i) + 1]
                                    [static_cast<std::size_t>(j) + 2]
                               .text))
            << "file " << file << " bid " << i << " leaf " << j;
      }
    }
    // Every other bid, in reverse; then one cell replaced.
    std::vector<int> keep;
    for (int i = bids - 1; i >= 0; i -= 2) keep.push_back(i);
    BidSet subset = read.Subset(keep);
    ASSERT_EQ(subset.text.size(), keep.size() * 4);
    for (std::size_t r = 0; r < keep.size(); ++r) {
      for (int j = 0; j < 4; ++j) {
        EXPECT_EQ(subset.Text(static_cast<Eigen::Index>(r), j),
                  read.Text(keep[r], j));
      }
    }
    subset.text.Set(1, "99.5");
    EXPECT_EQ(subset.Text(0, 1), "99.5");
    EXPECT_EQ(subset.Text(0, 0), read.Text(keep[0], 0));
    EXPECT_EQ(subset.Text(0, 2), read.Text(keep[0], 2));
  }
}

// YAML and JSON bids keep their texts too (set per cell, in any order).
TEST_F(BidsReaderTest, JsonCellTextsInLeafOrder) {
  const BidSet bids = ParseBidsOk(
      R"({"locale": "nl-BE", "bids": [
        {"id": "A", "plan": "excellent", "take_back": "ja", "price": "1.234,5",
         "recycled": " 12,5 "},
        {"id": "B", "price": 99, "recycled": 0, "take_back": "no", "plan": 5}]})",
      criteria_, BidsFormat::kJson, "bids.json");
  ASSERT_EQ(bids.text.size(), 8u);
  EXPECT_EQ(bids.Text(0, 0), "1.234,5");
  EXPECT_EQ(bids.Text(0, 1), "12,5");
  EXPECT_EQ(bids.Text(0, 2), "ja");
  EXPECT_EQ(bids.Text(0, 3), "excellent");
  EXPECT_EQ(bids.Text(1, 0), "99");
  EXPECT_EQ(bids.Text(1, 3), "5");
}

}  // namespace
}  // namespace circa
