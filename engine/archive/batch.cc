// Batch comparison (docs/batch.md): one tender under its published rules
// and each scenario, and the summary across tenders.
#include "circa/batch.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "circa/aggregation.h"
#include "circa/evaluate.h"
#include "circa/robustness.h"
#include "circa/scorer.h"
#include "circa/smaa.h"
#include "circa/validate.h"

namespace circa {
namespace {

// The sum of the price leaves' values per bid (NaN without price leaves).
std::vector<double> Prices(const BidSet& bids, const Scorer& scorer) {
  std::vector<double> out(static_cast<std::size_t>(bids.size()), 0.0);
  bool any = false;
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    if (scorer.columns()[j].type != CriterionType::kPrice) continue;
    any = true;
    for (Eigen::Index i = 0; i < bids.size(); ++i) {
      out[static_cast<std::size_t>(i)] +=
          bids.values(i, static_cast<Eigen::Index>(j));
    }
  }
  if (!any) out.clear();
  return out;
}

// The ranked bids, best first, by the evaluation's order.
std::vector<int> RankedOrder(const Evaluation& e) {
  std::vector<int> out;
  for (const int i : e.order) {
    if (e.status[static_cast<std::size_t>(i)] == BidStatus::kRanked) {
      out.push_back(i);
    }
  }
  return out;
}

struct Ranking {
  int winner = -1;
  double margin = 0;
  std::vector<int> ranks;
  std::vector<double> totals;
};

// The ranking of `e`, by weighted sum or by `method` on the ranked bids.
Ranking Rank(const Evaluation& e, const std::string& method) {
  Ranking r;
  const std::optional<Aggregation> m = method.empty()
                                           ? std::optional<Aggregation>()
                                           : AggregationFromString(method);
  if (!m || *m == Aggregation::kWeightedSum) {
    const std::vector<int> order = RankedOrder(e);
    r.ranks = e.rank;
    r.totals.assign(e.totals.data(), e.totals.data() + e.totals.size());
    if (!order.empty()) r.winner = order[0];
    if (order.size() > 1) {
      r.margin = e.totals[order[0]] - e.totals[order[1]];
    }
    return r;
  }
  const AggregationResult a = Aggregate(e, *m);
  std::vector<int> order;
  for (const int i : a.order) {
    if (e.status[static_cast<std::size_t>(i)] == BidStatus::kRanked) {
      order.push_back(i);
    }
  }
  r.ranks.assign(e.rank.size(), 0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    r.ranks[static_cast<std::size_t>(order[k])] = static_cast<int>(k) + 1;
  }
  r.totals.assign(a.value.data(), a.value.data() + a.value.size());
  if (!order.empty()) r.winner = order[0];
  if (order.size() > 1) r.margin = a.value[order[0]] - a.value[order[1]];
  return r;
}

// "file:line:col: path: message", or "path: message" when the problem is
// not in a file (a scenario that does not apply).
std::string Describe(const Diagnostic& d) {
  if (d.where.file.empty()) return d.path + ": " + d.message;
  return d.ToString();
}

std::string FirstError(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return Describe(d);
  }
  return diagnostics.empty() ? std::string("unknown error")
                             : Describe(diagnostics.front());
}

// The rank-reversal probe of a batch: the same findings as Evaluate's own
// probe (EvaluateOptions::probe_rank_reversal: every non-winning bid
// withdrawn, one dominated bid added, the bids failing a requirement left
// out), counted without the searches a batch never reports (the cheaper-bid
// search) and without re-scoring a withdrawal that cannot change any score.
// Withdrawing a bid changes a score only through a relative column's lowest
// or highest value (score::ScoreColumn); without thresholds or max-pass (which
// decide who reaches price and cost), a bid holding no such extreme leaves
// every total as it was, and a winner ahead of every other bid by more than
// the tie tolerance stays first. Those withdrawals are decided without
// re-scoring; the others are re-scored as Evaluate does.
struct BatchProbe {
  bool run = false;
  int reversals = 0;
};

BatchProbe ProbeReversals(const Scorer& scorer, const Evaluation& e,
                          const BidSet& bids) {
  BatchProbe out;
  const bool relative =
      std::any_of(scorer.columns().begin(), scorer.columns().end(),
                  [](const Column& c) { return c.relative; });
  if (!relative || e.RankedCount() < 2) return out;
  if (bids.size() > EvaluateOptions{}.automatic_probe_limit) return out;
  out.run = true;
  // The bids not excluded by a requirement, as Evaluate's probe.
  std::vector<int> kept;
  kept.reserve(e.status.size());
  for (std::size_t i = 0; i < e.status.size(); ++i) {
    if (i >= e.exclusion.size() ||
        e.exclusion[i].stage != ExclusionStage::kRequirement) {
      kept.push_back(static_cast<int>(i));
    }
  }
  // With every bid kept, the base evaluation is `e` itself.
  std::optional<BidSet> subset;
  std::optional<Evaluation> subset_base;
  if (kept.size() != e.status.size()) {
    subset = bids.Subset(kept);
    subset_base = scorer.Evaluate(*subset);
  }
  const Eigen::MatrixXd& values = subset ? subset->values : bids.values;
  const Evaluation& base = subset_base ? *subset_base : e;
  ReversalOptions ro;
  ro.probe_cheaper = false;  // not a finding of Evaluate's probe
  const Eigen::Index n = values.rows();
  const Eigen::Index m = values.cols();
  const int winner = base.Winner();
  const int non_winning = static_cast<int>(n) - (winner >= 0 ? 1 : 0);
  if (winner < 0 || non_winning > ro.max_withdrawals) {
    // The capped withdrawals: ProbeRankReversal chooses them.
    const RankReversalResult r = ProbeRankReversal(scorer, values, base, ro);
    for (const ReversalProbe& p : r.probes) {
      if (p.winner_changed && p.old_winner >= 0 && p.new_winner >= 0) {
        ++out.reversals;
      }
    }
    return out;
  }
  ro.remove_each_loser = false;  // below, one by one
  const RankReversalResult r = ProbeRankReversal(scorer, values, base, ro);
  for (const ReversalProbe& p : r.probes) {
    if (p.winner_changed && p.old_winner >= 0 && p.new_winner >= 0) {
      ++out.reversals;
    }
  }
  // The winner's lead over every other ranked bid.
  double runner_up = 0;
  bool any = false;
  for (const int b : base.order) {
    if (b == winner ||
        base.status[static_cast<std::size_t>(b)] != BidStatus::kRanked) {
      continue;
    }
    if (!any || base.totals[b] > runner_up) runner_up = base.totals[b];
    any = true;
  }
  const double lead = base.totals[winner] - runner_up;
  const bool clear_lead =
      !any || lead > 1e-6 * std::max(1.0, std::abs(base.totals[winner]));
  const bool stable = clear_lead && !scorer.HasThresholds();
  const auto holds_extreme = [&](Eigen::Index b) {
    for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
      if (!scorer.columns()[j].relative) continue;
      if ((j < base.min_bid.size() && base.min_bid[j] == b) ||
          (j < base.max_bid.size() && base.max_bid[j] == b) ||
          !std::isfinite(values(b, static_cast<Eigen::Index>(j)))) {
        return true;
      }
    }
    return false;
  };
  Eigen::MatrixXd reduced(n - 1, m);
  for (Eigen::Index b = 0; b < n; ++b) {
    if (b == winner) continue;
    if (stable && !holds_extreme(b)) continue;  // nothing changes
    reduced.topRows(b) = values.topRows(b);
    reduced.bottomRows(n - 1 - b) = values.bottomRows(n - 1 - b);
    const Evaluation after = scorer.Evaluate(reduced);
    const int first = after.Winner();
    if (first < 0) continue;
    const int now = first < b ? first : first + 1;
    if (now != winner) ++out.reversals;
  }
  return out;
}

}  // namespace

namespace {

// What ScoreParts compiles from a set alone, kept for the next tender of
// the same shared set (ScoreTender on a shared_ptr): the drafts' error,
// the published rules' scorer, and per scenario that does not read the
// bids, the scenario's scorer or its error.
struct CompiledScenario {
  bool known = false;
  Scenario scenario;  // the scenario it was made for (compared on reuse)
  std::string error;
  std::shared_ptr<const Scorer> scorer;
};
struct CompiledSet {
  std::shared_ptr<const CriteriaSet> set;  // held: its address stays unique
  std::string error;
  std::shared_ptr<const Scorer> scorer;
  std::vector<CompiledScenario> scenarios;
};

bool SameScenario(const Scenario& a, const Scenario& b) {
  if (a.factors.size() != b.factors.size()) return false;
  for (std::size_t i = 0; i < a.factors.size(); ++i) {
    if (a.factors[i].strategy != b.factors[i].strategy ||
        a.factors[i].type != b.factors[i].type ||
        a.factors[i].factor != b.factors[i].factor) {
      return false;
    }
  }
  return a.name == b.name && a.drop == b.drop && a.price_rule == b.price_rule &&
         a.ceiling_factor == b.ceiling_factor && a.zero_at == b.zero_at &&
         a.price_weight == b.price_weight && a.method == b.method;
}

// Whether the set a scenario makes depends on the set only.
bool ReadsOnlyTheSet(const Scenario& s) {
  return s.drop.empty() &&
         !(s.price_rule && *s.price_rule == Rule::kLinearCeiling);
}

// This thread's compiled sets, the most recent last; a few are kept.
CompiledSet& CompiledFor(const std::shared_ptr<const CriteriaSet>& set) {
  constexpr std::size_t kKept = 16;
  thread_local std::vector<CompiledSet> kept;
  for (std::size_t i = kept.size(); i-- > 0;) {
    if (kept[i].set == set) return kept[i];
  }
  if (kept.size() >= kKept) kept.erase(kept.begin());
  kept.emplace_back();
  kept.back().set = set;
  return kept.back();
}

TenderBatchResult ScoreCompiled(const CriteriaSet& criteria, const BidSet& bids,
                                const Tender* whole,
                                const std::vector<Scenario>& scenarios,
                                const BatchOptions& options,
                                const Scorer& scorer, CompiledSet* cache);

// The Tender a set and its bids come from: `whole` when given, else a copy
// made on first use (only the rare paths that need a Tender ask for it).
class WholeTender {
 public:
  WholeTender(const CriteriaSet& criteria, const BidSet& bids,
              const Tender* whole)
      : criteria_(criteria), bids_(bids), whole_(whole) {}
  const Tender& Get() {
    if (whole_ != nullptr) return *whole_;
    if (!copy_) {
      copy_.emplace();
      copy_->criteria = criteria_;
      copy_->bids = bids_;
    }
    return *copy_;
  }

 private:
  const CriteriaSet& criteria_;
  const BidSet& bids_;
  const Tender* whole_;
  std::optional<Tender> copy_;
};

// ScoreTender on a set and bids held apart; `whole` is the tender they
// come from, or null (then the rare paths that need a Tender — a money
// award, a dropped criterion — copy them into one).
TenderBatchResult ScoreParts(const CriteriaSet& criteria, const BidSet& bids,
                             const Tender* whole,
                             const std::vector<Scenario>& scenarios,
                             const BatchOptions& options,
                             CompiledSet* cache = nullptr) {
  WholeTender tender(criteria, bids, whole);
  const auto Whole = [&]() -> const Tender& { return tender.Get(); };
  TenderBatchResult out;
  out.bids = static_cast<int>(bids.size());
  if (criteria.award) {
    // A money award (Evaluate's path): the winner only; scenarios change
    // points.
    EvaluateOptions eo;
    eo.probe_rank_reversal = options.reversal;
    Result<Outcome> outcome = Evaluate(Whole(), eo);
    if (!outcome.ok()) {
      out.error = FirstError(outcome.diagnostics);
      return out;
    }
    const int winner = outcome.value->Winner();
    if (winner >= 0) out.winner = bids.ids[static_cast<std::size_t>(winner)];
    for (const Scenario& s : scenarios) {
      ScenarioResult sr;
      sr.scenario = s.name;
      sr.error = "a money-based award has no points to change";
      out.scenarios.push_back(std::move(sr));
    }
    return out;
  }
  // A points award: what Evaluate does, without copying the tender into an
  // outcome, and the batch's own reversal probe (ProbeReversals above).
  if (cache == nullptr || (cache->scorer == nullptr && cache->error.empty())) {
    std::string error;
    std::shared_ptr<const Scorer> made;
    if (std::vector<Diagnostic> drafts =
            DraftCriteria(criteria, Severity::kError);
        !drafts.empty()) {
      error = FirstError(drafts);
    } else if (Result<Scorer> compiled_set = Scorer::Compile(criteria);
               !compiled_set.ok()) {
      error = FirstError(compiled_set.diagnostics);
    } else {
      made = std::make_shared<const Scorer>(std::move(*compiled_set.value));
    }
    if (cache == nullptr) {
      if (!error.empty()) {
        out.error = std::move(error);
        return out;
      }
      return ScoreCompiled(criteria, bids, whole, scenarios, options, *made,
                           nullptr);
    }
    cache->error = std::move(error);
    cache->scorer = std::move(made);
  }
  if (!cache->error.empty()) {
    out.error = cache->error;
    return out;
  }
  return ScoreCompiled(criteria, bids, whole, scenarios, options,
                       *cache->scorer, cache);
}

// ScoreParts once the published set is compiled (`scorer`).
TenderBatchResult ScoreCompiled(const CriteriaSet& criteria, const BidSet& bids,
                                const Tender* whole,
                                const std::vector<Scenario>& scenarios,
                                const BatchOptions& options,
                                const Scorer& scorer, CompiledSet* cache) {
  WholeTender tender(criteria, bids, whole);
  const auto Whole = [&]() -> const Tender& { return tender.Get(); };
  TenderBatchResult out;
  out.bids = static_cast<int>(bids.size());
  const Evaluation e = scorer.Evaluate(bids);
  const int winner = e.Winner();
  if (winner >= 0) out.winner = bids.ids[static_cast<std::size_t>(winner)];
  out.ranked = e.RankedCount();
  const Ranking published = Rank(e, "");
  out.margin = published.margin;
  out.ranks = published.ranks;
  out.totals = published.totals;
  const Eigen::MatrixXd points = e.PointsMatrix();
  out.points.resize(static_cast<std::size_t>(points.size()));
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    for (Eigen::Index j = 0; j < points.cols(); ++j) {
      out.points[static_cast<std::size_t>(i * points.cols() + j)] =
          points(i, j);
    }
  }
  // Weight shares.
  const auto leaves = criteria.Leaves();
  out.strategy_share.assign(AllStrategies().size(), 0.0);
  const double scale = scorer.scale() > 0 ? scorer.scale() : 1;
  for (std::size_t j = 0; j < scorer.columns().size() && j < leaves.size();
       ++j) {
    const double share = scorer.weights()[static_cast<Eigen::Index>(j)] / scale;
    const Column& c = scorer.columns()[j];
    out.type_share[static_cast<int>(c.type)] += share;
    if (c.type == CriterionType::kPrice) out.price_share += share;
    const auto& strategies = leaves[j]->doc.strategies;
    if (!strategies.empty()) out.circular_share += share;
    for (std::size_t k = 0; k < AllStrategies().size(); ++k) {
      if (std::find(strategies.begin(), strategies.end(), AllStrategies()[k]) !=
          strategies.end()) {
        out.strategy_share[k] += share;
      }
    }
  }
  // Price and premium.
  const std::vector<double> prices = Prices(bids, scorer);
  if (!prices.empty() && winner >= 0) {
    out.has_price = true;
    double lowest = 0;
    bool first = true;
    for (const int i : RankedOrder(e)) {
      const double p = prices[static_cast<std::size_t>(i)];
      if (first || p < lowest) lowest = p;
      first = false;
    }
    out.lowest_price = lowest;
    out.winner_price = prices[static_cast<std::size_t>(winner)];
    out.lowest_won = out.winner_price <= lowest;
    out.premium = lowest > 0 ? out.winner_price / lowest - 1 : 0;
  }
  // Fragility.
  if (options.reversal) {
    const BatchProbe probe = ProbeReversals(scorer, e, bids);
    out.reversal_probed = probe.run;
    out.reversals = probe.reversals;
  }
  if (options.smaa > 0 && winner >= 0) {
    SmaaOptions so;
    so.samples = options.smaa;
    so.seed = options.smaa_seed;
    Result<SmaaResult> smaa = Smaa(scorer, e, so);
    if (smaa.ok() && smaa.value->acceptability.cols() > 0) {
      out.acceptability = smaa.value->acceptability(winner, 0);
    }
  }
  // Scenarios.
  for (const Scenario& s : scenarios) {
    ScenarioResult sr;
    sr.scenario = s.name;
    const bool same_points =
        s.drop.empty() && !s.price_rule && s.factors.empty() && !s.price_weight;
    Ranking r;
    CompiledScenario* kept = nullptr;
    if (cache != nullptr && !same_points && ReadsOnlyTheSet(s)) {
      const std::size_t k = static_cast<std::size_t>(&s - scenarios.data());
      if (cache->scenarios.size() < scenarios.size()) {
        cache->scenarios.resize(scenarios.size());
      }
      kept = &cache->scenarios[k];
      if (kept->known && !SameScenario(kept->scenario, s)) {
        *kept = CompiledScenario{};
      }
    }
    if (same_points) {
      r = Rank(e, s.method);
    } else if (kept != nullptr && kept->known) {
      if (!kept->error.empty()) {
        sr.error = kept->error;
        out.scenarios.push_back(std::move(sr));
        continue;
      }
      r = Rank(kept->scorer->Evaluate(bids), s.method);
    } else {
      // Without a dropped criterion a scenario changes the set only, and
      // reads no more of the bids than their values (a price ceiling): the
      // scenario is applied to the set and those, and the bids scored as
      // they are (no copy of their texts).
      Tender light;
      if (s.drop.empty()) {
        light.criteria = criteria;
        light.bids.criteria = bids.criteria;
        light.bids.values = bids.values;
      }
      Result<Tender> changed = s.drop.empty()
                                   ? ApplyScenario(std::move(light), s)
                                   : ApplyScenario(Whole(), s);
      if (kept != nullptr) {
        kept->known = true;
        kept->scenario = s;
      }
      if (!changed.ok()) {
        sr.error = FirstError(changed.diagnostics);
        if (kept != nullptr) kept->error = sr.error;
        out.scenarios.push_back(std::move(sr));
        continue;
      }
      Result<Scorer> compiled = Scorer::Compile(changed.value->criteria);
      if (!compiled.ok()) {
        sr.error = FirstError(compiled.diagnostics);
        if (kept != nullptr) kept->error = sr.error;
        out.scenarios.push_back(std::move(sr));
        continue;
      }
      r = Rank(
          compiled.value->Evaluate(s.drop.empty() ? bids : changed.value->bids),
          s.method);
      if (kept != nullptr) {
        kept->scorer =
            std::make_shared<const Scorer>(std::move(*compiled.value));
      }
    }
    if (r.winner >= 0) {
      sr.winner = bids.ids[static_cast<std::size_t>(r.winner)];
    }
    sr.flip = sr.winner != out.winner;
    sr.margin = r.margin;
    sr.ranks = std::move(r.ranks);
    sr.totals = std::move(r.totals);
    out.scenarios.push_back(std::move(sr));
  }
  return out;
}

}  // namespace

TenderBatchResult ScoreTender(const Tender& tender,
                              const std::vector<Scenario>& scenarios,
                              const BatchOptions& options) {
  return ScoreParts(tender.criteria, tender.bids, &tender, scenarios, options);
}

TenderBatchResult ScoreTender(const CriteriaSet& criteria, const BidSet& bids,
                              const std::vector<Scenario>& scenarios,
                              const BatchOptions& options) {
  return ScoreParts(criteria, bids, nullptr, scenarios, options);
}

TenderBatchResult ScoreTender(
    const std::shared_ptr<const CriteriaSet>& criteria, const BidSet& bids,
    const std::vector<Scenario>& scenarios, const BatchOptions& options) {
  if (criteria->award) {
    return ScoreParts(*criteria, bids, nullptr, scenarios, options);
  }
  return ScoreParts(*criteria, bids, nullptr, scenarios, options,
                    &CompiledFor(criteria));
}

// ------------------------------------------------------------- summary

struct BatchSummariser::Acc {
  BatchGroup group;
  std::vector<double> margins;
  double premium_sum = 0;
  double price_share_sum = 0;
  double circular_sum = 0;
  std::vector<double> strategy_sum;
  double type_sum[3] = {0, 0, 0};
  int points_tenders = 0;  // the shares' denominator (no money awards)
  std::vector<double> band_premium;
};

namespace {
constexpr double kBandEdges[] = {0, 0.3, 0.5, 0.7, 1.0000001};
constexpr int kBands = 4;

double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0;
  const double pos = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] +
         (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}
}  // namespace

BatchSummariser::BatchSummariser(std::vector<std::string> scenarios)
    : scenarios_(std::move(scenarios)) {
  AccFor("", 0);
}

BatchSummariser::Acc& BatchSummariser::AccFor(const std::string& group,
                                              int year) {
  auto& slot = accs_[{group, year}];
  if (!slot) {
    slot = std::make_shared<Acc>();
    slot->group.product_group = group;
    slot->group.year = year;
    slot->group.flips.assign(scenarios_.size(), 0);
    slot->group.scenario_errors.assign(scenarios_.size(), 0);
    slot->strategy_sum.assign(AllStrategies().size(), 0.0);
    slot->band_premium.assign(kBands, 0.0);
    for (int b = 0; b < kBands; ++b) {
      PriceWeightBand band;
      band.lo = kBandEdges[b];
      band.hi = std::min(kBandEdges[b + 1], 1.0);
      slot->group.bands.push_back(band);
    }
  }
  return *slot;
}

void BatchSummariser::Add(const TenderBatchResult& r) {
  Acc* accs[2] = {&AccFor("", 0), &AccFor(r.info.product_group, r.info.Year())};
  const int n = (r.info.product_group.empty() && r.info.Year() == 0) ? 1 : 2;
  for (int k = 0; k < n; ++k) {
    Acc& a = *accs[k];
    BatchGroup& g = a.group;
    if (!r.error.empty()) {
      ++g.failed;
      continue;
    }
    ++g.tenders;
    if (r.mismatch) ++g.mismatches;
    if (r.reversals > 0) ++g.fragile;
    for (std::size_t s = 0; s < r.scenarios.size() && s < g.flips.size(); ++s) {
      if (!r.scenarios[s].error.empty()) {
        ++g.scenario_errors[s];
      } else if (r.scenarios[s].flip) {
        ++g.flips[s];
      }
    }
    if (r.ranked > 1) a.margins.push_back(r.margin);
    if (r.has_price) {
      ++g.with_price;
      if (r.lowest_won) ++g.lowest_won;
      a.premium_sum += r.premium;
      for (int b = 0; b < kBands; ++b) {
        if (r.price_share >= kBandEdges[b] &&
            r.price_share < kBandEdges[b + 1]) {
          PriceWeightBand& band = g.bands[static_cast<std::size_t>(b)];
          ++band.tenders;
          if (r.lowest_won) ++band.lowest_won;
          a.band_premium[static_cast<std::size_t>(b)] += r.premium;
        }
      }
    }
    // A money-based award has no points to share.
    if (r.totals.empty()) continue;
    ++a.points_tenders;
    a.price_share_sum += r.price_share;
    a.circular_sum += r.circular_share;
    for (std::size_t s = 0;
         s < r.strategy_share.size() && s < a.strategy_sum.size(); ++s) {
      a.strategy_sum[s] += r.strategy_share[s];
    }
    for (int t = 0; t < 3; ++t) a.type_sum[t] += r.type_share[t];
  }
}

BatchSummary BatchSummariser::Summary() const {
  BatchSummary out;
  out.scenarios = scenarios_;
  for (const auto& [key, acc] : accs_) {
    BatchGroup g = acc->group;
    std::vector<double> m = acc->margins;
    std::sort(m.begin(), m.end());
    g.margins = Quantiles{m.empty() ? 0 : m.front(), Quantile(m, 0.25),
                          Quantile(m, 0.5), Quantile(m, 0.75),
                          m.empty() ? 0 : m.back()};
    const double n = acc->points_tenders > 0 ? acc->points_tenders : 1;
    g.mean_premium = g.with_price > 0 ? acc->premium_sum / g.with_price : 0;
    g.mean_price_share = acc->price_share_sum / n;
    g.mean_circular_share = acc->circular_sum / n;
    g.mean_strategy_share.clear();
    for (const double s : acc->strategy_sum)
      g.mean_strategy_share.push_back(s / n);
    for (int t = 0; t < 3; ++t) g.mean_type_share[t] = acc->type_sum[t] / n;
    for (int b = 0; b < kBands; ++b) {
      PriceWeightBand& band = g.bands[static_cast<std::size_t>(b)];
      band.mean_premium =
          band.tenders > 0
              ? acc->band_premium[static_cast<std::size_t>(b)] / band.tenders
              : 0;
    }
    if (key.first.empty() && key.second == 0) {
      out.groups.insert(out.groups.begin(), std::move(g));
    } else {
      out.groups.push_back(std::move(g));
    }
  }
  return out;
}

// ------------------------------------------------------------ streaming

namespace {

// Tenders of one framework share their criteria text: a set read once is
// reused (keyed by the text itself, diagnostics included), at most
// kCachedSets of them, so that memory stays bounded however long the stream.
constexpr std::size_t kCachedSets = 256;

struct SetCache {
  std::mutex mutex;
  std::unordered_map<std::string, std::shared_ptr<const Result<CriteriaSet>>>
      sets;
};

SetCache& Cache() {
  static SetCache cache;
  return cache;
}

std::shared_ptr<const Result<CriteriaSet>> ParseCriteriaCached(
    const std::string& text, const std::string& file_name) {
  SetCache& cache = Cache();
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    const auto it = cache.sets.find(text);
    if (it != cache.sets.end()) return it->second;
  }
  auto set = std::make_shared<const Result<CriteriaSet>>(
      ParseCriteria(text, file_name));
  // Only sets without any diagnostic are shared: a message names its line.
  if (set->ok() && set->diagnostics.empty()) {
    std::lock_guard<std::mutex> lock(cache.mutex);
    if (cache.sets.size() >= kCachedSets) cache.sets.clear();
    cache.sets.emplace(text, set);
  }
  return set;
}

}  // namespace

namespace {

// The members of one input line that ParseTenderLine reads.
struct LineRecord {
  std::optional<std::string> id;
  std::optional<std::string> criteria;  // set only when a string
  std::optional<std::string> bids;      // set only when a string
  std::optional<std::string> format;    // "" when not a string
  TenderInfo record;
  bool has_reference = false;  // record.reference was given (a string)
};

// JSON whitespace.
bool Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A reader for the common shape of a line, {"key": "text", ..., "record":
// {"key": "text", ...}}, with ASCII text and the escapes \" \\ \/ \b \f \n
// \r \t: it reads such a line in one pass, without a DOM. Anything else
// (another kind of value, a \u escape, a byte above 0x7f, whose UTF-8
// nlohmann checks, a repeated key, a syntax error) is not decided here:
// Fast() returns false and nlohmann reads the line, as it always has, so
// both accept, refuse and read the same lines.
class FastLine {
 public:
  explicit FastLine(std::string_view line) : s_(line) {}

  bool Read(LineRecord* out) {
    Skip();
    const bool ok = Members([&](const std::string& key) {
      if (key == "record") return Record(&out->record, &out->has_reference);
      std::string value;
      if (!Str(&value)) return false;
      if (key == "id") {
        out->id = std::move(value);
      } else if (key == "criteria") {
        out->criteria = std::move(value);
      } else if (key == "bids") {
        out->bids = std::move(value);
      } else if (key == "bids-format") {
        out->format = std::move(value);
      }
      return true;
    });
    return ok && Tail();
  }

 private:
  // An object at the cursor: `member(key)` reads each member's value (the
  // cursor at it); a repeated key, or anything but string keys, is refused.
  template <class Member>
  bool Members(Member member) {
    if (!Eat('{')) return false;
    std::vector<std::string> seen;
    Skip();
    if (Eat('}')) return true;
    for (;;) {
      std::string key;
      if (!Str(&key)) return false;
      for (const std::string& k : seen) {
        if (k == key) return false;
      }
      seen.push_back(key);
      Skip();
      if (!Eat(':')) return false;
      Skip();
      if (!member(key)) return false;
      Skip();
      if (Eat('}')) return true;
      if (!Eat(',')) return false;
      Skip();
    }
  }
  bool Record(TenderInfo* info, bool* has_reference) {
    return Members([&](const std::string& key) {
      std::string value;
      if (!Str(&value)) return false;
      if (key == "reference") {
        info->reference = std::move(value);
        *has_reference = true;
      } else if (key == "buyer") {
        info->buyer = std::move(value);
      } else if (key == "date") {
        info->date = std::move(value);
      } else if (key == "cpv") {
        info->cpv = std::move(value);
      } else if (key == "product-group") {
        info->product_group = std::move(value);
      } else if (key == "winner") {
        info->published_winner = std::move(value);
      }
      return true;
    });
  }
  bool Tail() {
    Skip();
    return i_ == s_.size();
  }
  void Skip() {
    while (i_ < s_.size() && Space(s_[i_])) ++i_;
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool Str(std::string* out) {
    if (!Eat('"')) return false;
    std::size_t run = i_;
    for (;;) {
      if (i_ >= s_.size()) return false;
      const auto b = static_cast<unsigned char>(s_[i_]);
      if (b >= 0x80 || b < 0x20) return false;
      if (b == '"') {
        out->append(s_.substr(run, i_ - run));
        ++i_;
        return true;
      }
      if (b != '\\') {
        ++i_;
        continue;
      }
      out->append(s_.substr(run, i_ - run));
      if (++i_ >= s_.size()) return false;
      switch (s_[i_]) {
        case '"':
        case '\\':
        case '/':
          out->push_back(s_[i_]);
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        default:
          return false;  // \u and the invalid ones: nlohmann decides
      }
      run = ++i_;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// The line read by nlohmann; false: not one JSON object.
bool NlohmannLine(std::string_view line, LineRecord* out) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  for (const char* key : {"criteria", "bids"}) {
    if (j.contains(key) && j[key].is_string()) {
      (std::string_view(key) == "criteria" ? out->criteria : out->bids) =
          j[key].get<std::string>();
    }
  }
  if (j.contains("bids-format")) {
    out->format = j["bids-format"].is_string()
                      ? j["bids-format"].get<std::string>()
                      : std::string();
  }
  if (j.contains("id") && j["id"].is_string()) {
    out->id = j["id"].get<std::string>();
  }
  if (j.contains("record") && j["record"].is_object()) {
    const auto& r = j["record"];
    const auto text = [&](const char* key, std::string* value) {
      if (r.contains(key) && r[key].is_string())
        *value = r[key].get<std::string>();
    };
    TenderInfo& meta = out->record;
    out->has_reference = r.contains("reference") && r["reference"].is_string();
    text("reference", &meta.reference);
    text("buyer", &meta.buyer);
    text("date", &meta.date);
    text("cpv", &meta.cpv);
    text("product-group", &meta.product_group);
    text("winner", &meta.published_winner);
  }
  return true;
}

}  // namespace

Result<TenderLine> ReadTenderLine(std::string_view line, int line_number,
                                  TenderInfo* info) {
  Result<TenderLine> result;
  const std::string where = "stdin:" + std::to_string(line_number);
  const auto fail = [&](const std::string& path, const std::string& message) {
    Diagnostic d;
    d.where = SourceLocation{"stdin", line_number, 1};
    d.path = path;
    d.message = message;
    result.diagnostics.push_back(std::move(d));
  };
  LineRecord in;
  if (!FastLine(line).Read(&in)) {
    in = LineRecord{};
    if (!NlohmannLine(line, &in)) {
      fail("", "expected one JSON object per line");
      return result;
    }
  }
  for (const char* key : {"criteria", "bids"}) {
    if (!(std::string_view(key) == "criteria" ? in.criteria : in.bids)) {
      fail(key,
           std::string("expected the ") + key + " file's text as a string");
      return result;
    }
  }
  BidsFormat format = BidsFormat::kCsv;
  if (in.format) {
    const std::string& f = *in.format;
    if (f == "yaml") {
      format = BidsFormat::kYaml;
    } else if (f == "json") {
      format = BidsFormat::kJson;
    } else if (f != "csv") {
      fail("bids-format", "expected csv, yaml or json");
      return result;
    }
  }
  // The record's reference wins over the id.
  TenderInfo meta = std::move(in.record);
  if (!in.has_reference && in.id) meta.reference = *in.id;
  const std::shared_ptr<const Result<CriteriaSet>> set =
      ParseCriteriaCached(*in.criteria, where + ":criteria");
  result.diagnostics = set->diagnostics;
  if (!set->ok()) return result;
  Result<BidSet> bids =
      ParseBids(*in.bids, where + ":bids", format, *set->value);
  result.diagnostics.insert(result.diagnostics.end(), bids.diagnostics.begin(),
                            bids.diagnostics.end());
  if (!bids.ok()) return result;
  TenderLine t;
  t.criteria = std::shared_ptr<const CriteriaSet>(set, &*set->value);
  t.bids = std::move(*bids.value);
  if (meta.product_group.empty())
    meta.product_group = t.criteria->product_group;
  if (info != nullptr) *info = std::move(meta);
  result.value = std::move(t);
  return result;
}

Result<Tender> ParseTenderLine(std::string_view line, int line_number,
                               TenderInfo* info) {
  Result<TenderLine> read = ReadTenderLine(line, line_number, info);
  Result<Tender> result;
  result.diagnostics = std::move(read.diagnostics);
  if (read.ok()) {
    Tender t;
    t.criteria = *read.value->criteria;
    t.bids = std::move(read.value->bids);
    result.value = std::move(t);
  }
  return result;
}

}  // namespace circa
