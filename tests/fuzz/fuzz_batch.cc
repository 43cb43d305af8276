// Fuzz target: the parsers of the archive and batch (docs/archive.md,
// docs/batch.md) on arbitrary bytes — a scenarios file, a compact tender,
// a JSON line of `circa batch --input -`. Scenarios that parse are applied
// to a fixed tender and scored; a compact form that decodes is scored; no
// input may crash, and every scenario result names its scenario.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "batch_tender.h"
#include "circa/batch.h"
#include "circa/circa.h"
#include "fuzz/fuzz_check.h"

namespace {

const circa::Tender& Fixed() {
  static const circa::Tender tender = [] {
    circa::Result<circa::Tender> t = circa_test::BatchTender(
        "bid,supplier,price,quality\nA,a,100,2\nB,b,150,6\nC,c,120,4\n");
    FUZZ_CHECK(t.ok(), "the fixed tender loads");
    return std::move(*t.value);
  }();
  return tender;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  circa::BatchOptions options;
  options.reversal = false;
  const auto scenarios = circa::ParseScenarios(text, "scenarios.yaml");
  FUZZ_CHECK(scenarios.ok() == !circa::HasErrors(scenarios.diagnostics),
             "a value exactly when there is no error");
  for (const circa::Diagnostic& d : scenarios.diagnostics) {
    FUZZ_CHECK(d.where.file == "scenarios.yaml" && d.where.line >= 0,
               d.ToString());
  }
  if (scenarios.ok()) {
    const circa::TenderBatchResult r =
        circa::ScoreTender(Fixed(), *scenarios.value, options);
    FUZZ_CHECK(r.error.empty(), r.error);
    FUZZ_CHECK(r.scenarios.size() == scenarios.value->size(),
               "one per scenario");
    for (std::size_t k = 0; k < r.scenarios.size(); ++k) {
      FUZZ_CHECK(r.scenarios[k].scenario == (*scenarios.value)[k].name,
                 "scenario order");
    }
  }
  if (auto tender = circa::DecodeCompactTender(text)) {
    (void)circa::ScoreTender(*tender, {}, options);
  }
  (void)circa::ParseTenderLine(text, 1, nullptr);
  return 0;
}
