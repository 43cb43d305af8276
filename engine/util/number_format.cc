#include "util/number_format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <system_error>

namespace circa {
namespace util {
namespace {

// Enough for any finite double in fixed notation with up to 17 decimals
// (1.8e308 has 309 integer digits).
using Buffer = std::array<char, 352>;

// printf's "%.*f" without the locale: to_chars with a precision is
// specified as printf in the "C" locale. Returns the end of the digits.
char* Fixed(Buffer* buf, double value, int decimals) {
  const auto [end, error] =
      std::to_chars(buf->data(), buf->data() + buf->size(), value,
                    std::chars_format::fixed, decimals);
  if (error == std::errc()) return end;
  // Only NaN-free values beyond the buffer reach here; snprintf agrees.
  const int n =
      std::snprintf(buf->data(), buf->size(), "%.*f", decimals, value);
  const int limit = static_cast<int>(buf->size()) - 1;
  return buf->data() + (n < 0 ? 0 : std::min(n, limit));
}

// Drops trailing zeros after a point, then the point.
char* TrimZeros(char* begin, char* end) {
  const char* dot = begin;
  while (dot != end && *dot != '.') ++dot;
  if (dot == end) return end;
  while (end[-1] == '0') --end;
  if (end[-1] == '.') --end;
  return end;
}

// A leading '-' before nothing but zeros and a point ("-0.00") is dropped.
char* DropNegativeZero(char* begin, char* end) {
  if (begin == end || *begin != '-') return begin;
  for (const char* p = begin + 1; p != end; ++p) {
    if (*p != '0' && *p != '.') return begin;
  }
  return begin + 1;
}

}  // namespace

void AppendNumber(std::string* out, double value, int decimals) {
  Buffer buf;
  char* begin = buf.data();
  char* end = decimals < 0 ? TrimZeros(begin, Fixed(&buf, value, 6))
                           : Fixed(&buf, value, decimals);
  begin = DropNegativeZero(begin, end);
  const char* digits = begin;
  if (digits != end && *digits == '-') {
    out->push_back('-');
    ++digits;
  }
  const char* dot = digits;
  while (dot != end && *dot >= '0' && *dot <= '9') ++dot;
  const std::size_t whole = static_cast<std::size_t>(dot - digits);
  out->reserve(out->size() + static_cast<std::size_t>(end - digits) +
               whole / 3);
  for (std::size_t i = 0; i < whole; ++i) {
    if (i > 0 && (whole - i) % 3 == 0) out->push_back(',');
    out->push_back(digits[i]);
  }
  out->append(dot, static_cast<std::size_t>(end - dot));
}

std::string FormatFixed(double value, int decimals) {
  Buffer buf;
  char* end = Fixed(&buf, value, decimals);
  const char* begin = DropNegativeZero(buf.data(), end);
  return std::string(begin, static_cast<std::size_t>(end - begin));
}

std::string FormatTrimmed(double value, int max_decimals) {
  Buffer buf;
  char* end = TrimZeros(buf.data(), Fixed(&buf, value, max_decimals));
  const char* begin = DropNegativeZero(buf.data(), end);
  return std::string(begin, static_cast<std::size_t>(end - begin));
}

std::string FormatShortest(double value) {
  if (value == 0) return "0";
  Buffer buf;
  const auto [end, error] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value);
  if (error != std::errc()) return "0";
  return std::string(buf.data(), end);
}

std::string FormatPercent(double fraction) {
  std::string out;
  AppendNumber(&out, fraction * 100, -1);
  out += " %";
  return out;
}

}  // namespace util

std::string FormatNumber(double value, int decimals) {
  std::string out;
  util::AppendNumber(&out, value, decimals);
  return out;
}

}  // namespace circa
