// Values as buyers type them in spreadsheets (io/numbers.h): currency and
// percent signs around a number, day-first dates. Kept apart from
// numbers.cc so that the plain-number path there compiles as before.
#include <array>
#include <cstdio>
#include <string>
#include <string_view>

#include "io/numbers.h"

namespace circa::io {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// A currency symbol at the start of `text` (UTF-8): its ISO code and length.
struct Symbol {
  std::string_view text;
  std::string_view code;
};
constexpr std::array<Symbol, 5> kSymbols{{{"\xE2\x82\xAC", "EUR"},
                                          {"$", "USD"},
                                          {"\xC2\xA3", "GBP"},
                                          {"\xC2\xA5", "JPY"},
                                          {"\xE2\x82\xA3", "FRF"}}};

std::string_view TrimAll(std::string_view t) {
  // Trim also no-break spaces, which spreadsheets put next to symbols.
  while (true) {
    const std::string_view before = t;
    t = Trim(t);
    if (t.substr(0, 2) == "\xC2\xA0") t.remove_prefix(2);
    if (t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xA0") {
      t.remove_suffix(2);
    }
    if (t.substr(0, 3) == "\xE2\x80\xAF") t.remove_prefix(3);
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\xAF") {
      t.remove_suffix(3);
    }
    if (t.size() == before.size()) return t;
  }
}

// Strips a currency symbol or a three-letter code from the front or the
// back of `t`; returns true and sets *code when one was there.
bool StripCurrency(std::string_view* t, std::string* code) {
  for (const Symbol& s : kSymbols) {
    if (t->substr(0, s.text.size()) == s.text) {
      t->remove_prefix(s.text.size());
      *code = s.code;
      return true;
    }
    if (t->size() >= s.text.size() &&
        t->substr(t->size() - s.text.size()) == s.text) {
      t->remove_suffix(s.text.size());
      *code = s.code;
      return true;
    }
  }
  const auto is_code = [](std::string_view c) {
    return c.size() == 3 && IsUpper(c[0]) && IsUpper(c[1]) && IsUpper(c[2]);
  };
  // A code is separated from the amount by a space or stands right next to
  // a digit or sign ("EUR 12", "12 EUR", "EUR12", "12EUR").
  if (t->size() > 3 && is_code(t->substr(0, 3)) &&
      !((*t)[3] >= 'A' && (*t)[3] <= 'z')) {
    *code = std::string(t->substr(0, 3));
    t->remove_prefix(3);
    return true;
  }
  if (t->size() > 3 && is_code(t->substr(t->size() - 3)) &&
      !((*t)[t->size() - 4] >= 'A' && (*t)[t->size() - 4] <= 'z')) {
    *code = std::string(t->substr(t->size() - 3));
    t->remove_suffix(3);
    return true;
  }
  return false;
}

}  // namespace

std::string_view StripUnit(std::string_view text, std::string* currency,
                           bool* percent) {
  currency->clear();
  *percent = false;
  std::string_view t = TrimAll(text);
  if (!t.empty() && t.back() == '%') {
    t.remove_suffix(1);
    *percent = true;
    return TrimAll(t);
  }
  std::string_view rest = t;
  if (StripCurrency(&rest, currency)) {
    rest = TrimAll(rest);
    // "-€ 5" and "€ -5" both read as -5 (a negative amount is refused
    // later where amounts must be >= 0).
    return rest;
  }
  return t;
}

bool DayFirstLocale(std::string_view locale) {
  return DecimalMarkOf(locale) == DecimalMark::kComma;
}

std::string DayFirstDateToIso(std::string_view text) {
  const std::string_view t = Trim(text);
  std::size_t at = 0;
  const auto number = [&](std::size_t min, std::size_t max, int* out) {
    std::size_t n = 0;
    int v = 0;
    while (at < t.size() && IsDigit(t[at]) && n < max) {
      v = v * 10 + (t[at] - '0');
      ++at;
      ++n;
    }
    *out = v;
    return n >= min;
  };
  int d = 0, m = 0, y = 0;
  if (!number(1, 2, &d) || at >= t.size()) return "";
  const char sep = t[at];
  if (sep != '/' && sep != '-' && sep != '.') return "";
  ++at;
  if (!number(1, 2, &m) || at >= t.size() || t[at] != sep) return "";
  ++at;
  if (!number(4, 4, &y)) return "";
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  std::string iso = buffer;
  if (at < t.size()) {
    if (t[at] != ' ' && t[at] != 'T') return "";
    ++at;
    int h = 0, mi = 0, s = 0;
    if (!number(1, 2, &h) || at >= t.size() || t[at] != ':') return "";
    ++at;
    if (!number(2, 2, &mi)) return "";
    if (at < t.size() && t[at] == ':') {
      ++at;
      if (!number(2, 2, &s)) return "";
    }
    if (at != t.size()) return "";
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", h, mi, s);
    iso += buffer;
  }
  return ParseTimestamp(iso) ? iso : "";
}

}  // namespace circa::io
