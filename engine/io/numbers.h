// Locale-aware number and yes/no parsing for bid files.
#ifndef CIRCA_ENGINE_IO_NUMBERS_H_
#define CIRCA_ENGINE_IO_NUMBERS_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace circa::io {

enum class DecimalMark { kAuto, kPoint, kComma };

// Maps a locale name ("auto", "en", "nl-BE", "fr_BE", "de"...) to its decimal
// mark; nullopt for a locale circa does not know.
std::optional<DecimalMark> DecimalMarkOf(std::string_view locale);

// Parses a number the way a buyer writes it (see ParseLocaleNumber in
// circa/load.h). On failure returns false and sets *why to a full sentence.
bool ParseNumber(std::string_view text, DecimalMark mark,
                 std::string_view locale_name, double* value, std::string* why);

// The powers of ten a double holds exactly (10^0 to 10^22).
inline constexpr double kExactPow10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The usual shape of a number, [sign] digits [mark digits], read in one
// pass from trimmed text when the locale rules give it one meaning and its
// value is exact by Clinger's fast path (a mantissa below 2^53 of at most
// 19 digits, at most 22 decimals: one correctly rounded division of two
// exact doubles, the same double as std::from_chars). True only when
// ParseNumber would accept the text with this value; false means "ask
// ParseNumber" (which then gives the value or the message). Inline: the
// bid reader calls it for every numeric cell.
inline bool FastNumber(std::string_view t, DecimalMark mark, double* value) {
  const auto digit = [](char c) {
    return static_cast<unsigned char>(c - '0') < 10;
  };
  std::size_t i = 0;
  const std::size_t n = t.size();
  bool negative = false;
  if (i < n && (t[i] == '-' || t[i] == '+')) {
    negative = t[i] == '-';
    ++i;
  }
  std::uint64_t mantissa = 0;
  const std::size_t int_begin = i;
  while (i < n && digit(t[i])) {
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(t[i] - '0');
    ++i;
  }
  const std::size_t int_digits = i - int_begin;
  std::size_t frac_digits = 0;
  if (i < n) {
    const char p = t[i];
    if (p != '.' && p != ',') return false;
    ++i;
    const std::size_t frac_begin = i;
    while (i < n && digit(t[i])) {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(t[i] - '0');
      ++i;
    }
    frac_digits = i - frac_begin;
    if (i != n || frac_digits == 0) return false;
    // Which mark is decimal: the locale's; under auto, one mark is decimal
    // unless the number looks grouped ("1.234": ambiguous).
    switch (mark) {
      case DecimalMark::kPoint:
        if (p != '.') return false;
        break;
      case DecimalMark::kComma:
        if (p != ',') return false;
        break;
      case DecimalMark::kAuto:
        if (frac_digits == 3 && int_digits >= 1 && int_digits <= 3 &&
            !(int_digits == 1 && t[int_begin] == '0')) {
          return false;
        }
        break;
    }
  } else if (int_digits == 0) {
    return false;
  }
  if (int_digits + frac_digits > 19 || mantissa >= (std::uint64_t{1} << 53) ||
      frac_digits > 22) {
    return false;
  }
  // An integer needs no division (and a division's latency is most of the
  // time of a short number).
  double v = static_cast<double>(mantissa);
  if (frac_digits != 0) v /= kExactPow10[frac_digits];
  *value = negative ? -v : v;
  return true;
}

// FastNumber of a text of 1 to 8 bytes without a sign, `digits [mark
// digits]`, read without a branch per byte (a file's numbers vary in length
// from cell to cell, and a loop over their bytes mispredicts its end): the
// 8 bytes ending at `end` are read at once (so the 8 - n bytes before the
// text must be readable; they are ignored), the digits and the one mark
// found by bit masks, the digits' value by three multiplications. True with
// FastNumber's value (the same division, or none for an integer); false
// when FastNumber must decide (a sign, a longer or empty text, anything
// but digits and one mark; it then gives the value or false).
inline bool ShortNumber(const char* end, std::size_t n, DecimalMark mark,
                        double* value) {
  if constexpr (std::endian::native != std::endian::little) return false;
  if (n - 1 >= 8) return false;  // n is 1 to 8
  std::uint64_t w = 0;
  std::memcpy(&w, end - 8, 8);
  const auto pad = static_cast<unsigned>(8 * (8 - n));  // 0 to 56
  w >>= pad;  // the text's byte i at byte i, zeros above
  const std::uint64_t in = ~std::uint64_t{0} >> pad;  // the text's bytes
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  // Digits become 0 to 9; every other byte is 10 or more (exactly, per
  // byte: the sums below do not carry into the next byte).
  const std::uint64_t x = (w ^ 0x3030303030303030ULL) & in;
  const std::uint64_t other =
      (((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7676767676767676ULL) | x) & kHigh & in;
  // The mark's byte, or n when there is none (countr_zero(0) is 64).
  const auto first = static_cast<std::size_t>(std::countr_zero(other) >> 3);
  const std::size_t pos = first < n ? first : n;
  const bool has_mark = pos < n;
  const std::size_t frac = has_mark ? n - 1 - pos : 0;
  const char p = static_cast<char>(w >> (8 * (pos & 7)));
  bool ok = (other & (other - 1)) == 0;  // at most one byte not a digit
  switch (mark) {
    case DecimalMark::kPoint:
      ok &= !has_mark || p == '.';
      break;
    case DecimalMark::kComma:
      ok &= !has_mark || p == ',';
      break;
    case DecimalMark::kAuto:
      // "1.234" looks grouped: ambiguous (FastNumber's rule).
      ok &= !has_mark || p == '.' || p == ',';
      ok &= !(frac == 3 && pos >= 1 && pos <= 3 &&
              !(pos == 1 && static_cast<char>(w) == '0'));
      break;
  }
  ok &= !has_mark || frac != 0;
  if (!ok) return false;
  // The digits without the mark, the first in byte 8 - count (leading zero
  // bytes below), then 2, 4 and 8 digits at a time.
  const unsigned half = 4 * static_cast<unsigned>(pos);  // two shifts < 64
  const std::uint64_t below = ~((~std::uint64_t{0} << half) << half);
  std::uint64_t d = (x & below) | ((x >> 8) & ~below);
  const std::size_t count = n - (has_mark ? 1 : 0);  // 1 to 8
  d <<= (8 * (8 - count)) & 63;
  d = (d * 2561) >> 8;
  d = ((d & 0x00FF00FF00FF00FFULL) * 6553601) >> 16;
  const std::uint64_t mantissa =
      ((d & 0x0000FFFF0000FFFFULL) * 42949672960001ULL) >> 32;
  // x / 1.0 is x: the same double as FastNumber's integer path.
  *value = static_cast<double>(mantissa) / kExactPow10[frac];
  return true;
}

// Strict C-locale number for YAML criteria files ("15", "-2.5", "1e3").
bool ParsePlainNumber(std::string_view text, double* value);

// `text` without leading and trailing spaces, tabs and line ends (inline:
// called for every cell of a bid file, and forced inline: the compiler left
// it out of line in the bid reader's row loop, a call per cell). A cell
// with no space at either end, the usual one, returns after two tests.
[[gnu::always_inline]] inline std::string_view Trim(std::string_view text) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  };
  if (text.empty() || (!space(text.front()) && !space(text.back()))) {
    return text;
  }
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// A value as a buyer types it in a spreadsheet: a currency symbol or ISO
// code before or after the amount ("€ 12.345,67", "12 345,67 €",
// "EUR 12,345.67"), or a trailing percent sign ("45%", "45 %"). Returns the
// bare number's text; sets *currency to the ISO code written ("" when none)
// and *percent when a % was dropped. Text with neither comes back as is.
std::string_view StripUnit(std::string_view text, std::string* currency,
                           bool* percent);

// A day-first date as nl-BE and fr-BE spreadsheets write it: dd/mm/yyyy
// (also with - or .), optionally followed by hh:mm[:ss]. Returns the ISO
// 8601 text (2026-03-14 or 2026-03-14T10:30:00), or "" when `text` is not
// such a date.
std::string DayFirstDateToIso(std::string_view text);

// True when the locale writes dates day first and may read DayFirstDate
// (a decimal-comma locale: nl-BE, fr-BE, de-BE...).
bool DayFirstLocale(std::string_view locale);

// An ISO 8601 date or date-time as a buyer's system exports it:
// YYYY-MM-DD, optionally followed by T or a space and hh:mm[:ss[.fff]], and
// optionally Z or +hh:mm / -hh:mm. Returns seconds since 1970-01-01 UTC (a
// time without offset is read as UTC), or nullopt.
std::optional<double> ParseTimestamp(std::string_view text);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_NUMBERS_H_
