#include "rank/rank.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "io/numbers.h"

namespace circa {

bool Evaluation::Scored(Eigen::Index bid, bool money_column) const {
  if (exclusion.empty()) return true;
  const ExclusionStage s = exclusion[static_cast<std::size_t>(bid)].stage;
  if (s == ExclusionStage::kNone) return true;
  if (s == ExclusionStage::kRequirement) return false;
  return !money_column;
}

int Evaluation::RankedCount() const {
  return static_cast<int>(
      std::count(status.begin(), status.end(), BidStatus::kRanked));
}

namespace rank {
namespace {

// Splits `group` (bids with equal totals, input order) by the policy from
// rule `r` on; appends the resulting runs (best first) to `runs` and the
// keys of the rules that separated bids to `steps`.
void Break(const std::vector<int>& group, std::size_t r,
           const std::vector<TieRule>& policy,
           std::vector<std::vector<int>>* runs,
           std::vector<TieBreakStepRecord>* steps) {
  if (group.size() < 2 || r >= policy.size()) {
    runs->push_back(group);
    return;
  }
  const TieRule& rule = policy[r];
  std::vector<std::pair<std::optional<double>, int>> keyed;
  for (const int b : group) keyed.emplace_back(rule.key(b), b);
  // Stable: bids with equal keys keep input order.
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) {
                     if (a.first.has_value() != b.first.has_value())
                       return a.first.has_value();
                     return a.first && *a.first < *b.first;
                   });
  std::vector<std::vector<int>> parts;
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    const bool same =
        i > 0 && keyed[i].first.has_value() == keyed[i - 1].first.has_value() &&
        (!keyed[i].first ||
         std::abs(*keyed[i].first - *keyed[i - 1].first) <= rule.tolerance);
    if (!same) parts.emplace_back();
    parts.back().push_back(keyed[i].second);
  }
  if (parts.size() > 1) {
    TieBreakStepRecord step;
    step.rule = static_cast<int>(r);
    step.step = rule.step;
    for (const auto& [key, bid] : keyed) {
      step.keys.push_back(
          {bid, key, rule.as_written ? rule.as_written(bid) : std::string()});
    }
    steps->push_back(std::move(step));
  }
  for (const auto& part : parts) {
    Break(part, r + 1, policy, runs, steps);
  }
}

// An unsigned key that orders like -x (best total first), equal for equal
// totals (-0 and +0 alike).
std::uint64_t DescendingKey(double x) {
  x += 0.0;  // -0 -> +0
  std::uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  const std::uint64_t ascending =
      (bits >> 63) != 0 ? ~bits : bits | 0x8000000000000000ULL;
  return ~ascending;
}

struct Keyed {
  std::uint64_t key;
  int id;
};

// Sorts `a` by key, equal keys kept in their order: insertion sort for a
// few, a stable merge sort for more.
void SortRun(Keyed* a, std::size_t n) {
  if (n > 32) {
    std::stable_sort(
        a, a + n, [](const Keyed& x, const Keyed& y) { return x.key < y.key; });
    return;
  }
  for (std::size_t i = 1; i < n; ++i) {
    const Keyed v = a[i];
    std::size_t j = i;
    for (; j > 0 && v.key < a[j - 1].key; --j) a[j] = a[j - 1];
    a[j] = v;
  }
}

// The places 0 .. n-1 of `t` (totals; n >= 64, n < 2^32) sorted best
// total first, equal totals (-0 and +0 alike) in place order: a stable LSD
// radix sort, in one or two passes of 11-bit digits, of 8-byte items (the
// leading (up to) 22 bits of key - least key, then the place), whose keys
// are worked out from the totals as they are read (no array of keys);
// then each run of equal leading bits (rare: a handful of places) sorted by
// its whole key. The same order as sorting (-total, place) pairs with a
// comparison sort. Returns the items: the place is the low 32 bits.
std::unique_ptr<std::uint64_t[]> KeySort(const double* t, std::size_t n) {
  // The least and greatest key are those of the greatest and least total.
  double tmin = t[0];
  double tmax = t[0];
  for (std::size_t i = 1; i < n; ++i) {
    tmin = t[i] < tmin ? t[i] : tmin;
    tmax = t[i] > tmax ? t[i] : tmax;
  }
  const std::uint64_t lo = DescendingKey(tmax);
  const std::uint64_t hi = DescendingKey(tmin);
  std::unique_ptr<std::uint64_t[]> items(new std::uint64_t[n]);
  if (lo == hi) {
    for (std::size_t i = 0; i < n; ++i) items[i] = i;
    return items;
  }
  constexpr int kDigit = 11;
  constexpr std::size_t kRadix = std::size_t{1} << kDigit;
  const int width = static_cast<int>(std::bit_width(hi - lo));
  const int bits = std::min(width, 2 * kDigit);
  const int shift = width - bits;
  const int passes = (bits + kDigit - 1) / kDigit;
  // Not value-initialised: every item is written before it is read.
  std::unique_ptr<std::uint64_t[]> other(new std::uint64_t[n]);
  // Both digits' counts in the same read.
  std::vector<std::uint32_t> count(2 * kRadix, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t d = (DescendingKey(t[i]) - lo) >> shift;
    items[i] = d << 32 | i;
    ++count[d & (kRadix - 1)];
    ++count[kRadix + ((d >> kDigit) & (kRadix - 1))];
  }
  for (int pass = 0; pass < passes; ++pass) {
    std::uint32_t* c = count.data() + static_cast<std::size_t>(pass) * kRadix;
    // A digit every key shares moves nothing.
    if (std::find(c, c + kRadix, static_cast<std::uint32_t>(n)) != c + kRadix) {
      continue;
    }
    std::uint32_t sum = 0;
    for (std::size_t b = 0; b < kRadix; ++b) {
      const std::uint32_t size = c[b];
      c[b] = sum;
      sum += size;
    }
    const int at = 32 + pass * kDigit;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      const std::uint64_t v0 = items[i];
      const std::uint64_t v1 = items[i + 1];
      const std::uint64_t v2 = items[i + 2];
      const std::uint64_t v3 = items[i + 3];
      other[c[(v0 >> at) & (kRadix - 1)]++] = v0;
      other[c[(v1 >> at) & (kRadix - 1)]++] = v1;
      other[c[(v2 >> at) & (kRadix - 1)]++] = v2;
      other[c[(v3 >> at) & (kRadix - 1)]++] = v3;
    }
    for (; i < n; ++i) {
      const std::uint64_t v = items[i];
      other[c[(v >> at) & (kRadix - 1)]++] = v;
    }
    items.swap(other);
  }
  // Runs of equal leading bits, by their whole keys (places rewritten in
  // the items, the leading bits kept).
  std::vector<Keyed> run;
  for (std::size_t i = 1; i < n; ++i) {
    if (items[i] >> 32 != items[i - 1] >> 32) continue;
    const std::uint64_t d = items[i] >> 32;
    std::size_t j = i + 1;
    while (j < n && items[j] >> 32 == d) ++j;
    run.clear();
    for (std::size_t k = i - 1; k < j; ++k) {
      const auto place = static_cast<std::size_t>(items[k] & 0xffffffffU);
      run.push_back({DescendingKey(t[place]), static_cast<int>(place)});
    }
    SortRun(run.data(), run.size());
    for (std::size_t k = i - 1; k < j; ++k) {
      items[k] = d << 32 | static_cast<std::uint32_t>(run[k - (i - 1)].id);
    }
    i = j;
  }
  return items;
}

}  // namespace

std::uint64_t DrawKey(std::uint64_t seed, std::string_view bid_id) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, 64 bit
  for (const char c : bid_id) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  std::uint64_t z = seed ^ h;  // SplitMix64 finaliser (Steele et al. 2014)
  z += 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<TieRule> CompilePolicy(const std::vector<TieBreakStep>& steps,
                                   const TieInputs& in) {
  std::vector<TieRule> policy;
  const auto row = [row = in.row](int k) -> std::size_t {
    return static_cast<std::size_t>(row ? row(k) : k);
  };
  for (const TieBreakStep& step : steps) {
    TieRule r;
    r.step = step;
    switch (step.kind) {
      case TieBreakStep::Kind::kHigherPoints:
        if (in.higher_points) r.key = in.higher_points(step);
        r.tolerance = kTieTolerance;
        break;
      case TieBreakStep::Kind::kLowerValue:
        if (in.lower_value) r.key = in.lower_value(step);
        break;
      case TieBreakStep::Kind::kEarlier: {
        const BidSet* bids = in.bids;
        int f = bids != nullptr ? bids->FieldIndex(step.target) : -1;
        if (f >= 0 && static_cast<std::size_t>(f) >= bids->fields.size()) {
          f = -1;
        }
        const auto text = [bids, f, row](int k) -> const std::string* {
          if (f < 0) return nullptr;
          return &bids->fields[static_cast<std::size_t>(f)][row(k)];
        };
        r.key = [text](int k) -> std::optional<double> {
          const std::string* v = text(k);
          if (v == nullptr) return std::nullopt;
          return io::ParseTimestamp(*v);
        };
        r.as_written = [text](int k) {
          const std::string* v = text(k);
          return v == nullptr ? std::string() : *v;
        };
        break;
      }
      case TieBreakStep::Kind::kDraw: {
        const std::uint64_t seed = step.seed;
        const std::vector<std::string>* ids = in.ids;
        r.key = [ids, seed](int k) -> std::optional<double> {
          const std::string id = ids != nullptr
                                     ? (*ids)[static_cast<std::size_t>(k)]
                                     : std::to_string(k + 1);
          return static_cast<double>(DrawKey(seed, id) >> 11);
        };
        break;
      }
    }
    if (r.key) policy.push_back(std::move(r));
  }
  return policy;
}

void Rank(Evaluation* e, const std::vector<TieRule>& policy) {
  const auto n = static_cast<std::size_t>(e->totals.size());
  if (e->status.size() != n) e->status.assign(n, BidStatus::kRanked);
  e->tied.assign(n, false);
  e->tie_breaks.clear();
  // Sort the ranked bids by total (best first), then input order: a strict
  // order, so the result never depends on the sort algorithm. When every
  // bid is ranked (the usual case) a bid is its own place in the sort.
  const double* totals = e->totals.data();
  std::vector<int> ids;
  std::vector<double> ranked_totals;
  const bool all_ranked =
      std::find_if(e->status.begin(), e->status.end(), [](BidStatus s) {
        return s != BidStatus::kRanked;
      }) == e->status.end();
  if (all_ranked) {
    // Every rank is written below.
    e->rank.resize(n);
  } else {
    e->rank.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (e->status[i] != BidStatus::kRanked) continue;
      ids.push_back(static_cast<int>(i));
      ranked_totals.push_back(totals[i]);
    }
    totals = ranked_totals.data();
  }
  const std::size_t ranked = all_ranked ? n : ids.size();
  // items[k] & 0xffffffff: the place (in `totals`) of the k-th best; the
  // bid is the place itself, or ids[place].
  std::unique_ptr<std::uint64_t[]> items;
  if (ranked >= 64 && ranked <= 0xffffffffU) {
    items = KeySort(totals, ranked);
  } else {
    std::vector<Keyed> small;
    small.reserve(ranked);
    for (std::size_t i = 0; i < ranked; ++i) {
      small.push_back({DescendingKey(totals[i]), static_cast<int>(i)});
    }
    SortRun(small.data(), ranked);
    items.reset(new std::uint64_t[ranked]);
    for (std::size_t k = 0; k < ranked; ++k) {
      items[k] = static_cast<std::uint32_t>(small[k].id);
    }
  }
  // Every bid has its place in `order`: ranked ones from the front, in
  // sorted order, excluded ones after them.
  e->order.resize(n);
  int* order = e->order.data();
  int* rank = e->rank.data();
  // First as if no two bids were tied: the k-th best has rank k + 1.
  // Neighbours within the tolerance (-0 and +0 alike) are noted: `near`
  // holds each k whose total is within it of the (k-1)-th.
  std::vector<std::size_t> near;
  double last = 0;
  for (std::size_t k = 0; k < ranked; ++k) {
    const auto p = static_cast<std::size_t>(items[k] & 0xffffffffU);
    const int b = all_ranked ? static_cast<int>(p) : ids[p];
    const double total = totals[p];
    order[k] = b;
    rank[b] = static_cast<int>(k) + 1;
    if (k > 0 && std::abs(last - total) <= kTieTolerance) near.push_back(k);
    last = total;
  }
  // Then each group of neighbours within the tolerance: its bids in input
  // order, split by the policy, in the places [i, j) the group holds.
  const Eigen::VectorXd& t = e->totals;
  for (std::size_t g = 0; g < near.size();) {
    const std::size_t i = near[g] - 1;
    std::size_t j = near[g] + 1;
    ++g;
    while (g < near.size() && near[g] == j) {
      ++j;
      ++g;
    }
    std::vector<int> group(order + i, order + j);
    std::sort(group.begin(), group.end());  // input order within a tie
    std::vector<std::vector<int>> runs;
    std::vector<TieBreakStepRecord> steps;
    Break(group, 0, policy, &runs, &steps);
    std::size_t pos = i;
    for (const auto& run : runs) {
      const int r = static_cast<int>(pos) + 1;
      for (const int b : run) {
        rank[b] = r;
        e->tied[static_cast<std::size_t>(b)] = run.size() > 1;
        order[pos++] = b;
      }
    }
    TieBreakRecord record;
    record.total = t[group.front()];
    record.bids = group;
    record.order.assign(order + i, order + j);
    record.rank = static_cast<int>(i + 1);
    record.steps = std::move(steps);
    record.policy_rules = static_cast<int>(policy.size());
    record.resolved = runs.size() == group.size();
    Note note;
    note.kind = NoteKind::kTie;
    note.record = static_cast<int>(e->tie_breaks.size());
    e->notes.push_back(std::move(note));
    e->tie_breaks.push_back(std::move(record));
  }
  std::size_t pos = ranked;
  for (std::size_t b = 0; b < n && !all_ranked; ++b) {
    if (e->status[b] != BidStatus::kRanked) {
      order[pos++] = static_cast<int>(b);
    }
  }
}

}  // namespace rank
}  // namespace circa
