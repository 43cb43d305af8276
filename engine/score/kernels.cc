// The formulas are rules.cc's (DOMAIN.md §3, docs/rules.md), written once
// for four lanes with GCC's vector extension: two SSE2 registers in the
// portable build, one AVX register in the AVX2 build, the same operations
// lane by lane either way. No FMA: a fused multiply-add rounds once where
// the portable build rounds twice, so the AVX2 build must not contract.
#include "score/kernels.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
#define CIRCA_HAVE_STREAMING_STORES 1
#endif

namespace circa::score {
namespace {

#define CIRCA_INLINE inline __attribute__((always_inline))
// A lambda inlined into its caller, so that it is compiled for the caller's
// target (a lambda body is a function of its own).
#define CIRCA_LAMBDA __attribute__((always_inline))

typedef double V4d __attribute__((vector_size(32)));
typedef std::uint64_t V4u __attribute__((vector_size(32)));
typedef std::int64_t V4i __attribute__((vector_size(32)));

// Unaligned loads and stores. Every function or lambda that takes or
// returns a vector is always inlined into the kernels, so no vector crosses
// a call boundary (where its passing would depend on the target's ABI,
// which is what -Wpsabi warns about).
#pragma GCC diagnostic ignored "-Wpsabi"
CIRCA_INLINE V4d Load(const double* p) {
  V4d v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
CIRCA_INLINE void Store(double* p, V4d v) { std::memcpy(p, &v, sizeof v); }
CIRCA_INLINE V4d Splat(double a) { return V4d{a, a, a, a}; }
// std::bit_cast between vector types, by memcpy: GCC 12's UBSan reports
// std::bit_cast of a vector type as a load of a null pointer.
template <class To, class From>
CIRCA_INLINE To BitCast(const From& from) {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

// std::max(v, a) and std::min(v, a) lane by lane: (v < a) ? a : v and
// (a < v) ? a : v, as Eigen's max / min give them (-0 and +0 kept as the
// first operand when equal).
CIRCA_INLINE V4d Max(V4d v, V4d a) { return v < a ? a : v; }
CIRCA_INLINE V4d Min(V4d v, V4d a) { return a < v ? a : v; }

// ln v for v positive and normal: v = m 2^e with m in [sqrt(1/2),
// sqrt(2)), ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716, by
// its series to s^19 (the next term is below 1e-17 of the result), and
// e ln 2 in two parts (the first exact for any exponent). Only +, -, *, /
// and bit moves in a fixed order: every build gives the same bits. Lanes
// that are not positive normal numbers give a finite garbage value (the
// caller selects them away).
CIRCA_INLINE V4d Log(V4d v) {
  const auto bits = BitCast<V4u>(v);
  const V4u mantissa = bits & 0x000fffffffffffffULL;
  // 1 when the mantissa 1.f is above sqrt(2) (then m = 1.f / 2, e + 1).
  const V4u big = (mantissa > 0x6a09e667f3bccULL) & 1ULL;
  const V4d m = BitCast<V4d>((mantissa | 0x3ff0000000000000ULL) - (big << 52));
  const V4d e =
      BitCast<V4d>((((bits >> 52) & 0x7ffULL) + big) | 0x4330000000000000ULL) -
      0x1.0p52 - 1023.0;
  const V4d s = (m - 1.0) / (m + 1.0);
  const V4d z = s * s;
  V4d p = Splat(1.0 / 19);
  p = p * z + 1.0 / 17;
  p = p * z + 1.0 / 15;
  p = p * z + 1.0 / 13;
  p = p * z + 1.0 / 11;
  p = p * z + 1.0 / 9;
  p = p * z + 1.0 / 7;
  p = p * z + 1.0 / 5;
  p = p * z + 1.0 / 3;
  p = p * z + 1.0;
  constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;
  constexpr double kLn2Lo = 0x1.ef35793c76730p-45;
  return e * kLn2Hi + ((2.0 * s) * p + e * kLn2Lo);
}

// Scores x[0, len) into out, and what the task asks besides, four rows at
// a time; the last len % 4 rows go through the same lanes from a padded
// copy (padded with the chunk's first value, which changes no extreme).
// kAccumulate: 0, scores only; 1, into total and sub; 2, into split too.
template <int kAccumulate, bool kExtremes, bool kStream, typename F>
CIRCA_INLINE void Drive(F f, const ChunkTask& t) {
  const Eigen::Index len = t.len;
  // The task's pointers in locals: the stores below could otherwise alias
  // them, and they would be read again every step.
  const double* const xs0 = t.x;
  double* const out = t.out;
  double* const total = t.total;
  double* const sub = t.sub;
  double* const split = t.split;
  const double* const ahead = t.prefetch;
  const V4d w = Splat(t.weight);
  V4d lo = Splat(xs0[0]);
  V4d hi = lo;
  const auto step = [&](Eigen::Index r) CIRCA_LAMBDA {
    const V4d x = Load(xs0 + r);
    const V4d s = f(x);
#ifdef CIRCA_HAVE_STREAMING_STORES
    if constexpr (kStream) {
      // Past the caches: the scores are not read again soon, and a
      // streaming store does not read the line it writes.
      __m128d lo2;
      __m128d hi2;
      std::memcpy(&lo2, &s, sizeof lo2);
      std::memcpy(&hi2, reinterpret_cast<const char*>(&s) + 16, sizeof hi2);
      _mm_stream_pd(out + r, lo2);
      _mm_stream_pd(out + r + 2, hi2);
    } else {
      Store(out + r, s);
    }
#else
    Store(out + r, s);
#endif
    if constexpr (kAccumulate != 0) {
      const V4d p = s * w;
      Store(total + r, Load(total + r) + p);
      Store(sub + r, Load(sub + r) + p);
      if constexpr (kAccumulate == 2) Store(split + r, Load(split + r) + p);
    }
    if constexpr (kExtremes) {
      lo = Min(lo, x);
      hi = Max(hi, x);
    }
  };
  Eigen::Index r = 0;
  if (ahead != nullptr) {
    // One prefetch a cache line (eight rows) of the rows scored next: a
    // column's chunk is a few pages, too short for the hardware prefetcher
    // to follow from a cold start.
    for (; r + 8 <= len; r += 8) {
      __builtin_prefetch(ahead + r, 0, 3);
      step(r);
      step(r + 4);
    }
  }
  for (; r + 4 <= len; r += 4) step(r);
  if (r < len) {
    double x[4], o[4], tt[4] = {}, ss[4] = {}, sp[4] = {};
    const Eigen::Index rest = len - r;
    for (int k = 0; k < 4; ++k) x[k] = k < rest ? t.x[r + k] : t.x[0];
    if constexpr (kAccumulate != 0) {
      std::memcpy(tt, t.total + r, static_cast<std::size_t>(rest) * 8);
      std::memcpy(ss, t.sub + r, static_cast<std::size_t>(rest) * 8);
    }
    if constexpr (kAccumulate == 2) {
      std::memcpy(sp, t.split + r, static_cast<std::size_t>(rest) * 8);
    }
    // The padded copy goes through ordinary stores.
    const V4d xs = Load(x);
    const V4d os = f(xs);
    Store(o, os);
    if constexpr (kAccumulate != 0) {
      const V4d p = os * w;
      Store(tt, Load(tt) + p);
      Store(ss, Load(ss) + p);
      if constexpr (kAccumulate == 2) Store(sp, Load(sp) + p);
    }
    if constexpr (kExtremes) {
      lo = Min(lo, xs);
      hi = Max(hi, xs);
    }
    std::memcpy(t.out + r, o, static_cast<std::size_t>(rest) * 8);
    if constexpr (kAccumulate != 0) {
      std::memcpy(t.total + r, tt, static_cast<std::size_t>(rest) * 8);
      std::memcpy(t.sub + r, ss, static_cast<std::size_t>(rest) * 8);
    }
    if constexpr (kAccumulate == 2) {
      std::memcpy(t.split + r, sp, static_cast<std::size_t>(rest) * 8);
    }
  }
  if constexpr (kExtremes) {
    double l[4], h[4];
    Store(l, lo);
    Store(h, hi);
    *t.lo = std::min(std::min(l[0], l[1]), std::min(l[2], l[3]));
    *t.hi = std::max(std::max(h[0], h[1]), std::max(h[2], h[3]));
  }
}

template <int kAccumulate, bool kExtremes, bool kStream>
CIRCA_INLINE void ScoreBody(const ColumnPlan& p, const ChunkTask& t) {
  using Op = ColumnPlan::Op;
  const double a = p.a;
  const double b = p.b;
  switch (p.op) {
    case Op::kDivideInto:
      Drive<kAccumulate, kExtremes, kStream>(
          [a](V4d x) CIRCA_LAMBDA { return a / x; }, t);
      return;
    case Op::kPercentOfLowest:
      Drive<kAccumulate, kExtremes, kStream>(
          [a](V4d x)
              CIRCA_LAMBDA { return Max(1.0 - (x - a) / a, Splat(0.0)); },
          t);
      return;
    case Op::kLog: {
      const double ln_min = p.c;
      const bool clamp = p.clamp;
      constexpr double kInf = std::numeric_limits<double>::infinity();
      Drive<kAccumulate, kExtremes, kStream>(
          [a, b, ln_min, clamp](V4d x) CIRCA_LAMBDA {
            // ln(x / a), or ln x - ln a where x / a overflows.
            // One logarithm a lane: of the ratio, or of x where the ratio
            // overflows (then ln_min is taken off).
            const V4d ratio = x / a;
            const auto finite = ratio < kInf;
            const V4d lx = Log(finite ? ratio : x);
            const V4d l = finite ? lx : lx - ln_min;
            const V4d s = 1.0 - l / b;
            return clamp ? Max(s, Splat(0.0)) : s;
          },
          t);
      return;
    }
    case Op::kRangeLower:
      Drive<kAccumulate, kExtremes, kStream>(
          [a, b](V4d x) CIRCA_LAMBDA { return (a - 0.5 * x) / b; }, t);
      return;
    case Op::kRangeHigher:
      Drive<kAccumulate, kExtremes, kStream>(
          [a, b](V4d x) CIRCA_LAMBDA { return (0.5 * x - a) / b; }, t);
      return;
    case Op::kCeiling:
      Drive<kAccumulate, kExtremes, kStream>(
          [a, b](V4d x) CIRCA_LAMBDA { return Max((a - x) / b, Splat(0.0)); },
          t);
      return;
    case Op::kLinear:
      Drive<kAccumulate, kExtremes, kStream>(
          [a, b](V4d x) CIRCA_LAMBDA {
            return Min(Max((x - a) / b, Splat(0.0)), Splat(1.0));
          },
          t);
      return;
    case Op::kDivideBy:
      Drive<kAccumulate, kExtremes, kStream>(
          [a](V4d x) CIRCA_LAMBDA { return x / a; }, t);
      return;
    case Op::kCopy:
      Drive<kAccumulate, kExtremes, kStream>(
          [](V4d x) CIRCA_LAMBDA { return x; }, t);
      return;
    case Op::kShareLower:
      Drive<kAccumulate, kExtremes, kStream>(
          [a, b](V4d x) CIRCA_LAMBDA { return (a / x) / b; }, t);
      return;
    case Op::kShareHigher:
      Drive<kAccumulate, kExtremes, kStream>(
          [a, b](V4d x) CIRCA_LAMBDA { return (Max(x, Splat(0.0)) / a) / b; },
          t);
      return;
    case Op::kBelow:
      Drive<kAccumulate, kExtremes, kStream>(
          [a](V4d x) CIRCA_LAMBDA { return 1.0 - x / a; }, t);
      return;
    case Op::kIsZero:
      Drive<kAccumulate, kExtremes, kStream>(
          [](V4d x) CIRCA_LAMBDA { return x == 0.0 ? Splat(1.0) : Splat(0.0); },
          t);
      return;
    case Op::kConstant:
      Drive<kAccumulate, kExtremes, kStream>(
          [a](V4d) CIRCA_LAMBDA { return Splat(a); }, t);
      return;
    case Op::kSteps: {
      const double* th = p.thresholds.data();
      const double* sc = p.scores.data();
      const std::size_t k = p.thresholds.size();
      if (p.at_most) {
        Drive<kAccumulate, kExtremes, kStream>(
            [th, sc, k](V4d x) CIRCA_LAMBDA {
              V4d out = Splat(0.0);
              for (std::size_t i = 0; i < k; ++i) {
                out = x <= th[i] ? Splat(sc[i]) : out;
              }
              return out;
            },
            t);
      } else {
        Drive<kAccumulate, kExtremes, kStream>(
            [th, sc, k](V4d x) CIRCA_LAMBDA {
              V4d out = Splat(0.0);
              for (std::size_t i = 0; i < k; ++i) {
                out = x >= th[i] ? Splat(sc[i]) : out;
              }
              return out;
            },
            t);
      }
      return;
    }
  }
}

template <int kAccumulate>
CIRCA_INLINE void ScoreAccumulating(const ColumnPlan& p, const ChunkTask& t) {
  const bool stream =
      t.stream && reinterpret_cast<std::uintptr_t>(t.out) % 16 == 0;
  if (stream) {
    if (t.lo != nullptr) {
      ScoreBody<kAccumulate, true, true>(p, t);
    } else {
      ScoreBody<kAccumulate, false, true>(p, t);
    }
#ifdef CIRCA_HAVE_STREAMING_STORES
    if (!t.defer_fence) _mm_sfence();
#endif
  } else if (t.lo != nullptr) {
    ScoreBody<kAccumulate, true, false>(p, t);
  } else {
    ScoreBody<kAccumulate, false, false>(p, t);
  }
}

CIRCA_INLINE void ScoreDispatch(const ColumnPlan& p, const ChunkTask& t) {
  if (t.total != nullptr) {
    if (t.split != nullptr) {
      ScoreAccumulating<2>(p, t);
    } else {
      ScoreAccumulating<1>(p, t);
    }
  } else if (t.lo != nullptr) {
    ScoreBody<0, true, false>(p, t);
  } else {
    ScoreBody<0, false, false>(p, t);
  }
}

CIRCA_INLINE void ExtremesBody(const double* x, Eigen::Index n, double* lo,
                               double* hi) {
  V4d l0 = Splat(x[0]);
  V4d h0 = l0;
  V4d l1 = l0;
  V4d h1 = l0;
  Eigen::Index r = 0;
  for (; r + 8 <= n; r += 8) {
    const V4d a = Load(x + r);
    const V4d b = Load(x + r + 4);
    l0 = Min(l0, a);
    h0 = Max(h0, a);
    l1 = Min(l1, b);
    h1 = Max(h1, b);
  }
  double l[4], h[4];
  Store(l, Min(l0, l1));
  Store(h, Max(h0, h1));
  double a = std::min(std::min(l[0], l[1]), std::min(l[2], l[3]));
  double b = std::max(std::max(h[0], h[1]), std::max(h[2], h[3]));
  for (; r < n; ++r) {
    a = std::min(a, x[r]);
    b = std::max(b, x[r]);
  }
  *lo = a;
  *hi = b;
}

void ScorePortable(const ColumnPlan& p, const ChunkTask& t) {
  ScoreDispatch(p, t);
}
void ExtremesPortable(const double* x, Eigen::Index n, double* lo, double* hi) {
  ExtremesBody(x, n, lo, hi);
}

#if defined(__x86_64__)
#define CIRCA_HAVE_AVX2_KERNELS 1
__attribute__((target("avx2"))) void ScoreAvx2(const ColumnPlan& p,
                                               const ChunkTask& t) {
  ScoreDispatch(p, t);
}
__attribute__((target("avx2"))) void ExtremesAvx2(const double* x,
                                                  Eigen::Index n, double* lo,
                                                  double* hi) {
  ExtremesBody(x, n, lo, hi);
}
bool CpuHasAvx2() { return __builtin_cpu_supports("avx2"); }
#else
bool CpuHasAvx2() { return false; }
#endif

std::atomic<bool> g_simd{true};

bool UseAvx2() {
  static const bool has = CpuHasAvx2();
  return has && g_simd.load(std::memory_order_relaxed);
}

}  // namespace

ColumnPlan PlanColumn(const ScoringRule& rule, double min, double max,
                      double total) {
  using Op = ColumnPlan::Op;
  ColumnPlan p;
  const bool lower = rule.better == Direction::kLowerIsBetter;
  // When the lowest price is 0, every ratio rule degenerates: a bid at 0
  // takes full marks and any bid above 0 takes none (the limit P_min -> 0).
  const auto zero_lowest = [&p] {
    p.op = Op::kIsZero;
    p.note = NoteKind::kLowestIsZero;
  };
  const auto constant = [&p](double value, NoteKind note) {
    p.op = Op::kConstant;
    p.a = value;
    p.note = note;
  };
  switch (rule.rule) {
    case Rule::kLowestRatio:
      if (min <= 0) {
        zero_lowest();
      } else {
        p.op = Op::kDivideInto;
        p.a = min;
      }
      break;
    case Rule::kPercentOfLowest:
      if (min <= 0) {
        zero_lowest();
      } else {
        p.op = Op::kPercentOfLowest;
        p.a = min;
      }
      break;
    case Rule::kLogarithmic:
      if (min <= 0) {
        zero_lowest();
      } else {
        // ln(P / P_min), as ln P - ln P_min where P / P_min overflows (a
        // tiny lowest and a huge price), so the score stays finite.
        p.op = Op::kLog;
        p.a = min;
        p.b = std::log(rule.zero_at);
        p.c = std::log(min);
        p.clamp = !rule.allow_negative;
      }
      break;
    case Rule::kLinearRange:
      if (max == min) {
        constant(1.0, NoteKind::kAllEqual);
        break;
      }
      // Halves: max - min of two finite values can overflow (-1e308 and
      // 1e308); their halves' difference cannot, and the ratio is the same.
      p.op = lower ? Op::kRangeLower : Op::kRangeHigher;
      p.a = lower ? 0.5 * max : 0.5 * min;
      p.b = 0.5 * max - 0.5 * min;
      break;
    case Rule::kLinearCeiling:
      if (min >= rule.ceiling) {
        constant(0.0, NoteKind::kNoneBelowCeiling);
        break;
      }
      p.op = Op::kCeiling;
      p.a = rule.ceiling;
      p.b = rule.ceiling - min;
      break;
    case Rule::kLinear:
      p.op = Op::kLinear;
      p.a = rule.worst;
      p.b = rule.best - rule.worst;
      break;
    case Rule::kRatioToBest:
      if (lower) {
        if (min <= 0) {
          zero_lowest();
        } else {
          p.op = Op::kDivideInto;
          p.a = min;
        }
      } else if (max <= 0) {
        constant(0.0, NoteKind::kBestIsZero);
      } else {
        p.op = Op::kDivideBy;
        p.a = max;
      }
      break;
    case Rule::kShareOfTotal:
      // x / sum x = (x / max) / sum (x / max), and (1/x) / sum (1/x) =
      // (min / x) / sum (min / x): `total` is the scaled sum (>= 1), so
      // nothing overflows. Values are >= 0 (the bid reader refuses
      // negatives; a negative one would count as 0).
      if (lower) {
        if (min <= 0) {
          zero_lowest();
        } else {
          p.op = Op::kShareLower;
          p.a = min;
          p.b = total;
        }
      } else if (max <= 0) {
        constant(0.0, NoteKind::kBestIsZero);
      } else {
        p.op = Op::kShareHigher;
        p.a = max;
        p.b = total;
      }
      break;
    case Rule::kBelowHighest:
      // Every price 0: all equal, full marks.
      if (max <= 0) {
        constant(1.0, NoteKind::kAllEqual);
      } else {
        p.op = Op::kBelow;
        p.a = max;
      }
      break;
    case Rule::kSteps:
      // Later writes win, so "at least" steps run upwards (the highest
      // threshold met) and "at most" steps downwards (the lowest met).
      p.op = Op::kSteps;
      p.at_most = lower;
      for (std::size_t k = 0; k < rule.steps.size(); ++k) {
        const Step& st = rule.steps[lower ? rule.steps.size() - 1 - k : k];
        p.thresholds.push_back(st.threshold);
        p.scores.push_back(st.score);
      }
      break;
    case Rule::kYesNo:
      p.op = Op::kCopy;
      break;
    case Rule::kScale:
      p.op = Op::kDivideBy;
      p.a = rule.levels.back().value;
      break;
  }
  return p;
}

void ScoreChunk(const ColumnPlan& plan, const ChunkTask& task) {
  if (task.len <= 0) return;
#ifdef CIRCA_HAVE_AVX2_KERNELS
  if (UseAvx2()) {
    ScoreAvx2(plan, task);
    return;
  }
#endif
  ScorePortable(plan, task);
}

void Extremes(const double* x, Eigen::Index n, double* lo, double* hi) {
#ifdef CIRCA_HAVE_AVX2_KERNELS
  if (UseAvx2()) {
    ExtremesAvx2(x, n, lo, hi);
    return;
  }
#endif
  ExtremesPortable(x, n, lo, hi);
}

void StreamFence() {
#ifdef CIRCA_HAVE_STREAMING_STORES
  _mm_sfence();
#endif
}

void StreamCopy(double* dst, const double* src, Eigen::Index n) {
  Eigen::Index i = 0;
#ifdef CIRCA_HAVE_STREAMING_STORES
  if (n > 0 && reinterpret_cast<std::uintptr_t>(dst) % 16 != 0) {
    dst[0] = src[0];
    i = 1;
  }
  if (reinterpret_cast<std::uintptr_t>(dst + i) % 16 == 0) {
    for (; i + 2 <= n; i += 2) _mm_stream_pd(dst + i, _mm_loadu_pd(src + i));
  }
#endif
  for (; i < n; ++i) dst[i] = src[i];
}

bool UseSimdKernels(bool on) { return g_simd.exchange(on); }

bool SimdKernelsActive() { return UseAvx2(); }

namespace {
std::atomic<int> g_threads{0};
std::atomic<Eigen::Index> g_min_rows{ScoreThreading{}.min_rows};
}  // namespace

ScoreThreading SetScoreThreading(const ScoreThreading& threading) {
  ScoreThreading old;
  old.threads = g_threads.exchange(std::max(threading.threads, 0));
  old.min_rows =
      g_min_rows.exchange(std::max<Eigen::Index>(threading.min_rows, 1));
  return old;
}

int ScoreThreadsFor(Eigen::Index n) {
  const Eigen::Index blocks = (n + kSplitRows - 1) / kSplitRows;
  const Eigen::Index most = std::min(n / g_min_rows.load(), blocks);
  if (most <= 1) return 1;  // most calls: a tender's few bids
  const int set = g_threads.load();
  // glibc's get_nprocs opens and reads a /sys file on every call (three
  // system calls), so the cores are counted once per process.
  static const Eigen::Index cores =
      std::max(1u, std::thread::hardware_concurrency());
  const Eigen::Index want = set > 0 ? set : cores;
  return static_cast<int>(std::max<Eigen::Index>(1, std::min(want, most)));
}

}  // namespace circa::score
