// The small pieces every topic's words share.
#include "explain/words.h"

#include "circa/labels.h"

namespace circa::explain {

std::string Pts(double v, const Messages& m) {
  return m.Number(v, kPointDecimals);
}

std::string BidId(int bid, const std::vector<std::string>* ids,
                  const Messages& m) {
  if (ids != nullptr && bid >= 0 &&
      static_cast<std::size_t>(bid) < ids->size()) {
    return (*ids)[static_cast<std::size_t>(bid)];
  }
  return m("bid.numbered", {{"n", std::to_string(bid + 1)}});
}

int PointDecimals(const CriteriaSet* set) {
  return set != nullptr && set->rounding.decimals >= 0 ? set->rounding.decimals
                                                       : 2;
}

std::string CriterionName(const CriteriaSet* set, const std::string& id,
                          const std::string& fallback, Language language) {
  if (set != nullptr) {
    if (const Criterion* c = set->Find(id)) return LocalName(*c, language);
  }
  return fallback;
}

std::string JoinAnd(const std::vector<std::string>& items, const Messages& m) {
  std::string s;
  for (std::size_t t = 0; t < items.size(); ++t) {
    if (t) {
      s += t + 1 == items.size() ? m("list.and") : m("list.comma");
    }
    s += items[t];
  }
  return s;
}

}  // namespace circa::explain
