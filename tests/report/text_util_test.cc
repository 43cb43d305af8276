// Text helpers of the renderers (engine/report/text_util.cc): widths are
// code points, padding cuts with "~", wrapping keeps lines within width;
// input text is shown escaped in tables, neutralised in CSV and literal in
// Markdown (docs/result-format.md, "Text from inputs").
#include "report/text_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_util.h"

namespace circa::report {
namespace {

TEST(TextUtilTest, WidthCountsCodePoints) {
  EXPECT_EQ(Width("abc"), 3);
  EXPECT_EQ(Width("Société"), 7);
  EXPECT_EQ(Width("—Ω€"), 3);
}

TEST(TextUtilTest, PadAndCut) {
  EXPECT_EQ(PadRight("ab", 4), "ab  ");
  EXPECT_EQ(PadLeft("ab", 4), "  ab");
  EXPECT_EQ(PadRight("Société", 8), "Société ");
  EXPECT_EQ(PadRight("Société Générale", 8), "Société~");
  EXPECT_EQ(PadLeft("abcdef", 4), "abc~");
  EXPECT_EQ(Width(PadRight("Établissements Müller", 10)), 10);
}

TEST(TextUtilTest, WrapKeepsWithinWidth) {
  const std::string text =
      "Bid Offre-1 (Société Coopérative Écologique) ranks 2nd of 3 with "
      "74.29 of 100 points. It is 1.43 points behind the winner.";
  for (const int width : {20, 30, 60}) {
    const std::string wrapped = Wrap(text, width, "  ");
    for (const std::string& line : circa_test::Lines(wrapped)) {
      EXPECT_LE(circa_test::CodePoints(line), width) << line;
      EXPECT_EQ(line.rfind("  ", 0), 0u) << line;
    }
  }
  EXPECT_EQ(Wrap("one two three", 7, ""), "one two\nthree\n");
  EXPECT_EQ(Wrap("", 10, "  "), "");
}

TEST(TextUtilTest, TableHelpersShowControlCharactersEscaped) {
  EXPECT_EQ(Display("a\x1b[2Jb\nc\td"), "a\\u001b[2Jb c d");
  // The width is the escaped text's: "\u001b" takes six columns.
  EXPECT_EQ(Width("a\x1b"
                  "b"),
            8);
  EXPECT_EQ(Width("\u202Eab"), 8);
  EXPECT_EQ(PadRight("a\x07", 8), "a\\u0007 ");
  EXPECT_EQ(PadLeft("x\ny", 4), " x y");
  EXPECT_EQ(PadRight("\x1b\x1b", 8), "\\u001b\\~");
  EXPECT_EQ(Wrap("Bid A\n## Forged\x1b[31m red", 12, ""),
            "Bid A ##\nForged\\u001b[31m\nred\n");
}

TEST(TextUtilTest, CsvFieldNeutralisesFormulas) {
  EXPECT_EQ(CsvField("Acme"), "Acme");
  EXPECT_EQ(CsvField("=1+1"), "\"'=1+1\"");
  EXPECT_EQ(CsvField("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
  EXPECT_EQ(CsvField("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvField("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  // Only the first character counts; a carriage return is escaped first.
  EXPECT_EQ(CsvField("A=1"), "A=1");
  EXPECT_EQ(CsvField("\r=1"), "\\u000d=1");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(std::string("N\0U\x1b", 4)), "N\\u0000U\\u001b");
}

TEST(TextUtilTest, MdTextIsLiteralText) {
  EXPECT_EQ(MdText("Plain text, 1.0.0"), "Plain text, 1.0.0");
  EXPECT_EQ(MdText("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(MdText("Soep & Co"), "Soep &amp; Co");
  EXPECT_EQ(MdText("a|b"), "a\\|b");
  EXPECT_EQ(MdText("[x](http://e) ![i](j)"), "\\[x\\](http://e) !\\[i\\](j)");
  EXPECT_EQ(MdText("*b* _i_ `c` ~s~ $m$ #h \\"),
            "\\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\$m\\$ \\#h \\\\");
  EXPECT_EQ(MdText("Beta\n## Forged heading"), "Beta \\#\\# Forged heading");
  EXPECT_EQ(MdText("a\r\nb\tc"), "a b c");
  // What would start a list item, a break or a code block at a line start.
  EXPECT_EQ(MdText("- x"), "\\- x");
  EXPECT_EQ(MdText("---"), "\\---");
  EXPECT_EQ(MdText("+ x"), "\\+ x");
  EXPECT_EQ(MdText("12. x"), "12\\. x");
  EXPECT_EQ(MdText("1) x"), "1\\) x");
  EXPECT_EQ(MdText("1.5 x"), "1.5 x");
  EXPECT_EQ(MdText("     code"), "code");
  // Control characters: "\u001b", which CommonMark shows as written.
  EXPECT_EQ(MdText("a\x1b[2J\u202E"), "a\\u001b\\[2J\\u202e");
}

TEST(TextUtilTest, MdCodeCannotBeClosedFromInside) {
  EXPECT_EQ(MdCode("base"), "`base`");
  EXPECT_EQ(MdCode("a`b"), "``a`b``");
  EXPECT_EQ(MdCode("a``b`"), "``` a``b` ```");
  EXPECT_EQ(MdCode("`x"), "`` `x ``");
  EXPECT_EQ(MdCode("a\nb\x1b"), "`a b\\u001b`");
}

TEST(TextUtilTest, JsonTextEscapesDelC1AndBidi) {
  EXPECT_EQ(JsonText("{\"s\": \"a\x7f\xC2\x9B\u202E\"}"),
            "{\"s\": \"a\\u007f\\u009b\\u202e\"}");
  EXPECT_EQ(JsonText("{\n  \"s\": \"\\u001b\"\n}"),
            "{\n  \"s\": \"\\u001b\"\n}");
}

}  // namespace
}  // namespace circa::report
