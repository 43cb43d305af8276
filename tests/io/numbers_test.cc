// Locale-aware numbers and yes/no (engine/io/numbers.cc).
#include "io/numbers.h"

#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "circa/load.h"

namespace circa {
namespace {

struct NumberCase {
  std::string text;
  std::string locale;
  double expected;
};

void PrintTo(const NumberCase& c, std::ostream* os) {
  *os << '"' << c.text << "\" under " << c.locale;
}

class LocaleNumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(LocaleNumberTest, Parses) {
  const NumberCase& c = GetParam();
  double value = -1;
  std::string why;
  ASSERT_TRUE(ParseLocaleNumber(c.text, c.locale, &value, &why)) << why;
  EXPECT_DOUBLE_EQ(value, c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Written, LocaleNumberTest,
    ::testing::Values(
        // Decimal comma with '.' or space grouping.
        NumberCase{"1.234,56", "auto", 1234.56},
        NumberCase{"1.234,56", "nl-BE", 1234.56},
        NumberCase{"1 234,56", "auto", 1234.56},
        NumberCase{"1 234,56", "fr-BE", 1234.56},
        NumberCase{"1\u00A0234,56", "auto", 1234.56},  // no-break space
        NumberCase{"1\u202F234,56", "auto", 1234.56},  // narrow no-break
        NumberCase{"1\u202F234,56", "fr", 1234.56},
        NumberCase{"1.234.567,89", "auto", 1234567.89},
        // Decimal point with ',' grouping.
        NumberCase{"1,234.56", "auto", 1234.56},
        NumberCase{"1,234.56", "en", 1234.56},
        NumberCase{"1,234,567", "auto", 1234567},
        // A single separator that cannot be grouping is a decimal mark.
        NumberCase{"12,5", "auto", 12.5}, NumberCase{"12,5", "nl-BE", 12.5},
        NumberCase{"0,234", "auto", 0.234},
        NumberCase{"1234.5", "auto", 1234.5},
        NumberCase{"1234.5", "en", 1234.5},
        // Under a declared locale "1.234" is not ambiguous.
        NumberCase{"1.234", "nl-BE", 1234}, NumberCase{"1.234", "de", 1234},
        NumberCase{"1.234", "en", 1.234}, NumberCase{"1,234", "en", 1234},
        NumberCase{"1,234", "nl", 1.234},
        // Plain integers, signs, surrounding spaces.
        NumberCase{"1234", "auto", 1234}, NumberCase{"1 234", "auto", 1234},
        NumberCase{"-12,5", "auto", -12.5}, NumberCase{"+7", "auto", 7},
        NumberCase{"  42  ", "en", 42}, NumberCase{"0", "auto", 0}));

struct BadNumberCase {
  std::string text;
  std::string locale;
  std::string why;
};

void PrintTo(const BadNumberCase& c, std::ostream* os) {
  *os << '"' << c.text << "\" under " << c.locale;
}

class BadLocaleNumberTest : public ::testing::TestWithParam<BadNumberCase> {};

TEST_P(BadLocaleNumberTest, RefusedWithReason) {
  const BadNumberCase& c = GetParam();
  double value = -1;
  std::string why;
  EXPECT_FALSE(ParseLocaleNumber(c.text, c.locale, &value, &why));
  EXPECT_EQ(why, c.why);
  EXPECT_EQ(value, -1) << "value must be untouched on failure";
}

INSTANTIATE_TEST_SUITE_P(
    Refused, BadLocaleNumberTest,
    ::testing::Values(
        BadNumberCase{"1.234", "auto",
                      "\"1.234\" is ambiguous: 1.234 or 1234? declare the "
                      "file's locale (nl-BE for a decimal comma, en for a "
                      "decimal point)"},
        BadNumberCase{"1,234", "auto",
                      "\"1,234\" is ambiguous: 1.234 or 1234? declare the "
                      "file's locale (nl-BE for a decimal comma, en for a "
                      "decimal point)"},
        BadNumberCase{"12.5", "nl-BE",
                      "expected a number written with a decimal comma (locale "
                      "nl-BE), got \"12.5\""},
        BadNumberCase{"1.234,56", "en",
                      "expected a number written with a decimal point (locale "
                      "en), got \"1.234,56\""},
        BadNumberCase{"12 34", "auto", "expected a number, got \"12 34\""},
        BadNumberCase{"abc", "auto", "expected a number, got \"abc\""},
        BadNumberCase{"", "auto", "expected a number, got \"\""},
        BadNumberCase{"1 234.567,8", "auto",
                      "expected a number, got \"1 234.567,8\""},
        BadNumberCase{"12\u20AC", "auto",
                      "expected a number, got \"12\u20AC\""},
        // A grouped number never starts with a 0 group: "0.125" is not 125.
        BadNumberCase{"0.125", "nl-BE",
                      "expected a number written with a decimal comma (locale "
                      "nl-BE), got \"0.125\""},
        BadNumberCase{"1", "xx-YY", "unknown locale \"xx-YY\""}));

// The one-pass reading of the usual shapes ([sign] digits [mark digits],
// Clinger's fast path) and the full checks give, for every number they
// accept, exactly the double std::from_chars reads from the plain text:
// digits at the edges of the fast path (2^53, 19 digits, 22 decimals),
// grouped and ungrouped, in every locale.
TEST(ParseNumberTest, SameBitsAsFromChars) {
  std::mt19937_64 rng(7);
  const auto digits = [&rng](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
      s += static_cast<char>('0' + static_cast<int>(rng() % 10));
    }
    return s;
  };
  std::vector<std::string> texts = {"9007199254740992",
                                    "9007199254740993",
                                    "9007199254740993.5",
                                    "900719925474099.3",
                                    "1234567890123456789",
                                    "12345678901234567890",
                                    "0.1",
                                    "0,3",
                                    "-0",
                                    "-0.0",
                                    "+.5",
                                    ",5",
                                    "0.0000000000000000000001",
                                    "0.00000000000000000000001",
                                    "1.7976931348623157",
                                    "4.9406564584124654",
                                    "99999999999999999999.9"};
  for (int k = 0; k < 20000; ++k) {
    std::string t = rng() % 4 == 0 ? "-" : "";
    t += digits(rng() % 21);
    if (rng() % 3 != 0) {
      t += rng() % 2 == 0 ? '.' : ',';
      t += digits(rng() % 26);
    }
    texts.push_back(t);
  }
  for (const std::string& text : texts) {
    for (const char* locale : {"auto", "en", "nl-BE"}) {
      double value = 0;
      std::string why;
      if (!ParseLocaleNumber(text, locale, &value, &why)) continue;
      // The plain text: sign, digits without grouping, '.' before decimals.
      const bool comma_decimal = std::string(locale) == "nl-BE" ||
                                 (std::string(locale) == "auto" &&
                                  text.find(',') != std::string::npos);
      std::string plain;
      bool any = false;
      for (const char c : text) {
        if (c == '-') plain += c;
        if (c >= '0' && c <= '9') {
          plain += c;
          any = true;
        }
        if (c == (comma_decimal ? ',' : '.')) {
          if (!any) plain += '0';
          plain += '.';
        }
      }
      double expected = 0;
      std::from_chars(plain.data(), plain.data() + plain.size(), expected);
      EXPECT_EQ(std::bit_cast<std::uint64_t>(value),
                std::bit_cast<std::uint64_t>(expected))
          << '"' << text << "\" under " << locale << " read as " << plain;
    }
  }
}

// ShortNumber (8 bytes read at once) agrees with FastNumber (a byte loop)
// on every text of 1 to 5 bytes over digits, both marks, a sign, a space
// and a letter, and on random texts of 6 to 9 bytes, in every locale: where
// it reads a value it is FastNumber's, bit for bit, and it leaves to
// FastNumber only texts with a sign, and what FastNumber refuses too. The
// 8 bytes before the text are random (ShortNumber reads and ignores them).
TEST(ShortNumberTest, SameAsFastNumberBitForBit) {
  const std::string alphabet = "0123456789.,-+ a";
  std::mt19937_64 rng(18);
  std::vector<std::string> texts;
  for (std::size_t n = 1; n <= 5; ++n) {
    std::vector<std::size_t> k(n, 0);
    while (true) {
      std::string t;
      for (const std::size_t c : k) t += alphabet[c];
      texts.push_back(t);
      std::size_t i = 0;
      while (i < n && ++k[i] == alphabet.size()) k[i++] = 0;
      if (i == n) break;
    }
  }
  for (int r = 0; r < 300000; ++r) {
    std::string t(6 + rng() % 4, '0');
    for (char& c : t) {
      // Mostly digits, so that many of them are numbers.
      c = rng() % 8 != 0 ? static_cast<char>('0' + static_cast<int>(rng() % 10))
                         : alphabet[rng() % alphabet.size()];
    }
    texts.push_back(t);
  }
  int read = 0;
  for (const std::string& text : texts) {
    std::string buffer(8, ' ');
    for (char& c : buffer) c = static_cast<char>(rng() % 256);
    buffer += text;
    const char* end = buffer.data() + buffer.size();
    for (const io::DecimalMark mark :
         {io::DecimalMark::kAuto, io::DecimalMark::kPoint,
          io::DecimalMark::kComma}) {
      double fast = -1;
      const bool fast_ok = io::FastNumber(text, mark, &fast);
      double short_value = -1;
      const bool short_ok =
          io::ShortNumber(end, text.size(), mark, &short_value);
      if (short_ok) {
        ++read;
        ASSERT_TRUE(fast_ok) << '"' << text << '"';
        EXPECT_EQ(std::bit_cast<std::uint64_t>(short_value),
                  std::bit_cast<std::uint64_t>(fast))
            << '"' << text << '"';
      } else if (fast_ok) {
        EXPECT_TRUE(text.size() > 8 || text[0] == '-' || text[0] == '+')
            << '"' << text << "\" is a number ShortNumber left";
      }
    }
  }
  EXPECT_GT(read, 100000);
}

TEST(DecimalMarkTest, KnownLocales) {
  EXPECT_EQ(io::DecimalMarkOf("auto"), io::DecimalMark::kAuto);
  EXPECT_EQ(io::DecimalMarkOf(""), io::DecimalMark::kAuto);
  EXPECT_EQ(io::DecimalMarkOf("en"), io::DecimalMark::kPoint);
  EXPECT_EQ(io::DecimalMarkOf("en-GB"), io::DecimalMark::kPoint);
  EXPECT_EQ(io::DecimalMarkOf("nl-BE"), io::DecimalMark::kComma);
  EXPECT_EQ(io::DecimalMarkOf("fr_BE"), io::DecimalMark::kComma);
  EXPECT_EQ(io::DecimalMarkOf("de"), io::DecimalMark::kComma);
  EXPECT_EQ(io::DecimalMarkOf("NL-be"), io::DecimalMark::kComma);
  EXPECT_EQ(io::DecimalMarkOf("tlh"), std::nullopt);
}

TEST(PlainNumberTest, CriteriaFileNumbers) {
  double v = 0;
  EXPECT_TRUE(io::ParsePlainNumber("15", &v));
  EXPECT_EQ(v, 15);
  EXPECT_TRUE(io::ParsePlainNumber("-2.5", &v));
  EXPECT_EQ(v, -2.5);
  EXPECT_TRUE(io::ParsePlainNumber("+1e3", &v));
  EXPECT_EQ(v, 1000);
  EXPECT_FALSE(io::ParsePlainNumber("12,5", &v));
  EXPECT_FALSE(io::ParsePlainNumber("1 000", &v));
  EXPECT_FALSE(io::ParsePlainNumber("inf", &v));
  EXPECT_FALSE(io::ParsePlainNumber("nan", &v));
  EXPECT_FALSE(io::ParsePlainNumber("", &v));
}

TEST(YesNoTest, AllSpellingsInAnyCase) {
  for (const char* yes : {"yes", "YES", "Yes", "true", "True", "ja", "JA",
                          "oui", "Oui", "1", " yes "}) {
    bool value = false;
    EXPECT_TRUE(ParseYesNo(yes, &value)) << yes;
    EXPECT_TRUE(value) << yes;
  }
  for (const char* no :
       {"no", "NO", "false", "FALSE", "nee", "Nee", "non", "NON", "0"}) {
    bool value = true;
    EXPECT_TRUE(ParseYesNo(no, &value)) << no;
    EXPECT_FALSE(value) << no;
  }
  for (const char* neither : {"", "y", "maybe", "nein", "2", "yes!"}) {
    bool value = true;
    EXPECT_FALSE(ParseYesNo(neither, &value)) << neither;
  }
}

}  // namespace
}  // namespace circa
