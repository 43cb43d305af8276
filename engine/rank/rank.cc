#include "rank/rank.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace circa::rank {

void Rank(Evaluation* e) {
  const auto n = static_cast<std::size_t>(e->totals.size());
  e->status.assign(n, BidStatus::kRanked);
  e->rank.assign(n, 0);
  e->tied.assign(n, false);
  // Sort by total (best first), then input order: a strict order, so the
  // result never depends on the sort algorithm. Ties are found afterwards.
  std::vector<std::pair<double, int>> keyed(n);
  for (std::size_t i = 0; i < n; ++i) {
    keyed[i] = {-e->totals[static_cast<Eigen::Index>(i)], static_cast<int>(i)};
  }
  std::sort(keyed.begin(), keyed.end());
  e->order.resize(n);
  for (std::size_t i = 0; i < n; ++i) e->order[i] = keyed[i].second;
  const Eigen::VectorXd& t = e->totals;
  const auto equal = [&](int a, int b) {
    return std::abs(t[a] - t[b]) <= kTieTolerance;
  };
  // Within a run of equal totals, keep input order.
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && equal(e->order[j - 1], e->order[j])) ++j;
    std::sort(e->order.begin() + static_cast<std::ptrdiff_t>(i),
              e->order.begin() + static_cast<std::ptrdiff_t>(j));
    i = j;
  }
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i + 1;
    while (j < n && equal(e->order[j - 1], e->order[j])) ++j;
    for (std::size_t k = i; k < j; ++k) {
      const auto bid = static_cast<std::size_t>(e->order[k]);
      e->rank[bid] = static_cast<int>(i) + 1;
      e->tied[bid] = j - i > 1;
    }
    if (j - i > 1) {
      e->notes.push_back(
          {-1, std::to_string(j - i) + " bids share rank " +
                   std::to_string(i + 1) +
                   " with equal totals; the criteria set declares no "
                   "tie-break, so the tie stands"});
    }
    i = j;
  }
}

}  // namespace circa::rank
