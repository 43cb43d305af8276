// The criteria of a set by id, built in one walk of the tree.
// CriteriaSet::Find walks the tree for every lookup, so code that looks up
// every leaf (names of the columns, a comment per column) with Find costs
// leaves²: 20,000 flat criteria took seconds. Depends only on the public
// criteria types.
#ifndef CIRCA_ENGINE_UTIL_CRITERIA_INDEX_H_
#define CIRCA_ENGINE_UTIL_CRITERIA_INDEX_H_

#include <string_view>
#include <unordered_map>

#include "circa/criteria.h"

namespace circa::util {

class CriteriaIndex {
 public:
  explicit CriteriaIndex(const CriteriaSet& set);

  // The same criterion as set.Find(id): the first with that id, depth
  // first; nullptr if none. Valid while the set is alive and unmodified.
  const Criterion* Find(std::string_view id) const;

 private:
  void Add(const std::vector<Criterion>& list);

  std::unordered_map<std::string_view, const Criterion*> by_id_;
};

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_CRITERIA_INDEX_H_
