// Evaluating a tender: the one entry point that gives what `circa score`
// gives, for any front end (in the manner of Ceres' Solve and HiGHS' run).
// LoadTender (circa/tender.h) reads the files; Evaluate scores the bids, or
// runs the money award when the set declares one, and probes the award for
// rank reversal; Render (circa/render.h) writes the outcome in any format.
// See docs/api.md.
#ifndef CIRCA_EVALUATE_H_
#define CIRCA_EVALUATE_H_

#include <optional>
#include <string>
#include <vector>

#include "circa/award.h"
#include "circa/diagnostics.h"
#include "circa/evaluation.h"
#include "circa/robustness.h"
#include "circa/scorer.h"
#include "circa/tender.h"

namespace circa {

struct EvaluateOptions {
  // Probe a points award for rank reversal whenever a column uses a
  // relative rule (DOMAIN.md §3): a withdrawal, or an added dominated bid,
  // that would change the winner becomes a note of the evaluation and a
  // ReversalFinding of the outcome.
  bool probe_rank_reversal = true;
  // The probe re-scores every bid once per probe, which is quadratic in the
  // bids: above this many bids (an analyst's batch, not a tender) it is
  // skipped and the outcome says so (`circa analyze --reversal` runs it on
  // request). Must be >= 0.
  int automatic_probe_limit = 500;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why) const;
};

// Whether the automatic rank-reversal probe ran.
enum class ReversalProbeRun {
  kNotRun,        // a money award, probing switched off, or fewer than two
                  // ranked bids
  kNoRelative,    // no column uses a relative rule: no reversal is possible
  kRun,           // the probe ran; `reversals` holds what it found
  kSkippedLarge,  // more bids than automatic_probe_limit
};

// One probe that changed the winner, although no other bid changed.
struct ReversalFinding {
  ReversalProbe::Kind kind = ReversalProbe::Kind::kRemoved;
  int withdrawn_bid = -1;  // kRemoved: the withdrawn bid
  int old_winner = -1;     // the winner of the evaluation
  int new_winner = -1;     // the winner after the probe
  // Bids are indices into Outcome::tender.bids.
};

// The points side of an outcome: the compiled set and its evaluation.
struct PointsOutcome {
  Scorer scorer;
  Evaluation evaluation;
};

// Everything an evaluation produced, holding everything it refers to (the
// tender included), so that a front end keeps one value.
struct Outcome {
  Tender tender;  // what was evaluated
  // Exactly one is set: `points` for a points award, `award` for a set with
  // a money-based award (`award:`, docs/money-methods.md).
  std::optional<PointsOutcome> points;
  std::optional<AwardResult> award;

  // The automatic rank-reversal probe (points awards only) and every probe
  // that changed the winner. The probe leaves out the bids that fail a
  // minimum requirement, as `circa analyze` does.
  ReversalProbeRun reversal_probe = ReversalProbeRun::kNotRun;
  std::vector<ReversalFinding> reversals;
  int probed_bids = 0;  // bids the probe ran on (those meeting requirements)

  bool is_award() const { return award.has_value(); }
  // The winner's index in tender.bids, -1 if no bid was ranked.
  int Winner() const;
  // What a person must be told besides the report, one sentence each (the
  // CLI writes them on stderr): the evaluation's notes (degenerate columns,
  // ties, rank reversals) or, for a money award, one per tie on the
  // evaluated price and how the declared tie-break treated it.
  std::vector<std::string> Notes() const;
};

// Evaluates `tender`: the money award when tender.criteria.award is set,
// otherwise Scorer::Compile and Scorer::Evaluate, then the rank-reversal
// probe (options). Bad bid values for a money method and invalid options
// are error diagnostics (path "options" for the latter); a legitimate
// outcome (an excluded bid, a tie, no ranked bid) is a field of the result.
// The first overload copies the tender into the outcome; the second moves
// it (no copy of a large bid set).
Result<Outcome> Evaluate(const Tender& tender,
                         const EvaluateOptions& options = {});
Result<Outcome> Evaluate(Tender&& tender, const EvaluateOptions& options = {});

}  // namespace circa

#endif  // CIRCA_EVALUATE_H_
