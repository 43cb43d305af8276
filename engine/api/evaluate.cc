// Evaluate (circa/evaluate.h): money award or points, then the automatic
// rank-reversal probe. The policy `circa score` used to hold lives here.
#include "circa/evaluate.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "api/select.h"
#include "circa/explain.h"
#include "circa/validate.h"
#include "explain/money_words.h"

namespace circa {

bool EvaluateOptions::IsValid(std::string* why) const {
  if (automatic_probe_limit < 0) {
    if (why != nullptr) {
      *why = fmt::format("automatic_probe_limit = {}: must be >= 0",
                         automatic_probe_limit);
    }
    return false;
  }
  return true;
}

int Outcome::Winner() const {
  if (points) return points->evaluation.Winner();
  if (!award || award->ranking.order.empty()) return -1;
  const auto first = static_cast<std::size_t>(award->ranking.order.front());
  return first < award->ranked.size() ? award->ranked[first] : -1;
}

std::vector<std::string> Outcome::Notes() const {
  std::vector<std::string> notes;
  if (points) {
    notes.reserve(points->evaluation.notes.size());
    const FactContext words{&tender.criteria, &points->scorer,
                            &points->evaluation, &tender.bids.ids, false};
    for (const Note& note : points->evaluation.notes) {
      notes.push_back(DescribeNote(note, words));
    }
    return notes;
  }
  if (!award) return notes;
  for (const TieBreakRecord& t : award->tie_breaks) {
    notes.push_back(
        MoneyTieWarning(*award, t, !tender.criteria.tie_break.empty()));
  }
  return notes;
}

namespace {

// The rank-reversal probe runs by itself whenever a relative rule is used
// (issue 6): a withdrawal or an added dominated bid that would change the
// winner becomes a finding and a note (a line in every output). Bids
// excluded by a requirement are left out, as the probe cannot re-score a
// requirement.
void ProbeReversals(const EvaluateOptions& options, Outcome* outcome) {
  const Scorer& scorer = outcome->points->scorer;
  Evaluation& evaluation = outcome->points->evaluation;
  const BidSet& bids = outcome->tender.bids;
  const bool relative =
      std::any_of(scorer.columns().begin(), scorer.columns().end(),
                  [](const Column& c) { return c.relative; });
  if (!options.probe_rank_reversal || evaluation.RankedCount() < 2) return;
  if (!relative) {
    outcome->reversal_probe = ReversalProbeRun::kNoRelative;
    return;
  }
  // Each probe re-scores every bid: quadratic in the bids. Above the limit
  // (an analyst's batch, not a tender) the probe is left to Analyze.
  if (bids.size() > options.automatic_probe_limit) {
    outcome->reversal_probe = ReversalProbeRun::kSkippedLarge;
    return;
  }
  outcome->reversal_probe = ReversalProbeRun::kRun;
  const std::vector<int> kept =
      api::BidsNotExcluded(evaluation, {ExclusionStage::kRequirement});
  const BidSet valid = bids.Subset(kept);
  outcome->probed_bids = static_cast<int>(kept.size());
  const Evaluation base = scorer.Evaluate(valid);
  const RankReversalResult r = ProbeRankReversal(scorer, valid.values, base);
  const auto original = [&kept](int k) {
    return kept[static_cast<std::size_t>(k)];
  };
  for (const ReversalProbe& p : r.probes) {
    if (!p.winner_changed || p.old_winner < 0 || p.new_winner < 0) continue;
    ReversalFinding finding;
    finding.kind = p.kind;
    finding.withdrawn_bid =
        p.kind == ReversalProbe::Kind::kRemoved ? original(p.removed_bid) : -1;
    finding.old_winner = original(p.old_winner);
    finding.new_winner = original(p.new_winner);
    outcome->reversals.push_back(finding);

    const auto id = [&bids](int bid) -> const std::string& {
      return bids.ids[static_cast<std::size_t>(bid)];
    };
    Note note;
    note.kind = NoteKind::kRankReversal;
    note.old_winner = id(finding.old_winner);
    note.new_winner = id(finding.new_winner);
    if (p.kind == ReversalProbe::Kind::kRemoved) {
      note.reversal = ReversalChange::kRemoved;
      note.removed_bid = id(finding.withdrawn_bid);
    } else {
      note.reversal = ReversalChange::kAddedDominated;
    }
    evaluation.notes.push_back(std::move(note));
  }
}

Result<Outcome> EvaluateOwned(Outcome outcome, const EvaluateOptions& options) {
  Result<Outcome> result;
  if (std::string why; !options.IsValid(&why)) {
    result.diagnostics.push_back({Severity::kError, {}, "options", why});
    return result;
  }
  const CriteriaSet& criteria = outcome.tender.criteria;
  // A draft criterion (an import's placeholder rule) is never scored.
  result.diagnostics = DraftCriteria(criteria, Severity::kError);
  if (!result.diagnostics.empty()) return result;
  if (criteria.award) {
    // A money-based award: requirements, then the lowest evaluated price.
    Result<AwardResult> award = EvaluateAward(criteria, outcome.tender.bids);
    result.diagnostics = std::move(award.diagnostics);
    if (!award.ok() || HasErrors(result.diagnostics)) return result;
    outcome.award = std::move(award.value);
  } else {
    Result<Scorer> compiled = Scorer::Compile(criteria);
    if (!compiled.ok()) {
      result.diagnostics = std::move(compiled.diagnostics);
      return result;
    }
    Scorer scorer = std::move(*compiled.value);
    Evaluation evaluation = scorer.Evaluate(outcome.tender.bids);
    outcome.points = PointsOutcome{std::move(scorer), std::move(evaluation)};
    ProbeReversals(options, &outcome);
  }
  result.value = std::move(outcome);
  return result;
}

}  // namespace

Result<Outcome> Evaluate(const Tender& tender, const EvaluateOptions& options) {
  Outcome outcome;
  outcome.tender = tender;
  return EvaluateOwned(std::move(outcome), options);
}

Result<Outcome> Evaluate(Tender&& tender, const EvaluateOptions& options) {
  Outcome outcome;
  outcome.tender = std::move(tender);
  return EvaluateOwned(std::move(outcome), options);
}

}  // namespace circa
