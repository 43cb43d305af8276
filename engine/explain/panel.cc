// Words for evaluator panels (docs/panels.md): the text a panel cell shows
// as the bid's value ("3.67 (mean of 3)") and one sentence per cell for an
// award letter. Only reads the facts in PanelCell and the criteria set.
#include "circa/panel.h"

#include <cmath>
#include <string>
#include <vector>

#include "circa/explain.h"
#include "circa/labels.h"
#include "explain/messages.h"
#include "explain/words.h"
#include "util/round.h"

namespace circa {
namespace {

// At most 2 decimals, trailing zeros dropped: "3.67", "7.5", "10".
std::string Num(double v) {
  std::string s = FormatNumber(util::RoundDecimal(v, 2), 2);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

}  // namespace

std::string PanelCellText(const PanelCell& cell) {
  const std::string how = cell.consensus
                              ? "consensus"
                              : std::string(PanelAggregateName(cell.aggregate));
  if (cell.evaluators == 0) return Num(cell.value) + " (" + how + ")";
  return Num(cell.value) + " (" + how + " of " +
         std::to_string(cell.evaluators) + ")";
}

namespace explain {

std::string DescribePanel(const PanelCell& cell, const CriteriaSet& set,
                          const Messages& m) {
  const Criterion* leaf = set.Find(cell.criterion);
  const std::string name =
      CriterionName(&set, cell.criterion, cell.criterion, m.language());
  // At most 2 decimals, trailing zeros dropped, in the language's
  // convention: "3.67", "7.5", "10"; "3,67", "7,5".
  const auto num = [&m](double v) {
    return LocalizeNumber(Num(v), m.language());
  };
  const auto score_text = [&](const PanelScore& s) {
    if (leaf != nullptr && leaf->scoring &&
        leaf->scoring->rule == Rule::kYesNo) {
      return m(s.score != 0 ? "value.yes" : "value.no");
    }
    return num(s.score);
  };
  std::string value = num(cell.value);
  if (leaf != nullptr && leaf->scoring) {
    if (leaf->scoring->rule == Rule::kScale) {
      for (const ScaleLevel& l : leaf->scoring->levels) {
        if (l.value == cell.value) {
          value += " (" + LocalLevel(l, m.language()) + ")";
        }
      }
    } else {
      value = m.Quantity(value, cell.value, leaf->unit);
    }
  }
  std::string individual;
  const PanelScore* consensus = nullptr;
  for (const PanelScore& s : cell.scores) {
    if (s.is_consensus()) {
      consensus = &s;
      continue;
    }
    if (!individual.empty()) individual += m("list.comma");
    individual += s.evaluator + " " + score_text(s);
  }
  const std::string evaluator_count = std::to_string(cell.evaluators);
  std::string text;
  if (cell.consensus) {
    text = cell.evaluators > 0 ? m("panel.consensus_after",
                                   {{"value", value},
                                    {"evaluators", cell.evaluators},
                                    {"evaluator_count", evaluator_count},
                                    {"individual", individual},
                                    {"mean", num(cell.mean)}})
                               : m("panel.consensus", {{"value", value}});
  } else {
    text = m("panel.aggregated",
             {{"aggregate", PanelAggregateName(cell.aggregate)},
              {"evaluators", cell.evaluators},
              {"evaluator_count", evaluator_count},
              {"individual", individual},
              {"value", value}});
  }
  std::string spread;
  if (cell.evaluators > 1) {
    spread =
        cell.disagreement
            ? m("panel.spread_over", {{"spread", num(cell.spread)},
                                      {"limit", num(*cell.disagreement_limit)}})
            : m("panel.spread", {{"spread", num(cell.spread)}});
  }
  std::string rationale;
  if (cell.consensus) {
    if (consensus != nullptr && !consensus->rationale.empty()) {
      rationale = m("panel.rationale", {{"text", consensus->rationale}});
    }
  } else {
    std::string list;
    int count = 0;
    for (const PanelScore& s : cell.scores) {
      if (s.rationale.empty()) continue;
      if (count++ > 0) list += "; ";
      list += m("panel.rationale_item",
                {{"evaluator", s.evaluator}, {"text", s.rationale}});
    }
    if (count > 0) {
      rationale = m("panel.rationales", {{"count", count}, {"list", list}});
    }
  }
  return m("panel.sentence", {{"bid", cell.bid},
                              {"name", name},
                              {"text", text},
                              {"spread", spread},
                              {"rationale", rationale}});
}

}  // namespace explain

std::string DescribePanel(const PanelCell& cell, const CriteriaSet& set) {
  return explain::DescribePanel(cell, set,
                                explain::Messages::Of(Language::kEnglish));
}

std::vector<std::string> DescribePanel(const PanelResult& result,
                                       const CriteriaSet& set) {
  std::vector<std::string> out;
  out.reserve(result.cells.size());
  for (const PanelCell& cell : result.cells) {
    out.push_back(DescribePanel(cell, set));
  }
  return out;
}

}  // namespace circa
