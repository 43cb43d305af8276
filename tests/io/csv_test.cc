// RFC 4180 CSV with positions (engine/io/csv.cc).
#include "io/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "test_util.h"

namespace circa::io {
namespace {

using ::testing::ElementsAre;

std::vector<std::vector<std::string>> Texts(const CsvTable& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : t.rows) {
    out.emplace_back();
    for (const CsvCell& c : row) out.back().push_back(c.text);
  }
  return out;
}

CsvTable ParseOk(std::string_view text) {
  Diagnostics diag;
  CsvTable table;
  const bool ok = ParseCsv(text, "bids.csv", &diag, &table);
  EXPECT_TRUE(ok);
  EXPECT_TRUE(diag.items().empty()) << circa_test::Describe(diag.items());
  return table;
}

TEST(CsvTest, DelimiterDetectedFromHeader) {
  const char* texts[] = {"bid,price\nA,1\n", "bid;price\nA;1\n",
                         "bid\tprice\nA\t1\n"};
  const char delimiters[] = {',', ';', '\t'};
  for (int k = 0; k < 3; ++k) {
    const CsvTable t = ParseOk(texts[k]);
    EXPECT_EQ(t.delimiter, delimiters[k]);
    EXPECT_EQ(Texts(t), (std::vector<std::vector<std::string>>{{"bid", "price"},
                                                               {"A", "1"}}));
  }
}

TEST(CsvTest, SemicolonFileKeepsDecimalCommas) {
  const CsvTable t = ParseOk("bid;price;score\nA;1.234,56;7,5\n");
  EXPECT_EQ(t.delimiter, ';');
  EXPECT_THAT(Texts(t)[1], ElementsAre("A", "1.234,56", "7,5"));
}

TEST(CsvTest, QuotedFieldsWithDelimitersNewlinesAndQuotes) {
  const CsvTable t = ParseOk(
      "bid,supplier,price\n"
      "A,\"Acme, \"\"Best\"\" Ltd\nGhent\",100\n"
      "B,\"\",200\n");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_THAT(Texts(t)[1],
              ElementsAre("A", "Acme, \"Best\" Ltd\nGhent", "100"));
  EXPECT_THAT(Texts(t)[2], ElementsAre("B", "", "200"));
  // Positions after a multi-line field: "100" is on line 3; B on line 4.
  EXPECT_EQ(t.rows[1][2].line, 3);
  EXPECT_EQ(t.rows[1][2].column, 8);
  EXPECT_EQ(t.rows[2][0].line, 4);
  EXPECT_EQ(t.rows[2][0].column, 1);
}

TEST(CsvTest, BomAndCrlf) {
  const CsvTable t = ParseOk(
      "\xEF\xBB\xBF"
      "bid,price\r\nA,1\r\nB,2\r\n");
  EXPECT_EQ(Texts(t), (std::vector<std::vector<std::string>>{
                          {"bid", "price"}, {"A", "1"}, {"B", "2"}}));
  EXPECT_EQ(t.rows[0][0].column, 1);
  EXPECT_EQ(t.rows[2][1].line, 3);
  EXPECT_EQ(t.rows[2][1].column, 3);
}

TEST(CsvTest, DirectivesBeforeTheHeader) {
  const CsvTable t = ParseOk(
      "# Bids received 2024-03-01\n"
      "# Locale: nl-BE\n"
      "\n"
      "bid;price\n"
      "A;12,5\n");
  ASSERT_EQ(t.directives.count("locale"), 1u);
  EXPECT_EQ(t.directives.at("locale").first, "nl-BE");
  EXPECT_EQ(t.directives.at("locale").second, 2);
  EXPECT_EQ(t.rows[0][0].line, 4);
  EXPECT_EQ(t.rows[1][1].line, 5);
  EXPECT_EQ(t.rows[1][1].column, 3);
}

TEST(CsvTest, ColumnsCountCharactersNotBytes) {
  const CsvTable t = ParseOk("bid,supplier,price\nA,Société,9\n");
  EXPECT_EQ(t.rows[1][2].column, 11);  // "A,Société," is 10 characters
}

TEST(CsvTest, BlankLinesAreSkipped) {
  const CsvTable t = ParseOk("bid,price\n\nA,1\n\n");
  EXPECT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1][0].line, 3);
}

TEST(CsvTest, NoTrailingNewline) {
  const CsvTable t = ParseOk("bid,price\nA,1");
  EXPECT_THAT(Texts(t)[1], ElementsAre("A", "1"));
}

TEST(CsvTest, UnclosedQuoteIsAnError) {
  Diagnostics diag;
  CsvTable t;
  EXPECT_FALSE(ParseCsv("bid,supplier\nA,\"Acme\n", "bids.csv", &diag, &t));
  EXPECT_THAT(circa_test::Messages(diag.items()),
              ElementsAre("bids.csv:2:3: this quote is never closed"));
}

TEST(CsvTest, StrayQuotes) {
  Diagnostics diag;
  CsvTable t;
  EXPECT_FALSE(ParseCsv("bid,supplier\nA,5 \"inch\"\nB,\"Acme\"x\n", "bids.csv",
                        &diag, &t));
  EXPECT_THAT(
      circa_test::Messages(diag.items()),
      ElementsAre("bids.csv:2:5: unexpected '\"' inside an unquoted field; "
                  "quote the whole field and double the quote (\"\")",
                  "bids.csv:3:9: unexpected text after a closing quote"));
}

TEST(CsvTest, TextAfterClosingQuoteKeepsWholeCharacters) {
  // Found by fuzzing: the first byte of a multi-byte character after a
  // closing quote was dropped, and later messages quoted half a character.
  Diagnostics diag;
  CsvTable t;
  EXPECT_FALSE(
      ParseCsv("\"c\"\xC3\xA9"
               "0,supplier\n",
               "bids.csv", &diag, &t));
  EXPECT_THAT(
      circa_test::Messages(diag.items()),
      ElementsAre("bids.csv:1:4: unexpected text after a closing quote"));
  ASSERT_FALSE(t.rows.empty());
  EXPECT_EQ(t.rows[0][0].text,
            "c\xC3\xA9"
            "0");
}

TEST(CsvTest, BinaryIsRefused) {
  Diagnostics diag;
  CsvTable t;
  EXPECT_FALSE(
      ParseCsv(std::string_view("bid\nA\xff\x00", 7), "bids.csv", &diag, &t));
  EXPECT_THAT(circa_test::Messages(diag.items()),
              ElementsAre("bids.csv:2:2: expected UTF-8 text, found a byte "
                          "that is not (binary file?)"));
}

// A CSV exported from a spreadsheet in Windows-1252 is text, not binary:
// the message names the byte and the fix. The column counts characters.
TEST(CsvTest, Windows1252IsNamed) {
  Diagnostics diag;
  CsvTable t;
  EXPECT_FALSE(ParseCsv("bid,supplier\nA,Soci\xE9t\xE9 \xC3\xA9\n", "bids.csv",
                        &diag, &t));
  EXPECT_THAT(circa_test::Messages(diag.items()),
              ElementsAre("bids.csv:2:7: expected UTF-8 text, found the byte "
                          "0xE9, which UTF-8 does not allow here (saved as "
                          "Windows-1252 or Latin-1? save or export the file "
                          "as UTF-8)"));
  // After a valid multi-byte character, the column is still in characters.
  Diagnostics later;
  EXPECT_FALSE(
      ParseCsv("bid,supplier\nA,\xC3\xA9\x80\n", "bids.csv", &later, &t));
  EXPECT_THAT(circa_test::Messages(later.items()),
              ElementsAre("bids.csv:2:4: expected UTF-8 text, found the byte "
                          "0x80, which UTF-8 does not allow here (saved as "
                          "Windows-1252 or Latin-1? save or export the file "
                          "as UTF-8)"));
}

// Old Mac files end lines with a lone CR: read as lines, positions counted
// as an editor shows them; a CR inside quotes of such a file is a line break
// too, and CRLF files are unchanged.
TEST(CsvTest, LoneCarriageReturnsEndLines) {
  const CsvTable t = ParseOk("# locale: en\rbid,price\rA,1\r\"B\rC\",2\r");
  EXPECT_EQ(t.directives.at("locale").first, "en");
  EXPECT_EQ(Texts(t), (std::vector<std::vector<std::string>>{
                          {"bid", "price"}, {"A", "1"}, {"B\nC", "2"}}));
  EXPECT_EQ(t.rows[2][1].line, 5);
  EXPECT_EQ(t.rows[2][1].column, 4);
}

TEST(CsvTest, LoneCrToLfKeepsCrlfAndCopiesOnlyWhenNeeded) {
  std::string storage;
  EXPECT_EQ(LoneCrToLf("a\r\nb\n", &storage), "a\r\nb\n");
  EXPECT_TRUE(storage.empty());
  EXPECT_EQ(LoneCrToLf("a\rb\r\nc\r", &storage), "a\nb\r\nc\n");
}

// ParseCsvFields hands over views (into the text, or into the row's storage
// when a cell is not one run of it) with the same texts and positions as
// the cells ParseCsvRows copies, and the same errors.
TEST(CsvTest, FieldsAreTheRowsAsViews) {
  const std::string text =
      "\xEF\xBB\xBF"
      "bid;naam;prijs\r\n"
      "\"A\"\"1\";\"Caf\xC3\xA9 \"\"Nord\"\"\";\"1\xC2\xA0"
      "234,5\"\r\n"
      "B;\"two\r\nlines\";  7 \r\n"
      "\"C\"  x;\xC3\xA9\xC3\xA9;\"\"\n"
      "D;\"unquoted\" then;8";
  Diagnostics by_rows;
  CsvTable rows_table;
  std::vector<std::vector<CsvCell>> rows;
  ParseCsvRows(text, "b.csv", &by_rows, &rows_table,
               [&rows](std::vector<CsvCell>& row) {
                 rows.push_back(row);
                 return true;
               });
  Diagnostics by_fields;
  CsvTable fields_table;
  std::vector<std::vector<CsvCell>> fields;
  ParseCsvFields(text, "b.csv", &by_fields, &fields_table,
                 [&fields](std::vector<CsvField>& row) {
                   fields.emplace_back();
                   for (const CsvField& f : row) {
                     fields.back().push_back(
                         CsvCell{std::string(f.text), f.line, f.column});
                   }
                   return true;
                 });
  ASSERT_EQ(rows.size(), 5u);
  ASSERT_EQ(fields.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ASSERT_EQ(fields[i].size(), rows[i].size()) << "row " << i;
    for (std::size_t k = 0; k < rows[i].size(); ++k) {
      EXPECT_EQ(fields[i][k].text, rows[i][k].text) << i << "," << k;
      EXPECT_EQ(fields[i][k].line, rows[i][k].line) << i << "," << k;
      EXPECT_EQ(fields[i][k].column, rows[i][k].column) << i << "," << k;
    }
  }
  // Doubled quotes, a quoted line break, text after a closing quote.
  EXPECT_EQ(fields[1][0].text, "A\"1");
  EXPECT_EQ(fields[1][1].text, "Caf\xC3\xA9 \"Nord\"");
  EXPECT_EQ(fields[2][1].text, "two\r\nlines");
  EXPECT_EQ(fields[3][0].text, "Cx");
  EXPECT_EQ(fields[3][2].column, 11);
  EXPECT_EQ(fields[4][1].text, "unquotedthen");
  EXPECT_EQ(circa_test::Messages(by_fields.items()),
            circa_test::Messages(by_rows.items()));
  EXPECT_THAT(circa_test::Messages(by_fields.items()),
              ElementsAre("b.csv:5:6: unexpected text after a closing quote",
                          "b.csv:6:14: unexpected text after a closing quote"));
}

// Rows without quotes are read from a bit mask of the bytes that end a
// cell; every other row byte by byte. On random files (quotes, doubled
// quotes, quoted line breaks, CRLF and lone CR, blank lines, accents, stray
// quotes, text after a closing quote, no final line end) both give the
// same rows, positions, errors and result, also when the reader stops
// early.
TEST(CsvTest, PlainRowsReadAsTheByteLoopReadsThem) {
  std::mt19937 rng(18);
  const std::vector<std::string> pieces = {
      "",      "a",          "  b ",       "12,5",
      "\"q\"", "\"x\"\"y\"", "\"l\nm\"",   "\xC3\xA9t\xC3\xA9",
      "w\"z",  "\t",         "\"u\" v",    "\"\"",
      "1 234", "  ",         "\"o\r\np\"", "yes",
      "-0.5",  "#"};
  const std::vector<std::string> ends = {"\n", "\r\n", "\r"};
  for (int round = 0; round < 3000; ++round) {
    const char delim = ",;\t"[rng() % 3];
    std::string text = rng() % 8 == 0 ? "\xEF\xBB\xBF" : "";
    if (rng() % 6 == 0) text += "# locale: en\n";
    const int rows = 1 + static_cast<int>(rng() % 6);
    for (int r = 0; r < rows; ++r) {
      const int cells = rng() % 7 == 0 ? 0 : 1 + static_cast<int>(rng() % 5);
      for (int k = 0; k < cells; ++k) {
        if (k > 0) text += delim;
        text += pieces[rng() % pieces.size()];
      }
      if (r + 1 < rows || rng() % 2 == 0) text += ends[rng() % ends.size()];
    }
    const int stop_after = rng() % 5 == 0 ? static_cast<int>(rng() % 3) : -1;
    const auto parse = [&](bool plain_rows, Diagnostics* diag, bool* ok) {
      CsvTable table;
      std::vector<std::vector<CsvCell>> out;
      *ok = ParseCsvFields(
          text, "r.csv", diag, &table,
          [&](std::vector<CsvField>& row) {
            out.emplace_back();
            for (const CsvField& f : row) {
              out.back().push_back(
                  CsvCell{std::string(f.text), f.line, f.column});
            }
            return static_cast<int>(out.size()) != stop_after;
          },
          3, plain_rows);
      return std::make_pair(table, out);
    };
    Diagnostics fast_diag, slow_diag;
    bool fast_ok = false, slow_ok = false;
    const auto fast = parse(true, &fast_diag, &fast_ok);
    const auto slow = parse(false, &slow_diag, &slow_ok);
    const std::string where = "file: \"" + text + "\"";
    EXPECT_EQ(fast_ok, slow_ok) << where;
    EXPECT_EQ(fast.first.delimiter, slow.first.delimiter) << where;
    EXPECT_EQ(fast.first.directives, slow.first.directives) << where;
    EXPECT_EQ(circa_test::Messages(fast_diag.items()),
              circa_test::Messages(slow_diag.items()))
        << where;
    ASSERT_EQ(fast.second.size(), slow.second.size()) << where;
    for (std::size_t i = 0; i < fast.second.size(); ++i) {
      ASSERT_EQ(fast.second[i].size(), slow.second[i].size()) << where;
      for (std::size_t k = 0; k < fast.second[i].size(); ++k) {
        const CsvCell& a = fast.second[i][k];
        const CsvCell& b = slow.second[i][k];
        EXPECT_EQ(a.text, b.text) << where << " row " << i << " cell " << k;
        EXPECT_EQ(a.line, b.line) << where << " row " << i << " cell " << k;
        EXPECT_EQ(a.column, b.column) << where << " row " << i << " cell " << k;
      }
    }
  }
}

// A long file: cells cross the 64-byte blocks of the scan at every offset.
TEST(CsvTest, PlainRowsAcrossBlocks) {
  std::string text = "bid,a,b\n";
  std::vector<std::vector<std::string>> expected = {{"bid", "a", "b"}};
  for (int i = 0; i < 300; ++i) {
    const std::string id =
        "B" + std::string(static_cast<std::size_t>(i % 70), 'x');
    const std::string a = std::to_string(i * 7919 % 1000);
    const std::string b =
        std::string(static_cast<std::size_t>(i % 5), ' ') + "v";
    text += id + "," + a + "," + b + (i % 3 == 0 ? "\r\n" : "\n");
    expected.push_back({id, a, b});
  }
  const CsvTable table = ParseOk(text);
  EXPECT_EQ(Texts(table), expected);
  ASSERT_EQ(table.rows.size(), expected.size());
  EXPECT_EQ(table.rows[300][2].line, 301);
  EXPECT_EQ(
      table.rows[300][2].column,
      static_cast<int>(expected[300][0].size() + expected[300][1].size() + 3));
}

}  // namespace
}  // namespace circa::io
