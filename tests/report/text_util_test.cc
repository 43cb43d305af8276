// Text helpers of the renderers (engine/report/text_util.cc): widths are
// code points, padding cuts with "~", wrapping keeps lines within width.
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

}  // namespace
}  // namespace circa::report
