// The evaluator panel's score file (docs/panels.md): a CSV of bid,
// criterion, evaluator, score and rationale, checked against the criteria
// set's panel policies and the bids. A reader of a file format, so it lives
// in engine/io; it compiles in the load stage, after engine/panel, whose
// policy lookups (circa/panel.h) it uses.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "circa/panel.h"
#include "io/csv.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/yaml_node.h"
#include "util/ascii.h"
#include "util/number_format.h"
#include "util/round.h"

namespace circa {
namespace {

constexpr std::string_view kConsensus = "consensus";

using util::AsciiLower;

// "C", "C and D", "C, D and E"; more than `limit` names end in "and N
// others".
std::string NameList(const std::vector<std::string>& names,
                     std::string_view last = "and", std::size_t limit = 10) {
  std::string out;
  const std::size_t shown = std::min(names.size(), limit);
  const std::size_t rest = names.size() - shown;
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) {
      out += (i + 1 == shown && rest == 0) ? " " + std::string(last) + " "
                                           : std::string(", ");
    }
    out += names[i];
  }
  if (rest > 0) {
    out += " " + std::string(last) + " " + std::to_string(rest) + " others";
  }
  return out;
}

std::string Levels(const ScoringRule& rule) {
  std::string out;
  for (const ScaleLevel& l : rule.levels) {
    if (!out.empty()) out += ", ";
    out += FormatNumber(l.value, -1) + " (" + l.descriptor + ")";
  }
  return out;
}

// The range of input values a panel may give on a linear or steps leaf.
std::pair<double, double> Range(const ScoringRule& rule) {
  if (rule.rule == Rule::kLinear) {
    return {std::min(rule.worst, rule.best), std::max(rule.worst, rule.best)};
  }
  return {std::min(0.0, rule.steps.front().threshold),
          rule.steps.back().threshold};
}

std::string Expected(const ScoringRule& rule) {
  switch (rule.rule) {
    case Rule::kYesNo:
      return "1 (yes) or 0 (no)";
    case Rule::kScale:
      return "one of the levels " + Levels(rule);
    default: {
      const auto [lo, hi] = Range(rule);
      return "a number from " + FormatNumber(lo, -1) + " to " +
             FormatNumber(hi, -1);
    }
  }
}

bool IsGroupId(const std::vector<Criterion>& list, std::string_view id) {
  for (const Criterion& c : list) {
    if (c.is_group() && (c.id == id || IsGroupId(c.children, id))) return true;
  }
  return false;
}

// A panel criterion as the reader sees it.
struct PanelLeaf {
  const Criterion* leaf = nullptr;
  const PanelPolicy* policy = nullptr;
  bool declared = false;  // its own or a group's policy
  bool scored = false;    // at least one row (valid bid) names it
};

class PanelReader {
 public:
  PanelReader(const std::string& file, const CriteriaSet& set,
              const std::vector<std::string>& bid_ids,
              const std::vector<std::string>& excluded,
              const LoadOptions& options)
      : file_(file), set_(set), options_(options) {
    out_.bids = bid_ids;
    out_.excluded = excluded;
    for (std::size_t i = 0; i < bid_ids.size(); ++i) {
      bid_index_.emplace(bid_ids[i], i);
    }
    excluded_.insert(excluded.begin(), excluded.end());
    const std::vector<const Criterion*> leaves = set.Leaves();
    for (const Criterion* leaf : leaves) leaf_ids_.push_back(leaf->id);
    for (const Criterion* leaf : DeclaredPanelLeaves(set)) {
      declared_.insert(leaf->id);
    }
    for (const Criterion* leaf : leaves) {
      PanelLeaf p;
      p.leaf = leaf;
      p.policy = PanelPolicyFor(set, leaf->id);
      p.declared = declared_.count(leaf->id) > 0;
      leaf_index_.emplace(leaf->id, panel_leaves_.size());
      panel_leaves_.push_back(p);
    }
  }

  Result<PanelScores> Read(std::string_view text) {
    io::CsvTable table;
    if (!io::ParseCsv(text, file_, &diag_, &table)) return Finish(text);
    if (table.rows.empty()) {
      diag_.Error({file_, 1, 1}, "",
                  "the file is empty; expected a header row (bid, criterion, "
                  "evaluator, score, rationale) and one row per score");
      return Finish(text);
    }
    const auto locale = table.directives.find("locale");
    const bool declared = locale != table.directives.end();
    const std::string name = declared ? locale->second.first : options_.locale;
    const auto mark = io::DecimalMarkOf(name);
    if (!mark) {
      Error({file_, declared ? locale->second.second : 0, 1}, "locale",
            "unknown locale \"" + name +
                "\"; expected auto, en, or a decimal-comma locale such as "
                "nl-BE, fr-BE, de-BE");
      return Finish(text);
    }
    mark_ = *mark;
    out_.locale = name.empty() ? "auto" : name;
    if (options_.log) {
      options_.log(file_ + ": delimiter '" +
                   (table.delimiter == '\t' ? std::string("\\t")
                                            : std::string(1, table.delimiter)) +
                   "', locale " + out_.locale);
    }
    if (!ReadHeader(table.rows.front())) return Finish(text);
    for (std::size_t r = 1; r < table.rows.size() && !Full(); ++r) {
      ReadRow(table.rows[r], static_cast<int>(r));
    }
    if (!Full()) CheckPanel(table.rows.size() > 1);
    return Finish(text);
  }

 private:
  enum Col { kBid, kCriterion, kEvaluator, kScore, kRationale, kCols };

  bool Full() const { return diag_.ErrorCount() >= options_.max_errors; }

  void Error(SourceLocation where, const std::string& path,
             std::string message) {
    if (Full()) return;
    diag_.Error(std::move(where), path, std::move(message));
    if (Full()) {
      diag_.Error({file_, 0, 0}, "",
                  "too many errors; stopped after " +
                      std::to_string(options_.max_errors));
    }
  }

  bool ReadHeader(const std::vector<io::CsvCell>& header) {
    static constexpr std::array<std::string_view, kCols> kNames{
        "bid", "criterion", "evaluator", "score", "rationale"};
    column_.fill(-1);
    width_ = header.size();
    bool ok = true;
    for (std::size_t k = 0; k < header.size(); ++k) {
      const std::string name = AsciiLower(io::Trim(header[k].text));
      const SourceLocation where{file_, header[k].line, header[k].column};
      const auto it = std::find(kNames.begin(), kNames.end(), name);
      if (it == kNames.end()) {
        std::string message =
            "unknown column \"" + std::string(io::Trim(header[k].text)) +
            "\"; expected bid, criterion, evaluator, score or rationale";
        const std::string hint = io::Suggest(
            name, {"bid", "criterion", "evaluator", "score", "rationale"});
        if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
        Error(where, "header", message);
        ok = false;
        continue;
      }
      const auto c = static_cast<std::size_t>(it - kNames.begin());
      if (column_[c] >= 0) {
        Error(where, "header", "duplicate column \"" + name + "\"");
        ok = false;
        continue;
      }
      column_[c] = static_cast<int>(k);
    }
    std::vector<std::string> missing;
    for (std::size_t c = 0; c < kRationale; ++c) {
      if (column_[c] < 0) missing.emplace_back(kNames[c]);
    }
    if (!missing.empty()) {
      Error({file_, header.front().line, 1}, "header",
            std::string(missing.size() == 1 ? "missing the column "
                                            : "missing the columns ") +
                NameList(missing) +
                "; expected a header row with bid, criterion, evaluator, "
                "score and rationale (in any order)");
      ok = false;
    }
    return ok;
  }

  // The score cell as the leaf's input value.
  bool ParseScore(const ScoringRule& rule, const std::string& unit,
                  std::string_view text, double* value, std::string* why) {
    if (text.empty()) {
      *why = "missing; expected " + Expected(rule);
      return false;
    }
    if (rule.rule == Rule::kYesNo) {
      bool yes = false;
      if (!ParseYesNo(text, &yes)) {
        *why = "expected " + Expected(rule) + ", got \"" + std::string(text) +
               "\"";
        return false;
      }
      *value = yes ? 1.0 : 0.0;
      return true;
    }
    std::string_view number = text;
    if (unit == "%" && number.back() == '%') {
      number = io::Trim(number.substr(0, number.size() - 1));
    }
    std::string parse_why;
    const bool parsed =
        io::ParseNumber(number, mark_, out_.locale, value, &parse_why);
    if (rule.rule == Rule::kScale) {
      for (const ScaleLevel& level : rule.levels) {
        if ((parsed && level.value == *value) ||
            AsciiLower(level.descriptor) == AsciiLower(text)) {
          *value = level.value;
          return true;
        }
      }
      *why = "\"" + std::string(text) + "\" is out of scale; expected " +
             Expected(rule);
      return false;
    }
    if (!parsed) {
      *why = parse_why;
      if (why->find("declare the file's locale") != std::string::npos) {
        *why +=
            "; in a CSV file, a first line \"# locale: nl-BE\" or \"# "
            "locale: en\"";
      }
      return false;
    }
    const auto [lo, hi] = Range(rule);
    if (*value < lo || *value > hi) {
      *why =
          "expected " + Expected(rule) + ", got \"" + std::string(text) + "\"";
      return false;
    }
    return true;
  }

  void ReadRow(const std::vector<io::CsvCell>& row, int number) {
    const std::string at = "row " + std::to_string(number);
    if (row.size() != width_) {
      Error({file_, row.front().line, 1}, at,
            "row has " + std::to_string(row.size()) +
                " values; the header has " + std::to_string(width_) +
                " columns");
      return;
    }
    const auto cell = [&](Col c) -> const io::CsvCell* {
      return column_[c] < 0 ? nullptr
                            : &row[static_cast<std::size_t>(column_[c])];
    };
    const auto text = [&](Col c) {
      const io::CsvCell* x = cell(c);
      return x ? std::string(io::Trim(x->text)) : std::string();
    };
    const auto where = [&](Col c) -> SourceLocation {
      const io::CsvCell* x = cell(c);
      return {file_, x->line, x->column};
    };
    PanelScore s;
    s.bid = text(kBid);
    s.criterion = text(kCriterion);
    s.evaluator = text(kEvaluator);
    s.text = text(kScore);
    s.rationale = text(kRationale);
    s.where = {file_, row.front().line, 1};
    s.row = number;
    bool ok = true;

    // Bid.
    bool bid_known = false;
    if (s.bid.empty()) {
      Error(where(kBid), at + ".bid", "missing; expected a bid id");
      ok = false;
    } else if (bid_index_.count(s.bid) == 0) {
      std::string message = "unknown bid \"" + s.bid + "\"";
      if (out_.bids.empty()) {
        message += "; there are no bids to score";
      } else if (out_.bids.size() <= 10) {
        message += "; expected one of " + NameList(out_.bids, "or");
      } else {
        message += "; expected a bid id of the bids file";
        const std::string hint = io::Suggest(s.bid, out_.bids);
        if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
      }
      Error(where(kBid), at + ".bid", message);
      ok = false;
    } else {
      bid_known = true;
    }

    // Criterion.
    PanelLeaf* leaf = nullptr;
    if (s.criterion.empty()) {
      Error(where(kCriterion), at + ".criterion",
            "missing; expected a leaf criterion id");
      ok = false;
    } else if (const auto it = leaf_index_.find(s.criterion);
               it == leaf_index_.end()) {
      std::string message;
      if (IsGroupId(set_.criteria, s.criterion)) {
        message = "\"" + s.criterion +
                  "\" is a group of criteria; score each of its leaf "
                  "criteria instead";
      } else {
        message = "unknown criterion \"" + s.criterion +
                  "\"; expected a leaf criterion id";
        const std::string hint = io::Suggest(s.criterion, leaf_ids_);
        if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
      }
      Error(where(kCriterion), at + ".criterion", message);
      ok = false;
    } else {
      PanelLeaf& p = panel_leaves_[it->second];
      const ScoringRule& rule = *p.leaf->scoring;
      if (p.leaf->type != CriterionType::kQuality || !IsPanelRule(rule.rule)) {
        Error(where(kCriterion), at + ".criterion",
              "criterion \"" + s.criterion + "\" is a " +
                  std::string(ToString(p.leaf->type)) +
                  " criterion scored by rule " +
                  std::string(ToString(rule.rule)) +
                  "; a panel scores only quality criteria with rule "
                  "scale, steps, linear or yes-no");
        ok = false;
      } else if (p.policy == nullptr) {
        Error(where(kCriterion), at + ".criterion",
              "criterion \"" + s.criterion +
                  "\" has no panel policy; declare panel: on the "
                  "criterion, on a group above it or on the criteria set");
        ok = false;
      } else {
        leaf = &p;
      }
    }

    // Evaluator.
    if (s.evaluator.empty()) {
      Error(where(kEvaluator), at + ".evaluator",
            "missing; expected the evaluator's name, or consensus for the "
            "moderated score");
      ok = false;
    }

    // Score and rationale need the leaf.
    if (leaf != nullptr) {
      std::string why;
      if (!ParseScore(*leaf->leaf->scoring, leaf->leaf->unit, s.text, &s.score,
                      &why)) {
        Error(where(kScore), at + ".score", why);
        ok = false;
      }
      if (leaf->policy->rationale_required && s.rationale.empty()) {
        Error(column_[kRationale] >= 0 ? where(kRationale) : s.where,
              at + ".rationale",
              "missing; the panel policy of \"" + s.criterion +
                  "\" requires a rationale for every score");
        ok = false;
      }
    }

    // Duplicates and what the cross-checks need, once bid and criterion are
    // known (even when the score is not usable, so that one bad cell does
    // not also report a missing score).
    if (bid_known && leaf != nullptr && !s.evaluator.empty()) {
      leaf->scored = true;
      const std::string key = s.bid + '\n' + s.criterion;
      const std::string evaluator =
          s.is_consensus() ? std::string(kConsensus) : AsciiLower(s.evaluator);
      const auto [first, inserted] =
          rows_seen_.emplace(key + '\n' + evaluator, s.where.line);
      if (!inserted) {
        Error(where(kEvaluator), at + ".evaluator",
              "duplicate score by " + s.evaluator + " for bid " + s.bid +
                  " on " + s.criterion + " (first at line " +
                  std::to_string(first->second) + ")");
        ok = false;
      }
      PairInfo& pair = pairs_[key];
      if (pair.first_line == 0) pair.first_line = s.where.line;
      if (s.is_consensus()) {
        pair.consensus = true;
      } else {
        EvaluatorInfo& e = evaluators_[s.criterion][evaluator];
        if (e.name.empty()) {
          e.name = s.evaluator;
          e.first_line = s.where.line;
          e.order = next_evaluator_++;
        }
        e.bids.insert(s.bid);
      }
    }
    if (ok) out_.rows.push_back(std::move(s));
  }

  // Checks across rows: every bid scored, consensus rows, completeness.
  void CheckPanel(bool any_rows) {
    if (!any_rows && declared_.empty()) {
      Error({file_, 0, 0}, "", "no scores found; expected at least one row");
      return;
    }
    for (const PanelLeaf& p : panel_leaves_) {
      if (!p.declared && !p.scored) continue;
      const std::string& id = p.leaf->id;
      if (!p.scored) {
        Error({file_, 0, 0}, id,
              "no panel scores; the criterion has a panel policy, so every "
              "bid needs a score from the panel on it");
        continue;
      }
      for (const std::string& bid : out_.bids) {
        if (excluded_.count(bid) > 0 && pairs_.count(bid + '\n' + id) == 0) {
          continue;
        }
        const auto pair = pairs_.find(bid + '\n' + id);
        if (pair == pairs_.end()) {
          Error({file_, 0, 0}, "bids[" + bid + "]." + id,
                "no panel score; every bid needs a score from at least one "
                "evaluator on " +
                    id);
          continue;
        }
        if (p.policy->aggregate == PanelAggregate::kConsensus &&
            !pair->second.consensus) {
          Error({file_, pair->second.first_line, 1}, "bids[" + bid + "]." + id,
                "no consensus score for bid " + bid + " on " + id +
                    "; the panel policy aggregates by consensus, so add a "
                    "row with evaluator \"consensus\"");
        }
      }
      if (!p.policy->complete) continue;
      const auto found = evaluators_.find(id);
      if (found == evaluators_.end()) continue;
      std::vector<const EvaluatorInfo*> list;
      for (const auto& [key, e] : found->second) list.push_back(&e);
      std::sort(list.begin(), list.end(),
                [](const EvaluatorInfo* a, const EvaluatorInfo* b) {
                  return a->order < b->order;
                });
      for (const EvaluatorInfo* e : list) {
        std::vector<std::string> missing;
        for (const std::string& bid : out_.bids) {
          if (excluded_.count(bid) == 0 && e->bids.count(bid) == 0) {
            missing.push_back(bid);
          }
        }
        if (missing.empty()) continue;
        Error({file_, e->first_line, 1}, id,
              e->name + " did not score " +
                  (missing.size() == 1 ? "bid " : "bids ") + NameList(missing) +
                  "; the panel policy requires every evaluator to score "
                  "every bid (complete)");
      }
    }
  }

  Result<PanelScores> Finish(std::string_view text) {
    Result<PanelScores> result;
    if (!diag_.HasErrors()) {
      out_.source = file_;
      out_.sha256 = io::Sha256Hex(text);
      result.value = std::move(out_);
    }
    io::CapErrors(&diag_, file_, options_.max_errors);
    result.diagnostics = diag_.Take();
    return result;
  }

  struct PairInfo {
    int first_line = 0;
    bool consensus = false;
  };
  struct EvaluatorInfo {
    std::string name;  // first spelling
    int first_line = 0;
    int order = 0;
    std::set<std::string> bids;
  };

  std::string file_;
  const CriteriaSet& set_;
  const LoadOptions& options_;
  Diagnostics diag_;
  PanelScores out_;
  io::DecimalMark mark_ = io::DecimalMark::kAuto;
  std::array<int, kCols> column_{};
  std::size_t width_ = 0;
  std::unordered_map<std::string, std::size_t> bid_index_;
  std::set<std::string> excluded_;
  std::set<std::string> declared_;
  std::vector<std::string> leaf_ids_;
  std::unordered_map<std::string, std::size_t> leaf_index_;
  std::vector<PanelLeaf> panel_leaves_;
  std::unordered_map<std::string, int> rows_seen_;  // key -> first line
  std::unordered_map<std::string, PairInfo> pairs_;
  // criterion -> lower-cased evaluator -> info
  std::unordered_map<std::string, std::map<std::string, EvaluatorInfo>>
      evaluators_;
  int next_evaluator_ = 0;
};
}  // namespace

Result<PanelScores> ParsePanel(std::string_view text, const std::string& file,
                               const CriteriaSet& set,
                               const std::vector<std::string>& bid_ids,
                               const LoadOptions& options) {
  return ParsePanel(text, file, set, bid_ids, {}, options);
}

Result<PanelScores> ParsePanel(std::string_view text, const std::string& file,
                               const CriteriaSet& set,
                               const std::vector<std::string>& bid_ids,
                               const std::vector<std::string>& excluded,
                               const LoadOptions& options) {
  PanelReader reader(file, set, bid_ids, excluded, options);
  return reader.Read(text);
}

Result<PanelScores> LoadPanelFile(const std::string& path,
                                  const CriteriaSet& set,
                                  const std::vector<std::string>& bid_ids,
                                  const LoadOptions& options) {
  Diagnostics diag;
  const auto text = io::ReadFile(path, options.max_bids_bytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  return ParsePanel(*text, path, set, bid_ids, options);
}
}  // namespace circa
