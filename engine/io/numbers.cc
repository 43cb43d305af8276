#include "io/numbers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "circa/load.h"

namespace circa::io {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Replaces no-break spaces (U+00A0, U+202F) with ' '; returns false on any
// other non-ASCII byte.
bool NormaliseSpaces(std::string_view in, std::string* out) {
  out->clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
    } else if (in.substr(i, 2) == "\xC2\xA0") {
      out->push_back(' ');
      i += 1;
    } else if (in.substr(i, 3) == "\xE2\x80\xAF") {
      out->push_back(' ');
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

// Checks "1", "12", "123", "1 234", "12.345.678" style grouping with one
// group character.
bool CheckGrouping(std::string_view integer, char group) {
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t end = integer.find(group, start);
    const std::string_view part = integer.substr(
        start,
        end == std::string_view::npos ? std::string_view::npos : end - start);
    if (part.empty()) return false;
    for (const char c : part) {
      if (!IsDigit(c)) return false;
    }
    if (first ? part.size() > 3 && end != std::string_view::npos
              : part.size() != 3) {
      return false;
    }
    // "0.125" is never 125: a grouped number cannot start with a 0 group.
    if (first && end != std::string_view::npos && part.front() == '0') {
      return false;
    }
    if (end == std::string_view::npos) break;
    first = false;
    start = end + 1;
  }
  return true;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// The value of the checked digits of `integer` (separators skipped) and
// `fraction`, negated when `negative`: exactly std::from_chars of
// "[-]digits[.fraction]". Up to 19 digits with a mantissa below 2^53 and at
// most 22 fraction digits it is one division of two exact doubles, which
// IEEE arithmetic rounds correctly, as from_chars does (Clinger's fast
// path); otherwise the text is built and handed to from_chars.
bool DigitsValue(std::string_view integer, std::string_view fraction,
                 bool negative, double* value) {
  std::uint64_t mantissa = 0;
  std::size_t count = 0;
  for (const char c : integer) {
    if (!IsDigit(c)) continue;
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
    if (++count > 19) break;
  }
  for (const char c : fraction) {
    mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
    if (++count > 19) break;
  }
  if (count <= 19 && mantissa < (std::uint64_t{1} << 53) &&
      fraction.size() <= 22) {
    const double v =
        static_cast<double>(mantissa) / kExactPow10[fraction.size()];
    *value = negative ? -v : v;
    return true;
  }
  std::string plain = negative ? "-" : "";
  if (integer.empty()) plain += '0';
  for (const char c : integer) {
    if (IsDigit(c)) plain += c;
  }
  if (!fraction.empty()) {
    plain += '.';
    plain += fraction;
  }
  double v = 0;
  const auto [ptr, ec] =
      std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (ec != std::errc() || ptr != plain.data() + plain.size() ||
      !std::isfinite(v)) {
    return false;
  }
  *value = v;
  return true;
}

}  // namespace

std::optional<DecimalMark> DecimalMarkOf(std::string_view name) {
  std::string locale(name);
  for (char& c : locale) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (locale.empty() || locale == "auto") return DecimalMark::kAuto;
  const std::size_t cut = locale.find_first_of("-_");
  const std::string lang = locale.substr(0, cut);
  const std::string region =
      cut == std::string::npos ? "" : locale.substr(cut + 1);
  // Swiss usage writes a decimal point in every language.
  if (lang == "en" || lang == "c" || region == "ch") return DecimalMark::kPoint;
  static constexpr std::array<std::string_view, 14> kComma{
      "nl", "fr", "de", "es", "it", "pt", "da",
      "sv", "fi", "nb", "nn", "no", "pl", "cs"};
  for (const std::string_view l : kComma) {
    if (lang == l) return DecimalMark::kComma;
  }
  return std::nullopt;
}

bool ParsePlainNumber(std::string_view text, double* value) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  double v = 0;
  const auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() ||
      !std::isfinite(v)) {
    return false;
  }
  *value = v;
  return true;
}

bool ParseNumber(std::string_view text, DecimalMark mark,
                 std::string_view locale_name, double* value,
                 std::string* why) {
  // The usual shapes (plain digits, one decimal mark) in one pass.
  const std::string_view trimmed = Trim(text);
  if (FastNumber(trimmed, mark, value)) return true;
  // Messages are made only on failure.
  const auto quoted = [trimmed] { return "\"" + std::string(trimmed) + "\""; };
  // No-break spaces become spaces; ASCII text is read in place.
  std::string normalised;
  std::string_view body = trimmed;
  if (std::any_of(trimmed.begin(), trimmed.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80;
      })) {
    if (!NormaliseSpaces(trimmed, &normalised)) {
      *why = "expected a number, got " + quoted();
      return false;
    }
    body = normalised;
  }
  bool negative = false;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body.empty() ||
      !(IsDigit(body.front()) || body.front() == '.' || body.front() == ',')) {
    *why = "expected a number, got " + quoted();
    return false;
  }
  // One pass for what the checks below ask of the text: the marks' counts
  // and first and last places, and the first space.
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t dots = 0;
  std::size_t commas = 0;
  std::size_t first_dot = kNone, last_dot = kNone;
  std::size_t first_comma = kNone, last_comma = kNone;
  std::size_t first_space = kNone;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (IsDigit(c)) continue;
    if (c == '.') {
      ++dots;
      if (first_dot == kNone) first_dot = i;
      last_dot = i;
    } else if (c == ',') {
      ++commas;
      if (first_comma == kNone) first_comma = i;
      last_comma = i;
    } else if (c == ' ' && first_space == kNone) {
      first_space = i;
    }
  }
  const auto first = [&](char c) {
    return c == '.' ? first_dot : c == ',' ? first_comma : kNone;
  };

  char decimal = 0;  // 0: no decimal part
  char group = 0;
  switch (mark) {
    case DecimalMark::kPoint:
      decimal = dots > 0 ? '.' : 0;
      group = ',';
      break;
    case DecimalMark::kComma:
      decimal = commas > 0 ? ',' : 0;
      group = '.';
      break;
    case DecimalMark::kAuto: {
      if (dots > 0 && commas > 0) {
        decimal = last_dot > last_comma ? '.' : ',';
        group = decimal == '.' ? ',' : '.';
      } else if (dots + commas == 0) {
        decimal = 0;
      } else {
        const char p = dots > 0 ? '.' : ',';
        if (dots + commas > 1) {
          group = p;  // "1.234.567": only grouping repeats
        } else {
          const std::size_t at = first(p);
          const std::string_view before = body.substr(0, at);
          const std::string_view after = body.substr(at + 1);
          const bool looks_grouped = after.size() == 3 && AllDigits(after) &&
                                     AllDigits(before) && before.size() <= 3 &&
                                     before != "0";
          if (looks_grouped) {
            *why = quoted() + " is ambiguous: " + std::string(before) + "." +
                   std::string(after) + " or " + std::string(before) +
                   std::string(after) +
                   "? declare the file's locale (nl-BE for a decimal comma, "
                   "en for a decimal point)";
            return false;
          }
          decimal = p;
        }
      }
      break;
    }
  }

  std::string_view integer = body;
  std::string_view fraction;
  bool ok = true;
  if (decimal != 0) {
    const std::size_t at = first(decimal);
    ok = (decimal == '.' ? dots : commas) == 1;
    integer = body.substr(0, at);
    fraction = body.substr(at + 1);
  }
  if (ok && !integer.empty()) {
    // Separators in the integer part: spaces or `group`, not both.
    const bool has_space = first_space < integer.size();
    const bool has_group = group != 0 && first(group) < integer.size();
    if (has_space && has_group) {
      ok = false;
    } else if (has_space) {
      ok = CheckGrouping(integer, ' ');
    } else if (has_group) {
      ok = CheckGrouping(integer, group);
    } else {
      ok = AllDigits(integer);
    }
  }
  if (ok && decimal != 0) ok = AllDigits(fraction);
  if (!ok) {
    if (mark == DecimalMark::kAuto) {
      *why = "expected a number, got " + quoted();
    } else {
      *why = "expected a number written with a decimal " +
             std::string(mark == DecimalMark::kComma ? "comma" : "point") +
             " (locale " + std::string(locale_name) + "), got " + quoted();
    }
    return false;
  }
  if (!DigitsValue(integer, fraction, negative, value)) {
    *why = "expected a finite number, got " + quoted();
    return false;
  }
  return true;
}

namespace {

// Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's
// days_from_civil algorithm).
long long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long long>(era) * 146097 + doe - 719468;
}

bool Digits(std::string_view t, std::size_t at, std::size_t n, int* out) {
  if (at + n > t.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (t[i] < '0' || t[i] > '9') return false;
    v = v * 10 + (t[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::optional<double> ParseTimestamp(std::string_view text) {
  const std::string_view t = Trim(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(t, 0, 4, &y) || t.size() < 10 || t[4] != '-' ||
      !Digits(t, 5, 2, &mo) || t[7] != '-' || !Digits(t, 8, 2, &d)) {
    return std::nullopt;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] ||
      (mo == 2 && d == 29 && !leap)) {
    return std::nullopt;
  }
  std::size_t at = 10;
  double fraction = 0;
  if (at < t.size() && (t[at] == 'T' || t[at] == ' ')) {
    if (!Digits(t, at + 1, 2, &h) || at + 3 >= t.size() || t[at + 3] != ':' ||
        !Digits(t, at + 4, 2, &mi)) {
      return std::nullopt;
    }
    at += 6;
    if (at < t.size() && t[at] == ':') {
      if (!Digits(t, at + 1, 2, &sec)) return std::nullopt;
      at += 3;
      if (at < t.size() && (t[at] == '.' || t[at] == ',')) {
        double scale = 0.1;
        ++at;
        const std::size_t start = at;
        while (at < t.size() && t[at] >= '0' && t[at] <= '9' &&
               at - start < 9) {
          fraction += (t[at] - '0') * scale;
          scale /= 10;
          ++at;
        }
        if (at == start) return std::nullopt;
      }
    }
    if (h > 23 || mi > 59 || sec > 59) return std::nullopt;
  }
  int offset = 0;
  if (at < t.size()) {
    if (t[at] == 'Z' && at + 1 == t.size()) {
      ++at;
    } else if ((t[at] == '+' || t[at] == '-') && at + 6 == t.size() &&
               t[at + 3] == ':') {
      int oh = 0, om = 0;
      if (!Digits(t, at + 1, 2, &oh) || !Digits(t, at + 4, 2, &om) || oh > 14 ||
          om > 59) {
        return std::nullopt;
      }
      offset = (oh * 60 + om) * 60 * (t[at] == '+' ? 1 : -1);
      at = t.size();
    } else {
      return std::nullopt;
    }
  }
  return static_cast<double>(DaysFromCivil(y, mo, d)) * 86400.0 + h * 3600.0 +
         mi * 60.0 + sec - offset + fraction;
}

}  // namespace circa::io

namespace circa {

bool ParseLocaleNumber(std::string_view text, std::string_view locale,
                       double* value, std::string* why) {
  const auto mark = io::DecimalMarkOf(locale);
  if (!mark) {
    *why = "unknown locale \"" + std::string(locale) + "\"";
    return false;
  }
  return io::ParseNumber(text, *mark, locale, value, why);
}

bool ParseYesNo(std::string_view text, bool* value) {
  const std::string_view t = io::Trim(text);
  const auto equal = [t](std::string_view word) {
    if (t.size() != word.size()) return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) !=
          word[i]) {
        return false;
      }
    }
    return true;
  };
  // Also the words spreadsheets show for TRUE and FALSE in Dutch and
  // French (WAAR/ONWAAR, VRAI/FAUX).
  static constexpr std::array<std::string_view, 7> kYes{
      "yes", "true", "ja", "oui", "1", "waar", "vrai"};
  static constexpr std::array<std::string_view, 7> kNo{
      "no", "false", "nee", "non", "0", "onwaar", "faux"};
  for (const std::string_view y : kYes) {
    if (equal(y)) {
      *value = true;
      return true;
    }
  }
  for (const std::string_view n : kNo) {
    if (equal(n)) {
      *value = false;
      return true;
    }
  }
  return false;
}

}  // namespace circa
