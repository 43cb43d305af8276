// Life-cycle cost sections of the points reports (a cost criterion with
// `from: lcc`): each bid's LCC by component (table, Markdown, JSON) and by
// year (Markdown, JSON).
#ifndef CIRCA_ENGINE_REPORT_LCC_REPORT_H_
#define CIRCA_ENGINE_REPORT_LCC_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "circa/language.h"
#include "circa/lcc.h"

namespace circa::report {

// "Life-cycle cost over 8 years at 4 % (EUR, present values)" and one row
// per offer, lowest LCC first, one column per component that is not zero,
// in `language`.
std::string LccTable(const LccEvaluation& lcc, int width, Language language);
// The same as a Markdown section, then per offer a table by year.
std::string LccMarkdown(const LccEvaluation& lcc, Language language);
// The "lcc" object of circa.result/2 (docs/result-format.md).
nlohmann::ordered_json LccJson(const LccEvaluation& lcc);

// "a purchase at 45,000.00 EUR with a life-cycle cost of 56,375.42 EUR
// over 8 years at a 4 % discount rate": the clause an explanation of a
// `from: lcc` criterion starts with.
std::string LccClause(const LccEvaluation& lcc, const LccOfferResult& offer,
                      Language language);

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_LCC_REPORT_H_
