// Bid readers (CSV, YAML, JSON) -> BidSet, checked against the leaf criteria.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include "circa/load.h"
#include "circa/panel.h"
#include "io/csv.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/yaml_node.h"
#include "util/number_format.h"

namespace circa {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Reads cell text into the number a leaf criterion scores.
class CellParser {
 public:
  CellParser(io::DecimalMark mark, std::string locale)
      : mark_(mark), locale_(std::move(locale)) {}

  // `plain_number`: the text is a YAML/JSON number literal (decimal point).
  bool Parse(const Criterion& leaf, std::string_view raw, bool plain_number,
             double* value, std::string* why) const {
    const std::string_view text = io::Trim(raw);
    const ScoringRule& rule = *leaf.scoring;
    if (text.empty()) {
      *why = "missing value; expected " + Expected(leaf);
      return false;
    }
    if (rule.rule == Rule::kYesNo) {
      bool yes = false;
      if (!ParseYesNo(text, &yes)) {
        *why = "expected yes or no (also ja/nee, oui/non, true/false), got \"" +
               std::string(text) + "\"";
        return false;
      }
      *value = yes ? 1.0 : 0.0;
      return true;
    }
    std::string_view number = text;
    if (leaf.unit == "%" && !number.empty() && number.back() == '%') {
      number = io::Trim(number.substr(0, number.size() - 1));
    }
    bool parsed = false;
    if (plain_number) {
      parsed = io::ParsePlainNumber(number, value);
      if (!parsed)
        *why = "expected a number, got \"" + std::string(text) + "\"";
    } else {
      parsed = io::ParseNumber(number, mark_, locale_, value, why);
    }
    if (rule.rule == Rule::kScale) {
      for (const ScaleLevel& level : rule.levels) {
        if ((parsed && level.value == *value) ||
            Lower(level.descriptor) == Lower(text)) {
          *value = level.value;
          return true;
        }
      }
      *why = "expected one of the levels " + Levels(rule) + ", got \"" +
             std::string(text) + "\"";
      return false;
    }
    if (!parsed) return false;
    const bool money = leaf.type != CriterionType::kQuality;
    if ((money || rule.rule == Rule::kRatioToBest) && *value < 0) {
      *why = std::string("expected ") + (money ? "an amount" : "a number") +
             " >= 0, got \"" + std::string(text) + "\"";
      return false;
    }
    return true;
  }

 private:
  std::string Expected(const Criterion& leaf) const {
    switch (leaf.scoring->rule) {
      case Rule::kYesNo:
        return "yes or no";
      case Rule::kScale:
        return "one of the levels " + Levels(*leaf.scoring);
      default:
        return leaf.type == CriterionType::kQuality ? "a number"
                                                    : "an amount >= 0";
    }
  }

  static std::string Levels(const ScoringRule& rule) {
    std::string out;
    for (const ScaleLevel& l : rule.levels) {
      if (!out.empty()) out += ", ";
      out += FormatNumber(l.value, -1) + " (" + l.descriptor + ")";
    }
    return out;
  }

  io::DecimalMark mark_;
  std::string locale_;
};

// The panel policy of every leaf (PanelPolicyFor's inheritance: the
// nearest declaring ancestor, else the set's), in one walk of the tree
// instead of a search per leaf (20,000 leaves).
void CollectPolicies(
    const std::vector<Criterion>& list, const PanelPolicy* inherited,
    std::unordered_map<const Criterion*, const PanelPolicy*>* out) {
  for (const Criterion& c : list) {
    const PanelPolicy* here = c.panel ? &*c.panel : inherited;
    if (c.is_group()) {
      CollectPolicies(c.children, here, out);
    } else {
      out->emplace(&c, here);
    }
  }
}

// Shared by the readers: column bookkeeping and the error cap.
class BidsBuilder {
 public:
  BidsBuilder(const CriteriaSet& set, const std::string& file,
              Diagnostics* diag, const LoadOptions& options)
      : set_(set),
        leaves_(set.Leaves()),
        file_(file),
        diag_(diag),
        options_(options) {
    for (std::size_t j = 0; j < leaves_.size(); ++j) {
      column_of_[leaves_[j]->id] = static_cast<int>(j);
      bids_.criteria.push_back(leaves_[j]->id);
    }
    std::unordered_map<const Criterion*, const PanelPolicy*> policy;
    CollectPolicies(set.criteria, set.panel ? &*set.panel : nullptr, &policy);
    for (const Criterion* leaf : leaves_) {
      // Scored by the panel file: the bid file may leave it out or empty.
      // From the cost profile (from: lcc): likewise filled in later.
      panel_.push_back((leaf->type == CriterionType::kQuality &&
                        leaf->scoring && IsPanelRule(leaf->scoring->rule) &&
                        policy[leaf] != nullptr) ||
                       leaf->from_lcc);
    }
    bids_.field_names = set.Fields();
    fields_.resize(bids_.field_names.size());
    field_numbers_.resize(bids_.field_names.size());
    for (const TieBreakStep& t : set.tie_break) {
      if (t.kind == TieBreakStep::Kind::kEarlier) timestamps_.insert(t.target);
    }
    // Fields compared as numbers are read as numbers here, so a value that
    // is not one is an input error at its cell, not a silent failure of
    // the requirement later.
    for (const Requirement& r : set.requirements) {
      for (const RequirementGroup& g : r.groups) {
        for (const Condition& c : g.conditions) {
          if (c.op == Condition::Op::kMin || c.op == Condition::Op::kMax) {
            numbers_.emplace(c.field, "requirement " + r.id + " compares it");
          }
        }
      }
    }
    if (set.award) {
      for (const std::string& c : set.award->ValueColumns()) {
        numbers_.emplace(c, "the " + std::string(ToString(set.award->method)) +
                                " award uses it");
      }
    }
  }

  // Index of a bid field (read by requirements or the tie-break), or -1.
  int Field(const std::string& name) const {
    const auto& names = bids_.field_names;
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
  }
  const std::vector<std::string>& field_names() const {
    return bids_.field_names;
  }

  // `plain_number`: an unquoted YAML/JSON number literal, which always
  // uses a decimal point; other text follows the file's locale.
  void SetField(std::size_t f, std::string_view raw, SourceLocation where,
                const std::string& path, bool plain_number = false) {
    std::string value(io::Trim(raw));
    const std::string& name = bids_.field_names[f];
    if (!value.empty() && timestamps_.count(name) > 0 &&
        !io::ParseTimestamp(value)) {
      Error(where, path,
            "expected a date or time such as 2026-03-14 or "
            "2026-03-14T10:30:00+01:00 (the tie-break compares it), got \"" +
                value + "\"");
    }
    if (const auto it = numbers_.find(name);
        !value.empty() && it != numbers_.end()) {
      double number = 0;
      std::string why;
      const bool ok =
          plain_number ? io::ParsePlainNumber(value, &number)
                       : ParseLocaleNumber(value, bids_.locale, &number, &why);
      if (ok) {
        field_numbers_[f].back() = number;
      } else if (why.find("declare the file's locale") != std::string::npos) {
        Error(where, path, why + locale_hint_);
      } else {
        Error(where, path,
              "expected a number (" + it->second + "), got \"" + value + "\"");
      }
    }
    fields_[f].back() = std::move(value);
  }

  // Resolves the locale (declared in the file or from options).
  bool SetLocale(const std::string& declared, SourceLocation where) {
    const std::string locale = declared.empty() ? options_.locale : declared;
    const auto mark = io::DecimalMarkOf(locale);
    if (!mark) {
      diag_->Error(where, "locale",
                   "unknown locale \"" + locale +
                       "\"; expected auto, en, or a decimal-comma locale such "
                       "as nl-BE, fr-BE, de-BE");
      return false;
    }
    bids_.locale = locale.empty() ? "auto" : locale;
    parser_.emplace(*mark, bids_.locale);
    return true;
  }

  // Classifies a field name: leaf column index, or -1 with an error.
  int Column(const std::string& name, SourceLocation where,
             const std::string& path) {
    const auto it = column_of_.find(name);
    if (it != column_of_.end()) return it->second;
    std::string message = "unknown column \"" + name + "\"";
    std::string extra;
    for (const std::string& f : bids_.field_names) extra += ", " + f;
    if (IsGroup(set_.criteria, name)) {
      message = "\"" + name +
                "\" is a group of criteria; give a value for "
                "each of its leaf criteria instead";
    } else {
      std::string hint = Closest(name);
      message += "; expected " + id_key_ + ", supplier" + extra +
                 " or a leaf criterion id";
      if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
    }
    Error(where, path, message);
    return -1;
  }

  const std::vector<const Criterion*>& leaves() const { return leaves_; }
  const std::string& locale() const { return bids_.locale; }
  // The key this file format uses for bid ids ("bid" in CSV, "id" in YAML).
  void SetIdKey(std::string key) { id_key_ = std::move(key); }
  // How this file format declares a locale, appended to ambiguity errors.
  void SetLocaleHint(std::string hint) { locale_hint_ = std::move(hint); }

  bool Full() const { return diag_->ErrorCount() >= options_.max_errors; }
  void Error(SourceLocation where, const std::string& path,
             std::string message) {
    if (Full()) return;
    diag_->Error(std::move(where), path, std::move(message));
    if (Full()) {
      diag_->Error({file_, 0, 0}, "",
                   "too many errors; stopped after " +
                       std::to_string(options_.max_errors));
    }
  }

  // Adds a bid; values/text/located cells are filled by the caller.
  // `id_key` names the id field as the file spells it ("bid" or "id");
  // `id_reported`: the reader already reported a missing or malformed id.
  void AddBid(std::string id, std::string supplier, SourceLocation where,
              const std::string& path, const std::string& id_key,
              bool id_reported = false) {
    if (id.empty()) {
      if (!id_reported) Error(where, path + "." + id_key, "missing bid id");
    } else if (!seen_.insert(id).second) {
      Error(where, path + "." + id_key, "duplicate bid id \"" + id + "\"");
    }
    ids_.push_back(std::move(id));
    suppliers_.push_back(std::move(supplier));
    for (auto& f : fields_) f.emplace_back();
    for (auto& f : field_numbers_) {
      f.push_back(std::numeric_limits<double>::quiet_NaN());
    }
    rows_.push_back(where);
    const std::size_t m = leaves_.size();
    values_.resize(values_.size() + m, 0.0);
    text_.resize(text_.size() + m);
    present_.resize(present_.size() + m, false);
  }

  bool panel(std::size_t column) const { return panel_[column]; }

  void SetCell(std::size_t column, std::string_view raw, bool plain_number,
               SourceLocation where, const std::string& path) {
    SetCellLazy(
        column, raw, plain_number, [&where] { return where; },
        [&path] { return path; });
  }

  // The same, with the location and path made only for a message (the CSV
  // fast path: no strings built per cell).
  template <typename WhereFn, typename PathFn>
  void SetCellLazy(std::size_t column, std::string_view raw, bool plain_number,
                   const WhereFn& where, const PathFn& path) {
    const std::size_t bid = ids_.size() - 1;
    const std::size_t k = bid * leaves_.size() + column;
    present_[k] = true;
    if (panel_[column] && io::Trim(raw).empty()) return;  // the panel scores
    text_[k] = std::string(io::Trim(raw));
    std::string why;
    double value = 0;
    if (parser_->Parse(*leaves_[column], raw, plain_number, &value, &why)) {
      values_[k] = value;
    } else {
      if (why.find("declare the file's locale") != std::string::npos) {
        why += locale_hint_;
      }
      Error(where(), path(), why);
    }
  }

  // Reserves room for about `bids` bids (avoids regrowing big vectors).
  void Reserve(std::size_t bids) {
    const std::size_t cells = bids * leaves_.size();
    ids_.reserve(bids);
    suppliers_.reserve(bids);
    rows_.reserve(bids);
    values_.reserve(cells);
    text_.reserve(cells);
    present_.reserve(cells);
  }

  // Records that the last bid gave (an unusable) value for `column`.
  void MarkPresent(std::size_t column) {
    present_[(ids_.size() - 1) * leaves_.size() + column] = true;
  }

  // Reports leaf criteria without a value for the last bid.
  void CheckComplete(SourceLocation where, const std::string& path) {
    const std::size_t bid = ids_.size() - 1;
    for (std::size_t j = 0; j < leaves_.size(); ++j) {
      if (!present_[bid * leaves_.size() + j] && !panel_[j]) {
        Error(where, path + "." + leaves_[j]->id,
              "missing; every bid needs a value for every leaf criterion");
      }
    }
  }

  Result<BidSet> Finish(std::string_view bytes) {
    Result<BidSet> result;
    if (ids_.empty() && !diag_->HasErrors()) {
      diag_->Error({file_, 0, 0}, "", "no bids found; expected at least one");
    }
    if (!diag_->HasErrors()) {
      const auto n = static_cast<Eigen::Index>(ids_.size());
      const auto m = static_cast<Eigen::Index>(leaves_.size());
      bids_.values =
          Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic,
                                         Eigen::RowMajor>>(values_.data(), n,
                                                           m);
      bids_.ids = std::move(ids_);
      bids_.suppliers = std::move(suppliers_);
      bids_.text = std::move(text_);
      bids_.rows = std::move(rows_);
      bids_.fields = std::move(fields_);
      bids_.field_numbers = std::move(field_numbers_);
      bids_.source = file_;
      bids_.sha256 = io::Sha256Hex(bytes);
      result.value = std::move(bids_);
    }
    io::CapErrors(diag_, file_, options_.max_errors);
    result.diagnostics = diag_->Take();
    return result;
  }

 private:
  static bool IsGroup(const std::vector<Criterion>& list,
                      const std::string& id) {
    for (const Criterion& c : list) {
      if (c.is_group() && (c.id == id || IsGroup(c.children, id))) return true;
    }
    return false;
  }

  std::string Closest(const std::string& name) const {
    std::vector<std::string> ids;
    for (const Criterion* leaf : leaves_) ids.push_back(leaf->id);
    return io::Suggest(name, ids);
  }

  const CriteriaSet& set_;
  std::vector<const Criterion*> leaves_;
  std::string file_;
  Diagnostics* diag_;
  const LoadOptions& options_;
  std::unordered_map<std::string, int> column_of_;
  std::optional<CellParser> parser_;
  std::set<std::string> seen_;
  BidSet bids_;
  std::vector<std::string> ids_, suppliers_, text_;
  std::vector<SourceLocation> rows_;
  std::vector<std::vector<std::string>> fields_;
  std::set<std::string> timestamps_;
  // Fields read as numbers, with what reads them (for messages).
  std::map<std::string, std::string> numbers_;
  std::vector<std::vector<double>> field_numbers_;
  std::vector<double> values_;
  std::vector<bool> present_;
  std::vector<bool> panel_;  // per leaf: scored by a panel file
  std::string locale_hint_;
  std::string id_key_ = "bid";
};

// Reads the header row: which column is the bid id, the supplier, and which
// leaf criterion each other column holds.
struct CsvLayout {
  std::size_t width = 0;
  int bid = -1;
  std::string bid_key = "bid";
  int supplier = -1;
  std::vector<int> leaf;   // header index -> leaf index, -1 for bid/supplier
  std::vector<int> field;  // header index -> bid field index, or -1
};

void ReadCsvHeader(const std::vector<io::CsvCell>& header,
                   const std::string& file, BidsBuilder* b, CsvLayout* out) {
  out->width = header.size();
  out->leaf.assign(header.size(), -1);
  out->field.assign(header.size(), -1);
  std::vector<bool> fields_covered(b->field_names().size(), false);
  std::set<std::string> names;
  std::vector<bool> covered(b->leaves().size(), false);
  for (std::size_t k = 0; k < header.size(); ++k) {
    const std::string name(io::Trim(header[k].text));
    const SourceLocation where{file, header[k].line, header[k].column};
    if (!names.insert(name).second) {
      b->Error(where, "header", "duplicate column \"" + name + "\"");
    } else if (name == "bid" || name == "id") {
      if (out->bid >= 0) {
        b->Error(where, "header",
                 "two bid id columns (\"bid\" and \"id\"); keep one");
      }
      out->bid = static_cast<int>(k);
      out->bid_key = name;
    } else if (name == "supplier") {
      out->supplier = static_cast<int>(k);
    } else if (const int f = b->Field(name); f >= 0) {
      out->field[k] = f;
      fields_covered[static_cast<std::size_t>(f)] = true;
    } else {
      out->leaf[k] = b->Column(name, where, "header");
      if (out->leaf[k] >= 0) {
        covered[static_cast<std::size_t>(out->leaf[k])] = true;
      }
    }
  }
  const SourceLocation at{file, header.front().line, 1};
  if (out->bid < 0) {
    b->Error(at, "header",
             "missing the bid id column; expected a column named \"bid\"");
  }
  std::string missing;
  for (std::size_t j = 0; j < covered.size(); ++j) {
    if (!covered[j] && !b->panel(j)) {
      missing += (missing.empty() ? "" : ", ") + b->leaves()[j]->id;
    }
  }
  if (!missing.empty()) {
    b->Error(at, "header", "missing columns for leaf criteria: " + missing);
  }
  std::string missing_fields;
  for (std::size_t f = 0; f < fields_covered.size(); ++f) {
    if (!fields_covered[f]) {
      missing_fields +=
          (missing_fields.empty() ? "" : ", ") + b->field_names()[f];
    }
  }
  if (!missing_fields.empty()) {
    b->Error(at, "header",
             "missing columns read by the requirements or the tie-break "
             "policy: " +
                 missing_fields);
  }
}

void ReadCsvRow(const std::vector<io::CsvCell>& row, std::size_t number,
                const std::string& file, const CsvLayout& layout,
                BidsBuilder* b) {
  const SourceLocation where{file, row.front().line, 1};
  const auto cell = [&row](int k) {
    return k >= 0 && static_cast<std::size_t>(k) < row.size()
               ? std::string(io::Trim(row[static_cast<std::size_t>(k)].text))
               : std::string();
  };
  const std::string id = cell(layout.bid);
  const std::string path =
      "bids[" + (id.empty() ? std::to_string(number) : id) + "]";
  if (row.size() != layout.width) {
    b->Error(where, path,
             "row has " + std::to_string(row.size()) +
                 " values; the header has " + std::to_string(layout.width) +
                 " columns");
    return;
  }
  b->AddBid(id, cell(layout.supplier), where, path, layout.bid_key);
  for (std::size_t k = 0; k < row.size(); ++k) {
    if (layout.field[k] >= 0) {
      const auto f = static_cast<std::size_t>(layout.field[k]);
      b->SetField(f, row[k].text, {file, row[k].line, row[k].column},
                  path + "." + b->field_names()[f]);
      continue;
    }
    if (layout.leaf[k] < 0) continue;
    const auto j = static_cast<std::size_t>(layout.leaf[k]);
    const io::CsvCell& c = row[k];
    b->SetCellLazy(
        j, c.text, false,
        [&] {
          return SourceLocation{file, c.line, c.column};
        },
        [&] { return path + "." + b->leaves()[j]->id; });
  }
}

Result<BidSet> ParseCsvBids(std::string_view text, const std::string& file,
                            const CriteriaSet& set,
                            const LoadOptions& options) {
  Diagnostics diag;
  BidsBuilder b(set, file, &diag, options);
  b.SetLocaleHint(
      "; in a CSV file, a first line \"# locale: nl-BE\" or \"# locale: "
      "en\"");
  b.Reserve(
      static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  io::CsvTable table;
  CsvLayout layout;
  bool header_seen = false;
  std::size_t rows = 0;
  const bool parsed = io::ParseCsvRows(
      text, file, &diag, &table,
      [&](std::vector<io::CsvCell>& row) {
        if (!header_seen) {
          header_seen = true;
          // Directives come before the header, so the locale is known now.
          const auto locale = table.directives.find("locale");
          const bool declared = locale != table.directives.end();
          if (!b.SetLocale(declared ? locale->second.first : "",
                           {file, declared ? locale->second.second : 0, 1})) {
            return false;
          }
          if (options.log) {
            options.log(file + ": delimiter '" +
                        (table.delimiter == '\t'
                             ? std::string("\\t")
                             : std::string(1, table.delimiter)) +
                        "', locale " + b.locale());
          }
          // A header with errors still lets the rows be checked (unknown
          // and duplicate columns are skipped), so one run reports every
          // problem of the file; without a bid column rows cannot be named.
          ReadCsvHeader(row, file, &b, &layout);
          return layout.bid >= 0;
        }
        ReadCsvRow(row, ++rows, file, layout, &b);
        return !b.Full();
      },
      options.max_errors);
  if (parsed && !header_seen) {
    diag.Error({file, 1, 1}, "",
               "the file is empty; expected a header row (bid, supplier and "
               "one column per leaf criterion) and one row per bid");
  }
  return b.Finish(text);
}

Result<BidSet> ParseYamlBids(std::string_view text, const std::string& file,
                             bool json, const CriteriaSet& set,
                             const LoadOptions& options) {
  Diagnostics diag;
  std::string source(text);
  if (json) {
    // JSON allows tabs as whitespace where YAML does not; a tab outside a
    // string becomes a space (positions are unchanged).
    bool in_string = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
      const char c = source[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '\t') {
        source[i] = ' ';
      }
    }
  }
  const auto root = io::ParseYaml(
      source, file, &diag, json ? io::YamlSyntax::kJson : io::YamlSyntax::kYaml,
      options.max_errors);
  if (!root) return {std::nullopt, diag.Take()};
  io::YamlReader r(file, &diag);
  BidsBuilder b(set, file, &diag, options);
  b.SetIdKey("id");
  b.SetLocaleHint(
      "; in a YAML or JSON file, a top-level key \"locale: nl-BE\" or "
      "\"locale: en\", or quote nothing and write plain numbers");
  if (!root->IsMap()) {
    r.Error(*root, "",
            "expected a map with a list of bids under \"bids\", got " +
                io::Describe(*root));
    return {std::nullopt, diag.Take()};
  }
  r.CheckKeys(*root, "", {"locale", "bids"});
  const auto locale = r.String(*root, "locale", "", false);
  if (!b.SetLocale(locale.value_or(""), r.Where((*root)["locale"]))) {
    return b.Finish(text);
  }
  const YAML::Node list = (*root)["bids"];
  if (!list.IsDefined() || !list.IsSequence()) {
    r.Error(list.IsDefined() ? list : *root, "bids",
            "expected a list of bids, got " + io::Describe(list));
    return b.Finish(text);
  }
  for (std::size_t i = 0; i < list.size() && !b.Full(); ++i) {
    const YAML::Node bid = list[i];
    std::string path = "bids[" + std::to_string(i) + "]";
    if (!bid.IsMap()) {
      r.Error(bid, path,
              "expected a bid (a map with id and one value per leaf "
              "criterion), got " +
                  io::Describe(bid));
      continue;
    }
    const auto id = r.String(bid, "id", path, true);
    const auto supplier = r.String(bid, "supplier", path, false);
    b.AddBid(id.value_or(""), supplier.value_or(""), r.Where(bid), path, "id",
             !id.has_value());
    std::set<std::string> seen;
    for (const auto& kv : bid) {
      if (!kv.first.IsScalar()) continue;
      const std::string& key = kv.first.Scalar();
      const std::string at = path + "." + key;
      if (!seen.insert(key).second) {
        b.Error(r.Where(kv.first), at, "duplicate key");
        continue;
      }
      if (key == "id" || key == "supplier") continue;
      if (const int f = b.Field(key); f >= 0) {
        if (!kv.second.IsScalar()) {
          b.Error(r.Where(kv.second), at,
                  "expected a value, got " + io::Describe(kv.second));
        } else {
          double ignored = 0;
          b.SetField(static_cast<std::size_t>(f), kv.second.Scalar(),
                     r.Where(kv.second), at,
                     kv.second.Tag() == "?" &&
                         io::ParsePlainNumber(kv.second.Scalar(), &ignored));
        }
        continue;
      }
      const int j = b.Column(key, r.Where(kv.first), at);
      if (j < 0) continue;
      if (!kv.second.IsScalar()) {
        b.MarkPresent(static_cast<std::size_t>(j));
        b.Error(r.Where(kv.second), at,
                "expected a value, got " + io::Describe(kv.second));
        continue;
      }
      // A plain (unquoted) number literal uses a decimal point; quoted text
      // follows the declared locale.
      const bool plain = kv.second.Tag() == "?";
      double ignored = 0;
      b.SetCell(static_cast<std::size_t>(j), kv.second.Scalar(),
                plain && io::ParsePlainNumber(kv.second.Scalar(), &ignored),
                r.Where(kv.second), at);
    }
    b.CheckComplete(r.Where(bid), path);
  }
  if (options.log) options.log(file + ": locale " + b.locale());
  return b.Finish(text);
}

}  // namespace

BidSet BidSet::Subset(const std::vector<int>& keep) const {
  BidSet out;
  out.criteria = criteria;
  out.field_names = field_names;
  out.fields.resize(fields.size());
  out.field_numbers.resize(field_numbers.size());
  out.locale = locale;
  out.source = source;
  out.sha256 = sha256;
  const auto m = static_cast<Eigen::Index>(criteria.size());
  out.values.resize(static_cast<Eigen::Index>(keep.size()), m);
  for (std::size_t r = 0; r < keep.size(); ++r) {
    const auto i = static_cast<std::size_t>(keep[r]);
    out.ids.push_back(ids[i]);
    out.suppliers.push_back(suppliers[i]);
    if (i < rows.size()) out.rows.push_back(rows[i]);
    out.values.row(static_cast<Eigen::Index>(r)) =
        values.row(static_cast<Eigen::Index>(i));
    if (!text.empty()) {
      for (Eigen::Index j = 0; j < m; ++j) {
        out.text.push_back(Text(static_cast<Eigen::Index>(i), j));
      }
    }
    for (std::size_t f = 0; f < fields.size(); ++f) {
      out.fields[f].push_back(fields[f][i]);
    }
    for (std::size_t f = 0; f < field_numbers.size(); ++f) {
      out.field_numbers[f].push_back(field_numbers[f][i]);
    }
  }
  return out;
}

int BidSet::FieldIndex(std::string_view name) const {
  for (std::size_t f = 0; f < field_names.size(); ++f) {
    if (field_names[f] == name) return static_cast<int>(f);
  }
  return -1;
}

std::optional<double> BidSet::FieldNumber(std::string_view name,
                                          Eigen::Index bid) const {
  const int f = FieldIndex(name);
  if (f < 0 || static_cast<std::size_t>(f) >= field_numbers.size()) {
    return std::nullopt;
  }
  const std::vector<double>& column =
      field_numbers[static_cast<std::size_t>(f)];
  const auto i = static_cast<std::size_t>(bid);
  if (bid < 0 || i >= column.size() || std::isnan(column[i])) {
    return std::nullopt;
  }
  return column[i];
}

const std::string& BidSet::Text(Eigen::Index bid,
                                Eigen::Index criterion) const {
  return text[static_cast<std::size_t>(
      bid * static_cast<Eigen::Index>(criteria.size()) + criterion)];
}

Result<BidSet> ParseBids(std::string_view text, const std::string& file_name,
                         BidsFormat format, const CriteriaSet& criteria,
                         const LoadOptions& options) {
  switch (format) {
    case BidsFormat::kCsv:
      return ParseCsvBids(text, file_name, criteria, options);
    case BidsFormat::kYaml:
      return ParseYamlBids(text, file_name, false, criteria, options);
    case BidsFormat::kJson:
      return ParseYamlBids(text, file_name, true, criteria, options);
  }
  return {};
}

Result<BidSet> LoadBidsFile(const std::string& path,
                            const CriteriaSet& criteria,
                            const LoadOptions& options) {
  Diagnostics diag;
  const std::string ext =
      Lower(std::filesystem::path(path).extension().string());
  BidsFormat format = BidsFormat::kCsv;
  if (ext == ".yaml" || ext == ".yml") {
    format = BidsFormat::kYaml;
  } else if (ext == ".json") {
    format = BidsFormat::kJson;
  } else if (ext != ".csv" && ext != ".tsv" && ext != ".txt") {
    diag.Error({path, 0, 0}, "",
               "unknown bids file type \"" + ext +
                   "\"; expected .csv, .tsv, .txt, .yaml, .yml or .json");
    return {std::nullopt, diag.Take()};
  }
  const auto text = io::ReadFile(path, options.max_bids_bytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  return ParseBids(*text, path, format, criteria, options);
}

}  // namespace circa
