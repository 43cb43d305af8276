// The one rounding rule of circa (issue 11 item 4), used for points, totals
// and money alike: half away from zero of the decimal value as written. A
// double such as 1.005 is stored as 1.00499999999999989...; a person wrote
// 1.005 and expects 1.01, so the value rounded is the shortest decimal that
// reads back as the same double, not the binary value.
#ifndef CIRCA_ENGINE_UTIL_ROUND_H_
#define CIRCA_ENGINE_UTIL_ROUND_H_

namespace circa::util {

// Rounds `value` to `decimals` decimals, half away from zero of its shortest
// round-trip decimal representation: 1.005 -> 1.01, 0.285 -> 0.29,
// 2.675 -> 2.68, -1.005 -> -1.01, 2.5 (0 decimals) -> 3. The result is the
// double nearest to the rounded decimal. A negative `decimals`, an infinity
// or NaN returns `value` unchanged; a negative value that rounds to zero
// gives -0.0, as std::round does.
double RoundDecimal(double value, int decimals);

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_ROUND_H_
