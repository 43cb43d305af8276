// Words for evaluator panels (docs/panels.md): the text a panel cell shows
// as the bid's value ("3.67 (mean of 3)") and one sentence per cell for an
// award letter. Only reads the facts in PanelCell and the criteria set.
#include "circa/panel.h"

#include <cmath>
#include <string>
#include <vector>

#include "circa/explain.h"
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

// An individual score as a reader should see it.
std::string ScoreText(const PanelScore& s, const Criterion* leaf) {
  if (leaf != nullptr && leaf->scoring && leaf->scoring->rule == Rule::kYesNo) {
    return s.score != 0 ? "yes" : "no";
  }
  return Num(s.score);
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

std::string DescribePanel(const PanelCell& cell, const CriteriaSet& set) {
  const Criterion* leaf = set.Find(cell.criterion);
  const std::string name = leaf != nullptr ? leaf->name : cell.criterion;
  std::string value = Num(cell.value);
  if (leaf != nullptr && leaf->scoring) {
    if (leaf->scoring->rule == Rule::kScale) {
      for (const ScaleLevel& l : leaf->scoring->levels) {
        if (l.value == cell.value) value += " (" + l.descriptor + ")";
      }
    } else if (leaf->unit == "%") {
      value += "%";
    } else if (!leaf->unit.empty()) {
      value += " " + leaf->unit;
    }
  }
  const std::string n = std::to_string(cell.evaluators) +
                        (cell.evaluators == 1 ? " evaluator" : " evaluators");
  std::string individual;
  const PanelScore* consensus = nullptr;
  for (const PanelScore& s : cell.scores) {
    if (s.is_consensus()) {
      consensus = &s;
      continue;
    }
    if (!individual.empty()) individual += ", ";
    individual += s.evaluator + " " + ScoreText(s, leaf);
  }
  std::string out = "Bid " + cell.bid + ", " + name + ": ";
  if (cell.consensus) {
    out += "consensus score " + value;
    if (cell.evaluators > 0) {
      out += ", agreed after " + n + " scored individually (" + individual +
             "; mean " + Num(cell.mean) + ")";
    }
  } else {
    out += std::string(PanelAggregateName(cell.aggregate)) + " of " + n + " (" +
           individual + ") = " + value;
  }
  if (cell.evaluators > 1) {
    out += "; spread " + Num(cell.spread);
    if (cell.disagreement) {
      out +=
          ", above the disagreement limit of " + Num(*cell.disagreement_limit);
    }
  }
  std::string rationale;
  if (cell.consensus) {
    if (consensus != nullptr && !consensus->rationale.empty()) {
      rationale = "; rationale: \"" + consensus->rationale + "\"";
    }
  } else {
    std::string list;
    int count = 0;
    for (const PanelScore& s : cell.scores) {
      if (s.rationale.empty()) continue;
      list +=
          (count++ > 0 ? "; " : "") + s.evaluator + ": \"" + s.rationale + "\"";
    }
    if (count > 0) {
      rationale = (count == 1 ? "; rationale: " : "; rationales: ") + list;
    }
  }
  return out + rationale + ".";
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
