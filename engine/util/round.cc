#include "util/round.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

namespace circa::util {
namespace {

// 10^0 .. 10^22 are exact doubles, so an integer divided by one of them is
// the double nearest to the decimal quotient (IEEE division rounds once).
constexpr std::array<double, 23> kPowersOfTen = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The exact rule on the shortest decimal digits: "d.ddde±x" from to_chars,
// cut after `decimals` decimals, the kept digits incremented when the first
// dropped digit is 5 or more, read back with from_chars.
double RoundShortest(double value, int decimals) {
  std::array<char, 64> buf{};
  const auto written =
      std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(value),
                    std::chars_format::scientific);
  std::string digits;
  const char* p = buf.data();
  for (; p != written.ptr && *p != 'e'; ++p) {
    if (*p != '.') digits.push_back(*p);
  }
  const int exponent = std::atoi(
      std::string(p + 1, static_cast<std::size_t>(written.ptr - p - 1))
          .c_str());
  // digits[i] stands for the place 10^(exponent - i).
  const long keep = static_cast<long>(exponent) + decimals + 1;
  if (keep >= static_cast<long>(digits.size())) return value;
  const double sign = std::signbit(value) ? -1.0 : 1.0;
  if (keep < 0) return sign * 0.0;
  const bool up = digits[static_cast<std::size_t>(keep)] >= '5';
  digits.resize(static_cast<std::size_t>(keep));
  if (up) {
    std::size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (i == 0) {
      digits.insert(digits.begin(), '1');
    } else {
      ++digits[i - 1];
    }
  }
  if (digits.empty()) return sign * 0.0;
  // The last kept digit stands for 10^-decimals.
  const std::string text = digits + "e" + std::to_string(-decimals);
  double magnitude = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), magnitude);
  return sign * magnitude;
}

}  // namespace

namespace detail {

double RoundNearHalf(double value, int decimals) {
  if (decimals >= static_cast<int>(kPowersOfTen.size())) {
    return RoundShortest(value, decimals);
  }
  // n + 1/2 is the decimal H = (2n + 1) / (2 * 10^d), and the division
  // below gives the double nearest to it. If that double is `value`, the
  // shortest decimal of `value` is H itself (no shorter decimal is that
  // close to it below 2^52), which rounds away from zero; otherwise
  // `value`'s decimal lies on the same side of H as the double.
  const double scale = kPowersOfTen[static_cast<std::size_t>(decimals)];
  const double magnitude = std::fabs(value);
  const double n = std::floor(magnitude * scale);
  const double half = (2.0 * n + 1.0) / (2.0 * scale);
  const double rounded = (magnitude >= half ? n + 1.0 : n) / scale;
  return std::signbit(value) ? -rounded : rounded;
}

}  // namespace detail

}  // namespace circa::util
