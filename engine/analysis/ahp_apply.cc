// Writes AHP weights into a criteria set by rewriting the weight values in
// its text (comments and layout kept), then loads the result to prove it.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analysis/ahp_internal.h"
#include "circa/ahp.h"
#include "circa/load.h"
#include "io/file.h"
#include "io/yaml_node.h"

namespace circa {
namespace {

// Weights are written with this many decimals, rounded so that every
// sibling list adds up to exactly 100 (largest remainder).
constexpr int kDecimals = 4;

std::vector<std::string> RoundToHundred(const std::vector<double>& percent) {
  const double unit = std::pow(10.0, kDecimals);
  std::vector<long long> units(percent.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  long long total = 0;
  for (std::size_t i = 0; i < percent.size(); ++i) {
    const double scaled = percent[i] * unit;
    units[i] = static_cast<long long>(std::floor(scaled));
    total += units[i];
    remainders.push_back({scaled - std::floor(scaled), i});
  }
  std::stable_sort(
      remainders.begin(), remainders.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  const auto target = static_cast<long long>(100 * unit);
  for (std::size_t k = 0; total < target && k < remainders.size(); ++k) {
    ++units[remainders[k].second];
    ++total;
  }
  std::vector<std::string> out;
  for (const long long u : units) {
    std::string s = FormatFixed(static_cast<double>(u) / unit, kDecimals);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    out.push_back(s);
  }
  return out;
}

// The line ending the file uses (that of its first line): an inserted line
// keeps a CRLF (Windows) or CR (old Mac) file consistent.
std::string LineEnding(std::string_view text) {
  const std::size_t lf = text.find('\n');
  const std::size_t cr = text.find('\r');
  if (cr == std::string_view::npos) return "\n";
  if (lf == cr + 1) return "\r\n";
  if (lf == std::string_view::npos || cr < lf) return "\r";
  return "\n";
}

struct Edit {
  std::size_t pos = 0;
  std::size_t length = 0;
  std::string text;
};

class Applier {
 public:
  Applier(std::string_view text, const CriteriaSet& set, const AhpResult& ahp,
          Diagnostics* diag)
      : text_(text), newline_(LineEnding(text)), set_(set), diag_(diag) {
    for (const AhpGroupResult& g : ahp.groups) groups_[g.id] = &g;
  }

  // Checks that every AHP group matches a sibling list of the set.
  bool Check(const std::string& criteria_file) {
    std::map<std::string, const std::vector<Criterion>*> lists;
    lists[kAhpTopGroup] = &set_.criteria;
    CollectGroups(set_.criteria, &lists);
    std::vector<std::string> names;
    for (const auto& [id, list] : lists) names.push_back(id);
    bool ok = true;
    for (const auto& [id, g] : groups_) {
      const auto it = lists.find(id);
      if (it == lists.end()) {
        std::string message = "\"" + id + "\" is not a group of " +
                              criteria_file +
                              " (use _top for the top-level criteria)";
        const std::string hint = io::Suggest(id, names);
        if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
        diag_->Error(g->where, "groups." + id, message);
        ok = false;
        continue;
      }
      std::set<std::string> want;
      for (const Criterion& c : *it->second) want.insert(c.id);
      const std::set<std::string> have(g->criteria.begin(), g->criteria.end());
      std::string missing;
      std::string extra;
      for (const std::string& c : want) {
        if (!have.count(c)) missing += (missing.empty() ? "" : ", ") + c;
      }
      for (const std::string& c : have) {
        if (!want.count(c)) extra += (extra.empty() ? "" : ", ") + c;
      }
      if (!missing.empty() || !extra.empty()) {
        std::string message = "criteria differ from " + criteria_file;
        if (!missing.empty()) message += "; missing: " + missing;
        if (!extra.empty()) message += "; not in that group: " + extra;
        diag_->Error(g->where, "groups." + id + ".criteria", message);
        ok = false;
      }
    }
    return ok;
  }

  // Plans an edit for every weight and for the `weights` key.
  bool Plan(const io::YamlNode& root, std::vector<Edit>* edits) {
    const bool points = set_.weights == WeightMode::kPoints;
    if (!PlanList(root["criteria"], set_.criteria, kAhpTopGroup, set_.scale,
                  points, edits)) {
      return false;
    }
    const io::YamlNode mode = root["weights"];
    if (mode.IsDefined() && !mode.IsNull()) {
      return Replace(mode, "percent", edits);
    }
    for (const auto& kv : root) {
      if (!kv.first.IsScalar() || kv.first.Scalar() != "criteria") continue;
      const std::size_t pos = static_cast<std::size_t>(kv.first.Mark().pos);
      if (root.Style() == io::YamlStyle::kFlow) {
        edits->push_back({pos, 0, "weights: percent, "});
        return true;
      }
      const std::size_t line =
          text_.find_last_of("\r\n", pos == 0 ? 0 : pos - 1);
      const std::size_t start = line == std::string_view::npos ? 0 : line + 1;
      const std::string_view indent = text_.substr(start, pos - start);
      if (indent.find_first_not_of(' ') != std::string_view::npos) break;
      edits->push_back(
          {pos, 0, "weights: percent" + newline_ + std::string(indent)});
      return true;
    }
    return Fail("cannot find where to add \"weights: percent\"");
  }

 private:
  static void CollectGroups(
      const std::vector<Criterion>& list,
      std::map<std::string, const std::vector<Criterion>*>* out) {
    for (const Criterion& c : list) {
      if (!c.is_group()) continue;
      (*out)[c.id] = &c.children;
      CollectGroups(c.children, out);
    }
  }

  bool PlanList(const io::YamlNode& nodes, const std::vector<Criterion>& list,
                const std::string& group, double parent_points, bool points,
                std::vector<Edit>* edits) {
    if (!nodes.IsSequence() || nodes.size() != list.size()) {
      return Fail("the criteria list of " + group + " changed while reading");
    }
    std::vector<double> percent(list.size());
    const auto it = groups_.find(group);
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (it != groups_.end()) {
        const AhpGroupResult& g = *it->second;
        const auto k =
            std::find(g.criteria.begin(), g.criteria.end(), list[i].id) -
            g.criteria.begin();
        percent[i] = 100 * g.priorities.weights[k];
      } else if (!points) {
        percent[i] = list[i].weight;
      } else if (parent_points > 0) {
        percent[i] = 100 * list[i].weight / parent_points;
      } else {
        // A group worth 0 points: any split is worth 0; split evenly.
        percent[i] = 100.0 / static_cast<double>(list.size());
      }
    }
    const bool rewrite = points || it != groups_.end();
    const std::vector<std::string> written = RoundToHundred(percent);
    for (std::size_t i = 0; i < list.size(); ++i) {
      const io::YamlNode node = nodes[i];
      if (rewrite && !Replace(node["weight"], written[i], edits)) return false;
      if (list[i].is_group() &&
          !PlanList(node["criteria"], list[i].children, list[i].id,
                    list[i].weight, points, edits)) {
        return false;
      }
    }
    return true;
  }

  // Replaces a scalar's source text (plain or quoted).
  bool Replace(const io::YamlNode& node, const std::string& value,
               std::vector<Edit>* edits) {
    if (!node.IsDefined() || !node.IsScalar() || node.Mark().is_null()) {
      return Fail("a weight is not a plain value");
    }
    const auto pos = static_cast<std::size_t>(node.Mark().pos);
    const std::string& scalar = node.Scalar();
    if (pos >= text_.size()) return Fail("a weight is out of the text");
    const char first = text_[pos];
    if (first == '"' || first == '\'') {
      if (text_.compare(pos + 1, scalar.size(), scalar) != 0 ||
          pos + 1 + scalar.size() >= text_.size() ||
          text_[pos + 1 + scalar.size()] != first) {
        return Fail("cannot locate the weight " + scalar + " in the text");
      }
      edits->push_back({pos, scalar.size() + 2, value});
      return true;
    }
    if (text_.compare(pos, scalar.size(), scalar) != 0) {
      return Fail("cannot locate the weight " + scalar + " in the text");
    }
    edits->push_back({pos, scalar.size(), value});
    return true;
  }

  bool Fail(const std::string& why) {
    diag_->Error({set_.source, 0, 0}, "", "cannot rewrite weights: " + why);
    return false;
  }

  std::string_view text_;
  std::string newline_;  // the file's own line ending, for inserted lines
  const CriteriaSet& set_;
  Diagnostics* diag_;
  std::map<std::string, const AhpGroupResult*> groups_;
};

// Each group's weights as loaded must equal the AHP weights to the written
// precision.
void Verify(const std::vector<Criterion>& list, const std::string& group,
            const std::map<std::string, const AhpGroupResult*>& groups,
            const std::string& file, Diagnostics* diag) {
  const auto it = groups.find(group);
  for (const Criterion& c : list) {
    if (it != groups.end()) {
      const AhpGroupResult& g = *it->second;
      const auto k = std::find(g.criteria.begin(), g.criteria.end(), c.id) -
                     g.criteria.begin();
      if (std::abs(c.weight - 100 * g.priorities.weights[k]) > 1e-3) {
        diag->Error({file, 0, 0}, c.id,
                    "cannot rewrite weights: " + c.id + " reads back as " +
                        FormatFixed(c.weight, 4));
      }
    }
    Verify(c.children, c.id, groups, file, diag);
  }
}

}  // namespace

Result<std::string> ApplyAhpWeights(std::string_view criteria_text,
                                    const std::string& criteria_file,
                                    const AhpResult& result) {
  Result<std::string> out;
  Result<CriteriaSet> set = ParseCriteria(criteria_text, criteria_file);
  out.diagnostics = set.diagnostics;
  if (!set.ok()) return out;
  Diagnostics diag;
  if (!result.criteria_set.empty() && result.criteria_set != set.value->id) {
    diag.Error({result.source, 0, 0}, "criteria-set",
               "these judgements are for \"" + result.criteria_set + "\"; " +
                   criteria_file + " is \"" + set.value->id + "\"");
  }
  const std::string_view body = io::StripBom(criteria_text);
  const std::string_view bom =
      criteria_text.substr(0, criteria_text.size() - body.size());
  Applier applier(body, *set.value, result, &diag);
  std::vector<Edit> edits;
  if (applier.Check(criteria_file) && !diag.HasErrors()) {
    const auto root = io::ParseYaml(body, criteria_file, &diag);
    if (root) applier.Plan(*root, &edits);
  }
  if (diag.HasErrors()) {
    for (Diagnostic& d : diag.Take()) out.diagnostics.push_back(std::move(d));
    return out;
  }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.pos > b.pos; });
  std::string text(body);
  for (const Edit& e : edits) text.replace(e.pos, e.length, e.text);
  text.insert(0, bom);

  const Result<CriteriaSet> check = ParseCriteria(text, criteria_file);
  if (!check.ok()) {
    diag.Error({criteria_file, 0, 0}, "",
               "cannot rewrite weights: the rewritten set does not load");
    diag.Append(check.diagnostics);
  } else {
    std::map<std::string, const AhpGroupResult*> groups;
    for (const AhpGroupResult& g : result.groups) groups[g.id] = &g;
    Verify(check.value->criteria, kAhpTopGroup, groups, criteria_file, &diag);
  }
  if (!diag.HasErrors()) out.value = std::move(text);
  for (Diagnostic& d : diag.Take()) out.diagnostics.push_back(std::move(d));
  return out;
}

}  // namespace circa
