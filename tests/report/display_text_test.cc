// Control characters from inputs shown escaped (engine/util/display_text.cc,
// docs/result-format.md "Text from inputs"): C0 but newline and tab, DEL,
// C1 and the bidirectional controls become \u and four lower-case hex
// digits; everything else is copied.
#include "util/display_text.h"

#include <gtest/gtest.h>

#include <string>

namespace circa::util {
namespace {

TEST(SanitizeForDisplayTest, EscapesC0AndDel) {
  EXPECT_EQ(SanitizeForDisplay(std::string("N\0UL", 4)), "N\\u0000UL");
  EXPECT_EQ(SanitizeForDisplay("\x1b[2J\x1b]0;pwned\x07"),
            "\\u001b[2J\\u001b]0;pwned\\u0007");
  EXPECT_EQ(SanitizeForDisplay("a\rb\x7f"
                               "c\x1f"),
            "a\\u000db\\u007fc\\u001f");
}

TEST(SanitizeForDisplayTest, EscapesC1AndBidiControls) {
  EXPECT_EQ(SanitizeForDisplay("\xC2\x80|\xC2\x9B|\xC2\x9F"),
            "\\u0080|\\u009b|\\u009f");
  EXPECT_EQ(SanitizeForDisplay("abc\u202Egpj.exe"), "abc\\u202egpj.exe");
  for (const char* bidi :
       {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D",
        "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    const std::string out = SanitizeForDisplay(bidi);
    EXPECT_EQ(out.size(), 6u) << out;
    EXPECT_EQ(out.substr(0, 2), "\\u") << out;
  }
  EXPECT_EQ(SanitizeForDisplay("\u2066x\u2069"), "\\u2066x\\u2069");
  EXPECT_EQ(SanitizeForDisplay("\u061C"), "\\u061c");
}

TEST(SanitizeForDisplayTest, LeavesOtherTextAlone) {
  // Neighbours of the escaped ranges: NBSP, U+2010, U+202F, U+2065, U+206A,
  // U+061B; and ordinary accented and non-Latin text.
  for (const char* text :
       {"Société Générale", "\u00A0\u2010\u202F\u2065\u206A\u061B",
        "Ωmega — 東京 €", "tab\tand\nnewline"}) {
    EXPECT_EQ(SanitizeForDisplay(text), text);
    EXPECT_FALSE(NeedsSanitizing(text)) << text;
  }
  // A byte that is not UTF-8 is copied (inputs are checked at load).
  EXPECT_EQ(SanitizeForDisplay("a\x9B"
                               "b\xC2"),
            "a\x9B"
            "b\xC2");
}

TEST(SanitizeForDisplayTest, NewlineModes) {
  EXPECT_EQ(SanitizeForDisplay("a\nb\tc", Newlines::kKeep), "a\nb\tc");
  EXPECT_EQ(SanitizeForDisplay("a\nb\tc", Newlines::kEscape), "a\\u000ab\tc");
  EXPECT_EQ(SanitizeForDisplay("a\r\nb\tc\rd\ne", Newlines::kSpace),
            "a b c d e");
  EXPECT_TRUE(NeedsSanitizing("a\nb", Newlines::kEscape));
  EXPECT_FALSE(NeedsSanitizing("a\nb", Newlines::kKeep));
}

TEST(SanitizeForDisplayTest, IsIdempotent) {
  const std::string once =
      SanitizeForDisplay("x\x1b\xC2\x85\u202E\n", Newlines::kEscape);
  EXPECT_EQ(once, "x\\u001b\\u0085\\u202e\\u000a");
  EXPECT_EQ(SanitizeForDisplay(once, Newlines::kEscape), once);
  EXPECT_FALSE(NeedsSanitizing(once, Newlines::kEscape));
}

}  // namespace
}  // namespace circa::util
