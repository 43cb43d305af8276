// Fuzz target: ParseCriteria on arbitrary bytes. When the bytes are a valid
// criteria set, it is also compiled, scored on a few synthetic bids (values
// at the rule's own anchors, zero, and far away) and rendered in every
// format, so that fuzzed rule parameters reach the scoring code.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "circa/circa.h"
#include "circa/validate.h"
#include "fuzz/fuzz_check.h"

namespace {

constexpr const char* kFile = "fuzz.yaml";

// The value bid `bid` gives leaf `leaf`: something each rule must handle.
double SyntheticValue(const circa::Criterion& leaf, int bid) {
  const circa::ScoringRule& r = *leaf.scoring;
  switch (r.rule) {
    case circa::Rule::kYesNo:
      return bid % 2;
    case circa::Rule::kScale:
      return r.levels[static_cast<std::size_t>(bid) % r.levels.size()].value;
    default:
      break;
  }
  double anchor = 0;
  if (r.rule == circa::Rule::kLinear) anchor = bid == 1 ? r.worst : r.best;
  if (r.rule == circa::Rule::kLinearCeiling) anchor = r.ceiling;
  if (r.rule == circa::Rule::kSteps && !r.steps.empty()) {
    anchor = r.steps[static_cast<std::size_t>(bid) % r.steps.size()].threshold;
  }
  switch (bid) {
    case 0:
    case 3:  // a tie with bid 0
      return 1000;
    case 1:
      return anchor < 0 && leaf.type != circa::CriterionType::kQuality ? 0
                                                                       : anchor;
    default:
      return 1e9;
  }
}

circa::BidSet SyntheticBids(const circa::CriteriaSet& set) {
  const std::vector<const circa::Criterion*> leaves = set.Leaves();
  constexpr int kBids = 4;
  circa::BidSet bids;
  bids.values.resize(kBids, static_cast<Eigen::Index>(leaves.size()));
  for (const circa::Criterion* leaf : leaves) bids.criteria.push_back(leaf->id);
  for (int i = 0; i < kBids; ++i) {
    bids.ids.push_back(std::string(1, static_cast<char>('A' + i)));
    bids.suppliers.push_back(i == 2 ? "" : "Supplier " + bids.ids.back());
    bids.rows.push_back({"bids.csv", i + 2, 1});
    for (std::size_t j = 0; j < leaves.size(); ++j) {
      const double v = SyntheticValue(*leaves[j], i);
      bids.values(i, static_cast<Eigen::Index>(j)) = v;
      bids.text.push_back(circa::FormatNumber(v, -1));
    }
  }
  bids.locale = "en";
  bids.source = "bids.csv";
  return bids;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const circa::Result<circa::CriteriaSet> result =
      circa::ParseCriteria(text, kFile);
  circa_fuzz::CheckResult(result, kFile);
  if (!result.ok()) return 0;

  const circa::CriteriaSet& set = *result.value;
  FUZZ_CHECK(!set.Leaves().empty(), "a valid set has at least one leaf");
  if (set.award) {
    // A money-award set ranks on money; its weights need not add up. The
    // synthetic bids give no levels: the award must report that, not crash.
    const circa::Result<circa::AwardResult> award =
        circa::EvaluateAward(set, SyntheticBids(set));
    FUZZ_CHECK(award.ok() == !circa::HasErrors(award.diagnostics),
               "award value present although errors were reported");
    return 0;
  }
  // A set that loaded is stamped as validated, so Compile does not validate
  // it again: the stamp must be sound, validating it again passes.
  FUZZ_CHECK(set.validated, "a loaded set is not stamped as validated");
  FUZZ_CHECK(circa::ValidateCriteria(set).ok(),
             "a loaded set fails when validated again");
  const circa::Result<circa::Scorer> compiled = circa::Scorer::Compile(set);
  FUZZ_CHECK(compiled.ok(), "a set that loaded does not compile");
  const circa::Scorer& scorer = *compiled.value;
  double sum = 0;
  for (const circa::Column& c : scorer.columns()) {
    sum += c.weight;
    FUZZ_CHECK(!circa::DescribeRule(c.rule, set.currency, c.unit).empty(),
               c.id);
  }
  FUZZ_CHECK(std::abs(sum - scorer.scale()) <=
                 1e-6 * std::max(1.0, std::abs(scorer.scale())),
             "effective weights add up to " + std::to_string(sum) +
                 ", not the scale " + std::to_string(scorer.scale()));
  circa_fuzz::CheckEvaluation(set, scorer, SyntheticBids(set));
  return 0;
}
