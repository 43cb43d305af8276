#include "util/number_format.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace circa {
namespace util {
namespace {

// Enough for any finite double in fixed notation with up to 17 decimals
// (1.8e308 has 309 integer digits).
using Buffer = std::array<char, 352>;

// printf's "%.*f" by std::to_chars (specified as printf in the "C"
// locale): exact, and the reference of FastFixed. Returns the end.
char* FixedToChars(Buffer* buf, double value, int decimals) {
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

// 10^0 .. 10^15: exact doubles, and 2^52 / 10^15 > 4 leaves room for the
// values worth the fast path.
constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// printf's "%.*f" for a finite value whose scaled magnitude |value| x
// 10^decimals is below 2^52, the same text as std::to_chars (exactly
// rounded, ties to even, "-0.00" for a negative value that rounds to
// zero), without its general arbitrary-precision path. The product is
// split exactly into hi + lo (an FMA), so the rounding decision is the
// exact value's: below, at or above the half. Returns null when the value
// is outside that range (then the caller uses std::to_chars).
char* FastFixed(Buffer* buf, double value, int decimals) {
  if (decimals < 0 || decimals > 15 || !std::isfinite(value)) return nullptr;
  const double a = std::fabs(value);
  const double p = kPow10[decimals];
  const double hi = a * p;
  if (!(hi < 4503599627370496.0)) return nullptr;  // 2^52
  double n = std::floor(hi);
  const double d = hi - n;  // exact: the fraction bits of hi
  if (d > 0.5) {
    n += 1;
  } else if (d == 0.5) {
    // The exact product is hi + lo; lo decides, and an exact tie goes to
    // the even neighbour, as printf does.
    const double lo = std::fma(a, p, -hi);
    if (lo > 0 || (lo == 0 && std::fmod(n, 2.0) != 0)) n += 1;
  }
  // d < 0.5: the exact value hi + lo is below the half too (|lo| is at
  // most half a unit in the last place of hi, and d is a multiple of it).
  auto m = static_cast<std::uint64_t>(n);
  char digits[24];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + m % 10);
    m /= 10;
  } while (m != 0);
  while (count < decimals + 1) digits[count++] = '0';
  char* out = buf->data();
  if (std::signbit(value)) *out++ = '-';
  for (int i = count - 1; i >= 0; --i) {
    if (i == decimals - 1) *out++ = '.';
    *out++ = digits[i];
  }
  return out;
}

char* Fixed(Buffer* buf, double value, int decimals) {
  if (char* end = FastFixed(buf, value, decimals)) return end;
  return FixedToChars(buf, value, decimals);
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

namespace {

void AppendNumberWith(std::string* out, double value, int decimals,
                      char* (*fixed)(Buffer*, double, int)) {
  Buffer buf;
  char* begin = buf.data();
  char* end = decimals < 0 ? TrimZeros(begin, fixed(&buf, value, 6))
                           : fixed(&buf, value, decimals);
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

}  // namespace

void AppendNumber(std::string* out, double value, int decimals) {
  AppendNumberWith(out, value, decimals, Fixed);
}

namespace detail {

std::string FormatNumberByToChars(double value, int decimals) {
  std::string out;
  AppendNumberWith(&out, value, decimals, FixedToChars);
  return out;
}

std::string FixedByToChars(double value, int decimals) {
  Buffer buf;
  const char* end = FixedToChars(&buf, value, decimals);
  return std::string(static_cast<const char*>(buf.data()), end);
}

std::string FixedFast(double value, int decimals) {
  Buffer buf;
  const char* end = FastFixed(&buf, value, decimals);
  return end == nullptr
             ? std::string()
             : std::string(static_cast<const char*>(buf.data()), end);
}

}  // namespace detail

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
