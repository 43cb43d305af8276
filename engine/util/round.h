// The one rounding rule of circa (issue 11 item 4), used for points, totals
// and money alike: half away from zero of the decimal value as written. A
// double such as 1.005 is stored as 1.00499999999999989...; a person wrote
// 1.005 and expects 1.01, so the value rounded is the shortest decimal that
// reads back as the same double, not the binary value.
#ifndef CIRCA_ENGINE_UTIL_ROUND_H_
#define CIRCA_ENGINE_UTIL_ROUND_H_

#include <cmath>

namespace circa::util {

// Rounds `value` to `decimals` decimals, half away from zero of its shortest
// round-trip decimal representation: 1.005 -> 1.01, 0.285 -> 0.29,
// 2.675 -> 2.68, -1.005 -> -1.01, 2.5 (0 decimals) -> 3. The result is the
// double nearest to the rounded decimal. A negative `decimals`, an infinity
// or NaN returns `value` unchanged; a negative value that rounds to zero
// gives -0.0, as std::round does.
inline double RoundDecimal(double value, int decimals);

namespace detail {
// The exact decision for a value within 1e-9 (relative) of a half, or with
// more than 22 decimals.
double RoundNearHalf(double value, int decimals);
}  // namespace detail

// Inline: it runs once per cell when a set rounds its points.
inline double RoundDecimal(double value, int decimals) {
  if (decimals < 0 || !std::isfinite(value)) return value;
  if (decimals > 22) return detail::RoundNearHalf(value, decimals);
  // 10^0 .. 10^22 are exact doubles, so a whole number divided by one of
  // them is the double nearest to the decimal quotient.
  double scale = 1.0;
  for (int i = 0; i < decimals; ++i) scale *= 10.0;
  const double scaled = value * scale;
  const double size = std::fabs(scaled);
  // Beyond 2^52 every double is a whole number: nothing to round.
  if (size >= 4503599627370496.0) return value;
  const double nearest = std::round(scaled);
  // Far from a half, the product's error (a few units in the last place)
  // cannot move the value across it, and std::round agrees with the
  // decimal rule.
  const double margin = 1e-9 * (size > 1.0 ? size : 1.0);
  if (0.5 - std::fabs(scaled - nearest) > margin) return nearest / scale;
  return detail::RoundNearHalf(value, decimals);
}

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_ROUND_H_
