// Evaluator panels (docs/panels.md): the checks against the panel policies
// and aggregation. The score file is read by engine/io/panel_reader.cc; the
// cells' words (PanelCellText, DescribePanel) are in engine/explain/panel.cc,
// which reads the facts stored here: nothing in this stage calls it.
#include "circa/panel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "io/numbers.h"
#include "io/yaml_node.h"
#include "util/ascii.h"
#include "util/number_format.h"
#include "util/round.h"

namespace circa {
namespace {

constexpr std::string_view kConsensus = "consensus";

const PanelPolicy* FindPolicy(const std::vector<Criterion>& list,
                              std::string_view id, const PanelPolicy* inherited,
                              bool* found) {
  for (const Criterion& c : list) {
    const PanelPolicy* here = c.panel ? &*c.panel : inherited;
    if (c.id == id) {
      *found = true;
      return here;
    }
    const PanelPolicy* below = FindPolicy(c.children, id, here, found);
    if (*found) return below;
  }
  return nullptr;
}

void CollectDeclared(const std::vector<Criterion>& list, bool inherited,
                     std::vector<const Criterion*>* out) {
  for (const Criterion& c : list) {
    const bool declared = inherited || c.panel.has_value();
    if (c.is_group()) {
      CollectDeclared(c.children, declared, out);
    } else if (declared && c.type == CriterionType::kQuality && c.scoring &&
               IsPanelRule(c.scoring->rule)) {
      out->push_back(&c);
    }
  }
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

}  // namespace

bool PanelScore::is_consensus() const {
  return util::AsciiLower(io::Trim(evaluator)) == kConsensus;
}

bool IsPanelRule(Rule rule) {
  return rule == Rule::kScale || rule == Rule::kSteps ||
         rule == Rule::kLinear || rule == Rule::kYesNo;
}

const PanelPolicy* PanelPolicyFor(const CriteriaSet& set,
                                  std::string_view criterion_id) {
  bool found = false;
  const PanelPolicy* inherited = set.panel ? &*set.panel : nullptr;
  const PanelPolicy* p =
      FindPolicy(set.criteria, criterion_id, inherited, &found);
  return found ? p : nullptr;
}

std::vector<const Criterion*> DeclaredPanelLeaves(const CriteriaSet& set) {
  std::vector<const Criterion*> out;
  CollectDeclared(set.criteria, false, &out);
  return out;
}

const PanelCell* PanelResult::Find(std::string_view bid,
                                   std::string_view criterion) const {
  for (const PanelCell& c : cells) {
    if (c.bid == bid && c.criterion == criterion) return &c;
  }
  return nullptr;
}

PanelResult AggregatePanel(const PanelScores& scores, const CriteriaSet& set) {
  std::unordered_map<std::string, std::size_t> bid_order;
  for (std::size_t i = 0; i < scores.bids.size(); ++i) {
    bid_order.emplace(scores.bids[i], i);
  }
  std::unordered_map<std::string, std::size_t> leaf_order;
  const std::vector<const Criterion*> leaves = set.Leaves();
  for (std::size_t j = 0; j < leaves.size(); ++j) {
    leaf_order.emplace(leaves[j]->id, j);
  }
  // Bids or criteria the set does not list (hand-built scores) sort last,
  // in order of appearance.
  const auto index = [](std::unordered_map<std::string, std::size_t>* order,
                        const std::string& key) {
    return order->emplace(key, order->size()).first->second;
  };
  std::map<std::pair<std::size_t, std::size_t>, std::vector<const PanelScore*>>
      groups;
  for (const PanelScore& s : scores.rows) {
    groups[{index(&bid_order, s.bid), index(&leaf_order, s.criterion)}]
        .push_back(&s);
  }
  PanelResult result;
  for (const auto& [key, rows] : groups) {
    PanelCell cell;
    cell.bid = rows.front()->bid;
    cell.criterion = rows.front()->criterion;
    const PanelPolicy* policy = PanelPolicyFor(set, cell.criterion);
    const PanelPolicy fallback;
    if (policy == nullptr) policy = &fallback;
    cell.aggregate = policy->aggregate;
    cell.disagreement_limit = policy->disagreement_limit;
    std::vector<double> values;
    const PanelScore* consensus = nullptr;
    for (const PanelScore* s : rows) {
      if (s->is_consensus()) {
        consensus = s;
      } else {
        values.push_back(s->score);
        cell.scores.push_back(*s);
      }
    }
    if (consensus != nullptr) cell.scores.push_back(*consensus);
    cell.evaluators = static_cast<int>(values.size());
    if (!values.empty()) {
      const double n = static_cast<double>(values.size());
      double sum = 0;
      for (const double v : values) sum += v;
      cell.mean = sum / n;
      cell.median = Median(values);
      cell.min = *std::min_element(values.begin(), values.end());
      cell.max = *std::max_element(values.begin(), values.end());
      cell.spread = cell.max - cell.min;
      double squares = 0;
      for (const double v : values)
        squares += (v - cell.mean) * (v - cell.mean);
      cell.stddev = std::sqrt(squares / n);
    }
    if (consensus != nullptr) {
      cell.consensus = true;
      cell.value = consensus->score;
      if (values.empty()) {
        cell.mean = cell.median = cell.min = cell.max = cell.value;
      }
    } else {
      cell.value =
          cell.aggregate == PanelAggregate::kMedian ? cell.median : cell.mean;
    }
    cell.disagreement = cell.disagreement_limit.has_value() &&
                        cell.spread > *cell.disagreement_limit;
    result.cells.push_back(std::move(cell));
  }
  result.source = scores.source;
  result.sha256 = scores.sha256;
  return result;
}

void ApplyPanel(const PanelResult& result, BidSet* bids) {
  std::unordered_map<std::string, Eigen::Index> row;
  for (std::size_t i = 0; i < bids->ids.size(); ++i) {
    row.emplace(bids->ids[i], static_cast<Eigen::Index>(i));
  }
  std::unordered_map<std::string, Eigen::Index> column;
  for (std::size_t j = 0; j < bids->criteria.size(); ++j) {
    column.emplace(bids->criteria[j], static_cast<Eigen::Index>(j));
  }
  const auto m = static_cast<Eigen::Index>(bids->criteria.size());
  for (const PanelCell& cell : result.cells) {
    const auto i = row.find(cell.bid);
    const auto j = column.find(cell.criterion);
    if (i == row.end() || j == column.end()) continue;
    if (i->second >= bids->values.rows() || j->second >= bids->values.cols()) {
      continue;
    }
    bids->values(i->second, j->second) = cell.value;
    const auto k = static_cast<std::size_t>(i->second * m + j->second);
    // The number only: how it was reached is a fact of the PanelResult,
    // which engine/explain words (PanelCellText).
    if (k < bids->text.size())
      bids->text.Set(k,
                     util::FormatTrimmed(util::RoundDecimal(cell.value, 2), 2));
  }
}

std::vector<Diagnostic> CheckPanelFilled(
    const BidSet& bids, const CriteriaSet& set,
    const std::vector<std::string>& excluded) {
  Diagnostics diag;
  const std::set<std::string> skip(excluded.begin(), excluded.end());
  const std::size_t m = bids.criteria.size();
  // Each leaf with its policy (PanelPolicyFor's inheritance) in one walk of
  // the tree, not a search per column (20,000 flat criteria: seconds).
  std::unordered_map<std::string_view,
                     std::pair<const Criterion*, const PanelPolicy*>>
      leaves;
  const auto walk = [&leaves](const auto& self,
                              const std::vector<Criterion>& list,
                              const PanelPolicy* inherited) -> void {
    for (const Criterion& c : list) {
      const PanelPolicy* here = c.panel ? &*c.panel : inherited;
      if (c.is_group()) {
        self(self, c.children, here);
      } else {
        leaves.emplace(c.id, std::make_pair(&c, here));
      }
    }
  };
  walk(walk, set.criteria, set.panel ? &*set.panel : nullptr);
  std::vector<bool> panel(m, false);
  for (std::size_t j = 0; j < m; ++j) {
    const auto it = leaves.find(bids.criteria[j]);
    if (it == leaves.end()) continue;
    const Criterion* leaf = it->second.first;
    panel[j] = leaf->type == CriterionType::kQuality && leaf->scoring &&
               IsPanelRule(leaf->scoring->rule) && it->second.second != nullptr;
  }
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    if (skip.count(bids.ids[i]) > 0) continue;
    for (std::size_t j = 0; j < m; ++j) {
      const std::size_t k = i * m + j;
      if (!panel[j] || k >= bids.text.size() || !bids.text[k].empty()) {
        continue;
      }
      diag.Error(i < bids.rows.size() ? bids.rows[i]
                                      : SourceLocation{bids.source, 0, 0},
                 "bids[" + bids.ids[i] + "]." + bids.criteria[j],
                 "no value: the bid file leaves it empty and the panel file "
                 "has no score for it");
    }
  }
  return diag.Take();
}

std::string_view PanelAggregateName(PanelAggregate aggregate) {
  switch (aggregate) {
    case PanelAggregate::kMean:
      return "mean";
    case PanelAggregate::kMedian:
      return "median";
    case PanelAggregate::kConsensus:
      return "consensus";
  }
  return "mean";
}

std::optional<PanelAggregate> PanelAggregateFromString(std::string_view text) {
  for (const PanelAggregate a : {PanelAggregate::kMean, PanelAggregate::kMedian,
                                 PanelAggregate::kConsensus}) {
    if (PanelAggregateName(a) == text) return a;
  }
  return std::nullopt;
}

}  // namespace circa
