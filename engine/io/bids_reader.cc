// Bid readers (CSV, YAML, JSON) -> BidSet, checked against the leaf criteria.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "circa/load.h"
#include "circa/panel.h"
#include "io/bids_layout.h"
#include "io/csv.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/xlsx_reader.h"
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

void AppendUtf8(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// A number as typed: plain, or with a currency or a % (io::StripUnit). An
// amount in another currency than the set's is an error. `plain`: a C
// number (YAML/JSON literal, a workbook's typed cell).
bool ParseTyped(std::string_view text, bool plain, io::DecimalMark mark,
                const std::string& locale, const std::string& set_currency,
                double* value, std::string* why) {
  // A number alone starts and ends with a digit (or a sign or a mark): read
  // it once; only other text may carry a unit.
  const std::string_view t = text;  // trimmed by the caller
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!t.empty() && digit(t.back()) &&
      (digit(t.front()) || t.front() == '-' || t.front() == '+' ||
       t.front() == '.' || t.front() == ',')) {
    return plain ? io::ParsePlainNumber(text, value) ||
                       (*why = "expected a number, got \"" + std::string(text) +
                               "\"",
                        false)
                 : io::ParseNumber(text, mark, locale, value, why);
  }
  std::string currency;
  bool percent = false;
  const std::string_view bare = io::StripUnit(text, &currency, &percent);
  if (!percent && currency.empty()) {
    if (plain) {
      *why = "expected a number, got \"" + std::string(text) + "\"";
      return false;
    }
    return io::ParseNumber(text, mark, locale, value, why);
  }
  std::string inner;
  const bool bare_ok = plain
                           ? io::ParsePlainNumber(bare, value)
                           : io::ParseNumber(bare, mark, locale, value, &inner);
  const std::string quoted = "\"" + std::string(io::Trim(text)) + "\"";
  if (!bare_ok) {
    if (plain || inner.empty()) {
      *why = "expected a number, got " + quoted;
      return false;
    }
    // The message quotes the value as written, currency and all.
    const std::string bare_quoted = "\"" + std::string(bare) + "\"";
    const std::size_t at = inner.find(bare_quoted);
    if (at != std::string::npos) inner.replace(at, bare_quoted.size(), quoted);
    *why = inner;
    return false;
  }
  if (!currency.empty() && currency != set_currency) {
    *why = "an amount in " + currency + ", got " + quoted +
           "; the criteria set's amounts are in " + set_currency +
           " (currency: " + set_currency +
           "): convert the amount, or correct the set's currency";
    return false;
  }
  return true;
}

// Reads cell text into the number a leaf criterion scores.
class CellParser {
 public:
  CellParser(io::DecimalMark mark, std::string locale, std::string currency)
      : mark_(mark),
        locale_(std::move(locale)),
        currency_(std::move(currency)) {}

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
    if (rule.rule == Rule::kScale) {
      // A level by its value, then by its descriptor (text that does not
      // start like a number is not parsed as one).
      const char c = text.front();
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' ||
          c == ',') {
        if (ParseTyped(text, plain_number, mark_, locale_, currency_, value,
                       why)) {
          for (const ScaleLevel& level : rule.levels) {
            if (level.value == *value) return true;
          }
        }
      }
      const std::string lower = Lower(text);
      for (const ScaleLevel& level : rule.levels) {
        if (Lower(level.descriptor) == lower) {
          *value = level.value;
          return true;
        }
      }
      *why = "expected one of the levels " + Levels(rule) + ", got \"" +
             std::string(text) + "\"";
      return false;
    }
    const bool parsed =
        ParseTyped(text, plain_number, mark_, locale_, currency_, value, why);
    if (!parsed) return false;
    const bool money = leaf.type != CriterionType::kQuality;
    if ((money || rule.rule == Rule::kRatioToBest ||
         rule.rule == Rule::kShareOfTotal) &&
        *value < 0) {
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
  std::string currency_;
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
      plans_.push_back(PlanFor(*leaf));
    }
    row_text_.resize(leaves_.size());
    row_values_.assign(kBlockRows * leaves_.size(), 0.0);
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
      const std::string iso = io::DayFirstDateToIso(value);
      if (!iso.empty() && io::DayFirstLocale(bids_.locale)) {
        value = iso;  // 14/03/2026 under nl-BE or fr-BE
      } else {
        Error(where, path,
              "expected a date or time such as 2026-03-14 or "
              "2026-03-14T10:30:00+01:00 (the tie-break compares it), got \"" +
                  value + "\"" +
                  (iso.empty() ? std::string()
                               : "; a date written day first (dd/mm/yyyy) is "
                                 "read under a day-first locale: --locale "
                                 "nl-BE or fr-BE"));
      }
    }
    if (const auto it = numbers_.find(name);
        !value.empty() && it != numbers_.end()) {
      double number = 0;
      std::string why;
      const bool ok = ParseTyped(value, plain_number, mark_, bids_.locale,
                                 set_.currency, &number, &why);
      if (ok) {
        field_numbers_[f].back() = number;
      } else if (why.find("declare the file's locale") != std::string::npos) {
        Error(where, path, why + locale_hint_);
      } else if (why.find("an amount in ") == 0) {
        Error(where, path, why);
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
    mark_ = *mark;
    parser_.emplace(*mark, bids_.locale, set_.currency);
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
      if (id_key_ == "bid") {
        // A table (CSV, workbook): the tender can name or drop the column.
        message +=
            ", or name the column in the tender (bids: columns: {<criterion "
            "id>: \"<header>\"}) or keep it out (bids: ignore: "
            "[\"<header>\"])";
      }
    }
    Error(where, path, message);
    return -1;
  }

  const std::vector<const Criterion*>& leaves() const { return leaves_; }
  const std::string& locale() const { return bids_.locale; }
  const CriteriaSet& set() const { return set_; }
  const std::string& file() const { return file_; }
  // Cells of a workbook are located by sheet and cell (bids.xlsx:Offertes!C7).
  void SetSheet(std::string sheet) { sheet_ = std::move(sheet); }
  SourceLocation At(int line, int column) const {
    if (sheet_.empty()) return {file_, line, column};
    return {file_ + ":" + sheet_ + "!" + io::ColumnName(column) +
                std::to_string(line),
            0, 0};
  }
  // A field by its folded name (case, accents and spaces ignored), or -1.
  int FieldFolded(const std::string& folded) const;
  // Adds a column kept out of scoring (`ignore:`) as a bid field named by
  // its header; returns its index. Before the first AddBid.
  int AddNote(const std::string& header) {
    bids_.field_names.push_back(header);
    fields_.emplace_back();
    field_numbers_.emplace_back();
    return static_cast<int>(bids_.field_names.size() - 1);
  }
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
    AddBidLazy(
        std::move(id), std::move(supplier), std::move(where),
        [&path] { return path; }, id_key, id_reported);
  }

  // The same, with the path made only for a message.
  template <typename PathFn>
  void AddBidLazy(std::string id, std::string supplier, SourceLocation where,
                  const PathFn& path, const std::string& id_key,
                  bool id_reported = false) {
    ids_.push_back(std::move(id));
    const std::string& added = ids_.back();
    if (added.empty()) {
      if (!id_reported) Error(where, path() + "." + id_key, "missing bid id");
    } else if (!InsertId(ids_.size() - 1)) {
      Error(where, path() + "." + id_key, "duplicate bid id \"" + added + "\"");
    }
    suppliers_.push_back(std::move(supplier));
    for (auto& f : fields_) f.emplace_back();
    for (auto& f : field_numbers_) {
      f.push_back(std::numeric_limits<double>::quiet_NaN());
    }
    rows_.push_back(std::move(where));
    if (static_cast<Eigen::Index>(ids_.size()) > values_.rows()) {
      Grow(ids_.size());
    }
    if (!table_) {
      const std::size_t m = leaves_.size();
      loose_text_.resize(loose_text_.size() + m);
      present_.resize(present_.size() + m, 0);
    }
  }

  // Table readers (CSV, workbooks) give a bid's cells row by row: each
  // leaf's cell goes to TableCell, then EndTableRow stores the row's values
  // and texts in leaf order (no per-cell string assignment or presence).
  void SetTableRows() { table_ = true; }

  // Leaf `column`'s cell of the last bid, `text` trimmed; `plain_number`
  // as in SetCell. The usual cells (a number of the locale's shape, yes or
  // no, a scale level by its value) are read by the column's plan, chosen
  // once per leaf; everything else, and every problem, goes through
  // CellParser, which gives the same value or the message.
  template <typename WhereFn, typename PathFn>
  void TableCell(std::size_t column, std::string_view text, bool plain_number,
                 const WhereFn& where, const PathFn& path) {
    row_text_[column] = text;
    if (panel_[column] && text.empty()) return;  // the panel scores
    double& out = row_values_[block_rows_ * leaves_.size() + column];
    if (!plain_number && PlannedCell(column, text, &out)) return;
    ParsedCell(column, text, plain_number, &out, where, path);
  }

  // A cell read by its column's plan; false: ask CellParser (ParsedCell).
  bool PlannedCell(std::size_t column, std::string_view text,
                   double* out) const {
    const ColumnPlan plan = plans_[column];
    if (plan.kind == ColumnPlan::kOther) return false;
    const std::size_t n = text.size();
    if (plan.kind == ColumnPlan::kYesNo) {
      // Which of the two without a branch (a file's answers are as
      // random as its bids, and a branch on them mispredicts half the time).
      if (n - 2 > 1) return false;  // 2 or 3 bytes
      const char first = text[0];
      const char second = text[1];
      const char last = text[n - 1];
      const bool yes =
          (n == 3) & (first == 'y') & (second == 'e') & (last == 's');
      const bool no = (n == 2) & (first == 'n') & (second == 'o');
      if (!(yes | no)) return false;
      *out = static_cast<double>(yes);
      return true;
    }
    double value = 0;
    // A short number of the kept text is read at once (ShortNumber reads
    // the 8 bytes ending at its end: the text's start is at least 8 bytes
    // into the kept text).
    const std::uintptr_t at = reinterpret_cast<std::uintptr_t>(text.data()) -
                              reinterpret_cast<std::uintptr_t>(kept_.data());
    const bool short_read = at >= 8 && at <= kept_.size() &&
                            n <= kept_.size() - at &&
                            io::ShortNumber(text.data() + n, n, mark_, &value);
    if (!short_read && !io::FastNumber(text, mark_, &value)) return false;
    if (plan.kind == ColumnPlan::kNumber) {
      if (plan.non_negative && value < 0) return false;
      *out = value;
      return true;
    }
    // Every level compared (no branch on which one matches).
    bool level = false;
    for (const ScaleLevel& l : leaves_[column]->scoring->levels) {
      level |= l.value == value;
    }
    if (!level) return false;
    *out = value;
    return true;
  }

  // A cell through CellParser: its value, or its message. Out of line: the
  // planned cells' loop stays small.
  template <typename WhereFn, typename PathFn>
  [[gnu::noinline]] void ParsedCell(std::size_t column, std::string_view text,
                                    bool plain_number, double* out,
                                    const WhereFn& where, const PathFn& path) {
    std::string why;
    double value = 0;
    if (parser_->Parse(*leaves_[column], text, plain_number, &value, &why)) {
      *out = value;
    } else {
      if (why.find("declare the file's locale") != std::string::npos) {
        why += locale_hint_;
      }
      Error(where(), path(), why);
    }
  }

  // Keeps `text` (a CSV file's text, which the cells given to TableCell
  // are views of) in the set's cell texts: each such cell is then a range
  // of it (EndTableRow), not a copy. Before the first TableCell.
  void KeepText(std::string_view text) {
    kept_ = text;
    kept_offset_ = text_.Keep(text);
  }

  // Ends the last bid's row (TableCell): its texts in leaf order (a range
  // of the kept text, or a copy of a cell built elsewhere: unquoted from
  // doubled quotes, a workbook's), its values into the block of rows that
  // goes to the value matrix eight rows at a time (a strided store per
  // cell misses the cache once per cell).
  void EndTableRow() {
    const std::size_t m = leaves_.size();
    // In locals: the stores below may not change them, but the compiler
    // cannot tell. A leaf's cell is given in every row or in none (the
    // header decides), so row_text_ needs no clearing.
    const auto kept = reinterpret_cast<std::uintptr_t>(kept_.data());
    const std::size_t size = kept_.size();
    const std::size_t offset = kept_offset_;
    const std::string_view* texts = row_text_.data();
    for (std::size_t j = 0; j < m; ++j) {
      const std::string_view t = texts[j];
      // Unsigned: a view before the kept text wraps to a large offset.
      const std::uintptr_t at =
          reinterpret_cast<std::uintptr_t>(t.data()) - kept;
      if (at <= size && t.size() <= size - at) {
        text_.AddRange(offset + at, t.size());
      } else {
        text_.push_back(t);
      }
    }
    if (++block_rows_ == kBlockRows) FlushBlock();
    std::fill_n(
        row_values_.begin() + static_cast<std::ptrdiff_t>(block_rows_ * m), m,
        0.0);
  }

  bool panel(std::size_t column) const { return panel_[column] != 0; }

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
    present_[k] = 1;
    if (panel_[column] && io::Trim(raw).empty()) return;  // the panel scores
    loose_text_[k].assign(io::Trim(raw));
    std::string why;
    double value = 0;
    if (parser_->Parse(*leaves_[column], raw, plain_number, &value, &why)) {
      values_(static_cast<Eigen::Index>(bid),
              static_cast<Eigen::Index>(column)) = value;
    } else {
      if (why.find("declare the file's locale") != std::string::npos) {
        why += locale_hint_;
      }
      Error(where(), path(), why);
    }
  }

  // Reserves room for about `bids` bids (avoids regrowing big vectors) and,
  // for a table, `chars` bytes of cell text; with exactly `bids` bids the
  // value matrix is handed over as it is.
  void Reserve(std::size_t bids, std::size_t chars = 0) {
    const std::size_t cells = bids * leaves_.size();
    ids_.reserve(bids);
    suppliers_.reserve(bids);
    rows_.reserve(bids);
    if (table_) {
      text_.reserve(cells, chars);
    } else {
      loose_text_.reserve(cells);
      present_.reserve(cells);
    }
    RehashIds(bids);
    if (static_cast<Eigen::Index>(bids) > values_.rows()) Grow(bids);
  }

  // Records that the last bid gave (an unusable) value for `column`.
  void MarkPresent(std::size_t column) {
    present_[(ids_.size() - 1) * leaves_.size() + column] = 1;
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

  ~BidsBuilder() {
    if (hashing_.joinable()) hashing_.join();
  }
  BidsBuilder(const BidsBuilder&) = delete;
  BidsBuilder& operator=(const BidsBuilder&) = delete;

  // Hashes `bytes` (the input that Finish is then given) on a thread of its
  // own while the rows are read, for an input of 1 MiB or more when the
  // process may run on more than one core: SHA-256 (about 1.7 GB/s here)
  // is about a tenth of a CSV file's reading time.
  void HashAhead(std::string_view bytes) {
    constexpr std::size_t kAheadBytes = std::size_t{1} << 20;
    if (bytes.size() < kAheadBytes || io::UsableCores() < 2) return;
    hashing_ = std::thread([this, bytes] { hashed_ = io::Sha256Hex(bytes); });
  }

  Result<BidSet> Finish(std::string_view bytes) {
    Result<BidSet> result;
    if (ids_.empty() && !diag_->HasErrors()) {
      diag_->Error({file_, 0, 0}, "", "no bids found; expected at least one");
    }
    FlushBlock();
    if (!diag_->HasErrors()) {
      const auto n = static_cast<Eigen::Index>(ids_.size());
      if (values_.rows() == n) {
        bids_.values = std::move(values_);
      } else {
        bids_.values = values_.topRows(n);
      }
      bids_.ids = std::move(ids_);
      bids_.suppliers = std::move(suppliers_);
      if (table_) {
        bids_.text = std::move(text_);
      } else {
        bids_.text.reserve(loose_text_.size(), 0);
        for (const std::string& t : loose_text_) bids_.text.push_back(t);
      }
      bids_.rows = std::move(rows_);
      bids_.fields = std::move(fields_);
      bids_.field_numbers = std::move(field_numbers_);
      bids_.source = file_;
      if (hashing_.joinable()) {
        hashing_.join();
        bids_.sha256 = std::move(hashed_);
      } else {
        bids_.sha256 = io::Sha256Hex(bytes);
      }
      result.value = std::move(bids_);
    }
    io::CapErrors(diag_, file_, options_.max_errors);
    result.diagnostics = diag_->Take();
    return result;
  }

 private:
  // How a leaf's cells are usually read (TableCell).
  struct ColumnPlan {
    enum Kind : unsigned char { kNumber, kYesNo, kScale, kOther } kind;
    bool non_negative;  // an amount, a ratio-to-best or share-of-total value
  };
  static ColumnPlan PlanFor(const Criterion& leaf) {
    if (!leaf.scoring) return {ColumnPlan::kOther, false};
    const Rule rule = leaf.scoring->rule;
    if (rule == Rule::kYesNo) return {ColumnPlan::kYesNo, false};
    if (rule == Rule::kScale) return {ColumnPlan::kScale, false};
    return {ColumnPlan::kNumber, leaf.type != CriterionType::kQuality ||
                                     rule == Rule::kRatioToBest ||
                                     rule == Rule::kShareOfTotal};
  }

  // Room for at least `bids` rows in the value matrix (column-major; rows
  // past the bids read so far are zero, or, for a table, written by
  // FlushBlock before they are read).
  void Grow(std::size_t bids) {
    const Eigen::Index old = values_.rows();
    const auto rows = std::max(static_cast<Eigen::Index>(bids), 2 * old);
    const auto m = static_cast<Eigen::Index>(leaves_.size());
    if (old == 0) {
      values_.resize(rows, m);
    } else {
      values_.conservativeResize(rows, m);
    }
    if (!table_) values_.bottomRows(rows - old).setZero();
  }

  // Writes the rows of the block (EndTableRow) to the value matrix.
  void FlushBlock() {
    if (block_rows_ == 0) return;
    const std::size_t m = leaves_.size();
    const auto first = static_cast<Eigen::Index>(ids_.size() - block_rows_);
    for (std::size_t j = 0; j < m; ++j) {
      double* column = &values_(first, static_cast<Eigen::Index>(j));
      for (std::size_t r = 0; r < block_rows_; ++r) {
        column[r] = row_values_[r * m + j];
      }
    }
    block_rows_ = 0;
  }

  // Records bid ids_[index]; false when an earlier bid has the same id.
  // An open-addressing table of indices into ids_ (no allocation per bid).
  bool InsertId(std::size_t index) {
    if ((id_count_ + 1) * 2 > id_slots_.size()) RehashIds(id_count_ + 1);
    const std::string& id = ids_[index];
    const auto hash = static_cast<std::uint32_t>(std::hash<std::string>{}(id));
    const std::size_t mask = id_slots_.size() - 1;
    for (std::size_t h = hash & mask;; h = (h + 1) & mask) {
      IdSlot& slot = id_slots_[h];
      if (slot.index == 0) {
        slot = IdSlot{static_cast<std::uint32_t>(index + 1), hash};
        ++id_count_;
        return true;
      }
      // The hash first: a string comparison is a second cache miss.
      if (slot.hash == hash && ids_[slot.index - 1] == id) return false;
    }
  }
  // Room for `ids` ids at a load of at most one half.
  void RehashIds(std::size_t ids) {
    std::size_t size = 64;
    while (size < 2 * ids) size *= 2;
    if (size <= id_slots_.size()) return;
    std::vector<IdSlot> old = std::move(id_slots_);
    id_slots_.assign(size, IdSlot{});
    const std::size_t mask = size - 1;
    for (const IdSlot& slot : old) {
      if (slot.index == 0) continue;
      std::size_t h = slot.hash & mask;
      while (id_slots_[h].index != 0) h = (h + 1) & mask;
      id_slots_[h] = slot;
    }
  }

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
  io::DecimalMark mark_ = io::DecimalMark::kAuto;
  std::string sheet_;
  // 8 bytes a slot: the table of 10,000 ids stays in the L2 cache.
  struct IdSlot {
    std::uint32_t index = 0;  // into ids_, + 1; 0 = empty
    std::uint32_t hash = 0;   // the low half of the id's hash
  };
  std::vector<IdSlot> id_slots_;
  std::size_t id_count_ = 0;
  BidSet bids_;
  std::vector<std::string> ids_, suppliers_;
  CellTexts text_;                       // a table's cells (EndTableRow)
  std::string_view kept_;                // KeepText's text
  std::size_t kept_offset_ = 0;          // where text_ holds it
  std::vector<std::string> loose_text_;  // YAML/JSON cells (SetCellLazy)
  std::vector<SourceLocation> rows_;
  std::vector<std::vector<std::string>> fields_;
  std::set<std::string> timestamps_;
  // Fields read as numbers, with what reads them (for messages).
  std::map<std::string, std::string> numbers_;
  std::vector<std::vector<double>> field_numbers_;
  // values_(bid, leaf), column-major as BidSet::values; rows beyond the
  // bids read so far are room (Reserve, Grow).
  Eigen::MatrixXd values_;
  std::vector<unsigned char> present_;      // bytes, not bits: set per cell
  bool table_ = false;                      // cells come by TableCell
  std::vector<ColumnPlan> plans_;           // per leaf
  std::vector<std::string_view> row_text_;  // the row being read, per leaf
  // The values of the last block_rows_ rows (row-major, kBlockRows rows)
  // and of the row being read.
  static constexpr std::size_t kBlockRows = 8;
  std::vector<double> row_values_;
  std::size_t block_rows_ = 0;
  std::vector<unsigned char> panel_;  // per leaf: scored by a panel file
  std::string locale_hint_;
  std::string id_key_ = "bid";
  std::thread hashing_;  // HashAhead's, while it runs
  std::string hashed_;   // its result
};

// Header names as people write them: lower case, accents dropped (é -> e),
// runs of spaces (also no-break spaces) as one, trimmed.
std::string Fold(std::string_view s) {
  // Latin-1 letters U+00C0-U+00FF (and U+00E0-U+00FF) without accents;
  // '*' keeps the letter (Æ, Ð, ×, Þ, ß).
  static constexpr char kBase[] = "aaaaaa*ceeeeiiii*nooooo*ouuuuy*y";
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
        (c == 0xC2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) == 0xA0)) {
      if (c == 0xC2) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (c == 0xC3 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0xBF) {
        const char base = kBase[(d - 0x80) & 0x1F];
        if (base != '*' && d != 0x9F) {
          out += base;
          ++i;
          continue;
        }
      }
    }
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                : static_cast<char>(c);
  }
  return out;
}

int BidsBuilder::FieldFolded(const std::string& folded) const {
  for (std::size_t f = 0; f < bids_.field_names.size(); ++f) {
    if (Fold(bids_.field_names[f]) == folded) return static_cast<int>(f);
  }
  return -1;
}

// Usual names of the bid id and supplier columns in nl, fr and en.
bool IsBidName(const std::string& f) {
  static const std::unordered_set<std::string> kNames{
      "bid",           "id",         "bid id",   "offer",
      "offer id",      "nr",         "nr.",      "no",
      "no.",           "n°",         "number",   "offerte",
      "offertenummer", "offerte nr", "bod",      "inschrijving",
      "nummer",        "offre",      "numero",   "numero d'offre",
      "ref",           "referentie", "reference"};
  return kNames.count(f) > 0;
}
bool IsSupplierName(const std::string& f) {
  static const std::unordered_set<std::string> kNames{
      "supplier",     "bidder",          "tenderer",    "name",  "company",
      "inschrijver",  "leverancier",     "naam",        "firma", "bedrijf",
      "inschrijvers", "soumissionnaire", "fournisseur", "nom",   "entreprise",
      "societe",      "raison sociale"};
  return kNames.count(f) > 0;
}

// Reads the header row: which column is the bid id, the supplier, and which
// leaf criterion each other column holds.
struct CsvLayout {
  std::size_t width = 0;
  int bid = -1;
  std::string bid_key = "bid";
  int supplier = -1;
  std::vector<int> leaf;    // header index -> leaf index, -1 for bid/supplier
  std::vector<int> field;   // header index -> bid field index, or -1
  std::vector<bool> blank;  // header index -> the header is empty
  // The same per header index as one plan, read per cell (BuildSlots).
  struct Slot {
    enum Kind : unsigned char { kSkip, kBlank, kField, kLeaf } kind;
    int index;  // the field or the leaf
  };
  std::vector<Slot> slots;
  void BuildSlots() {
    slots.clear();
    for (std::size_t k = 0; k < width; ++k) {
      if (blank[k]) {
        slots.push_back({Slot::kBlank, -1});
      } else if (field[k] >= 0) {
        slots.push_back({Slot::kField, field[k]});
      } else if (leaf[k] >= 0) {
        slots.push_back({Slot::kLeaf, leaf[k]});
      } else {
        slots.push_back({Slot::kSkip, -1});
      }
    }
  }
};

void ReadCsvHeader(const std::vector<io::CsvCell>& header,
                   const io::BidsLayout& layout, BidsBuilder* b,
                   CsvLayout* out) {
  // Empty trailing header cells (a spreadsheet's unused columns) go.
  std::size_t width = header.size();
  while (width > 1 && io::Trim(header[width - 1].text).empty()) --width;
  out->width = width;
  out->leaf.assign(width, -1);
  out->field.assign(width, -1);
  out->blank.assign(width, false);
  const CriteriaSet& set = b->set();
  // Declared names first: `columns:` and `ignore:` in the tender.
  std::map<std::string, const io::BidsLayout::Mapping*> declared;
  for (const io::BidsLayout::Mapping& m : layout.columns) {
    declared[Fold(m.header)] = &m;
  }
  std::set<std::string> ignored;
  for (const io::BidsLayout::Ignored& i : layout.ignore) {
    ignored.insert(Fold(i.header));
  }
  std::set<std::string> used_declared;
  // Every leaf by its id and its labels.
  // (Hashed: membership only; a tree's string comparisons were a fifth of
  // the time of a small tender's bids.)
  std::unordered_map<std::string, std::set<int>> by_name;
  by_name.reserve(2 * b->leaves().size());
  for (std::size_t j = 0; j < b->leaves().size(); ++j) {
    const Criterion& leaf = *b->leaves()[j];
    by_name[Fold(leaf.id)].insert(static_cast<int>(j));
    for (const auto& [lang, label] : leaf.doc.labels) {
      by_name[Fold(label)].insert(static_cast<int>(j));
    }
  }
  std::vector<bool> fields_covered(b->field_names().size(), false);
  std::unordered_set<std::string> names;
  names.reserve(width);
  std::vector<int> covered(b->leaves().size(), -1);
  const auto set_leaf = [&](std::size_t k, int j, SourceLocation where,
                            const std::string& name) {
    const auto u = static_cast<std::size_t>(j);
    if (covered[u] >= 0) {
      b->Error(where, "header",
               "two columns for criterion " + b->leaves()[u]->id + ": \"" +
                   std::string(io::Trim(
                       header[static_cast<std::size_t>(covered[u])].text)) +
                   "\" and \"" + name +
                   "\"; keep one, or name the right one "
                   "in the tender (bids: columns: {" +
                   b->leaves()[u]->id + ": \"<header>\"})");
      return;
    }
    covered[u] = static_cast<int>(k);
    out->leaf[k] = j;
  };
  const auto set_bid = [&](std::size_t k, SourceLocation where,
                           const std::string& name) {
    if (out->bid >= 0) {
      b->Error(where, "header",
               "two bid id columns (\"" + out->bid_key + "\" and \"" + name +
                   "\"); keep one");
      return;
    }
    out->bid = static_cast<int>(k);
    out->bid_key = name;
  };
  for (std::size_t k = 0; k < width; ++k) {
    const std::string name(io::Trim(header[k].text));
    const SourceLocation where = b->At(header[k].line, header[k].column);
    if (name.empty()) {
      out->blank[k] = true;
      continue;
    }
    const std::string folded = Fold(name);
    if (!names.insert(folded).second) {
      b->Error(where, "header", "duplicate column \"" + name + "\"");
      continue;
    }
    if (const auto d = declared.find(folded); d != declared.end()) {
      used_declared.insert(folded);
      const std::string& target = d->second->target;
      if (target == "bid" || target == "id") {
        set_bid(k, where, name);
      } else if (target == "supplier") {
        out->supplier = static_cast<int>(k);
      } else if (const int f = b->Field(target); f >= 0) {
        out->field[k] = f;
        fields_covered[static_cast<std::size_t>(f)] = true;
      } else if (const auto leaf = by_name.find(Fold(target));
                 leaf != by_name.end() &&
                 b->leaves()[static_cast<std::size_t>(*leaf->second.begin())]
                         ->id == target) {
        set_leaf(k, *leaf->second.begin(), where, name);
      }
      continue;  // an unknown target is reported with the layout
    }
    if (ignored.count(folded) > 0) {
      out->field[k] = b->AddNote(name);
      continue;
    }
    if (IsBidName(folded)) {
      set_bid(k, where, name);
    } else if (IsSupplierName(folded) && by_name.count(folded) == 0) {
      if (out->supplier >= 0) {
        b->Error(
            where, "header",
            "two supplier columns (\"" +
                std::string(io::Trim(
                    header[static_cast<std::size_t>(out->supplier)].text)) +
                "\" and \"" + name +
                "\"); keep one, or name it in the tender (bids: "
                "columns: {supplier: \"<header>\"})");
      } else {
        out->supplier = static_cast<int>(k);
      }
    } else if (const int f = b->FieldFolded(folded); f >= 0) {
      out->field[k] = f;
      fields_covered[static_cast<std::size_t>(f)] = true;
    } else if (const auto leaf = by_name.find(folded); leaf != by_name.end()) {
      if (leaf->second.size() > 1) {
        std::string which;
        for (const int j : leaf->second) {
          which += (which.empty() ? "" : " and ") +
                   b->leaves()[static_cast<std::size_t>(j)]->id;
        }
        b->Error(
            where, "header",
            "column \"" + name + "\" matches two criteria, " + which +
                " (by id or label); name the column of each in the "
                "tender (bids: columns: {" +
                b->leaves()[static_cast<std::size_t>(*leaf->second.begin())]
                    ->id +
                ": \"" + name + "\"})");
        continue;
      }
      set_leaf(k, *leaf->second.begin(), where, name);
    } else {
      b->Column(name, where, "header");
    }
  }
  for (const io::BidsLayout::Mapping& m : layout.columns) {
    // A mapping whose header is absent is fine when the column is there
    // under its own name (the clean CSV of the same bids).
    bool found = used_declared.count(Fold(m.header)) > 0;
    if (m.target == "bid") found = found || out->bid >= 0;
    if (m.target == "supplier") found = true;
    if (const int f = b->Field(m.target); f >= 0) {
      found = found || fields_covered[static_cast<std::size_t>(f)];
    }
    for (std::size_t j = 0; j < b->leaves().size(); ++j) {
      if (b->leaves()[j]->id == m.target) found = found || covered[j] >= 0;
    }
    if (!found) {
      b->Error(m.where, "bids.columns." + m.target,
               "no column \"" + m.header + "\" in the header of " + b->file());
    }
  }
  const SourceLocation at = b->At(header.front().line, 1);
  if (out->bid < 0) {
    b->Error(at, "header",
             "missing the bid id column; expected a column named \"bid\" (or "
             "id, Nr, Offerte, Offre), or name it in the tender (bids: "
             "columns: {bid: \"<header>\"})");
  }
  std::string missing;
  for (std::size_t j = 0; j < covered.size(); ++j) {
    if (covered[j] < 0 && !b->panel(j)) {
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
  out->BuildSlots();
  (void)set;
}

// The bid id column of a header row as ReadCsvHeader would find it, or -1.
int GuessBidColumn(const std::vector<io::CsvCell>& header,
                   const io::BidsLayout& layout) {
  for (std::size_t k = 0; k < header.size(); ++k) {
    const std::string folded = Fold(header[k].text);
    const auto declared =
        std::find_if(layout.columns.begin(), layout.columns.end(),
                     [&folded](const io::BidsLayout::Mapping& m) {
                       return Fold(m.header) == folded;
                     });
    if (declared != layout.columns.end() ? declared->target == "bid"
                                         : IsBidName(folded)) {
      return static_cast<int>(k);
    }
  }
  return -1;
}

// A header over two rows as one: each column named by the lower row, else
// by the upper.
void MergeHeaderRows(const std::vector<io::CsvCell>& top,
                     std::vector<io::CsvCell>* lower) {
  for (std::size_t k = 0; k < top.size(); ++k) {
    if (k >= lower->size()) {
      lower->push_back(top[k]);
    } else if (io::Trim((*lower)[k].text).empty()) {
      (*lower)[k] = top[k];
    }
  }
}

// `Cell` is io::CsvCell (text owned) or io::CsvField (a view).
template <typename Cell>
bool BlankRow(const std::vector<Cell>& row) {
  return std::all_of(row.begin(), row.end(),
                     [](const Cell& c) { return io::Trim(c.text).empty(); });
}

// `typed` (workbooks): per cell, a number the spreadsheet stores as one.
// Strings for the row's path and cells' locations are made only for a
// message.
template <typename Cell>
void ReadCsvRow(std::vector<Cell>& row, std::size_t number,
                const CsvLayout& layout, BidsBuilder* b,
                const std::vector<bool>* typed = nullptr) {
  const auto is_typed = [typed](std::size_t k) {
    return typed != nullptr && k < typed->size() && (*typed)[k];
  };
  const SourceLocation where = b->At(row.front().line, 1);
  const auto cell = [&row](int k) {
    return k >= 0 && static_cast<std::size_t>(k) < row.size()
               ? io::Trim(row[static_cast<std::size_t>(k)].text)
               : std::string_view();
  };
  const std::string_view id = cell(layout.bid);
  const auto path = [&id, number] {
    return "bids[" + (id.empty() ? std::to_string(number) : std::string(id)) +
           "]";
  };
  // Empty cells past the header (a spreadsheet's unused columns) go.
  while (row.size() > layout.width && io::Trim(row.back().text).empty()) {
    row.pop_back();
  }
  if (row.size() != layout.width) {
    b->Error(where, path(),
             "row has " + std::to_string(row.size()) +
                 " values; the header has " + std::to_string(layout.width) +
                 " columns");
    return;
  }
  b->AddBidLazy(std::string(id), std::string(cell(layout.supplier)), where,
                path, layout.bid_key);
  const std::size_t width = row.size();
  for (std::size_t k = 0; k < width; ++k) {
    const CsvLayout::Slot slot = layout.slots[k];
    switch (slot.kind) {
      case CsvLayout::Slot::kLeaf: {
        const auto j = static_cast<std::size_t>(slot.index);
        const Cell& c = row[k];
        b->TableCell(
            j, io::Trim(c.text), is_typed(k),
            [&] { return b->At(c.line, c.column); },
            [&] { return path() + "." + b->leaves()[j]->id; });
        break;
      }
      case CsvLayout::Slot::kBlank:
        if (!io::Trim(row[k].text).empty()) {
          b->Error(b->At(row[k].line, row[k].column), path(),
                   "a value under a column without a header; name the "
                   "column, or leave it empty");
        }
        break;
      case CsvLayout::Slot::kField: {
        const auto f = static_cast<std::size_t>(slot.index);
        b->SetField(f, row[k].text, b->At(row[k].line, row[k].column),
                    path() + "." + b->field_names()[f], is_typed(k));
        break;
      }
      case CsvLayout::Slot::kSkip:
        break;
    }
  }
  b->EndTableRow();
}

// Text as UTF-8: UTF-16 (with a byte-order mark, or without one when the
// first characters are ASCII) and a declared Windows-1252 are converted.
// Returns false with an error when the bytes are not what they claim.
bool ToUtf8(std::string_view bytes, const std::string& file,
            const io::BidsLayout& layout, Diagnostics* diag, std::string* out) {
  const auto u = [&bytes](std::size_t i) {
    return static_cast<unsigned char>(bytes[i]);
  };
  int utf16 = 0;  // 1 little-endian, 2 big-endian
  std::size_t start = 0;
  if (bytes.size() >= 2 && u(0) == 0xFF && u(1) == 0xFE) {
    utf16 = 1;
    start = 2;
  } else if (bytes.size() >= 2 && u(0) == 0xFE && u(1) == 0xFF) {
    utf16 = 2;
    start = 2;
  } else if (bytes.size() >= 4 && u(0) != 0 && u(1) == 0 && u(2) != 0 &&
             u(3) == 0) {
    utf16 = 1;
  } else if (bytes.size() >= 4 && u(0) == 0 && u(1) != 0 && u(2) == 0 &&
             u(3) != 0) {
    utf16 = 2;
  }
  if (utf16 != 0) {
    out->clear();
    out->reserve(bytes.size());
    const auto unit = [&](std::size_t i) -> unsigned {
      const unsigned first = u(i);
      const unsigned second = u(i + 1);
      return utf16 == 1 ? first | (second << 8) : (first << 8) | second;
    };
    int line = 1;
    for (std::size_t i = start; i < bytes.size(); i += 2) {
      if (i + 1 >= bytes.size()) {
        diag->Error({file, line, 0}, "",
                    "the UTF-16 text ends in half a character (an odd "
                    "number of bytes)");
        return false;
      }
      unsigned cp = unit(i);
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        const unsigned low = i + 3 < bytes.size() ? unit(i + 2) : 0;
        if (low < 0xDC00 || low > 0xDFFF) {
          diag->Error({file, line, 0}, "",
                      "invalid UTF-16 text at byte " + std::to_string(i + 1) +
                          " (an unpaired surrogate)");
          return false;
        }
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        diag->Error({file, line, 0}, "",
                    "invalid UTF-16 text at byte " + std::to_string(i + 1) +
                        " (an unpaired surrogate)");
        return false;
      }
      if (cp == '\n') ++line;
      AppendUtf8(cp, out);
    }
    return true;
  }
  if (layout.encoding == "windows-1252") {
    // 0x80-0x9F as Windows-1252 has them; the rest is Latin-1.
    static constexpr unsigned kHigh[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    out->clear();
    out->reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      const unsigned c = u(i);
      AppendUtf8(c >= 0x80 && c < 0xA0 ? kHigh[c - 0x80] : c, out);
    }
    return true;
  }
  return false;  // UTF-8 already: the caller reads `bytes` as they are
}

// The line feeds in `text`, found by memchr (which reads 32 bytes at a
// time; std::count's vector code widens each byte to 64 bits: 3 % of a
// large file's instructions).
std::ptrdiff_t LineFeeds(std::string_view text) {
  std::ptrdiff_t n = 0;
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); p != end; ++p, ++n) {
    p = static_cast<const char*>(
        std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
  }
  return n;
}

Result<BidSet> ParseCsvBids(std::string_view bytes, const std::string& file,
                            const CriteriaSet& set, const LoadOptions& options,
                            const io::BidsLayout& layout) {
  Diagnostics diag;
  std::string converted;
  const bool was_converted = ToUtf8(bytes, file, layout, &diag, &converted);
  if (diag.HasErrors()) return {std::nullopt, diag.Take()};
  const std::string_view text = was_converted ? converted : bytes;
  BidsBuilder b(set, file, &diag, options);
  b.HashAhead(bytes);
  b.SetTableRows();
  b.SetLocaleHint(
      "; in a CSV file, a first line \"# locale: nl-BE\" or \"# locale: "
      "en\", or --locale nl-BE on the command line");
  io::CsvTable table;
  CsvLayout columns;
  bool header_seen = false;
  std::size_t rows = 0;
  // The first row waits for the second: a header over two rows (as a
  // spreadsheet with merged header cells saves it) has no bid id in the
  // second row.
  std::optional<std::vector<io::CsvCell>> upper;
  // Header rows are kept as cells (io::CsvCell); bid rows are read from
  // views into `text`, without a string per cell.
  const auto owned = [](const std::vector<io::CsvField>& fields) {
    std::vector<io::CsvCell> cells;
    cells.reserve(fields.size());
    for (const io::CsvField& f : fields) {
      cells.push_back(io::CsvCell{std::string(f.text), f.line, f.column});
    }
    return cells;
  };
  const bool parsed = io::ParseCsvFields(
      text, file, &diag, &table,
      [&](std::vector<io::CsvField>& row) {
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
          // Room for a bid per line after the header's (exactly the bids of
          // a file without blank lines, quoted line breaks or a two-row
          // header).
          const auto lines = LineFeeds(text) +
                             (!text.empty() && text.back() != '\n' ? 1 : 0) -
                             row.front().line;
          // The cells' texts: the file's bytes (KeepText below).
          if (lines > 0) {
            b.Reserve(static_cast<std::size_t>(lines), text.size());
          }
          // Bid rows' cells are views of `text` (but for cells unquoted
          // from doubled quotes): the set keeps it once, and each cell is a
          // range of it.
          b.KeepText(text);
          // A header with errors still lets the rows be checked (unknown
          // and duplicate columns are skipped), so one run reports every
          // problem of the file; without a bid column rows cannot be named.
          upper = owned(row);
          return true;
        }
        if (upper) {
          std::vector<io::CsvCell> top = std::move(*upper);
          upper.reset();
          const int bid = GuessBidColumn(top, layout);
          const auto k = static_cast<std::size_t>(bid);
          if (bid >= 0 && !BlankRow(row) &&
              (k >= row.size() || io::Trim(row[k].text).empty())) {
            std::vector<io::CsvCell> lower = owned(row);
            MergeHeaderRows(top, &lower);
            ReadCsvHeader(lower, layout, &b, &columns);
            return columns.bid >= 0;
          }
          ReadCsvHeader(top, layout, &b, &columns);
          if (columns.bid < 0) return false;
        }
        // A row of delimiters only (";;;;", as spreadsheets export empty
        // rows) is skipped like a blank line.
        if (BlankRow(row)) return true;
        ReadCsvRow(row, ++rows, columns, &b);
        return !b.Full();
      },
      options.max_errors);
  if (upper) ReadCsvHeader(*upper, layout, &b, &columns);  // no bid rows
  if (parsed && !header_seen) {
    diag.Error({file, 1, 1}, "",
               "the file is empty; expected a header row (bid, supplier and "
               "one column per leaf criterion) and one row per bid");
  }
  return b.Finish(bytes);
}

// The header of a sheet: its first non-empty row, or, when merged cells
// start there and reach further down (a header written over two rows),
// every row down to the merges' last, each column named by its lowest
// non-empty cell or by the merged cell covering it.
std::size_t SheetHeader(const io::SheetTable& table,
                        std::vector<io::CsvCell>* header) {
  const int first = table.rows.front().front().line;
  int last = first;
  for (const io::CellRange& m : table.merges) {
    if (m.row1 == first && m.row2 > last) last = std::min(m.row2, first + 4);
  }
  std::size_t used = 0;
  std::map<int, io::CsvCell> named;
  while (used < table.rows.size() && table.rows[used].front().line <= last) {
    for (const io::SheetCell& c : table.rows[used]) named[c.column] = c;
    ++used;
  }
  for (const io::CellRange& m : table.merges) {
    if (m.row1 < first || m.row1 > last) continue;
    // The text of the merged cell, for the columns it covers without text
    // of their own in a lower header row.
    const auto top = std::find_if(table.rows.begin(),
                                  table.rows.begin() + static_cast<long>(used),
                                  [&m](const std::vector<io::SheetCell>& r) {
                                    return r.front().line == m.row1;
                                  });
    if (top == table.rows.begin() + static_cast<long>(used)) continue;
    const auto cell = std::find_if(
        top->begin(), top->end(),
        [&m](const io::CsvCell& c) { return c.column == m.column1; });
    if (cell == top->end()) continue;
    for (int c = m.column1; c <= m.column2 && c <= 16384; ++c) {
      const auto it = named.find(c);
      if (it == named.end() ||
          (it->second.line == m.row1 && c != m.column1 && m.row2 > m.row1)) {
        if (m.row2 > m.row1 || c == m.column1) named[c] = *cell;
      }
    }
  }
  const int width = named.empty() ? 0 : named.rbegin()->first;
  header->clear();
  for (int c = 1; c <= width; ++c) {
    const auto it = named.find(c);
    header->push_back(it != named.end() ? it->second
                                        : io::CsvCell{"", last, c});
    header->back().column = c;
  }
  return used;
}

Result<BidSet> ParseWorkbook(std::string_view bytes, const std::string& file,
                             const CriteriaSet& set, const LoadOptions& options,
                             const io::BidsLayout& layout,
                             const std::string& sheet) {
  Diagnostics diag;
  io::SheetTable table;
  if (!io::ReadWorkbook(bytes, file, sheet.empty() ? layout.sheet : sheet,
                        &diag, &table)) {
    return {std::nullopt, diag.Take()};
  }
  BidsBuilder b(set, file, &diag, options);
  b.SetTableRows();
  b.SetSheet(table.sheet);
  b.SetLocaleHint(
      "; for a workbook, --locale nl-BE (or en) on the command line, or "
      "store the cells as numbers");
  if (!b.SetLocale("", {file, 0, 0})) return b.Finish(bytes);
  if (table.rows.empty()) {
    diag.Error({file + ":" + table.sheet, 0, 0}, "",
               "the sheet is empty; expected a header row (bid, supplier "
               "and one column per leaf criterion) and one row per bid");
    return {std::nullopt, diag.Take()};
  }
  if (options.log) {
    options.log(file + ": sheet " + table.sheet + ", locale " + b.locale());
  }
  std::vector<io::CsvCell> header;
  const std::size_t first_row = SheetHeader(table, &header);
  CsvLayout columns;
  ReadCsvHeader(header, layout, &b, &columns);
  if (columns.bid < 0) return b.Finish(bytes);
  b.Reserve(table.rows.size() - first_row);
  std::size_t number = 0;
  for (std::size_t r = first_row; r < table.rows.size() && !b.Full(); ++r) {
    const std::vector<io::SheetCell>& cells = table.rows[r];
    const int line = cells.front().line;
    std::vector<io::CsvCell> row;
    row.reserve(columns.width);
    for (std::size_t k = 0; k < columns.width; ++k) {
      row.push_back({"", line, static_cast<int>(k + 1)});
    }
    std::vector<bool> typed(columns.width, false);
    bool outside = false;
    for (const io::SheetCell& c : cells) {
      const auto k = static_cast<std::size_t>(c.column - 1);
      if (k < columns.width) {
        row[k] = c;
        typed[k] = c.typed;
      } else if (!outside) {
        outside = true;
        b.Error(b.At(line, c.column),
                "bids[" + std::to_string(number + 1) + "]",
                "a value in column " + io::ColumnName(c.column) +
                    ", right of the header's last column; give the column a "
                    "header or clear it");
      }
    }
    ReadCsvRow(row, ++number, columns, &b, &typed);
  }
  return b.Finish(bytes);
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
  const io::YamlNode list = (*root)["bids"];
  if (!list.IsDefined() || !list.IsSequence()) {
    r.Error(list.IsDefined() ? list : *root, "bids",
            "expected a list of bids, got " + io::Describe(list));
    return b.Finish(text);
  }
  for (std::size_t i = 0; i < list.size() && !b.Full(); ++i) {
    const io::YamlNode bid = list[i];
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

void CellTexts::ThrowTooLarge() {
  throw std::length_error("bid cell texts over 4 GiB");
}

void CellTexts::ThrowOutOfRange() {
  throw std::out_of_range("bid cell text past the end of its buffer");
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

std::string_view BidSet::Text(Eigen::Index bid, Eigen::Index criterion) const {
  return text[static_cast<std::size_t>(
      bid * static_cast<Eigen::Index>(criteria.size()) + criterion)];
}

Result<BidSet> ParseBids(std::string_view text, const std::string& file_name,
                         BidsFormat format, const CriteriaSet& criteria,
                         const LoadOptions& options) {
  switch (format) {
    case BidsFormat::kCsv:
      return ParseCsvBids(text, file_name, criteria, options, {});
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
  return io::LoadBidsWithLayout(path, criteria, options, {});
}

namespace io {

BidsLayout ReadBidsLayout(std::string_view text, const std::string& file,
                          const CriteriaSet& set, Diagnostics* diag) {
  BidsLayout layout;
  // Without the word "bids" (and without a backslash, which could spell it
  // in an escape) the file has no `bids:` key: the default layout, without
  // parsing the criteria file a second time.
  if (text.find("bids") == std::string_view::npos &&
      text.find('\\') == std::string_view::npos) {
    return layout;
  }
  Diagnostics parse;
  const auto root = ParseYaml(text, file, &parse);
  // The criteria reader reported any syntax error already.
  if (!root) return {};
  return ReadBidsLayout(*root, file, set, diag);
}

BidsLayout ReadBidsLayout(const io::YamlNode& root, const std::string& file,
                          const CriteriaSet& set, Diagnostics* diag) {
  BidsLayout layout;
  if (!root.IsMap()) return layout;
  const io::YamlNode bids = root["bids"];
  if (!bids.IsDefined() || bids.IsNull()) return layout;
  YamlReader r(file, diag);
  if (!bids.IsMap()) {
    r.Error(bids, "bids",
            "expected a map (columns, ignore, encoding, sheet), got " +
                Describe(bids));
    return layout;
  }
  r.CheckKeys(bids, "bids", {"columns", "ignore", "encoding", "sheet"});
  std::set<std::string> targets{"bid", "supplier"};
  for (const Criterion* leaf : set.Leaves()) targets.insert(leaf->id);
  for (const std::string& f : set.Fields()) targets.insert(f);
  if (const io::YamlNode columns = bids["columns"]; columns.IsDefined()) {
    if (!columns.IsMap()) {
      r.Error(columns, "bids.columns",
              "expected a map from criterion id (or bid, supplier) to the "
              "header as the bid file spells it, got " +
                  Describe(columns));
    } else {
      for (const auto& kv : columns) {
        const std::string target = kv.first.Scalar();
        const std::string path = "bids.columns." + target;
        if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
          r.Error(kv.second, path,
                  "expected the header text, got " + Describe(kv.second));
          continue;
        }
        if (targets.count(target) == 0) {
          std::vector<std::string> options(targets.begin(), targets.end());
          const std::string hint = Suggest(target, options);
          r.Error(kv.first, path,
                  "\"" + target +
                      "\" is no leaf criterion, bid field, bid or supplier" +
                      (hint.empty() ? std::string()
                                    : " (did you mean \"" + hint + "\"?)"));
          continue;
        }
        layout.columns.push_back({target == "id" ? "bid" : target,
                                  kv.second.Scalar(), r.Where(kv.second)});
      }
    }
  }
  if (const io::YamlNode ignore = bids["ignore"]; ignore.IsDefined()) {
    if (!ignore.IsSequence()) {
      r.Error(ignore, "bids.ignore",
              "expected a list of headers to keep out of scoring, got " +
                  Describe(ignore));
    } else {
      for (std::size_t i = 0; i < ignore.size(); ++i) {
        if (!ignore[i].IsScalar()) {
          r.Error(ignore[i], "bids.ignore[" + std::to_string(i) + "]",
                  "expected a header, got " + Describe(ignore[i]));
          continue;
        }
        layout.ignore.push_back({ignore[i].Scalar(), r.Where(ignore[i])});
      }
    }
  }
  if (const auto encoding = r.String(bids, "encoding", "bids", false)) {
    std::string lower = *encoding;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (lower == "cp1252" || lower == "latin-1" || lower == "iso-8859-1" ||
        lower == "latin1") {
      lower = "windows-1252";
    }
    if (lower == "utf-8" || lower == "utf8") lower.clear();
    if (!lower.empty() && lower != "windows-1252") {
      r.Error(bids["encoding"], "bids.encoding",
              "unknown encoding \"" + *encoding +
                  "\"; expected utf-8 or windows-1252 (UTF-16 files are "
                  "recognised by themselves)");
    }
    layout.encoding = lower;
  }
  if (const auto sheet = r.String(bids, "sheet", "bids", false)) {
    layout.sheet = *sheet;
  }
  return layout;
}

Result<BidSet> ParseWorkbookBids(std::string_view bytes,
                                 const std::string& file,
                                 const CriteriaSet& criteria,
                                 const LoadOptions& options,
                                 const BidsLayout& layout) {
  return ParseWorkbook(bytes, file, criteria, options, layout, "");
}

Result<BidSet> ParseCsvBidsWithLayout(std::string_view bytes,
                                      const std::string& file,
                                      const CriteriaSet& criteria,
                                      const LoadOptions& options,
                                      const BidsLayout& layout) {
  return ParseCsvBids(bytes, file, criteria, options, layout);
}

Result<BidSet> LoadBidsWithLayout(const std::string& path,
                                  const CriteriaSet& criteria,
                                  const LoadOptions& options,
                                  const BidsLayout& layout) {
  Diagnostics diag;
  const std::string ext =
      Lower(std::filesystem::path(path).extension().string());
  const bool workbook = ext == ".xlsx" || ext == ".xlsm" || ext == ".ods";
  if (ext == ".xls") {
    diag.Error({path, 0, 0}, "",
               "an Excel 97-2003 workbook (.xls); save it as .xlsx, .ods or "
               "CSV UTF-8");
    return {std::nullopt, diag.Take()};
  }
  if (!workbook && ext != ".csv" && ext != ".tsv" && ext != ".txt" &&
      ext != ".yaml" && ext != ".yml" && ext != ".json") {
    diag.Error({path, 0, 0}, "",
               "unknown bids file type \"" + ext +
                   "\"; expected .csv, .tsv, .txt, .yaml, .yml, .json, "
                   ".xlsx or .ods");
    return {std::nullopt, diag.Take()};
  }
  const auto text = ReadFile(path, options.max_bids_bytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  if (workbook) {
    return ParseWorkbook(*text, path, criteria, options, layout, layout.sheet);
  }
  if (ext == ".yaml" || ext == ".yml") {
    return ParseBids(*text, path, BidsFormat::kYaml, criteria, options);
  }
  if (ext == ".json") {
    return ParseBids(*text, path, BidsFormat::kJson, criteria, options);
  }
  return ParseCsvBids(*text, path, criteria, options, layout);
}

}  // namespace io

}  // namespace circa
