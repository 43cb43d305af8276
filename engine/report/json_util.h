// JSON pieces every result document shares (circa.result/2 and
// circa.award/2): the criteria set's identity and the input files with
// their checksums, including a derived set's model.
#ifndef CIRCA_ENGINE_REPORT_JSON_UTIL_H_
#define CIRCA_ENGINE_REPORT_JSON_UTIL_H_

#include <nlohmann/json.hpp>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/lcc.h"
#include "circa/panel.h"

namespace circa::report {

// id, version, title, description, publisher, currency, the scale (when
// `with_scale`); and `model` ({id, version}) for a derived set.
nlohmann::ordered_json CriteriaSetJson(const CriteriaSet& set, bool with_scale);

// The input files, criteria first, then bids, the evaluator panel's scores
// (when `panel` is given), the cost profile (when `lcc` is given) and a
// derived set's model: role, path, sha256.
nlohmann::ordered_json InputsJson(const CriteriaSet& set, const BidSet& bids,
                                  const PanelResult* panel,
                                  const LccEvaluation* lcc);

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_JSON_UTIL_H_
