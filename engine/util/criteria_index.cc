#include "util/criteria_index.h"

namespace circa::util {

CriteriaIndex::CriteriaIndex(const CriteriaSet& set) { Add(set.criteria); }

void CriteriaIndex::Add(const std::vector<Criterion>& list) {
  for (const Criterion& c : list) {
    // emplace keeps the first: Find's answer when an id is repeated.
    by_id_.emplace(c.id, &c);
    Add(c.children);
  }
}

const Criterion* CriteriaIndex::Find(std::string_view id) const {
  const auto it = by_id_.find(id);
  return it != by_id_.end() ? it->second : nullptr;
}

}  // namespace circa::util
