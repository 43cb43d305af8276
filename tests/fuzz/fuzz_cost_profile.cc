// Fuzz target: cost profiles on arbitrary bytes, read as YAML
// (ParseCostProfile) and as CSV (ParseCostProfileCsv). A valid profile is
// evaluated: every LCC is finite, offers are ranked, and each offer's
// matrices have one row per year and one column per component.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "circa/circa.h"
#include "explain/money_words.h"
#include "fuzz/fuzz_check.h"

namespace {

void CheckProfile(const circa::Result<circa::CostProfile>& result,
                  const std::string& file) {
  circa_fuzz::CheckResult(result, file);
  if (!result.ok()) return;
  const circa::CostProfile& p = *result.value;
  FUZZ_CHECK(p.horizon >= 1 && !p.offers.empty(), "a valid profile");
  const circa::LccEvaluation e = circa::EvaluateLcc(p);
  FUZZ_CHECK(e.offers.size() == p.offers.size(), "one result per offer");
  FUZZ_CHECK(e.order.size() == e.offers.size(), "every offer ranked");
  for (std::size_t i = 0; i < e.offers.size(); ++i) {
    const circa::LccOfferResult& o = e.offers[i];
    FUZZ_CHECK(o.nominal.rows() == p.horizon + 1 &&
                   o.nominal.cols() == circa::kLccComponents,
               o.id);
    // Huge declared amounts may overflow to infinity, never to NaN.
    FUZZ_CHECK(!std::isnan(o.lcc), "LCC of " + o.id + " is NaN");
    FUZZ_CHECK(o.rank >= 1 && o.rank <= static_cast<int>(e.offers.size()),
               o.id);
    FUZZ_CHECK(!circa::LccOfferSentence(e, i).empty(), o.id);
  }
  std::vector<std::string> ids;
  for (const circa::CostOffer& o : p.offers) ids.push_back(o.id);
  const auto values = circa::LccForBids(e, ids, file);
  FUZZ_CHECK(values.ok(), "every offer is a bid of its own ids");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckProfile(circa::ParseCostProfile(text, "fuzz.yaml"), "fuzz.yaml");
  CheckProfile(circa::ParseCostProfileCsv(text, "fuzz.csv"), "fuzz.csv");
  return 0;
}
