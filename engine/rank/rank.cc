#include "rank/rank.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
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

// Bids `ids` (ascending) sorted by key, equal keys in input order: a stable
// least-significant-digit radix sort, 11 bits a pass, skipping the passes
// in which every key has the same digit. The same order as sorting
// (-total, index) pairs with a comparison sort.
std::vector<int> KeySort(std::vector<std::uint64_t> keys,
                         std::vector<int> ids) {
  constexpr int kBits = 11;
  constexpr int kPasses = (64 + kBits - 1) / kBits;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const std::size_t n = keys.size();
  if (n < 64) {
    std::vector<std::size_t> perm(n);
    for (std::size_t i = 0; i < n; ++i) perm[i] = i;
    std::stable_sort(
        perm.begin(), perm.end(),
        [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    std::vector<int> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = ids[perm[i]];
    return out;
  }
  std::vector<std::uint32_t> count(kBuckets * kPasses, 0);
  for (const std::uint64_t k : keys) {
    for (int p = 0; p < kPasses; ++p) {
      ++count[static_cast<std::size_t>(p) * kBuckets +
              ((k >> (p * kBits)) & (kBuckets - 1))];
    }
  }
  std::vector<std::uint64_t> keys2(n);
  std::vector<int> ids2(n);
  for (int p = 0; p < kPasses; ++p) {
    std::uint32_t* c = &count[static_cast<std::size_t>(p) * kBuckets];
    const std::uint64_t digit0 = (keys[0] >> (p * kBits)) & (kBuckets - 1);
    if (c[digit0] == n) continue;  // every key has this digit
    std::uint32_t sum = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) {
      const std::uint32_t here = c[b];
      c[b] = sum;
      sum += here;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t to = c[(keys[i] >> (p * kBits)) & (kBuckets - 1)]++;
      keys2[to] = keys[i];
      ids2[to] = ids[i];
    }
    keys.swap(keys2);
    ids.swap(ids2);
  }
  return ids;
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
  e->rank.assign(n, 0);
  e->tied.assign(n, false);
  e->tie_breaks.clear();
  // Sort the ranked bids by total (best first), then input order: a strict
  // order, so the result never depends on the sort algorithm.
  std::vector<std::uint64_t> keys;
  std::vector<int> ids;
  keys.reserve(n);
  ids.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (e->status[i] != BidStatus::kRanked) continue;
    keys.push_back(DescendingKey(e->totals[static_cast<Eigen::Index>(i)]));
    ids.push_back(static_cast<int>(i));
  }
  const std::vector<int> sorted = KeySort(std::move(keys), std::move(ids));
  const Eigen::VectorXd& t = e->totals;
  const auto equal = [&](int a, int b) {
    return std::abs(t[a] - t[b]) <= kTieTolerance;
  };
  e->order.clear();
  e->order.reserve(n);
  std::size_t i = 0;
  while (i < sorted.size()) {
    std::size_t j = i + 1;
    while (j < sorted.size() && equal(sorted[j - 1], sorted[j])) {
      ++j;
    }
    if (j == i + 1) {  // no tie: the common case
      const int b = sorted[i];
      e->rank[static_cast<std::size_t>(b)] =
          static_cast<int>(e->order.size()) + 1;
      e->order.push_back(b);
      i = j;
      continue;
    }
    std::vector<int> group(sorted.begin() + static_cast<std::ptrdiff_t>(i),
                           sorted.begin() + static_cast<std::ptrdiff_t>(j));
    std::sort(group.begin(), group.end());  // input order within a tie
    std::vector<std::vector<int>> runs;
    std::vector<TieBreakStepRecord> steps;
    Break(group, 0, policy, &runs, &steps);
    for (const auto& run : runs) {
      const int rank = static_cast<int>(e->order.size()) + 1;
      for (const int b : run) {
        e->rank[static_cast<std::size_t>(b)] = rank;
        e->tied[static_cast<std::size_t>(b)] = run.size() > 1;
      }
      e->order.insert(e->order.end(), run.begin(), run.end());
    }
    if (group.size() > 1) {
      TieBreakRecord record;
      record.total = t[group.front()];
      record.bids = group;
      record.order.assign(
          e->order.end() - static_cast<std::ptrdiff_t>(group.size()),
          e->order.end());
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
    i = j;
  }
  for (std::size_t b = 0; b < n; ++b) {
    if (e->status[b] != BidStatus::kRanked) {
      e->order.push_back(static_cast<int>(b));
    }
  }
}

}  // namespace rank
}  // namespace circa
