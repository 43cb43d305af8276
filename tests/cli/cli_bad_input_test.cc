// Bad input through the real executable: every case exits with 1, names
// file:line:col, the field path and what was expected on stderr, and writes
// nothing: no stdout, no -o file, no temporary file left behind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

using ::testing::ContainsRegex;
using ::testing::Matcher;
using ::testing::MatchesRegex;

// A small valid tender; each test breaks one thing in a copy.
constexpr const char* kTender = R"(circa: 1
id: chairs
version: "1"
title: Office chairs
criteria:
  - id: price
    type: price
    weight: 60
    scoring: {rule: lowest-ratio}
  - id: circularity
    type: quality
    weight: 40
    criteria:
      - id: recycled
        unit: "%"
        weight: 25
        scoring: {rule: linear, worst: 0, best: 50}
      - id: take_back
        weight: 15
        scoring: {rule: yes-no}
)";

constexpr const char* kBids =
    "bid,supplier,price,recycled,take_back\n"
    "A,Alpha,1000,20,yes\n"
    "B,Beta,1200,45,no\n";

// Replaces the only occurrence of `from` in `text`.
std::string Replace(std::string text, const std::string& from,
                    const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "no \"" << from << "\" in\n" << text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// `count` bytes from a fixed-seed Mersenne Twister (its output is the same
// on every platform, unlike the standard distributions).
std::string RandomBytes(std::size_t count, unsigned seed) {
  std::mt19937 engine(seed);
  std::string bytes(count, '\0');
  for (char& b : bytes) b = static_cast<char>(engine() & 0xFFu);
  return bytes;
}

class CliBadInput : public ::testing::Test {
 protected:
  // Runs `circa args...` in dir_ twice, to stdout and with -o: both must
  // exit 1 with stderr matching `err` (a string: exactly) and leave the
  // directory unchanged.
  void ExpectRejected(const std::vector<std::string>& args,
                      const Matcher<const std::string&>& err) {
    const std::vector<std::string> before = dir_.List();
    const RunResult r = RunCirca(args, {.cwd = dir_.path()});
    EXPECT_EQ(r.exit_code, 1) << r.Describe();
    EXPECT_EQ(r.out, "") << "partial output on stdout";
    EXPECT_THAT(r.err, err);

    std::vector<std::string> with_output = args;
    if (args.front() == "score") {
      with_output.insert(with_output.end(), {"-o", "result.txt"});
      const RunResult o = RunCirca(with_output, {.cwd = dir_.path()});
      EXPECT_EQ(o.exit_code, 1) << o.Describe();
      EXPECT_EQ(o.out, "");
      EXPECT_EQ(o.err, r.err) << "-o changed the diagnostics";
    }
    EXPECT_EQ(dir_.List(), before) << "files were created or left behind";
  }

  // Writes tender.yaml and bids.csv (or `bids_name`) into dir_.
  void Write(const std::string& tender, const std::string& bids,
             const std::string& bids_name = "bids.csv") {
    dir_.Write("tender.yaml", tender);
    dir_.Write(bids_name, bids);
  }

  TempDir dir_;
};

TEST_F(CliBadInput, ValidInputIsAccepted) {
  // The baseline every other case breaks: it must score.
  Write(kTender, kBids);
  const RunResult r = RunCirca(
      {"score", "tender.yaml", "bids.csv", "-f", "csv"}, {.cwd = dir_.path()});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out,
            "rank,bid,supplier,status,tied,total,price,recycled,take_back\n"
            "1,A,Alpha,ranked,no,85.000000,60.000000,10.000000,15.000000\n"
            "2,B,Beta,ranked,no,72.500000,50.000000,22.500000,0.000000\n");
  // The only message is the set-level note that quality cannot hand out
  // its full points here (DOMAIN.md §3).
  EXPECT_EQ(r.err,
            "circa: warning: price and cost hand out at most 60.00 of their 60 "
            "points, quality at most 25.00 of its 40: the published split "
            "60/40 works like 60.00/25.00 among these bids (the price and "
            "quality scales differ in length)\n");
}

TEST_F(CliBadInput, MalformedYamlUnclosedFlowMap) {
  Write(Replace(kTender, "{rule: lowest-ratio}", "{rule: lowest-ratio"), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:10:7: invalid YAML: end of map flow not found\n");
}

TEST_F(CliBadInput, MalformedYamlBadIndentation) {
  Write(Replace(kTender, "    weight: 60\n", "   weight: 60\n"), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:8:4: invalid YAML: end of sequence not found\n");
}

TEST_F(CliBadInput, MalformedYamlInBids) {
  Write(kTender, "bids:\n  - {id: A, price: [1000\n", "bids.yaml");
  ExpectRejected({"score", "tender.yaml", "bids.yaml"},
                 ContainsRegex("^bids\\.yaml:[0-9]+:[0-9]+: invalid YAML: "));
}

TEST_F(CliBadInput, UnknownColumnInCsvHeader) {
  Write(kTender, Replace(kBids, "take_back", "takeback"));
  ExpectRejected(
      {"score", "tender.yaml", "bids.csv"},
      "bids.csv:1:29: header: unknown column \"takeback\"; expected bid, "
      "supplier or a leaf criterion id (did you mean \"take_back\"?), or name "
      "the column in the tender (bids: columns: "
      "{<criterion id>: \"<header>\"}) or keep it out (bids: ignore: "
      "[\"<header>\"])\n"
      "bids.csv:1:1: header: missing columns for leaf criteria: take_back\n");
}

TEST_F(CliBadInput, UnknownKeyInYamlBids) {
  // A YAML bid names its id `id`, not `bid` (docs/bids-format.md), so the
  // message must not offer "bid".
  Write(kTender,
        "bids:\n"
        "  - id: A\n"
        "    price: 1000\n"
        "    recycled: 20\n"
        "    takeback: yes\n",
        "bids.yaml");
  ExpectRejected(
      {"score", "tender.yaml", "bids.yaml"},
      "bids.yaml:5:5: bids[0].takeback: unknown column \"takeback\"; expected "
      "id, supplier or a leaf criterion id (did you mean \"take_back\"?)\n"
      "bids.yaml:2:5: bids[0].take_back: missing; every bid needs a value for "
      "every leaf criterion\n");
}

TEST_F(CliBadInput, UnknownKeyInCriteria) {
  Write(Replace(kTender, "    weight: 60\n", "    wieght: 60\n"), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:8:5: criteria[0].wieght: unknown key; did you "
                 "mean \"weight\"?\n"
                 "tender.yaml:6:5: criteria[0].weight: missing; expected a "
                 "number or a range [min, max]\n");
}

TEST_F(CliBadInput, DuplicateBidId) {
  Write(kTender, Replace(kBids, "B,Beta", "A,Beta"));
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv:3:1: bids[A].bid: duplicate bid id \"A\"\n");
}

TEST_F(CliBadInput, DuplicateBidIdInJson) {
  Write(kTender,
        R"({"bids": [
  {"id": "A", "price": 1000, "recycled": 20, "take_back": true},
  {"id": "A", "price": 1200, "recycled": 45, "take_back": false}
]}
)",
        "bids.json");
  ExpectRejected({"score", "tender.yaml", "bids.json"},
                 "bids.json:3:3: bids[1].id: duplicate bid id \"A\"\n");
}

TEST_F(CliBadInput, DuplicateCriterionId) {
  Write(Replace(kTender, "- id: take_back", "- id: price"), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:18:9: criteria[1].criteria[1].id: duplicate id "
                 "\"price\"; first used at line 6\n");
}

TEST_F(CliBadInput, DuplicateColumn) {
  Write(kTender,
        "bid,supplier,price,recycled,take_back,price\n"
        "A,Alpha,1000,20,yes,1000\n");
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv:1:39: header: duplicate column \"price\"\n");
}

TEST_F(CliBadInput, MissingColumn) {
  Write(kTender,
        "bid,supplier,price,take_back\n"
        "A,Alpha,1000,yes\n"
        "B,Beta,1200,no\n");
  ExpectRejected(
      {"score", "tender.yaml", "bids.csv"},
      "bids.csv:1:1: header: missing columns for leaf criteria: recycled\n");
}

TEST_F(CliBadInput, MissingBidIdColumn) {
  Write(kTender,
        "supplier,price,recycled,take_back\n"
        "Alpha,1000,20,yes\n");
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv:1:1: header: missing the bid id column; expected a "
                 "column named \"bid\" (or id, Nr, Offerte, Offre), or name "
                 "it in the tender (bids: columns: {bid: \"<header>\"})\n");
}

TEST_F(CliBadInput, ExtraColumn) {
  Write(kTender,
        "bid,supplier,price,recycled,take_back,colour\n"
        "A,Alpha,1000,20,yes,red\n"
        "B,Beta,1200,45,no,blue\n");
  ExpectRejected(
      {"score", "tender.yaml", "bids.csv"},
      "bids.csv:1:39: header: unknown column \"colour\"; expected "
      "bid, supplier or a leaf criterion id, or name the column in the tender "
      "(bids: columns: "
      "{<criterion id>: \"<header>\"}) or keep it out (bids: ignore: "
      "[\"<header>\"])\n");
}

TEST_F(CliBadInput, RowWithTooManyValues) {
  Write(kTender, Replace(kBids, "B,Beta,1200,45,no", "B,Beta,1200,45,no,7"));
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv:3:1: bids[B]: row has 6 values; the header has 5 "
                 "columns\n");
}

TEST_F(CliBadInput, WeightsDoNotAddUp) {
  Write(Replace(kTender, "weight: 60", "weight: 55"), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:6:5: criteria: weights add up to 95; expected "
                 "100 (the scale): price 55 + circularity 40\n");
}

TEST_F(CliBadInput, GroupWeightsDoNotAddUp) {
  Write(Replace(kTender, "weight: 15", "weight: 10"), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:14:9: criteria[1].criteria: weights add up to "
                 "35; expected 40 (the weight of circularity): recycled 25 + "
                 "take_back 10\n");
}

TEST_F(CliBadInput, NegativeWeight) {
  Write(Replace(kTender, "weight: 15", "weight: -15"), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:19:17: criteria[1].criteria[1].weight: expected "
                 "a number >= 0, got \"-15\"\n");
}

TEST_F(CliBadInput, NegativePrice) {
  Write(kTender, Replace(kBids, "1200", "-1200"));
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv:3:8: bids[B].price: expected an amount >= 0, got "
                 "\"-1200\"\n");
}

TEST_F(CliBadInput, NonNumericPrice) {
  Write(kTender, Replace(kBids, "1200", "twelve hundred"));
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv:3:8: bids[B].price: expected a number, got "
                 "\"twelve hundred\"\n");
}

TEST_F(CliBadInput, NonNumericPriceInYaml) {
  Write(kTender,
        "bids:\n"
        "  - id: A\n"
        "    price: [1000]\n"
        "    recycled: 20\n"
        "    take_back: yes\n",
        "bids.yaml");
  ExpectRejected({"score", "tender.yaml", "bids.yaml"},
                 "bids.yaml:3:12: bids[0].price: expected a value, got a "
                 "list\n");
}

TEST_F(CliBadInput, EmptyCriteriaFile) {
  Write("", kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:1:1: the file is empty; expected a YAML map\n");
  ExpectRejected({"validate", "tender.yaml"},
                 "tender.yaml:1:1: the file is empty; expected a YAML map\n");
}

TEST_F(CliBadInput, CriteriaFileWithOnlyAComment) {
  Write("# nothing here yet\n", kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "tender.yaml:1:1: the file is empty; expected a YAML map\n");
}

TEST_F(CliBadInput, EmptyBidsFile) {
  Write(kTender, "");
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv:1:1: the file is empty; expected a header row (bid, "
                 "supplier and one column per leaf criterion) and one row per "
                 "bid\n");
}

TEST_F(CliBadInput, BidsFileWithHeaderOnly) {
  Write(kTender, "bid,supplier,price,recycled,take_back\n");
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 "bids.csv: no bids found; expected at least one\n");
}

TEST_F(CliBadInput, BinaryGarbageAsCriteria) {
  Write(RandomBytes(64 << 10, 20240607), kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 MatchesRegex("tender\\.yaml:[0-9]+:[0-9]+: expected UTF-8 "
                              "text, found a byte that is not \\(binary "
                              "file\\?\\)\n"));
}

TEST_F(CliBadInput, BinaryGarbageAsBids) {
  for (const char* name : {"bids.csv", "bids.yaml", "bids.json"}) {
    SCOPED_TRACE(name);
    dir_.Write(name, RandomBytes(64 << 10, 7));
    dir_.Write("tender.yaml", kTender);
    ExpectRejected({"score", "tender.yaml", name},
                   MatchesRegex(std::string(name).replace(4, 1, "\\.") +
                                ":[0-9]+:[0-9]+: expected UTF-8 text, found a "
                                "byte that is not \\(binary file\\?\\)\n"));
  }
}

TEST_F(CliBadInput, BinaryGarbageAfterAValidHeader) {
  Write(kTender,
        "bid,supplier,price,recycled,take_back\n" + RandomBytes(64 << 10, 99));
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 MatchesRegex("bids\\.csv:([2-9]|[1-9][0-9]+):[0-9]+: "
                              "expected UTF-8 text, found a byte that is not "
                              "\\(binary file\\?\\)\n"));
}

// 10,000 open brackets: a recursive parser must refuse them, not overflow
// its stack. The message should say what is wrong (too deep), not "bad file".
TEST_F(CliBadInput, DeeplyNestedYamlLists) {
  Write(std::string(10000, '[') + "\n", kBids);
  ExpectRejected(
      {"score", "tender.yaml", "bids.csv"},
      MatchesRegex("tender\\.yaml:[0-9]+:[0-9]+: .*(nest|deep).*\n"));
}

TEST_F(CliBadInput, DeeplyNestedYamlMaps) {
  Write(std::string(10000, '{') + "\n", kBids);
  ExpectRejected(
      {"score", "tender.yaml", "bids.csv"},
      MatchesRegex("tender\\.yaml:[0-9]+:[0-9]+: .*(nest|deep).*\n"));
}

TEST_F(CliBadInput, DeeplyNestedClosedYaml) {
  // Balanced brackets as the value of a key: well-formed, only too deep.
  Write("circa: " + std::string(10000, '[') + std::string(10000, ']') + "\n",
        kBids);
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 ContainsRegex("^tender\\.yaml:1:[0-9]+: "));
}

TEST_F(CliBadInput, DeeplyNestedJsonBids) {
  Write(kTender,
        "{\"bids\": [{\"id\": \"A\", \"price\": " + std::string(10000, '[') +
            std::string(10000, ']') + "}]}\n",
        "bids.json");
  ExpectRejected({"score", "tender.yaml", "bids.json"},
                 MatchesRegex("bids\\.json:[0-9]+:[0-9]+: .*(nest|deep).*\n"));
}

TEST_F(CliBadInput, CriteriaNestedTwentyLevels) {
  std::string tender =
      "circa: 1\nid: deep\nversion: \"1\"\ntitle: Deep\ncriteria:\n";
  std::string indent = "  ";
  for (int depth = 0; depth < 20; ++depth) {
    tender += indent + "- id: g" + std::to_string(depth) + "\n";
    tender += indent + "  type: quality\n";
    tender += indent + "  weight: 100\n";
    tender += indent + "  criteria:\n";
    indent += "    ";
  }
  tender += indent + "- id: leaf\n" + indent + "  weight: 100\n" + indent +
            "  scoring: {rule: yes-no}\n";
  Write(tender, "bid,leaf\nA,yes\n");
  std::string path = "criteria[0]";
  for (int depth = 1; depth < 8; ++depth) path += ".criteria[0]";
  const std::string expected = "tender.yaml:38:35: " + path +
                               ".criteria: criteria are nested more than 8 "
                               "levels deep\n";
  ExpectRejected({"score", "tender.yaml", "bids.csv"}, expected);
  ExpectRejected({"validate", "tender.yaml"}, expected);
}

TEST_F(CliBadInput, NonexistentCriteriaFile) {
  dir_.Write("bids.csv", kBids);
  ExpectRejected({"score", "nothere.yaml", "bids.csv"},
                 "nothere.yaml: cannot read file: no such file\n");
  ExpectRejected({"validate", "nothere.yaml"},
                 "nothere.yaml: cannot read file: no such file\n");
}

TEST_F(CliBadInput, NonexistentBidsFile) {
  dir_.Write("tender.yaml", kTender);
  ExpectRejected({"score", "tender.yaml", "nothere.csv"},
                 "nothere.csv: cannot read file: no such file\n");
}

TEST_F(CliBadInput, NonexistentTenderDirectory) {
  // One argument that does not exist is a missing file (exit 1,
  // docs/cli.md), not a criteria file without BIDS (a usage error).
  ExpectRejected({"score", "nothere"},
                 "nothere: cannot read file: no such file\n");
}

TEST_F(CliBadInput, UnknownBidsExtension) {
  Write(kTender, kBids, "bids.dat");
  ExpectRejected({"score", "tender.yaml", "bids.dat"},
                 "bids.dat: unknown bids file type \".dat\"; expected .csv, "
                 ".tsv, .txt, .yaml, .yml, .json, .xlsx or .ods\n");
  Write(kTender, kBids, "bids.xls");
  ExpectRejected({"score", "tender.yaml", "bids.xls"},
                 "bids.xls: an Excel 97-2003 workbook (.xls); save it as "
                 ".xlsx, .ods or CSV UTF-8\n");
}

TEST_F(CliBadInput, DirectoryWithoutTenderYaml) {
  dir_.Write("empty/.keep", "");
  ExpectRejected({"score", "empty"},
                 "empty: a tender directory needs tender.yaml (the criteria "
                 "set)\n"
                 "empty: a tender directory needs bids.csv, bids.yaml, "
                 "bids.json, bids.xlsx or bids.ods\n");
  dir_.Write("only-bids/bids.csv", kBids);
  ExpectRejected({"score", "only-bids"},
                 "only-bids: a tender directory needs tender.yaml (the "
                 "criteria set)\n");
  ExpectRejected({"validate", "only-bids"},
                 "only-bids: a tender directory needs tender.yaml (the "
                 "criteria set)\n");
}

TEST_F(CliBadInput, DirectoryGivenAsBidsFile) {
  dir_.Write("tender.yaml", kTender);
  dir_.Write("old.csv/bids.csv", kBids);
  ExpectRejected({"score", "tender.yaml", "old.csv"},
                 "old.csv: cannot read file: it is a directory\n");
}

TEST_F(CliBadInput, UnknownLocale) {
  Write(kTender, "# locale: tlh\n" + std::string(kBids));
  ExpectRejected({"score", "tender.yaml", "bids.csv"},
                 ContainsRegex("^bids\\.csv:1:1: locale: unknown locale "
                               "\"tlh\""));
}

// LoadOptions::max_errors (50) bounds what one bid file can print; that
// must hold for CSV syntax errors too, or one long line of stray quotes
// prints (and holds in memory) one diagnostic per quote.
TEST_F(CliBadInput, CsvSyntaxErrorsAreCapped) {
  std::string row = "A";
  for (int i = 0; i < 1000; ++i) row += ",x\"y";
  Write(kTender, std::string(kBids) + row + "\n");
  const RunResult r =
      RunCirca({"score", "tender.yaml", "bids.csv"}, {.cwd = dir_.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  const std::vector<std::string> lines = Lines(r.err);
  EXPECT_LE(lines.size(), 51u) << r.Describe();
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "bids.csv: too many errors; stopped after 50");
}

TEST_F(CliBadInput, ManyBadRowsAreCapped) {
  std::string bids = "bid,supplier,price,recycled,take_back\n";
  for (int i = 0; i < 200; ++i) {
    bids += "B" + std::to_string(i) + ",S,cheap,20,yes\n";
  }
  Write(kTender, bids);
  const RunResult r =
      RunCirca({"score", "tender.yaml", "bids.csv"}, {.cwd = dir_.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  const std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 51u) << r.Describe();
  EXPECT_EQ(lines.front(),
            "bids.csv:2:6: bids[B0].price: expected a number, got \"cheap\"");
  EXPECT_EQ(lines.back(), "bids.csv: too many errors; stopped after 50");
}

}  // namespace
}  // namespace circa_test::cli
