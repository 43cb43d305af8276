// The small pieces every topic's words share.
#include "explain/words.h"

namespace circa::explain {

std::string Pts(double v) { return FormatNumber(v, kPointDecimals); }

std::string Ordinal(int n) {
  const int mod100 = n % 100;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string BidId(int bid, const std::vector<std::string>* ids) {
  if (ids != nullptr && bid >= 0 &&
      static_cast<std::size_t>(bid) < ids->size()) {
    return (*ids)[static_cast<std::size_t>(bid)];
  }
  return "bid " + std::to_string(bid + 1);
}

int PointDecimals(const CriteriaSet* set) {
  return set != nullptr && set->rounding.decimals >= 0 ? set->rounding.decimals
                                                       : 2;
}

std::string CriterionName(const CriteriaSet* set, const std::string& id,
                          const std::string& fallback) {
  if (set != nullptr) {
    if (const Criterion* c = set->Find(id)) return c->name;
  }
  return fallback;
}

}  // namespace circa::explain
