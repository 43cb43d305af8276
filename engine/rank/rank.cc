#include "rank/rank.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace circa::rank {

void Rank(Evaluation* e) {
  const auto n = static_cast<std::size_t>(e->totals.size());
  e->status.assign(n, BidStatus::kRanked);
  e->rank.assign(n, 0);
  e->tied.assign(n, false);
  e->order.resize(n);
  std::iota(e->order.begin(), e->order.end(), 0);
  const Eigen::VectorXd& t = e->totals;
  const auto equal = [&](int a, int b) {
    return std::abs(t[a] - t[b]) <= kTieTolerance;
  };
  std::stable_sort(e->order.begin(), e->order.end(), [&](int a, int b) {
    return !equal(a, b) && t[a] > t[b];
  });
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i + 1;
    while (j < n && equal(e->order[i], e->order[j])) ++j;
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
