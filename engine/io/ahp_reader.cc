// AHP judgements reader: YAML -> one reciprocal matrix per group, every
// problem reported with its position (docs/ahp.md).
#include "io/ahp_reader.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "circa/ahp.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/yaml_node.h"

namespace circa {

std::string FormatJudgement(double value) {
  const auto trimmed = [](double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s(buf);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  };
  if (value >= 1 || value <= 0) return trimmed(value);
  return "1/" + trimmed(1 / value);
}
namespace {

constexpr std::size_t kMaxAhpBytes = 1u << 20;
// Errors collected before stopping (the default LoadOptions::max_errors).
constexpr int kMaxErrors = 50;
// Judgements are accepted from 1/9 to 9; the slack absorbs "1/9" as a
// double, not a value such as 0.11.
constexpr double kSlack = 1e-12;
// a(i, j) * a(j, i) may differ this much from 1 when both are written
// (0.333333 for 1/3 is accepted, 0.33 is not).
constexpr double kReciprocal = 1e-6;

// "3", "0.5", "1/3", "2/3". False when not a positive number or a fraction
// of two positive numbers ("-1/-3" is no judgement).
bool ParseJudgement(const std::string& text, double* value) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return io::ParsePlainNumber(text, value);
  double num = 0;
  double den = 0;
  if (!io::ParsePlainNumber(io::Trim(std::string_view(text).substr(0, slash)),
                            &num) ||
      !io::ParsePlainNumber(io::Trim(std::string_view(text).substr(slash + 1)),
                            &den) ||
      !(num > 0) || !(den > 0)) {
    return false;
  }
  *value = num / den;
  return true;
}

class AhpReader {
 public:
  AhpReader(const std::string& file, Diagnostics* diag, RandomIndexTable table,
            AhpCompletion completion)
      : r_(file, diag), table_(table), completion_(completion) {}

  std::optional<AhpJudgements> Read(const io::YamlNode& root) {
    if (!root.IsMap()) {
      r_.Error(root, "",
               "expected AHP judgements (a map with circa and groups), got " +
                   io::Describe(root));
      return std::nullopt;
    }
    r_.CheckKeys(root, "", {"circa", "criteria-set", "groups"});
    AhpJudgements out;
    out.source = r_.file();
    if (const auto format = r_.Number(root, "circa", "", true)) {
      if (*format != 1) {
        r_.Error(root["circa"], "circa",
                 "unsupported format version " + root["circa"].Scalar() +
                     "; this circa reads format 1");
      }
    }
    out.criteria_set = r_.String(root, "criteria-set", "", false).value_or("");
    const io::YamlNode groups = root["groups"];
    if (!groups.IsDefined() || groups.IsNull()) {
      r_.Error(root, "groups",
               "missing; expected a map {group id: {criteria, judgements}}");
      return out;
    }
    if (!groups.IsMap() || groups.size() == 0) {
      r_.Error(groups, "groups",
               "expected a non-empty map {group id: {criteria, judgements}}, "
               "got " +
                   io::Describe(groups));
      return out;
    }
    std::set<std::string> seen;
    for (const auto& kv : groups) {
      if (!kv.first.IsScalar()) {
        r_.Error(kv.first, "groups",
                 "expected a group id, got " + io::Describe(kv.first));
        continue;
      }
      const std::string id = kv.first.Scalar();
      const std::string path = "groups." + id;
      if (!seen.insert(id).second) {
        r_.Error(kv.first, path, "duplicate group");
        continue;
      }
      if (auto g = ReadGroup(kv.first, kv.second, path)) {
        out.groups.push_back(std::move(*g));
      }
    }
    return out;
  }

 private:
  std::optional<AhpGroup> ReadGroup(const io::YamlNode& key,
                                    const io::YamlNode& node,
                                    const std::string& path) {
    AhpGroup g;
    g.id = key.Scalar();
    g.where = r_.Where(key);
    if (!node.IsMap()) {
      r_.Error(node, path,
               "expected a map with criteria and judgements, got " +
                   io::Describe(node));
      return std::nullopt;
    }
    r_.CheckKeys(node, path, {"criteria", "judgements"});
    const io::YamlNode list = node["criteria"];
    const std::string list_path = io::Join(path, "criteria");
    if (!list.IsDefined() || list.IsNull()) {
      r_.Error(node, list_path, "missing; expected a list of criterion ids");
      return std::nullopt;
    }
    if (!list.IsSequence() || list.size() == 0) {
      r_.Error(list, list_path,
               "expected a non-empty list of criterion ids, got " +
                   io::Describe(list));
      return std::nullopt;
    }
    bool ok = true;
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = list_path + "[" + std::to_string(i) + "]";
      if (!list[i].IsScalar() || list[i].Scalar().empty()) {
        r_.Error(list[i], at,
                 "expected a criterion id, got " + io::Describe(list[i]));
        ok = false;
        continue;
      }
      const std::string& id = list[i].Scalar();
      if (!index.emplace(id, static_cast<int>(g.criteria.size())).second) {
        r_.Error(list[i], at, "\"" + id + "\" is listed twice");
        ok = false;
        continue;
      }
      g.criteria.push_back(id);
    }
    const std::size_t limit = RandomIndexValues(table_).size();
    if (g.criteria.size() > limit) {
      r_.Error(list, list_path,
               std::to_string(g.criteria.size()) +
                   " criteria; the random-index table " +
                   std::string(ToString(table_)) + " covers at most " +
                   std::to_string(limit) + " (split the group)");
      ok = false;
    }
    if (!ok) return std::nullopt;

    const auto n = static_cast<Eigen::Index>(g.criteria.size());
    g.matrix = Eigen::MatrixXd::Constant(n, n, 0.0);
    g.matrix.diagonal().setOnes();
    g.written.assign(g.criteria.size(),
                     std::vector<SourceLocation>(g.criteria.size()));
    const io::YamlNode judgements = node["judgements"];
    const std::string j_path = io::Join(path, "judgements");
    if (n == 1 && (!judgements.IsDefined() || judgements.IsNull())) return g;
    if (!judgements.IsDefined() || judgements.IsNull()) {
      r_.Error(node, j_path,
               "missing; expected a map such as {a: {b: 3, c: 5}, b: {c: 2}}");
      return std::nullopt;
    }
    if (!judgements.IsMap()) {
      r_.Error(judgements, j_path,
               "expected a map such as {a: {b: 3, c: 5}, b: {c: 2}}, got " +
                   io::Describe(judgements));
      return std::nullopt;
    }
    for (const auto& row : judgements) {
      ok &= ReadRow(row.first, row.second, j_path, index, &g);
    }
    if (!ok) return std::nullopt;
    std::string missing;
    int count = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = i + 1; j < n; ++j) {
        if (g.matrix(i, j) != 0) continue;
        ++count;
        if (count <= 10) {
          missing += (count > 1 ? ", " : "") +
                     g.criteria[static_cast<std::size_t>(i)] + " vs " +
                     g.criteria[static_cast<std::size_t>(j)];
        }
      }
    }
    if (count > 0 && completion_ != AhpCompletion::kNone) {
      // Completed later (RunAhp); the judged pairs must connect every
      // criterion, or no completion is determined.
      std::vector<int> component(static_cast<std::size_t>(n), -1);
      std::vector<int> stack = {0};
      component[0] = 0;
      while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        for (int j = 0; j < n; ++j) {
          if (component[static_cast<std::size_t>(j)] < 0 &&
              g.matrix(i, j) != 0) {
            component[static_cast<std::size_t>(j)] = 0;
            stack.push_back(j);
          }
        }
      }
      for (Eigen::Index j = 0; j < n; ++j) {
        if (component[static_cast<std::size_t>(j)] < 0) {
          r_.Error(judgements, j_path,
                   "incomplete matrix: no chain of judgements links " +
                       g.criteria[0] + " with " +
                       g.criteria[static_cast<std::size_t>(j)] +
                       ", so the missing ones cannot be completed");
          return std::nullopt;
        }
      }
      for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
          if (g.matrix(i, j) == 0) g.missing.emplace_back(i, j);
        }
      }
      return g;
    }
    if (count > 0) {
      const auto total = n * (n - 1) / 2;
      r_.Error(judgements, j_path,
               "incomplete matrix: " + std::to_string(count) + " of " +
                   std::to_string(total) + " comparisons missing: " + missing +
                   (count > 10 ? ", ..." : ""));
      return std::nullopt;
    }
    return g;
  }

  bool ReadRow(const io::YamlNode& key, const io::YamlNode& row,
               const std::string& path, const std::map<std::string, int>& index,
               AhpGroup* g) {
    if (!key.IsScalar()) {
      r_.Error(key, path, "expected a criterion id, got " + io::Describe(key));
      return false;
    }
    const std::string here = io::Join(path, key.Scalar());
    const auto i = Lookup(key, here, index, g->criteria);
    if (!i) return false;
    if (!row.IsMap()) {
      r_.Error(row, here,
               "expected a map {other criterion: judgement}, got " +
                   io::Describe(row));
      return false;
    }
    bool ok = true;
    for (const auto& cell : row) {
      if (!cell.first.IsScalar()) {
        r_.Error(cell.first, here,
                 "expected a criterion id, got " + io::Describe(cell.first));
        ok = false;
        continue;
      }
      const std::string at = io::Join(here, cell.first.Scalar());
      const auto j = Lookup(cell.first, at, index, g->criteria);
      double value = 0;
      if (!cell.second.IsScalar() ||
          !ParseJudgement(cell.second.Scalar(), &value) || !(value > 0)) {
        r_.Error(cell.second, at,
                 "expected a judgement from 1/9 to 9 such as 3 or 1/3, got " +
                     io::Describe(cell.second));
        ok = false;
        continue;
      }
      if (value < (1 - kSlack) / 9 || value > 9 * (1 + kSlack)) {
        r_.Error(cell.second, at,
                 "judgement " + cell.second.Scalar() +
                     " is outside Saaty's scale 1/9..9");
        ok = false;
        continue;
      }
      if (!j) {
        ok = false;
        continue;
      }
      const auto ui = static_cast<std::size_t>(*i);
      const auto uj = static_cast<std::size_t>(*j);
      if (*i == *j) {
        if (value != 1) {
          r_.Error(cell.second, at,
                   "a criterion compared with itself must be 1, got " +
                       cell.second.Scalar());
          ok = false;
        }
        continue;
      }
      const SourceLocation& first = g->written[ui][uj];
      const SourceLocation& reverse = g->written[uj][ui];
      if (first.line != 0) {
        r_.Error(cell.second, at,
                 "duplicate comparison (first at line " +
                     std::to_string(first.line) + ")");
        ok = false;
        continue;
      }
      if (reverse.line != 0 &&
          std::abs(value * g->matrix(*j, *i) - 1) > kReciprocal) {
        r_.Error(
            cell.second, at,
            "not reciprocal: " + g->criteria[uj] + " vs " + g->criteria[ui] +
                " is " + FormatJudgement(g->matrix(*j, *i)) + " (line " +
                std::to_string(reverse.line) + "), so this must be " +
                FormatJudgement(1 / g->matrix(*j, *i)) + " or be left out");
        ok = false;
        continue;
      }
      g->matrix(*i, *j) = value;
      if (reverse.line == 0) g->matrix(*j, *i) = 1 / value;
      g->written[ui][uj] = r_.Where(cell.second);
    }
    return ok;
  }

  std::optional<int> Lookup(const io::YamlNode& node, const std::string& path,
                            const std::map<std::string, int>& index,
                            const std::vector<std::string>& ids) {
    const auto it = index.find(node.Scalar());
    if (it != index.end()) return it->second;
    std::string message =
        "\"" + node.Scalar() + "\" is not in this group's criteria list";
    const std::string hint = io::Suggest(node.Scalar(), ids);
    if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
    r_.Error(node, path, message);
    return std::nullopt;
  }

  io::YamlReader r_;
  RandomIndexTable table_;
  AhpCompletion completion_;
};

}  // namespace

Result<AhpJudgements> ParseAhp(std::string_view text, const std::string& file,
                               RandomIndexTable table,
                               AhpCompletion completion) {
  Diagnostics diag;
  Result<AhpJudgements> result;
  if (text.size() > kMaxAhpBytes) {
    diag.Error({file, 0, 0}, "",
               "file is " + std::to_string(text.size()) +
                   " bytes; the limit for AHP judgements is " +
                   std::to_string(kMaxAhpBytes) + " bytes");
  } else if (const auto root = io::ParseYaml(
                 text, file, &diag, io::YamlSyntax::kYaml, kMaxErrors)) {
    AhpReader reader(file, &diag, table, completion);
    std::optional<AhpJudgements> j = reader.Read(*root);
    if (j && !diag.HasErrors()) result.value = std::move(j);
  }
  io::CapErrors(&diag, file, kMaxErrors);
  result.diagnostics = diag.Take();
  return result;
}

Result<AhpJudgements> LoadAhpFile(const std::string& path,
                                  RandomIndexTable table,
                                  AhpCompletion completion) {
  Diagnostics diag;
  const auto text = io::ReadFile(path, kMaxAhpBytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  return ParseAhp(*text, path, table, completion);
}

}  // namespace circa
