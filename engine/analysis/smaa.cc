// SMAA-2 by batched matrix products: weight vectors are drawn a block at a
// time into a criteria x block matrix W, the totals of the whole block are
// one product T = W^T S^T (block x bids), and each row of T is ranked.
// Memory is bounded by the block, not by the number of samples.
#include "circa/smaa.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace circa {
namespace {

// Relative slack when the sums of the range bounds are compared with the
// scale: absorbs rounding in bounds such as 33.33 + 33.33 + 33.34.
constexpr double kShareSlack = 1e-12;

Result<SmaaResult> Fail(std::string path, std::string message) {
  Result<SmaaResult> r;
  r.diagnostics.push_back(
      {Severity::kError, {}, std::move(path), std::move(message)});
  return r;
}

// ---- Generator and kernels (docs/smaa.md, "Seed and reproducibility") ----
//
// The samples are cut into stream blocks of kStreamBlock; block b draws from
// its own SplitMix64 stream, keyed by the seed and b, so any block can be
// drawn on any thread and the result does not depend on how many there are.
// Value i (0, 1, ...) of block b is Mix(key_b + (i + 1) * kGamma) with key_b =
// Mix(seed + Mix((b + 1) * kGamma)); candidate c of the block uses values
// c * n .. c * n + n - 1 (n criteria).

constexpr Eigen::Index kStreamBlock = 256;
// Stream blocks per task: the unit of work a thread takes, and of the
// partial sums added up in task order (so the sums do not depend on the
// number of threads either).
constexpr Eigen::Index kBlocksPerTask = 32;
constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;

#define CIRCA_INLINE inline __attribute__((always_inline))

CIRCA_INLINE std::uint64_t Mix(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t StreamKey(std::uint64_t seed, std::uint64_t block) {
  return Mix(seed + Mix((block + 1) * kGamma));
}

// Four doubles (and four 64-bit integers): GCC's vector extension, two SSE2
// registers in the portable build and one AVX register in the AVX2 one
// (the same operations either way, lane by lane).
typedef double V4d __attribute__((vector_size(32)));
typedef std::uint64_t V4u __attribute__((vector_size(32)));

// Unaligned loads and stores. Vectors are passed by value only to
// always-inline functions, so no vector crosses a call boundary (where its
// passing would depend on the target's ABI, which -Wpsabi warns about).
#pragma GCC diagnostic ignored "-Wpsabi"
#define CIRCA_LOAD4(v, p) std::memcpy(&(v), (p), sizeof(V4d))
#define CIRCA_STORE4(p, v) std::memcpy((p), &(v), sizeof(V4d))

// std::bit_cast between vector types, by memcpy (GCC 12's UBSan reports
// std::bit_cast of a vector type as a load of a null pointer).
template <class To, class From>
CIRCA_INLINE To VecCast(const From& from) {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

// Mix, four values at a time (AVX2 has no 64-bit multiply: the compiler
// builds each product from three 32-bit ones; the bits are Mix's).
CIRCA_INLINE V4u MixV(V4u z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// ln u for u in (0, 1) (normal), four lanes: u = m 2^e with m in
// [sqrt(1/2), sqrt(2)), ln m = 2 atanh(s) with s = (m - 1) / (m + 1),
// |s| <= 0.1716, by its series to s^19 (the next term is below 1e-17 of
// the result), summed by Estrin's scheme (pairs of terms, then pairs of
// pairs: four multiplications deep instead of ten). Only +, -, *, / and
// bit moves, in a fixed order: the portable and AVX2 builds give the same
// bits, on any platform, with no C library function involved. In two
// parts, so that the draw kernel can run them in separate passes:
// LogReduce gives s and e, LogSeries e ln 2 + 2 s p(s^2).
CIRCA_INLINE void LogReduce(V4d u, V4d* s, V4d* e) {
  const auto bits = VecCast<V4u>(u);
  const V4u mantissa = bits & 0x000fffffffffffffULL;
  // 1 when the mantissa 1.f is above sqrt(2) (then m = 1.f / 2, e + 1):
  // bit 52 of mantissa + 2^52 - 1 - 0x6a09e667f3bcc.
  const V4u big =
      (mantissa + (0x000fffffffffffffULL - 0x6a09e667f3bccULL)) >> 52;
  const auto m = VecCast<V4d>((mantissa | 0x3ff0000000000000ULL) - (big << 52));
  *e = VecCast<V4d>(((bits >> 52) + big) | 0x4330000000000000ULL) - 0x1.0p52 -
       1023.0;
  *s = (m - 1.0) / (m + 1.0);
}
CIRCA_INLINE V4d LogSeries(V4d s, V4d e) {
  const V4d z = s * s;
  const V4d z2 = z * z;
  const V4d z4 = z2 * z2;
  const V4d z8 = z4 * z4;
  const V4d q0 = 1.0 + z * (1.0 / 3);
  const V4d q1 = 1.0 / 5 + z * (1.0 / 7);
  const V4d q2 = 1.0 / 9 + z * (1.0 / 11);
  const V4d q3 = 1.0 / 13 + z * (1.0 / 15);
  const V4d q4 = 1.0 / 17 + z * (1.0 / 19);
  const V4d p = ((q0 + z2 * q1) + z4 * (q2 + z2 * q3)) + z8 * q4;
  return e * 0.6931471805599453 + (2.0 * s) * p;
}

// U = (2 floor(x / 2^12) + 1) 2^-53 from four 64-bit values, strictly
// inside (0, 1), built from the bits without an integer to double
// conversion.
CIRCA_INLINE V4d Uniform(V4u x) {
  const auto one_m = VecCast<V4d>((x >> 12) | 0x3ff0000000000000ULL);
  return (one_m - 1.0) + 0x1.0p-53;
}

// Candidates first .. first + count - 1 of a stream, normalised to the
// simplex, into out[j * stride + c] (criterion-major: a criterion's values
// for consecutive candidates are contiguous), as Exponential(1) values E =
// -ln U, E_j * (1 / sum of E in criterion order). In bulk, one criterion's
// row at a time and in three passes: the uniforms, their reduction for the
// logarithm (LogReduce: the division), the logarithms' series, 8
// candidates per step. Each pass's steps are short and independent, so the
// processor overlaps several (one pass for everything kept about two steps
// in flight and waited on their chains of dependent operations: 13 ms of
// the 29 ms of BM_Smaa/20/100000; three passes: about 7 ms). Rows are
// written up to count rounded up to 8 (16 in DrawAvx2; the extra lanes draw
// the stream's next values; `stride` must allow it), and `sum` holds twice
// that rounded count (the second half is scratch).
CIRCA_INLINE void DrawBody(std::uint64_t key, std::uint64_t first,
                           Eigen::Index count, Eigen::Index n, double* out,
                           Eigen::Index stride, double* sum) {
  const auto un = static_cast<std::uint64_t>(n);
  const std::uint64_t step = un * kGamma;
  const Eigen::Index padded = (count + 7) & ~Eigen::Index{7};
  const V4u lanes = {0, step, 2 * step, 3 * step};
  const std::uint64_t step4 = 4 * step;
  const std::uint64_t step8 = 8 * step;
  // The second half of `sum`: each value's s (LogReduce) between passes.
  double* ratio = sum + padded;
  for (Eigen::Index j = 0; j < n; ++j) {
    double* row = out + j * stride;
    // Candidate c's value for criterion j is number (first + c) n + j of
    // the stream: Mix(key + ((first + c) n + j + 1) gamma).
    const std::uint64_t base =
        key + (first * un + static_cast<std::uint64_t>(j + 1)) * kGamma;
    V4u at0 = base + lanes;
    V4u at1 = at0 + step4;
    for (Eigen::Index c = 0; c < padded; c += 8) {
      const V4d u0 = Uniform(MixV(at0));
      const V4d u1 = Uniform(MixV(at1));
      at0 += step8;
      at1 += step8;
      CIRCA_STORE4(row + c, u0);
      CIRCA_STORE4(row + c + 4, u1);
    }
    for (Eigen::Index c = 0; c < padded; c += 8) {
      V4d s0, s1, x0, x1, u0, u1;
      CIRCA_LOAD4(u0, row + c);
      CIRCA_LOAD4(u1, row + c + 4);
      LogReduce(u0, &s0, &x0);
      LogReduce(u1, &s1, &x1);
      CIRCA_STORE4(ratio + c, s0);
      CIRCA_STORE4(ratio + c + 4, s1);
      CIRCA_STORE4(row + c, x0);
      CIRCA_STORE4(row + c + 4, x1);
    }
    for (Eigen::Index c = 0; c < padded; c += 8) {
      V4d r0, r1, x0, x1;
      CIRCA_LOAD4(r0, ratio + c);
      CIRCA_LOAD4(r1, ratio + c + 4);
      CIRCA_LOAD4(x0, row + c);
      CIRCA_LOAD4(x1, row + c + 4);
      const V4d e0 = -LogSeries(r0, x0);
      const V4d e1 = -LogSeries(r1, x1);
      CIRCA_STORE4(row + c, e0);
      CIRCA_STORE4(row + c + 4, e1);
      V4d s0 = e0;
      V4d s1 = e1;
      if (j > 0) {
        V4d p0;
        V4d p1;
        CIRCA_LOAD4(p0, sum + c);
        CIRCA_LOAD4(p1, sum + c + 4);
        s0 = p0 + e0;
        s1 = p1 + e1;
      }
      CIRCA_STORE4(sum + c, s0);
      CIRCA_STORE4(sum + c + 4, s1);
    }
  }
  for (Eigen::Index c = 0; c < padded; c += 4) {
    V4d s0;
    CIRCA_LOAD4(s0, sum + c);
    s0 = 1.0 / s0;
    CIRCA_STORE4(sum + c, s0);
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    double* row = out + j * stride;
    for (Eigen::Index c = 0; c < padded; c += 4) {
      V4d r0;
      V4d s0;
      CIRCA_LOAD4(r0, row + c);
      CIRCA_LOAD4(s0, sum + c);
      r0 *= s0;
      CIRCA_STORE4(row + c, r0);
    }
  }
}

// t[i * stride + c] = sum over j (in order) of s(i, j) w[j * stride + c],
// for m bids (s: m x n, column-major). Rows are padded to a multiple of 8
// samples (stride is), so the last chunk may compute a few unused lanes.
CIRCA_INLINE void TotalsBody(const double* s, Eigen::Index m, Eigen::Index n,
                             const double* w, Eigen::Index stride,
                             Eigen::Index count, double* t) {
  Eigen::Index i = 0;
  for (; i + 4 <= m; i += 4) {
    for (Eigen::Index c0 = 0; c0 < count; c0 += 8) {
      V4d a0 = {}, b0 = {}, a1 = {}, b1 = {}, a2 = {}, b2 = {}, a3 = {},
          b3 = {};
      for (Eigen::Index j = 0; j < n; ++j) {
        const double* wj = w + j * stride + c0;
        V4d wa;
        V4d wb;
        CIRCA_LOAD4(wa, wj);
        CIRCA_LOAD4(wb, wj + 4);
        const double* sj = s + j * m + i;
        const V4d s0 = {sj[0], sj[0], sj[0], sj[0]};
        const V4d s1 = {sj[1], sj[1], sj[1], sj[1]};
        const V4d s2 = {sj[2], sj[2], sj[2], sj[2]};
        const V4d s3 = {sj[3], sj[3], sj[3], sj[3]};
        a0 += s0 * wa;
        b0 += s0 * wb;
        a1 += s1 * wa;
        b1 += s1 * wb;
        a2 += s2 * wa;
        b2 += s2 * wb;
        a3 += s3 * wa;
        b3 += s3 * wb;
      }
      double* t0 = t + i * stride + c0;
      CIRCA_STORE4(t0, a0);
      CIRCA_STORE4(t0 + 4, b0);
      CIRCA_STORE4(t0 + stride, a1);
      CIRCA_STORE4(t0 + stride + 4, b1);
      CIRCA_STORE4(t0 + 2 * stride, a2);
      CIRCA_STORE4(t0 + 2 * stride + 4, b2);
      CIRCA_STORE4(t0 + 3 * stride, a3);
      CIRCA_STORE4(t0 + 3 * stride + 4, b3);
    }
  }
  for (; i < m; ++i) {
    for (Eigen::Index c0 = 0; c0 < count; c0 += 8) {
      V4d a = {}, b = {};
      for (Eigen::Index j = 0; j < n; ++j) {
        const double* wj = w + j * stride + c0;
        const double x = s[j * m + i];
        const V4d sv = {x, x, x, x};
        V4d wa;
        V4d wb;
        CIRCA_LOAD4(wa, wj);
        CIRCA_LOAD4(wb, wj + 4);
        a += sv * wa;
        b += sv * wb;
      }
      CIRCA_STORE4(t + i * stride + c0, a);
      CIRCA_STORE4(t + i * stride + c0 + 4, b);
    }
  }
}

// ahead[i * stride + c] = bids ahead of bid i by more than tol in sample c,
// counted for each bid over all the others with its totals held in a
// register (t_k - t_i > tol adds 1: a comparison's all-ones mask is -1).
// Without ties the counts of a sample are 0 .. m - 1 and add up to
// m (m - 1) / 2; a pair within tol adds to neither, so a smaller sum means
// a tie (Smaa ranks such a sample with RankWithTies). Rows are padded to a
// multiple of 8 samples, so the last lanes may count unused samples.
typedef std::int64_t V4i __attribute__((vector_size(32)));
CIRCA_INLINE void AheadBody(const double* t, Eigen::Index m,
                            Eigen::Index stride, Eigen::Index count, double tol,
                            std::int64_t* ahead, std::int64_t* sum) {
  const V4d tol4 = {tol, tol, tol, tol};
  for (Eigen::Index c = 0; c < count; c += 8) {
    V4i s0 = {};
    V4i s1 = {};
    for (Eigen::Index i = 0; i < m; ++i) {
      V4d ta;
      V4d tb;
      CIRCA_LOAD4(ta, t + i * stride + c);
      CIRCA_LOAD4(tb, t + i * stride + c + 4);
      V4i a0 = {};
      V4i a1 = {};
      for (Eigen::Index k = 0; k < m; ++k) {
        V4d ka;
        V4d kb;
        CIRCA_LOAD4(ka, t + k * stride + c);
        CIRCA_LOAD4(kb, t + k * stride + c + 4);
        a0 -= (ka - ta) > tol4;
        a1 -= (kb - tb) > tol4;
      }
      CIRCA_STORE4(ahead + i * stride + c, a0);
      CIRCA_STORE4(ahead + i * stride + c + 4, a1);
      s0 += a0;
      s1 += a1;
    }
    CIRCA_STORE4(sum + c, s0);
    CIRCA_STORE4(sum + c + 4, s1);
  }
}

// The comparators of Batcher's odd-even merge sort for m inputs (pairs
// a < b; after them position 0 holds the greatest). Knuth, TAOCP vol. 3,
// 5.3.4, algorithm M, in the form that needs no power of two.
std::vector<std::int32_t> SortingNetwork(Eigen::Index m) {
  std::vector<std::int32_t> pairs;
  for (Eigen::Index p = 1; p < m; p <<= 1) {
    for (Eigen::Index k = p; k >= 1; k >>= 1) {
      for (Eigen::Index j = k % p; j + k < m; j += 2 * k) {
        for (Eigen::Index i = 0; i < std::min(k, m - j - k); ++i) {
          if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
            pairs.push_back(static_cast<std::int32_t>(i + j));
            pairs.push_back(static_cast<std::int32_t>(i + j + k));
          }
        }
      }
    }
  }
  return pairs;
}

// Bids in rank order, 8 samples at a time: each total carries its bid's
// index in the last `bits` bits of its mantissa (a change of fewer than
// 2^bits units in the last place), the sorting network orders the tagged
// totals best first with max / min only, and the tags are read back:
// order[r * stride + c] = the bid at rank r in sample c. A sample whose
// neighbours in that order are within `check` (the tie tolerance plus twice
// the largest change the tags can make), or out of order (a network that
// failed to sort would only slow Smaa down), gets suspect[c] = 1: Smaa ranks it
// exactly, from the untagged totals, with RankWithTies. Any other sample
// has every pair of bids more than the tolerance apart, so its order is
// the order of the totals, untied. `v` holds 8 m doubles.
CIRCA_INLINE void OrderBody(const double* t, Eigen::Index m,
                            Eigen::Index stride, Eigen::Index count,
                            const std::int32_t* net, Eigen::Index comparators,
                            int bits, double check, double* v,
                            std::int64_t* order, std::int64_t* suspect) {
  const std::uint64_t tag_mask = (std::uint64_t{1} << bits) - 1;
  const V4d check4 = {check, check, check, check};
  for (Eigen::Index c = 0; c < count; c += 8) {
    for (Eigen::Index i = 0; i < m; ++i) {
      V4d a;
      V4d b;
      CIRCA_LOAD4(a, t + i * stride + c);
      CIRCA_LOAD4(b, t + i * stride + c + 4);
      const auto tag = static_cast<std::uint64_t>(i);
      V4u ta;
      V4u tb;
      std::memcpy(&ta, &a, sizeof ta);
      std::memcpy(&tb, &b, sizeof tb);
      ta = (ta & ~tag_mask) | tag;
      tb = (tb & ~tag_mask) | tag;
      CIRCA_STORE4(v + i * 8, ta);
      CIRCA_STORE4(v + i * 8 + 4, tb);
    }
    for (Eigen::Index k = 0; k < comparators; ++k) {
      double* pa = v + net[2 * k] * 8;
      double* pb = v + net[2 * k + 1] * 8;
      V4d a0, a1, b0, b1;
      CIRCA_LOAD4(a0, pa);
      CIRCA_LOAD4(a1, pa + 4);
      CIRCA_LOAD4(b0, pb);
      CIRCA_LOAD4(b1, pb + 4);
      const V4d hi0 = a0 < b0 ? b0 : a0;
      const V4d lo0 = a0 < b0 ? a0 : b0;
      const V4d hi1 = a1 < b1 ? b1 : a1;
      const V4d lo1 = a1 < b1 ? a1 : b1;
      CIRCA_STORE4(pa, hi0);
      CIRCA_STORE4(pa + 4, hi1);
      CIRCA_STORE4(pb, lo0);
      CIRCA_STORE4(pb + 4, lo1);
    }
    typedef std::int64_t V4l __attribute__((vector_size(32)));
    V4l near0 = {};
    V4l near1 = {};
    for (Eigen::Index r = 0; r < m; ++r) {
      V4d a0, a1;
      CIRCA_LOAD4(a0, v + r * 8);
      CIRCA_LOAD4(a1, v + r * 8 + 4);
      if (r + 1 < m) {
        V4d b0, b1;
        CIRCA_LOAD4(b0, v + r * 8 + 8);
        CIRCA_LOAD4(b1, v + r * 8 + 12);
        near0 |= (a0 - b0) <= check4;
        near1 |= (a1 - b1) <= check4;
      }
      V4u i0;
      V4u i1;
      std::memcpy(&i0, &a0, sizeof i0);
      std::memcpy(&i1, &a1, sizeof i1);
      i0 &= tag_mask;
      i1 &= tag_mask;
      CIRCA_STORE4(order + r * stride + c, i0);
      CIRCA_STORE4(order + r * stride + c + 4, i1);
    }
    CIRCA_STORE4(suspect + c, near0);
    CIRCA_STORE4(suspect + c + 4, near1);
  }
}

// The winners' weights, by lanes: acc[((winner[c] * 8) + c mod 8) * np + j]
// += w[j * stride + c] for every sample c < count rounded up to 4 and
// criterion j < n, in sample order (np = n rounded up to 4; winner[c] is
// a slot in 0 .. m, m standing for "no winner": its sums are not used).
// Four samples and four criteria at a time: a 4 x 4 tile of the
// criterion-major weights is transposed in registers, and each sample's
// four weights are added to its winner's lane at once. Each (winner, lane,
// criterion) sum is the one a loop over the samples in order gives.
CIRCA_INLINE void WinnerLanesBody(const double* w, Eigen::Index n,
                                  Eigen::Index stride, Eigen::Index count,
                                  const std::int64_t* winner, double* acc) {
  const Eigen::Index np = (n + 3) & ~Eigen::Index{3};
  const Eigen::Index n4 = n & ~Eigen::Index{3};
  const Eigen::Index padded = (count + 3) & ~Eigen::Index{3};
  for (Eigen::Index c = 0; c < padded; c += 4) {
    double* to[4];
    for (Eigen::Index k = 0; k < 4; ++k) {
      to[k] = acc + (winner[c + k] * 8 + ((c + k) & 7)) * np;
    }
    for (Eigen::Index j = 0; j < n4; j += 4) {
      V4d r0, r1, r2, r3;
      CIRCA_LOAD4(r0, w + j * stride + c);
      CIRCA_LOAD4(r1, w + (j + 1) * stride + c);
      CIRCA_LOAD4(r2, w + (j + 2) * stride + c);
      CIRCA_LOAD4(r3, w + (j + 3) * stride + c);
      const V4d t0 = __builtin_shufflevector(r0, r1, 0, 4, 2, 6);
      const V4d t1 = __builtin_shufflevector(r0, r1, 1, 5, 3, 7);
      const V4d t2 = __builtin_shufflevector(r2, r3, 0, 4, 2, 6);
      const V4d t3 = __builtin_shufflevector(r2, r3, 1, 5, 3, 7);
      const V4d col[4] = {__builtin_shufflevector(t0, t2, 0, 1, 4, 5),
                          __builtin_shufflevector(t1, t3, 0, 1, 4, 5),
                          __builtin_shufflevector(t0, t2, 2, 3, 6, 7),
                          __builtin_shufflevector(t1, t3, 2, 3, 6, 7)};
      for (Eigen::Index k = 0; k < 4; ++k) {
        V4d a;
        CIRCA_LOAD4(a, to[k] + j);
        a += col[k];
        CIRCA_STORE4(to[k] + j, a);
      }
    }
    for (Eigen::Index j = n4; j < n; ++j) {
      for (Eigen::Index k = 0; k < 4; ++k) to[k][j] += w[j * stride + c + k];
    }
  }
}

// The same kernels compiled twice: for any x86-64 (SSE2) and for AVX2,
// chosen at run time (Kernels()); both give the same bits.
void DrawPortable(std::uint64_t key, std::uint64_t first, Eigen::Index count,
                  Eigen::Index n, double* out, Eigen::Index stride,
                  double* sum) {
  DrawBody(key, first, count, n, out, stride, sum);
}
void TotalsPortable(const double* s, Eigen::Index m, Eigen::Index n,
                    const double* w, Eigen::Index stride, Eigen::Index count,
                    double* t) {
  TotalsBody(s, m, n, w, stride, count, t);
}
void AheadPortable(const double* t, Eigen::Index m, Eigen::Index stride,
                   Eigen::Index count, double tol, std::int64_t* ahead,
                   std::int64_t* sum) {
  AheadBody(t, m, stride, count, tol, ahead, sum);
}
void OrderPortable(const double* t, Eigen::Index m, Eigen::Index stride,
                   Eigen::Index count, const std::int32_t* net,
                   Eigen::Index comparators, int bits, double check, double* v,
                   std::int64_t* order, std::int64_t* suspect) {
  OrderBody(t, m, stride, count, net, comparators, bits, check, v, order,
            suspect);
}
void WinnerLanesPortable(const double* w, Eigen::Index n, Eigen::Index stride,
                         Eigen::Index count, const std::int64_t* winner,
                         double* acc) {
  WinnerLanesBody(w, n, stride, count, winner, acc);
}
using OrderFixedFn = void (*)(const double*, Eigen::Index, Eigen::Index, int,
                              double, std::int64_t*, std::int64_t*);
#if defined(__x86_64__)
#define CIRCA_HAVE_AVX2_KERNELS 1
// Batcher's network for a fixed number of inputs M, as a compile-time
// table: the comparators SortingNetwork(M) lists, in the same order.
constexpr std::size_t BatcherSize(int m) {
  std::size_t size = 0;
  for (int p = 1; p < m; p <<= 1) {
    for (int k = p; k >= 1; k >>= 1) {
      for (int j = k % p; j + k < m; j += 2 * k) {
        for (int i = 0; i < std::min(k, m - j - k); ++i) {
          if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) ++size;
        }
      }
    }
  }
  return size;
}
template <int M>
constexpr std::array<std::array<int, 2>, BatcherSize(M)> BatcherPairs() {
  std::array<std::array<int, 2>, BatcherSize(M)> pairs{};
  std::size_t size = 0;
  for (int p = 1; p < M; p <<= 1) {
    for (int k = p; k >= 1; k >>= 1) {
      for (int j = k % p; j + k < M; j += 2 * k) {
        for (int i = 0; i < std::min(k, M - j - k); ++i) {
          if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
            pairs[size][0] = i + j;
            pairs[size][1] = i + j + k;
            ++size;
          }
        }
      }
    }
  }
  return pairs;
}
template <int M>
constexpr auto kBatcher = BatcherPairs<M>();

// OrderBody for a fixed number of bids M (2 .. kFixedOrderMax), AVX2 only:
// four samples at a time, one register per bid, the network unrolled at
// compile time so that its values stay in registers (OrderBody keeps them
// in memory, loading and storing both ends of every comparator), and
// vmaxpd / vminpd for the comparator. The same outputs as OrderBody: the
// tagged totals all differ, so every sorting network puts them in the same
// order. Rows are read up to count rounded up to 4 (stride allows it).
constexpr int kFixedOrderMax = 32;
#define CIRCA_AVX2_INLINE __attribute__((target("avx2"), always_inline)) inline
template <std::size_t A, std::size_t B>
CIRCA_AVX2_INLINE void FixedComparator(__m256d* v) {
  const __m256d a = v[A];
  const __m256d b = v[B];
  // max(b, a) is a < b ? b : a and min(a, b) is a < b ? a : b, as in
  // OrderBody (and neither is ever NaN).
  v[A] = _mm256_max_pd(b, a);
  v[B] = _mm256_min_pd(a, b);
}
template <int M, std::size_t... K>
CIRCA_AVX2_INLINE void FixedNetwork(__m256d* v, std::index_sequence<K...>) {
  (FixedComparator<static_cast<std::size_t>(kBatcher<M>[K][0]),
                   static_cast<std::size_t>(kBatcher<M>[K][1])>(v),
   ...);
}
template <std::size_t... I>
CIRCA_AVX2_INLINE void FixedLoad(const double* t, Eigen::Index stride,
                                 __m256d keep, __m256d* v,
                                 std::index_sequence<I...>) {
  ((v[I] = _mm256_or_pd(
        _mm256_and_pd(
            _mm256_loadu_pd(t + static_cast<Eigen::Index>(I) * stride), keep),
        _mm256_castsi256_pd(_mm256_set1_epi64x(static_cast<long long>(I))))),
   ...);
}
template <std::size_t... R>
CIRCA_AVX2_INLINE __m256d FixedStore(const __m256d* v, Eigen::Index stride,
                                     __m256d tags, __m256d check,
                                     std::int64_t* order,
                                     std::index_sequence<R...>) {
  __m256d near = _mm256_setzero_pd();
  ((near = _mm256_or_pd(
        near, _mm256_cmp_pd(_mm256_sub_pd(v[R], v[R + 1]), check, _CMP_LE_OQ))),
   ...);
  ((_mm256_storeu_pd(
       reinterpret_cast<double*>(order + static_cast<Eigen::Index>(R) * stride),
       _mm256_and_pd(v[R], tags))),
   ...);
  return near;
}
template <int M>
__attribute__((target("avx2"))) void OrderFixedAvx2(
    const double* t, Eigen::Index stride, Eigen::Index count, int bits,
    double check, std::int64_t* order, std::int64_t* suspect) {
  const auto tag_mask = static_cast<long long>((std::uint64_t{1} << bits) - 1);
  const __m256d tags = _mm256_castsi256_pd(_mm256_set1_epi64x(tag_mask));
  const __m256d keep = _mm256_castsi256_pd(_mm256_set1_epi64x(~tag_mask));
  const __m256d check4 = _mm256_set1_pd(check);
  constexpr std::size_t kComparators = kBatcher<M>.size();
  for (Eigen::Index c = 0; c < count; c += 4) {
    __m256d v[static_cast<std::size_t>(M)];
    FixedLoad(t + c, stride, keep, v,
              std::make_index_sequence<static_cast<std::size_t>(M)>());
    FixedNetwork<M>(v, std::make_index_sequence<kComparators>());
    _mm256_storeu_pd(reinterpret_cast<double*>(order + (M - 1) * stride + c),
                     _mm256_and_pd(v[static_cast<std::size_t>(M - 1)], tags));
    const __m256d near =
        FixedStore(v, stride, tags, check4, order + c,
                   std::make_index_sequence<static_cast<std::size_t>(M - 1)>());
    _mm256_storeu_pd(reinterpret_cast<double*>(suspect + c), near);
  }
}
template <std::size_t... M>
constexpr std::array<OrderFixedFn, sizeof...(M)> FixedOrderTable(
    std::index_sequence<M...>) {
  return {
      (M >= 2 ? &OrderFixedAvx2<static_cast<int>(M < 2 ? 2 : M)> : nullptr)...};
}
constexpr auto kFixedOrders =
    FixedOrderTable(std::make_index_sequence<kFixedOrderMax + 1>());
__attribute__((target("avx2"))) void WinnerLanesAvx2(
    const double* w, Eigen::Index n, Eigen::Index stride, Eigen::Index count,
    const std::int64_t* winner, double* acc) {
  WinnerLanesBody(w, n, stride, count, winner, acc);
}
__attribute__((target("avx2"))) void OrderAvx2(
    const double* t, Eigen::Index m, Eigen::Index stride, Eigen::Index count,
    const std::int32_t* net, Eigen::Index comparators, int bits, double check,
    double* v, std::int64_t* order, std::int64_t* suspect) {
  OrderBody(t, m, stride, count, net, comparators, bits, check, v, order,
            suspect);
}
// DrawBody for AVX2, the same operations on the same values (so the same
// bits; SmaaSamplerTest.DrawsAreTheDocumentedGeneratorBitForBit), fewer of
// them and better scheduled:
// - Mix's 64-bit products from three 32 x 32 -> 64-bit ones (vpmuludq),
//   each value's high half brought down by a shuffle instead of a shift
//   (shifts run on one pipe, which the xorshifts already load); 16
//   candidates per step, four vectors advanced together operation by
//   operation (UniformsAvx2).
// - LogReduce's exponent test by a comparison instead of a shift and an
//   add, and -e = (2^52 + 1023) - x in one exact subtraction.
// - E = -ln U as (-e) ln 2 - (2 s) p(s^2), which is -(e ln 2 + 2 s p(s^2))
//   exactly (rounding to nearest is symmetric), without the negation.
// - The sums start at 0 (0 + E is E: E > 0), without a test per row.
// Rows are written up to count rounded up to 16; `sum` holds twice that.
CIRCA_AVX2_INLINE __m256i MulConstAvx2(__m256i z, __m256i lo32, __m256i hi32) {
  const __m256i low = _mm256_mul_epu32(z, lo32);
  const __m256i zh = _mm256_shuffle_epi32(z, 0xf5);
  const __m256i cross =
      _mm256_add_epi64(_mm256_mul_epu32(zh, lo32), _mm256_mul_epu32(z, hi32));
  return _mm256_add_epi64(low, _mm256_slli_epi64(cross, 32));
}
struct MixConstAvx2 {
  __m256i a_lo, a_hi, b_lo, b_hi;
};
CIRCA_AVX2_INLINE __m256d UniformAvx2(__m256i x) {
  const __m256i one = _mm256_set1_epi64x(0x3ff0000000000000LL);
  const __m256d one_m =
      _mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(x, 12), one));
  return _mm256_add_pd(_mm256_sub_pd(one_m, _mm256_set1_pd(1.0)),
                       _mm256_set1_pd(0x1.0p-53));
}
// LogReduce: s into *s, -e into *minus_e.
CIRCA_AVX2_INLINE void ReduceAvx2(__m256d u, __m256d* s, __m256d* minus_e) {
  const __m256i one = _mm256_set1_epi64x(0x3ff0000000000000LL);
  const __m256i bits = _mm256_castpd_si256(u);
  const __m256i mantissa =
      _mm256_and_si256(bits, _mm256_set1_epi64x(0x000fffffffffffffLL));
  // -1 where the mantissa 1.f is above sqrt(2): m = 1.f / 2, e + 1.
  const __m256i big =
      _mm256_cmpgt_epi64(mantissa, _mm256_set1_epi64x(0x6a09e667f3bccLL));
  const __m256d m = _mm256_castsi256_pd(_mm256_sub_epi64(
      _mm256_or_si256(mantissa, one),
      _mm256_and_si256(big, _mm256_set1_epi64x(0x0010000000000000LL))));
  const __m256d x_e = _mm256_castsi256_pd(
      _mm256_or_si256(_mm256_sub_epi64(_mm256_srli_epi64(bits, 52), big),
                      _mm256_set1_epi64x(0x4330000000000000LL)));
  *minus_e = _mm256_sub_pd(_mm256_set1_pd(0x1.0p52 + 1023.0), x_e);
  *s = _mm256_div_pd(_mm256_sub_pd(m, _mm256_set1_pd(1.0)),
                     _mm256_add_pd(m, _mm256_set1_pd(1.0)));
}
// a + z b
CIRCA_AVX2_INLINE __m256d PairAvx2(__m256d z, double a, double b) {
  return _mm256_add_pd(_mm256_set1_pd(a), _mm256_mul_pd(z, _mm256_set1_pd(b)));
}
// The passes of DrawAvx2 over 16 candidates c .. c + 15 of one row, as
// four vectors advanced together operation by operation: the chains of
// dependent operations are long (the generator's two products, the
// division, the series), and the processor's scheduler, filled in program
// order, finds independent work only across chains (two at a time: about
// 20 % slower).
constexpr std::size_t kMixLanes = 4;
CIRCA_AVX2_INLINE void UniformsAvx2(const MixConstAvx2& k, __m256i at,
                                    __m256i step4, double* row) {
  __m256i x[kMixLanes];
  x[0] = at;
  for (std::size_t h = 1; h < kMixLanes; ++h)
    x[h] = _mm256_add_epi64(x[h - 1], step4);
  for (std::size_t h = 0; h < kMixLanes; ++h) {
    x[h] = _mm256_xor_si256(x[h], _mm256_srli_epi64(x[h], 30));
  }
  for (std::size_t h = 0; h < kMixLanes; ++h)
    x[h] = MulConstAvx2(x[h], k.a_lo, k.a_hi);
  for (std::size_t h = 0; h < kMixLanes; ++h) {
    x[h] = _mm256_xor_si256(x[h], _mm256_srli_epi64(x[h], 27));
  }
  for (std::size_t h = 0; h < kMixLanes; ++h)
    x[h] = MulConstAvx2(x[h], k.b_lo, k.b_hi);
  for (std::size_t h = 0; h < kMixLanes; ++h) {
    x[h] = _mm256_xor_si256(x[h], _mm256_srli_epi64(x[h], 31));
  }
  for (std::size_t h = 0; h < kMixLanes; ++h)
    _mm256_storeu_pd(row + 4 * h, UniformAvx2(x[h]));
}
template <std::size_t L>
CIRCA_AVX2_INLINE void ReducesAvx2(double* row, double* ratio) {
  __m256d s[L], e[L];
  for (std::size_t h = 0; h < L; ++h) {
    ReduceAvx2(_mm256_loadu_pd(row + 4 * h), &s[h], &e[h]);
  }
  for (std::size_t h = 0; h < L; ++h) {
    _mm256_storeu_pd(ratio + 4 * h, s[h]);
    _mm256_storeu_pd(row + 4 * h, e[h]);
  }
}
template <std::size_t L>
CIRCA_AVX2_INLINE void SeriesAvx2(double* row, const double* ratio,
                                  double* sum) {
  __m256d s[L], me[L], z[L], z2[L], z4[L], p[L];
  for (std::size_t h = 0; h < L; ++h) {
    s[h] = _mm256_loadu_pd(ratio + 4 * h);
    me[h] = _mm256_loadu_pd(row + 4 * h);
  }
  for (std::size_t h = 0; h < L; ++h) z[h] = _mm256_mul_pd(s[h], s[h]);
  for (std::size_t h = 0; h < L; ++h) z2[h] = _mm256_mul_pd(z[h], z[h]);
  for (std::size_t h = 0; h < L; ++h) z4[h] = _mm256_mul_pd(z2[h], z2[h]);
  for (std::size_t h = 0; h < L; ++h) {
    // ((q0 + z2 q1) + z4 (q2 + z2 q3)) + z8 q4, as LogSeries.
    const __m256d q0 = PairAvx2(z[h], 1.0, 1.0 / 3);
    const __m256d q1 = PairAvx2(z[h], 1.0 / 5, 1.0 / 7);
    const __m256d q2 = PairAvx2(z[h], 1.0 / 9, 1.0 / 11);
    const __m256d q3 = PairAvx2(z[h], 1.0 / 13, 1.0 / 15);
    const __m256d q4 = PairAvx2(z[h], 1.0 / 17, 1.0 / 19);
    const __m256d z8 = _mm256_mul_pd(z4[h], z4[h]);
    p[h] = _mm256_add_pd(
        _mm256_add_pd(
            _mm256_add_pd(q0, _mm256_mul_pd(z2[h], q1)),
            _mm256_mul_pd(z4[h], _mm256_add_pd(q2, _mm256_mul_pd(z2[h], q3)))),
        _mm256_mul_pd(z8, q4));
  }
  for (std::size_t h = 0; h < L; ++h) {
    const __m256d x =
        _mm256_sub_pd(_mm256_mul_pd(me[h], _mm256_set1_pd(0.6931471805599453)),
                      _mm256_mul_pd(_mm256_add_pd(s[h], s[h]), p[h]));
    _mm256_storeu_pd(row + 4 * h, x);
    _mm256_storeu_pd(sum + 4 * h,
                     _mm256_add_pd(_mm256_loadu_pd(sum + 4 * h), x));
  }
}
__attribute__((target("avx2"))) void DrawAvx2(
    std::uint64_t key, std::uint64_t first, Eigen::Index count, Eigen::Index n,
    double* out, Eigen::Index stride, double* sum) {
  const auto un = static_cast<std::uint64_t>(n);
  const std::uint64_t step = un * kGamma;
  const Eigen::Index padded = (count + 15) & ~Eigen::Index{15};
  const __m256i lanes = _mm256_setr_epi64x(0, static_cast<long long>(step),
                                           static_cast<long long>(2 * step),
                                           static_cast<long long>(3 * step));
  const __m256i step4 = _mm256_set1_epi64x(static_cast<long long>(4 * step));
  const __m256i step16 = _mm256_set1_epi64x(static_cast<long long>(16 * step));
  const MixConstAvx2 k = {
      _mm256_set1_epi64x(0x1ce4e5b9LL), _mm256_set1_epi64x(0xbf58476dLL),
      _mm256_set1_epi64x(0x133111ebLL), _mm256_set1_epi64x(0x94d049bbLL)};
  double* ratio = sum + padded;
  for (Eigen::Index c = 0; c < padded; c += 4) {
    _mm256_storeu_pd(sum + c, _mm256_setzero_pd());  // 0 + E is E
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    double* row = out + j * stride;
    const std::uint64_t base =
        key + (first * un + static_cast<std::uint64_t>(j + 1)) * kGamma;
    __m256i at = _mm256_add_epi64(
        _mm256_set1_epi64x(static_cast<long long>(base)), lanes);
    for (Eigen::Index c = 0; c < padded; c += 16) {
      UniformsAvx2(k, at, step4, row + c);
      at = _mm256_add_epi64(at, step16);
    }
    for (Eigen::Index c = 0; c < padded; c += 8) {
      ReducesAvx2<2>(row + c, ratio + c);
    }
    for (Eigen::Index c = 0; c < padded; c += 8) {
      SeriesAvx2<2>(row + c, ratio + c, sum + c);
    }
  }
  for (Eigen::Index c = 0; c < padded; c += 4) {
    _mm256_storeu_pd(
        sum + c, _mm256_div_pd(_mm256_set1_pd(1.0), _mm256_loadu_pd(sum + c)));
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    double* row = out + j * stride;
    for (Eigen::Index c = 0; c < padded; c += 4) {
      _mm256_storeu_pd(row + c, _mm256_mul_pd(_mm256_loadu_pd(row + c),
                                              _mm256_loadu_pd(sum + c)));
    }
  }
}
__attribute__((target("avx2"))) void TotalsAvx2(const double* s, Eigen::Index m,
                                                Eigen::Index n, const double* w,
                                                Eigen::Index stride,
                                                Eigen::Index count, double* t) {
  TotalsBody(s, m, n, w, stride, count, t);
}
__attribute__((target("avx2"))) void AheadAvx2(const double* t, Eigen::Index m,
                                               Eigen::Index stride,
                                               Eigen::Index count, double tol,
                                               std::int64_t* ahead,
                                               std::int64_t* sum) {
  AheadBody(t, m, stride, count, tol, ahead, sum);
}
#endif

struct Kernels {
  // OrderBody unrolled for m bids in registers (AVX2, m <= kFixedOrderMax),
  // or null.
  OrderFixedFn OrderFor(Eigen::Index m) const {
#ifdef CIRCA_HAVE_AVX2_KERNELS
    if (avx2 && m >= 2 && m <= kFixedOrderMax) {
      return kFixedOrders[static_cast<std::size_t>(m)];
    }
#else
    (void)m;
#endif
    return nullptr;
  }
  bool avx2 = false;
  decltype(&DrawPortable) draw = DrawPortable;
  decltype(&TotalsPortable) totals = TotalsPortable;
  decltype(&AheadPortable) ahead = AheadPortable;
  decltype(&OrderPortable) order = OrderPortable;
  decltype(&WinnerLanesPortable) winner_lanes = WinnerLanesPortable;
};

Kernels ChooseKernels(bool simd) {
  Kernels k;
#ifdef CIRCA_HAVE_AVX2_KERNELS
  if (simd && __builtin_cpu_supports("avx2")) {
    k.avx2 = true;
    k.draw = DrawAvx2;
    k.totals = TotalsAvx2;
    k.ahead = AheadAvx2;
    k.order = OrderAvx2;
    k.winner_lanes = WinnerLanesAvx2;
  }
#else
  (void)simd;
#endif
  return k;
}

// Counts of one stream block (or a sum of them).
struct DrawCount {
  std::int64_t draws = 0;
  std::int64_t accepted = 0;
  bool failed = false;  // the block's rejection budget ran out
};

// Draws weight vectors (shares adding up to 1), uniform on the simplex or on
// its part within ranges. Const after setup: threads share one.
class WeightSampler {
 public:
  // How the candidates are drawn when ranges are given: the uniform simplex
  // scaled into the corner where every weight is at least its lower bound
  // (then draws above an upper bound are rejected), or into the corner where
  // every weight is at most its upper bound (then draws below a lower bound
  // are rejected). The smaller corner wastes fewer draws.
  enum class Mode { kSimplex, kFromLower, kFromUpper };

  WeightSampler(Eigen::Index n, std::uint64_t seed) : n_(n), seed_(seed) {}

  // Ranges as shares, which some weight vector fits (sum of lo <= 1 <= sum of
  // hi). A stream block of b samples may draw b * max_draws_per_sample
  // candidates.
  void SetRanges(const Eigen::VectorXd& lo, const Eigen::VectorXd& hi,
                 std::int64_t max_draws_per_sample) {
    lo_ = lo;
    hi_ = hi;
    max_draws_per_sample_ = max_draws_per_sample;
    const double lo_sum = lo.sum();
    const double hi_sum = hi.sum();
    const double lower_room = std::max(0.0, 1 - lo_sum);
    const double upper_room = std::max(0.0, hi_sum - 1);
    if (lower_room <= upper_room) {
      mode_ = Mode::kFromLower;
      room_ = lower_room;
    } else {
      mode_ = Mode::kFromUpper;
      room_ = upper_room;
    }
  }

  // Group constraints (shares): the sum of each group's columns within
  // [lo, hi]. Checked on every candidate, after the column bounds.
  void SetGroups(std::vector<std::vector<Eigen::Index>> columns,
                 std::vector<double> lo, std::vector<double> hi) {
    group_columns_ = std::move(columns);
    group_lo_ = std::move(lo);
    group_hi_ = std::move(hi);
  }

  bool ranged() const { return mode_ != Mode::kSimplex; }

  // Fills `count` samples of stream block `block` into w[j * stride + c].
  // `scratch` is resized as needed.
  DrawCount FillBlock(const Kernels& k, std::int64_t block, Eigen::Index count,
                      double* w, Eigen::Index stride,
                      std::vector<double>* scratch) const {
    DrawCount out;
    const std::uint64_t key =
        StreamKey(seed_, static_cast<std::uint64_t>(block));
    if (mode_ == Mode::kSimplex) {
      // The draw kernels' sums: twice count rounded up to 16.
      scratch->resize(
          static_cast<std::size_t>(2 * ((count + 15) & ~Eigen::Index{15})));
      k.draw(key, 0, count, n_, w, stride, scratch->data());
      out.draws = out.accepted = count;
      return out;
    }
    const std::int64_t budget = count * max_draws_per_sample_;
    constexpr Eigen::Index kBatch = 64;
    scratch->resize(static_cast<std::size_t>(kBatch * (n_ + 2)));
    double* cand = scratch->data();
    double* sum = cand + kBatch * n_;
    std::vector<double> v(static_cast<std::size_t>(n_));
    Eigen::Index filled = 0;
    std::uint64_t next = 0;
    while (filled < count) {
      k.draw(key, next, kBatch, n_, cand, kBatch, sum);
      next += kBatch;
      for (Eigen::Index c = 0; c < kBatch && filled < count; ++c) {
        if (out.draws >= budget) {
          out.failed = true;
          return out;
        }
        ++out.draws;
        bool inside = true;
        for (Eigen::Index j = 0; j < n_; ++j) {
          const double x = cand[j * kBatch + c];
          const auto uj = static_cast<std::size_t>(j);
          if (mode_ == Mode::kFromLower) {
            v[uj] = x * room_ + lo_[j];
            inside = inside && v[uj] <= hi_[j];
          } else {
            v[uj] = -room_ * x + hi_[j];
            inside = inside && v[uj] >= lo_[j];
          }
        }
        if (!inside || !InsideGroups(v.data())) continue;
        for (Eigen::Index j = 0; j < n_; ++j) {
          w[j * stride + filled] = v[static_cast<std::size_t>(j)];
        }
        ++filled;
        ++out.accepted;
      }
    }
    return out;
  }

 private:
  bool InsideGroups(const double* w) const {
    for (std::size_t g = 0; g < group_columns_.size(); ++g) {
      double sum = 0;
      for (const Eigen::Index j : group_columns_[g]) sum += w[j];
      if (sum < group_lo_[g] - kShareSlack ||
          sum > group_hi_[g] + kShareSlack) {
        return false;
      }
    }
    return true;
  }

  Eigen::Index n_;
  std::uint64_t seed_;
  Mode mode_ = Mode::kSimplex;
  Eigen::VectorXd lo_;
  Eigen::VectorXd hi_;
  double room_ = 1;
  std::int64_t max_draws_per_sample_ = 0;
  std::vector<std::vector<Eigen::Index>> group_columns_;
  std::vector<double> group_lo_;
  std::vector<double> group_hi_;
};

// Validates the options against the criteria and prepares a sampler.
// Returns the error as (path, message), or an empty path and message.
std::pair<std::string, std::string> MakeSampler(Eigen::Index columns,
                                                double scale,
                                                const SmaaOptions& options,
                                                WeightSampler* sampler) {
  std::string why;
  if (!options.IsValid(&why)) return {"smaa", why};
  if (columns <= 0) return {"smaa", "the scorer has no criteria"};
  if (!(scale > 0)) {
    return {"smaa", fmt::format("the scale must be > 0, found {}", scale)};
  }
  if (options.ranges.empty() && options.group_ranges.empty()) return {};
  if (!options.ranges.empty() &&
      static_cast<Eigen::Index>(options.ranges.size()) != columns) {
    return {"smaa.ranges",
            fmt::format("expected one range per criterion ({}), found {}",
                        columns, options.ranges.size())};
  }
  // Without column ranges every column is free: [0, scale].
  std::vector<WeightRange> ranges = options.ranges;
  if (ranges.empty()) {
    ranges.assign(static_cast<std::size_t>(columns), WeightRange{0, scale});
  }
  Eigen::VectorXd lo(columns);
  Eigen::VectorXd hi(columns);
  for (Eigen::Index j = 0; j < columns; ++j) {
    const WeightRange& r = ranges[static_cast<std::size_t>(j)];
    lo[j] = r.lo / scale;
    hi[j] = r.hi / scale;
  }
  // Sums in points, as written, so the message shows the user's numbers.
  double lo_points = 0;
  double hi_points = 0;
  for (const WeightRange& r : ranges) {
    lo_points += r.lo;
    hi_points += r.hi;
  }
  if (lo_points > scale * (1 + kShareSlack)) {
    return {"smaa.ranges",
            fmt::format("the lower bounds add up to {} points, more than the "
                        "scale {}: no weight vector fits the ranges",
                        lo_points, scale)};
  }
  if (hi_points < scale * (1 - kShareSlack)) {
    return {"smaa.ranges",
            fmt::format("the upper bounds add up to {} points, less than the "
                        "scale {}: no weight vector fits the ranges",
                        hi_points, scale)};
  }
  // Groups: disjoint sets of existing columns. Within a group the sum can
  // be anything in [max(lo, sum of its columns' lo), min(hi, sum of their
  // hi)]; across groups and free columns the weights must add up to the
  // scale. Both conditions together are exact for disjoint groups.
  std::vector<int> owner(static_cast<std::size_t>(columns), -1);
  std::vector<std::vector<Eigen::Index>> group_columns;
  std::vector<double> group_lo;
  std::vector<double> group_hi;
  double need_lo = 0;  // points: the least the whole vector can add up to
  double need_hi = 0;  // and the most
  for (std::size_t g = 0; g < options.group_ranges.size(); ++g) {
    const SmaaGroupRange& group = options.group_ranges[g];
    const std::string path = fmt::format("smaa.group_ranges[{}]", g);
    if (group.columns.empty()) {
      return {path, fmt::format("group {} has no criteria", group.id)};
    }
    double sum_lo = 0;
    double sum_hi = 0;
    std::vector<Eigen::Index> cols;
    for (const int j : group.columns) {
      if (j < 0 || j >= columns) {
        return {path, fmt::format("group {}: criterion index {} is not one of "
                                  "the {} criteria",
                                  group.id, j, columns)};
      }
      if (owner[static_cast<std::size_t>(j)] >= 0) {
        return {path, fmt::format("group {}: criterion index {} is already in "
                                  "group {}",
                                  group.id, j,
                                  options
                                      .group_ranges[static_cast<std::size_t>(
                                          owner[static_cast<std::size_t>(j)])]
                                      .id)};
      }
      owner[static_cast<std::size_t>(j)] = static_cast<int>(g);
      sum_lo += ranges[static_cast<std::size_t>(j)].lo;
      sum_hi += ranges[static_cast<std::size_t>(j)].hi;
      cols.push_back(j);
    }
    const double least = std::max(group.range.lo, sum_lo);
    const double most = std::min(group.range.hi, sum_hi);
    if (least > most * (1 + kShareSlack)) {
      return {path, fmt::format("the range {}-{} points of group {} does not "
                                "fit the ranges of its criteria, which add up "
                                "to {}-{} points",
                                group.range.lo, group.range.hi, group.id,
                                sum_lo, sum_hi)};
    }
    need_lo += least;
    need_hi += most;
    group_columns.push_back(std::move(cols));
    group_lo.push_back(group.range.lo / scale);
    group_hi.push_back(group.range.hi / scale);
  }
  for (Eigen::Index j = 0; j < columns; ++j) {
    if (owner[static_cast<std::size_t>(j)] >= 0) continue;
    need_lo += ranges[static_cast<std::size_t>(j)].lo;
    need_hi += ranges[static_cast<std::size_t>(j)].hi;
  }
  if (!group_columns.empty()) {
    if (need_lo > scale * (1 + kShareSlack)) {
      return {"smaa.group_ranges",
              fmt::format("with the group ranges, the weights add up to at "
                          "least {} points, more than the scale {}: no weight "
                          "vector fits the ranges",
                          need_lo, scale)};
    }
    if (need_hi < scale * (1 - kShareSlack)) {
      return {"smaa.group_ranges",
              fmt::format("with the group ranges, the weights add up to at "
                          "most {} points, less than the scale {}: no weight "
                          "vector fits the ranges",
                          need_hi, scale)};
    }
  }
  sampler->SetRanges(lo, hi, options.max_draws_per_sample);
  sampler->SetGroups(std::move(group_columns), std::move(group_lo),
                     std::move(group_hi));
  return {};
}

std::string BudgetMessage(const DrawCount& count) {
  return fmt::format(
      "only {} of {} weight vectors drawn fell inside the ranges; they "
      "cover too small a part of the possible weights to sample (raise "
      "max_draws_per_sample or widen the ranges)",
      count.accepted, count.draws);
}

// Ranks one sample's totals t[0..m) the way rank::Rank does (best first,
// equal within tol chained in sorted order) and calls credit(bid, rank0,
// share) for every rank a bid holds: a group of k tied bids spanning ranks
// r..r+k-1 gives each bid 1/k of each of those ranks.
template <typename Credit>
void RankWithTies(const double* t, Eigen::Index m, double tol,
                  std::vector<Eigen::Index>* order, Credit&& credit) {
  order->resize(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < m; ++i) {
    (*order)[static_cast<std::size_t>(i)] = i;
  }
  std::sort(order->begin(), order->end(), [t](Eigen::Index a, Eigen::Index b) {
    return t[a] != t[b] ? t[a] > t[b] : a < b;
  });
  const auto size = static_cast<std::size_t>(m);
  for (std::size_t i = 0; i < size;) {
    std::size_t j = i + 1;
    while (j < size && std::abs(t[(*order)[j - 1]] - t[(*order)[j]]) <= tol) {
      ++j;
    }
    const double share = 1.0 / static_cast<double>(j - i);
    for (std::size_t k = i; k < j; ++k) {
      for (std::size_t r = i; r < j; ++r) {
        credit((*order)[k], static_cast<Eigen::Index>(r), share);
      }
    }
    i = j;
  }
}

}  // namespace

bool SmaaOptions::IsValid(std::string* why) const {
  const auto fail = [why](std::string text) {
    if (why) *why = std::move(text);
    return false;
  };
  if (samples < 1)
    return fail(fmt::format("samples = {}: must be >= 1", samples));
  if (block_size < 1) {
    return fail(fmt::format("block_size = {}: must be >= 1", block_size));
  }
  if (max_draws_per_sample < 1) {
    return fail(fmt::format("max_draws_per_sample = {}: must be >= 1",
                            max_draws_per_sample));
  }
  for (std::size_t j = 0; j < ranges.size(); ++j) {
    const WeightRange& r = ranges[j];
    if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || r.lo < 0 ||
        r.lo > r.hi) {
      return fail(fmt::format(
          "ranges[{}] = [{}, {}]: must satisfy 0 <= lo <= hi", j, r.lo, r.hi));
    }
  }
  for (std::size_t g = 0; g < group_ranges.size(); ++g) {
    const WeightRange& r = group_ranges[g].range;
    if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || r.lo < 0 ||
        r.lo > r.hi) {
      return fail(
          fmt::format("group_ranges[{}] = [{}, {}]: must satisfy 0 <= lo <= hi",
                      g, r.lo, r.hi));
    }
  }
  return true;
}

Result<Eigen::MatrixXd> SampleSmaaWeights(Eigen::Index columns, double scale,
                                          const SmaaOptions& options) {
  Result<Eigen::MatrixXd> r;
  WeightSampler sampler(columns, options.seed);
  auto [path, message] = MakeSampler(columns, scale, options, &sampler);
  if (!path.empty()) {
    r.diagnostics.push_back(
        {Severity::kError, {}, std::move(path), std::move(message)});
    return r;
  }
  // Stream block by stream block, as Smaa draws them.
  const Kernels kernels = ChooseKernels(options.simd);
  Eigen::MatrixXd w(columns, options.samples);
  std::vector<double> block(static_cast<std::size_t>(columns * kStreamBlock));
  std::vector<double> scratch;
  DrawCount total;
  for (Eigen::Index done = 0; done < options.samples; done += kStreamBlock) {
    const Eigen::Index count =
        std::min<Eigen::Index>(kStreamBlock, options.samples - done);
    const DrawCount d = sampler.FillBlock(kernels, done / kStreamBlock, count,
                                          block.data(), kStreamBlock, &scratch);
    total.draws += d.draws;
    total.accepted += d.accepted;
    if (d.failed) {
      r.diagnostics.push_back(
          {Severity::kError, {}, "smaa.ranges", BudgetMessage(total)});
      return r;
    }
    for (Eigen::Index j = 0; j < columns; ++j) {
      for (Eigen::Index c = 0; c < count; ++c) {
        w(j, done + c) = block[static_cast<std::size_t>(j * kStreamBlock + c)];
      }
    }
  }
  r.value = std::move(w);
  return r;
}

bool UsePublishedRanges(const Scorer& scorer, SmaaOptions* options) {
  const std::vector<Column>& columns = scorer.columns();
  const std::vector<TopLevel>& tops = scorer.top_levels();
  std::vector<WeightRange> ranges;
  std::vector<SmaaGroupRange> groups;
  bool any = false;
  for (const Column& c : columns) {
    ranges.push_back(c.weight_range.value_or(WeightRange{0, scorer.scale()}));
    any = any || c.weight_range.has_value();
  }
  for (std::size_t t = 0; t < tops.size(); ++t) {
    if (!tops[t].weight_range) continue;
    std::vector<int> members;
    for (std::size_t j = 0; j < columns.size(); ++j) {
      if (columns[j].top_level == static_cast<int>(t)) {
        members.push_back(static_cast<int>(j));
      }
    }
    if (members.empty()) continue;
    const auto first = static_cast<std::size_t>(members.front());
    if (members.size() == 1 && columns[first].id == tops[t].id) {
      // A top-level leaf: its range is the column's own.
      if (!columns[first].weight_range) ranges[first] = *tops[t].weight_range;
    } else {
      groups.push_back({tops[t].id, std::move(members), *tops[t].weight_range});
    }
    any = true;
  }
  if (!any) return false;
  options->ranges = std::move(ranges);
  options->group_ranges = std::move(groups);
  return true;
}

Result<SmaaResult> Smaa(const Scorer& scorer, const Evaluation& evaluation,
                        const SmaaOptions& options) {
  const Eigen::Index n = scorer.size();
  const double scale = scorer.scale();
  const Eigen::Index bids = evaluation.scores.rows();
  if (evaluation.scores.cols() != n) {
    return Fail("smaa", fmt::format("the evaluation has {} score columns but "
                                    "the scorer has {} criteria",
                                    evaluation.scores.cols(), n));
  }
  WeightSampler sampler(n, options.seed);
  if (auto [path, message] = MakeSampler(n, scale, options, &sampler);
      !path.empty()) {
    return Fail(std::move(path), std::move(message));
  }

  // Only ranked bids compete; excluded bids keep zero rows.
  std::vector<Eigen::Index> in;
  for (Eigen::Index i = 0; i < bids; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (k >= evaluation.status.size() ||
        evaluation.status[k] == BidStatus::kRanked) {
      in.push_back(i);
    }
  }
  const auto m = static_cast<Eigen::Index>(in.size());
  Eigen::MatrixXd s(m, n);
  for (Eigen::Index i = 0; i < m; ++i) {
    s.row(i) = evaluation.scores.row(in[static_cast<std::size_t>(i)]);
  }
  // Totals are in shares of the scale; the tie tolerance is in points.
  const double tol = kTieTolerance / scale;

  const Kernels kernels = ChooseKernels(options.simd);
  // Up to 64 bids, samples are ranked by a sorting network on tagged
  // totals (OrderBody); beyond, by counting for each bid the bids ahead.
  const bool by_network = m >= 2 && m <= 64;
  const std::vector<std::int32_t> network =
      by_network ? SortingNetwork(m) : std::vector<std::int32_t>();
  const auto comparators = static_cast<Eigen::Index>(network.size() / 2);
  const OrderFixedFn order_fixed = kernels.OrderFor(m);
  const int tag_bits =
      by_network
          ? static_cast<int>(std::bit_width(static_cast<std::uint64_t>(m - 1)))
          : 0;
  // A total is at most the largest score in absolute value (the weights
  // add up to 1), up to rounding; a tag moves it by less than 2^tag_bits
  // units in the last place of that bound. Twice that (both neighbours),
  // doubled again for the rounding, and the smallest normal number for
  // totals at 0 (tagged, they are subnormal).
  const double largest = m > 0 ? s.cwiseAbs().maxCoeff() : 0.0;
  const double check = tol +
                       4.0 * std::ldexp(largest * (1 + 1e-9), tag_bits - 52) +
                       std::ldexp(1.0, tag_bits - 1022);
  const std::int64_t blocks =
      (std::int64_t{options.samples} + kStreamBlock - 1) / kStreamBlock;
  const std::int64_t tasks = (blocks + kBlocksPerTask - 1) / kBlocksPerTask;

  // What one task adds up: its stream blocks in order.
  struct Partial {
    Eigen::MatrixXd accept;   // m x m: credits
    Eigen::VectorXd wins;     // per bid: first places (shares)
    Eigen::MatrixXd central;  // n x m: sum of the winning weights
    DrawCount count;
  };
  struct Workspace {
    std::vector<double> w;            // n x kStreamBlock, criterion-major
    std::vector<double> t;            // m x kStreamBlock: totals, bid-major
    std::vector<std::int64_t> ahead;  // m x kStreamBlock, bid-major
    std::vector<std::int64_t> sum;    // per sample: the ahead counts added up
    // Sorting-network path: the bid at each rank (m x kStreamBlock,
    // rank-major), the samples to rank exactly, the network's 8 m values.
    std::vector<std::int64_t> ranked;
    std::vector<std::int64_t> suspect;
    std::vector<double> net_values;
    // Untied samples' ranks: four copies of the m x m counts (sample c in
    // copy c mod 4), rank-major: counts[(copy * m + rank) * m + bid].
    std::vector<std::int64_t> counts;
    std::vector<std::int64_t> winner;  // per sample (-1: none or tied)
    std::vector<char> won;             // per bid: won a sample of the block
    // The winners' weights of a block (WinnerLanesBody): (m + 1) x 8 lanes
    // x n rounded up to 4; slot m takes the samples without a winner.
    std::vector<double> lanes;
    std::vector<std::int64_t> slot;  // per sample: winner, or m
    std::vector<double> scratch;
    std::vector<Eigen::Index> order;
    Eigen::VectorXd one;
  };
  const auto run_task = [&](std::int64_t task, Partial* p, Workspace* ws) {
    p->accept.setZero(m, m);
    p->wins.setZero(m);
    p->central.setZero(n, m);
    p->count = {};
    // Rows of the block's matrices (weights, totals, ranks) one cache line
    // longer than the block: at a power of two (2 KiB) the kernels that go
    // down a column (criterion after criterion, bid after bid) would find
    // every row in the same two sets of the level-1 cache.
    const auto stride = kStreamBlock + 8;
    ws->w.assign(static_cast<std::size_t>(n * stride), 0.0);
    ws->t.assign(static_cast<std::size_t>(m * stride), 0.0);
    ws->ahead.assign(static_cast<std::size_t>(m * stride), 0);
    ws->sum.assign(static_cast<std::size_t>(stride), 0);
    ws->ranked.assign(static_cast<std::size_t>(m * stride), 0);
    ws->suspect.assign(static_cast<std::size_t>(stride), 0);
    ws->net_values.assign(static_cast<std::size_t>(8 * m), 0.0);
    ws->counts.assign(static_cast<std::size_t>(4 * m * m), 0);
    const Eigen::Index np = (n + 3) & ~Eigen::Index{3};
    ws->lanes.assign(static_cast<std::size_t>((m + 1) * 8 * np), 0.0);
    ws->slot.assign(static_cast<std::size_t>(stride), m);
    ws->won.assign(static_cast<std::size_t>(m), 0);
    // Without ties the ahead counts of a sample add up to this.
    const std::int64_t untied = std::int64_t{m} * (m - 1) / 2;
    ws->winner.assign(static_cast<std::size_t>(stride), -1);
    ws->one.resize(m);
    const std::int64_t end = std::min(blocks, (task + 1) * kBlocksPerTask);
    for (std::int64_t b = task * kBlocksPerTask; b < end; ++b) {
      const Eigen::Index count = std::min<Eigen::Index>(
          kStreamBlock,
          options.samples - static_cast<Eigen::Index>(b) * kStreamBlock);
      const DrawCount d = sampler.FillBlock(kernels, b, count, ws->w.data(),
                                            stride, &ws->scratch);
      p->count.draws += d.draws;
      p->count.accepted += d.accepted;
      if (d.failed) {
        p->count.failed = true;
        return;
      }
      if (m == 0) continue;
      const double* w = ws->w.data();
      const double* t = ws->t.data();
      kernels.totals(s.data(), m, n, w, stride, count, ws->t.data());
      // The ranks of the samples that are surely untied, counted in four
      // copies (sample c in copy c mod 4) so that consecutive samples with
      // the same bid at the same rank do not wait on each other; the
      // others (exact[c] != 0) are ranked below, one by one.
      std::int64_t* winner = ws->winner.data();
      std::int64_t* counts = ws->counts.data();
      std::fill(ws->winner.begin(), ws->winner.end(), -1);
      const std::int64_t* exact = nullptr;
      if (by_network) {
        if (order_fixed != nullptr) {
          order_fixed(t, stride, count, tag_bits, check, ws->ranked.data(),
                      ws->suspect.data());
        } else {
          kernels.order(t, m, stride, count, network.data(), comparators,
                        tag_bits, check, ws->net_values.data(),
                        ws->ranked.data(), ws->suspect.data());
        }
        exact = ws->suspect.data();
        // Every sample's ranks are counted; the samples to rank exactly
        // (rare) are taken out again below.
        const Eigen::Index mm = m * m;
        for (Eigen::Index r = 0; r < m; ++r) {
          const std::int64_t* bid = ws->ranked.data() + r * stride;
          std::int64_t* c0 = counts + r * m;
          std::int64_t* c1 = c0 + mm;
          std::int64_t* c2 = c1 + mm;
          std::int64_t* c3 = c2 + mm;
          Eigen::Index c = 0;
          for (; c + 4 <= count; c += 4) {
            ++c0[bid[c]];
            ++c1[bid[c + 1]];
            ++c2[bid[c + 2]];
            ++c3[bid[c + 3]];
          }
          for (; c < count; ++c) ++c0[(c & 3) * mm + bid[c]];
        }
        for (Eigen::Index c = 0; c < count; ++c) {
          winner[c] = ws->ranked[static_cast<std::size_t>(c)];
          if (exact[c] == 0) continue;
          for (Eigen::Index r = 0; r < m; ++r) {
            --counts[((c & 3) * m + r) * m +
                     ws->ranked[static_cast<std::size_t>(r * stride + c)]];
          }
        }
      } else {
        // A bid's ahead count is its rank; a sample whose counts do not
        // add up to m (m - 1) / 2 has a tie.
        kernels.ahead(t, m, stride, count, tol, ws->ahead.data(),
                      ws->sum.data());
        for (Eigen::Index c = 0; c < count; ++c) {
          const auto uc = static_cast<std::size_t>(c);
          ws->suspect[uc] = ws->sum[uc] != untied;
        }
        exact = ws->suspect.data();
        for (Eigen::Index i = 0; i < m; ++i) {
          const std::int64_t* ai = ws->ahead.data() + i * stride;
          for (Eigen::Index c = 0; c < count; ++c) {
            if (exact[c] != 0) continue;
            const std::int64_t r = ai[c];
            ++counts[((c & 3) * m + r) * m + i];
            winner[c] = r == 0 ? i : winner[c];
          }
        }
      }
      for (Eigen::Index c = 0; c < count; ++c) {
        if (exact[c] == 0) continue;
        winner[c] = -1;
        for (Eigen::Index i = 0; i < m; ++i) ws->one[i] = t[i * stride + c];
        RankWithTies(ws->one.data(), m, tol, &ws->order,
                     [&](Eigen::Index bid, Eigen::Index r, double share) {
                       p->accept(bid, r) += share;
                       if (r == 0) {
                         p->wins[bid] += share;
                         for (Eigen::Index j = 0; j < n; ++j) {
                           p->central(j, bid) += share * w[j * stride + c];
                         }
                       }
                     });
      }
      // The winners' weights, summed for each bid and criterion in 8 lanes
      // (sample c into lane c mod 8, in order), then ((l0 + l1) + (l2 +
      // l3)) + ((l4 + l5) + (l6 + l7)) added to the task's sum.
      std::fill(ws->won.begin(), ws->won.end(), 0);
      std::int64_t* slot = ws->slot.data();
      for (Eigen::Index c = 0; c < stride; ++c) {  // winner: -1 past count
        const std::int64_t i = winner[c];
        slot[c] = i >= 0 ? i : m;
        if (i >= 0) ws->won[static_cast<std::size_t>(i)] = 1;
      }
      double* lanes = ws->lanes.data();
      kernels.winner_lanes(w, n, stride, count, slot, lanes);
      for (Eigen::Index i = 0; i <= m; ++i) {
        if (i < m && ws->won[static_cast<std::size_t>(i)] == 0) continue;
        double* li = lanes + i * 8 * np;
        if (i < m) {
          for (Eigen::Index j = 0; j < n; ++j) {
            const double* l = li + j;
            p->central(j, i) +=
                ((l[0] + l[np]) + (l[2 * np] + l[3 * np])) +
                ((l[4 * np] + l[5 * np]) + (l[6 * np] + l[7 * np]));
          }
        }
        std::fill(li, li + 8 * np, 0.0);
      }
    }
    // The untied samples' ranks, after the tied ones' shares.
    for (Eigen::Index i = 0; i < m; ++i) {
      for (Eigen::Index r = 0; r < m; ++r) {
        std::int64_t k = 0;
        for (Eigen::Index copy = 0; copy < 4; ++copy) {
          k += ws->counts[static_cast<std::size_t>((copy * m + r) * m + i)];
        }
        p->accept(i, r) += static_cast<double>(k);
        if (r == 0) p->wins[i] += static_cast<double>(k);
      }
    }
  };

  // Tasks run `threads` at a time; their sums are added in task order.
  unsigned threads = options.threads > 0
                         ? static_cast<unsigned>(options.threads)
                         : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(
      std::min<std::int64_t>(threads, std::max<std::int64_t>(tasks, 1)));
  std::vector<Partial> partials(threads);
  std::vector<Workspace> spaces(threads);
  Eigen::MatrixXd accept = Eigen::MatrixXd::Zero(m, m);
  Eigen::MatrixXd central = Eigen::MatrixXd::Zero(n, m);
  Eigen::VectorXd wins = Eigen::VectorXd::Zero(m);
  DrawCount drawn;
  for (std::int64_t first = 0; first < tasks;
       first += static_cast<std::int64_t>(threads)) {
    const auto here = static_cast<std::size_t>(
        std::min<std::int64_t>(threads, tasks - first));
    std::vector<std::thread> pool;
    for (std::size_t k = 1; k < here; ++k) {
      const std::int64_t task = first + static_cast<std::int64_t>(k);
      try {
        pool.emplace_back(run_task, task, &partials[k], &spaces[k]);
      } catch (const std::system_error&) {
        run_task(task, &partials[k], &spaces[k]);  // no thread to be had
      }
    }
    run_task(first, &partials[0], &spaces[0]);
    for (std::thread& th : pool) th.join();
    for (std::size_t k = 0; k < here; ++k) {
      const Partial& p = partials[k];
      drawn.draws += p.count.draws;
      drawn.accepted += p.count.accepted;
      if (p.count.failed) return Fail("smaa.ranges", BudgetMessage(drawn));
      accept += p.accept;
      central += p.central;
      wins += p.wins;
    }
  }
  std::vector<Eigen::Index> order;

  SmaaResult out;
  out.seed = options.seed;
  out.samples = options.samples;
  out.within_ranges = sampler.ranged();
  out.draws = drawn.draws;
  out.acceptability = Eigen::MatrixXd::Zero(bids, bids);
  out.central_weights = Eigen::MatrixXd::Zero(bids, n);
  out.has_central_weight.assign(static_cast<std::size_t>(bids), false);
  out.confidence = Eigen::VectorXd::Zero(bids);
  const double total = static_cast<double>(options.samples);
  Eigen::VectorXd at_central(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const Eigen::Index bid = in[static_cast<std::size_t>(i)];
    out.acceptability.row(bid).head(m) = accept.row(i) / total;
    if (wins[i] <= 0) continue;
    const Eigen::VectorXd wc = central.col(i) / wins[i];
    out.central_weights.row(bid) = (wc * scale).transpose();
    out.has_central_weight[static_cast<std::size_t>(bid)] = true;
    at_central.noalias() = s * wc;
    double first = 0;
    RankWithTies(at_central.data(), m, tol, &order,
                 [&](Eigen::Index who, Eigen::Index r, double share) {
                   if (who == i && r == 0) first += share;
                 });
    out.confidence[bid] = first;
  }
  Result<SmaaResult> r;
  r.value = std::move(out);
  return r;
}

}  // namespace circa
