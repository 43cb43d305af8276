#include "rank/rank.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "util/number_format.h"

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

std::string Name(int bid, const std::vector<std::string>* names) {
  if (names != nullptr && static_cast<std::size_t>(bid) < names->size()) {
    return (*names)[static_cast<std::size_t>(bid)];
  }
  return "bid " + std::to_string(bid + 1);
}

std::string List(const std::vector<int>& bids,
                 const std::vector<std::string>* names) {
  std::string out;
  for (std::size_t i = 0; i < bids.size(); ++i) {
    out += (i == 0                 ? ""
            : i + 1 == bids.size() ? " and "
                                   : ", ") +
           Name(bids[i], names);
  }
  return out;
}

// Splits `group` (bids with equal totals, input order) by the policy from
// rule `r` on; appends the resulting runs (best first) to `runs` and the
// sentences of the rules that separated bids to `steps`.
void Break(const std::vector<int>& group, std::size_t r,
           const std::vector<TieRule>& policy,
           const std::vector<std::string>* names,
           std::vector<std::vector<int>>* runs,
           std::vector<std::string>* steps) {
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
    std::string s = "rule " + std::to_string(r + 1) + ", " + rule.name + ": ";
    for (std::size_t i = 0; i < keyed.size(); ++i) {
      const std::string shown = rule.show(keyed[i].second);
      s += (i == 0 ? "" : ", ") + Name(keyed[i].second, names) +
           (shown.empty() ? "" : " " + shown);
    }
    steps->push_back(s);
  }
  for (const auto& part : parts) {
    Break(part, r + 1, policy, names, runs, steps);
  }
}

}  // namespace

void Rank(Evaluation* e, const std::vector<TieRule>& policy,
          const std::vector<std::string>* names) {
  const auto n = static_cast<std::size_t>(e->totals.size());
  if (e->status.size() != n) e->status.assign(n, BidStatus::kRanked);
  e->rank.assign(n, 0);
  e->tied.assign(n, false);
  e->tie_breaks.clear();
  // Sort the ranked bids by total (best first), then input order: a strict
  // order, so the result never depends on the sort algorithm.
  std::vector<std::pair<double, int>> keyed;
  for (std::size_t i = 0; i < n; ++i) {
    if (e->status[i] != BidStatus::kRanked) continue;
    keyed.emplace_back(-e->totals[static_cast<Eigen::Index>(i)],
                       static_cast<int>(i));
  }
  std::sort(keyed.begin(), keyed.end());
  const Eigen::VectorXd& t = e->totals;
  const auto equal = [&](int a, int b) {
    return std::abs(t[a] - t[b]) <= kTieTolerance;
  };
  e->order.clear();
  std::size_t i = 0;
  while (i < keyed.size()) {
    std::size_t j = i + 1;
    while (j < keyed.size() && equal(keyed[j - 1].second, keyed[j].second)) {
      ++j;
    }
    std::vector<int> group;
    for (std::size_t k = i; k < j; ++k) group.push_back(keyed[k].second);
    std::sort(group.begin(), group.end());  // input order within a tie
    std::vector<std::vector<int>> runs;
    std::vector<std::string> steps;
    Break(group, 0, policy, names, &runs, &steps);
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
      record.steps = steps;
      record.resolved = runs.size() == group.size();
      const std::string who = List(group, names);
      const std::string at = std::to_string(group.size()) + " bids (" + who +
                             ") tie at rank " + std::to_string(i + 1) +
                             " with " + FormatNumber(record.total, 2) +
                             " points";
      if (policy.empty()) {
        e->notes.push_back({-1, at + "; the criteria set declares no "
                                     "tie-break, so the tie stands and they "
                                     "share the rank"});
      } else {
        std::string text = at + "; the declared tie-break ";
        text += record.resolved ? "decided it" : "did not separate all of them";
        if (!steps.empty()) {
          text += " (";
          for (std::size_t s = 0; s < steps.size(); ++s) {
            text += (s == 0 ? "" : "; ") + steps[s];
          }
          text += ")";
        }
        if (!record.resolved) text += "; bids still tied share their rank";
        e->notes.push_back({-1, text});
      }
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
