// Fuzz target: the workbook reader (io::ParseWorkbookBids, .xlsx and .ods)
// on arbitrary bytes, against the criteria of samples/catering-nl-xlsx with
// its `bids:` layout. Every malformed file must give a located error: the
// diagnostic names the file, or the file and a part of the zip container
// or a sheet and cell ("bids.xlsx:xl/sharedStrings.xml",
// "bids.xlsx:Offertes!C7"). Valid bid sets are scored and rendered.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "circa/circa.h"
#include "fuzz/fuzz_check.h"
#include "io/bids_layout.h"
#include "io/file.h"

namespace {

constexpr const char* kCriteria = R"yaml(circa: 1
id: fuzz-workbook
version: "1"
title: Workbook bids
weights: percent
bids:
  columns: {food_waste: "Voedselverlies (g)"
}
  ignore: [Opmerkingen]
criteria:
  - id: price
    type: price
    weight: 40
    criteria:
      - {id: meal_price, labels: {nl: Prijs per maaltijd}, weight: 75, scoring: {rule: percent-of-lowest}}
      - {id: tableware_service, labels: {nl: Vaatwerkdienst per jaar}, weight: 25, scoring: {rule: linear-ceiling, ceiling: 24000}}
  - id: quality
    type: quality
    weight: 60
    criteria:
      - {id: organic_share, unit: "%", labels: {nl: Bio-aandeel}, weight: 25, scoring: {rule: linear-range}}
      - {id: plant_based_days, labels: {nl: Plantaardige dagen}, weight: 15, scoring: {rule: steps, steps: [[1, 0.3], [2, 0.7], [3, 1]]}}
      - {id: seasonal, labels: {nl: Seizoensgebonden}, weight: 10, scoring: {rule: yes-no}}
      - {id: food_waste, weight: 20, scoring: {rule: steps, better: lower, steps: [[40, 1], [60, 0.6], [80, 0.2]]}}
      - {id: reusable_transport, labels: {nl: Herbruikbaar transport}, weight: 10, scoring: {rule: yes-no}}
      - id: waste_plan
        labels: {nl: Plan voedselverlies}
        weight: 20
        scoring: {rule: scale, levels: {0: onvoldoende, 1: zwak, 2: voldoende, 3: goed, 4: zeer goed}}
)yaml";

struct Fixed {
  circa::CriteriaSet set;
  circa::io::BidsLayout layout;
};

const Fixed& Criteria() {
  static const Fixed fixed = [] {
    Fixed f{circa_fuzz::LoadFixedCriteria(kCriteria), {}};
    circa::Diagnostics diag;
    f.layout =
        circa::io::ReadBidsLayout(kCriteria, "tender.yaml", f.set, &diag);
    FUZZ_CHECK(!diag.HasErrors(), "the fixed layout does not load");
    return f;
  }();
  return fixed;
}

void ParseAs(std::string_view bytes, const std::string& file) {
  const Fixed& fixed = Criteria();
  const circa::Result<circa::BidSet> result =
      circa::io::ParseWorkbookBids(bytes, file, fixed.set, {}, fixed.layout);
  FUZZ_CHECK(result.ok() == !circa::HasErrors(result.diagnostics),
             "value present although errors were reported, or the reverse");
  FUZZ_CHECK(result.ok() || !result.diagnostics.empty(),
             "a refused workbook without a diagnostic");
  for (const circa::Diagnostic& d : result.diagnostics) {
    const std::string text = d.ToString();
    // A `columns:` mapping the header lacks is located in the tender.
    FUZZ_CHECK(d.where.file == file || d.where.file.rfind(file + ":", 0) == 0 ||
                   d.where.file == "tender.yaml",
               "diagnostic not located in the file: " + text);
    FUZZ_CHECK(d.where.line >= 0 && d.where.column >= 0, text);
    FUZZ_CHECK(!d.message.empty(), text);
    int line = 0;
    int column = 0;
    FUZZ_CHECK(circa::io::CheckUtf8(text, &line, &column),
               "diagnostic is not valid UTF-8: " + text);
    circa_fuzz::CheckDisplayText(text, "diagnostic");
    FUZZ_CHECK(text.find('\n') == std::string::npos,
               "diagnostic on more than one line: " + text);
  }
  if (!result.ok()) return;
  const circa::BidSet& bids = *result.value;
  const auto n = static_cast<std::size_t>(bids.size());
  FUZZ_CHECK(n > 0, "a valid bid set has at least one bid");
  FUZZ_CHECK(bids.ids.size() == n && bids.suppliers.size() == n &&
                 bids.rows.size() == n,
             "bid vectors disagree in size");
  FUZZ_CHECK(bids.text.size() == n * bids.criteria.size(),
             "columns disagree in size");
  FUZZ_CHECK(bids.values.allFinite(), "a value is not finite");
  if (n > 2000) return;
  const circa::Result<circa::Scorer> scorer = circa::Scorer::Compile(fixed.set);
  FUZZ_CHECK(scorer.ok(), "a set that loaded does not compile");
  circa_fuzz::CheckEvaluation(fixed.set, *scorer.value, bids);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ParseAs(bytes, "bids.xlsx");
  return 0;
}
