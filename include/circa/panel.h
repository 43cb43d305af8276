// Evaluator panels: individual scores on qualitative criteria, read from a
// panel scores file (CSV), checked against the criteria set's panel
// policies, aggregated (mean, median or consensus) and written into the bid
// set's decision matrix. See docs/panels.md.
#ifndef CIRCA_PANEL_H_
#define CIRCA_PANEL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/load.h"

namespace circa {

// One row of a panel scores file: one evaluator's score for one bid on one
// leaf criterion.
struct PanelScore {
  std::string bid;
  std::string criterion;  // leaf id
  std::string evaluator;  // as written (trimmed)
  double score = 0;       // the leaf's input value (scale: the level value)
  std::string text;       // the score cell as written (trimmed)
  std::string rationale;  // may be empty unless the policy requires it
  SourceLocation where;   // start of the row
  int row = 0;            // 1-based data row (the header is row 0)

  // The moderated consensus row: evaluator "consensus" in any case.
  bool is_consensus() const;
};

// Every row of a panel scores file that passed validation, in file order.
struct PanelScores {
  std::vector<PanelScore> rows;
  std::vector<std::string> bids;      // bid ids the file was checked against
  std::vector<std::string> excluded;  // bids not required to be scored
  std::string locale;                 // for the numbers in the file
  std::string source;
  std::string sha256;
};

// Rules a panel can score: the input value must be something an evaluator
// can judge (scale, steps, linear, yes-no). Relative rules and price rules
// are not panel rules.
bool IsPanelRule(Rule rule);

// The panel policy that applies to a criterion: its own, else the nearest
// group above it that has one, else the set's. nullptr when none applies or
// the id is unknown. Points into `set`.
const PanelPolicy* PanelPolicyFor(const CriteriaSet& set,
                                  std::string_view criterion_id);

// Leaves that must be scored by the panel whatever the file holds: quality
// leaves with a panel rule whose policy is their own or a group's (the
// set-wide policy only applies to the leaves the panel file scores). In
// Leaves() order.
std::vector<const Criterion*> DeclaredPanelLeaves(const CriteriaSet& set);

// Reads a panel scores file (CSV with columns bid, criterion, evaluator,
// score and an optional rationale, in any order) and checks it against the
// set and the bid ids; every problem is reported at once (docs/panels.md,
// "Messages"). `excluded` bids (e.g. failing a requirement) may be scored
// but need not be.
Result<PanelScores> ParsePanel(std::string_view text, const std::string& file,
                               const CriteriaSet& set,
                               const std::vector<std::string>& bid_ids,
                               const LoadOptions& options = {});
Result<PanelScores> ParsePanel(std::string_view text, const std::string& file,
                               const CriteriaSet& set,
                               const std::vector<std::string>& bid_ids,
                               const std::vector<std::string>& excluded,
                               const LoadOptions& options);
Result<PanelScores> LoadPanelFile(const std::string& path,
                                  const CriteriaSet& set,
                                  const std::vector<std::string>& bid_ids,
                                  const LoadOptions& options = {});

// The panel's outcome for one bid on one leaf criterion.
struct PanelCell {
  std::string bid;
  std::string criterion;                             // leaf id
  PanelAggregate aggregate = PanelAggregate::kMean;  // the policy's
  // The criterion's value: the consensus score when a consensus row exists
  // (under every aggregate), else the mean or median of the evaluators.
  double value = 0;
  bool consensus = false;  // value is the consensus row's score
  // Over the individual evaluators (the consensus row not counted); when
  // only a consensus row exists, evaluators is 0 and min = max = value.
  int evaluators = 0;
  double mean = 0;
  double median = 0;
  double min = 0;
  double max = 0;
  double spread = 0;  // max - min
  double stddev = 0;  // population standard deviation (divides by n)
  std::optional<double> disagreement_limit;
  bool disagreement = false;  // spread > disagreement_limit
  // The rows behind it, in file order; the consensus row (if any) last.
  std::vector<PanelScore> scores;
};

struct PanelResult {
  // One cell per scored (bid, leaf): bids in PanelScores::bids order, then
  // leaves in the criteria set's order.
  std::vector<PanelCell> cells;
  // The panel file the scores came from, for the result's inputs.
  std::string source;
  std::string sha256;
  // The cell for (bid, criterion), or nullptr.
  const PanelCell* Find(std::string_view bid, std::string_view criterion) const;
};

// Aggregates validated scores (from ParsePanel) per (bid, leaf).
PanelResult AggregatePanel(const PanelScores& scores, const CriteriaSet& set);

// Writes each cell's value into bids->values (row by bid id, column by leaf
// id in bids->criteria) and the number as text (at most 2 decimals: "3.67")
// into bids->text; how it was reached stays in `result` (PanelCellText words
// it). Cells whose bid or criterion the bid set lacks are skipped.
void ApplyPanel(const PanelResult& result, BidSet* bids);

// After ApplyPanel: an error for every cell of a panel leaf (one with a
// panel policy) that is still empty, i.e. the bid file left it blank and the
// panel file gave no score. Bids listed in `excluded` are skipped. The
// location is the bid's row in the bid file.
std::vector<Diagnostic> CheckPanelFilled(
    const BidSet& bids, const CriteriaSet& set,
    const std::vector<std::string>& excluded = {});

// A cell as a reader sees it: "3.67 (mean of 3)", "4 (median of 3)", "4
// (consensus of 3)" (the JSON's "raw" of a panel cell). Words: defined in
// engine/explain/panel.cc.
std::string PanelCellText(const PanelCell& cell);

// One sentence per cell for an award letter, e.g. "Bid B, Circular service
// plan: mean of 3 evaluators (Evaluator A 5, Evaluator B 7.5, Evaluator C
// 7.5) = 6.67; spread 2.5; rationales: Evaluator A: \"...\"; ...".
// Deterministic: numbers to at most 2 decimals, rows in file order. Words
// from the cell's facts: defined in engine/explain/panel.cc.
std::string DescribePanel(const PanelCell& cell, const CriteriaSet& set);
// Every cell's sentence, in PanelResult::cells order.
std::vector<std::string> DescribePanel(const PanelResult& result,
                                       const CriteriaSet& set);

// "mean", "median", "consensus".
std::string_view PanelAggregateName(PanelAggregate aggregate);
std::optional<PanelAggregate> PanelAggregateFromString(std::string_view text);

}  // namespace circa

#endif  // CIRCA_PANEL_H_
