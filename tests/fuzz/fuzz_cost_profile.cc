// Fuzz target: cost profiles on arbitrary bytes, read as YAML
// (ParseCostProfile) and as CSV (ParseCostProfileCsv). Both fill one
// format-neutral structure with a position per value and go through one
// check (engine/io/cost_profile_input.h), so every position, in a message
// or kept in the profile, must point into the bytes read: a line of the
// input and a column from 1, at the file read. A valid profile is
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

// Lines of `text`: a line feed, a carriage return or both end a line.
int LineCount(std::string_view text) {
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' ||
        (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  return lines;
}

// A position inside the input (line 0: the whole file, as a message about
// the file as a whole has).
void CheckWhere(const circa::SourceLocation& at, const std::string& file,
                int lines, bool whole_file_allowed, const std::string& what) {
  FUZZ_CHECK(at.file == file, what + " names " + at.file);
  if (whole_file_allowed && at.line == 0 && at.column == 0) return;
  FUZZ_CHECK(at.line >= 1 && at.line <= lines && at.column >= 1,
             what + " at " + std::to_string(at.line) + ":" +
                 std::to_string(at.column) + " of " + std::to_string(lines) +
                 " lines");
}

void CheckProfile(const circa::Result<circa::CostProfile>& result,
                  const std::string& file, std::string_view text) {
  circa_fuzz::CheckResult(result, file);
  const int lines = LineCount(text);
  for (const circa::Diagnostic& d : result.diagnostics) {
    CheckWhere(d.where, file, lines, true, "message \"" + d.message + "\"");
  }
  if (!result.ok()) return;
  const circa::CostProfile& p = *result.value;
  FUZZ_CHECK(p.source == file, p.source);
  for (const circa::UsageDriver& u : p.usage) {
    CheckWhere(u.where, file, lines, false, "usage." + u.name);
  }
  for (const auto* list : {&p.prices, &p.shadow_prices}) {
    for (const circa::CostPrice& c : *list) {
      CheckWhere(c.where, file, lines, false, "price " + c.name);
    }
  }
  for (const circa::CostOffer& o : p.offers) {
    CheckWhere(o.where, file, lines, false, "offer " + o.id);
    for (const circa::CostLine& l : o.lines) {
      CheckWhere(l.where, file, lines, false, "line " + l.name);
      FUZZ_CHECK(!l.name.empty(), "a cost line of " + o.id + " has a name");
    }
  }
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
  // Every offer is a bid of its own ids; only an LCC beyond the limit
  // (docs/lcc.md, "Limits": a huge declared amount) is refused, one error
  // at each such offer.
  std::vector<std::string> ids;
  std::size_t beyond = 0;
  for (const circa::LccOfferResult& o : e.offers) {
    ids.push_back(o.id);
    if (!std::isfinite(o.lcc) || std::abs(o.lcc) > circa::kMaxLcc) ++beyond;
  }
  const auto values = circa::LccForBids(e, ids, file);
  FUZZ_CHECK(values.ok() == (beyond == 0),
             "every offer is a bid of its own ids");
  FUZZ_CHECK(values.diagnostics.size() == beyond,
             "one error per LCC beyond the limit");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckProfile(circa::ParseCostProfile(text, "fuzz.yaml"), "fuzz.yaml", text);
  CheckProfile(circa::ParseCostProfileCsv(text, "fuzz.csv"), "fuzz.csv", text);
  return 0;
}
