// One tender loaded in the award order's input order: the criteria set, the
// bids, and the evaluator panel's scores when the set has panel criteria.
// LoadTender is the first entry point (docs/api.md): what `circa score`,
// `validate` and `analyze` all start from; Evaluate (circa/evaluate.h) and
// Analyze (circa/analyze.h) take its Tender.
#ifndef CIRCA_TENDER_H_
#define CIRCA_TENDER_H_

#include <optional>
#include <string>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/lcc.h"
#include "circa/load.h"
#include "circa/panel.h"

namespace circa {

struct Tender {
  CriteriaSet criteria;
  BidSet bids;  // panel and `from: lcc` cells already filled
  std::optional<PanelScores> panel_scores;
  std::optional<PanelResult> panel;
  // The cost profile and every offer's life-cycle cost, when a criterion
  // takes its value from the LCC (`from: lcc`).
  std::optional<CostProfile> cost_profile;
  std::optional<LccEvaluation> lcc;
};

// Loads paths.criteria, then paths.bids against it, then paths.panel (if
// given) against both, and writes the panel's aggregated scores into the
// bids. Stops at the first file with errors (later files are checked
// against it). A criterion with its own or its group's panel policy is
// scored only from a panel file: without one, a value for it in the bid file
// is an error (docs/panels.md). A set with a
// `from: lcc` criterion needs paths.cost_profile, with one offer per bid:
// each bid's value on that criterion is its LCC rounded to the cent.
// Errors are diagnostics with the file, line and column; invalid `options`
// (LoadOptions::IsValid) are an error with path "options".
Result<Tender> LoadTender(const TenderPaths& paths, const LoadOptions& options);

}  // namespace circa

#endif  // CIRCA_TENDER_H_
