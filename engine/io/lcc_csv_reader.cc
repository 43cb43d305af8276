// Cost profiles written as CSV (docs/lcc.md, "CSV layout"): one row per
// setting, price or cost line. The rows are translated into the same tree
// the YAML reader validates, so that both formats share one set of checks
// and one set of messages; every position in those messages is mapped back
// to the CSV cell it came from.
#include <algorithm>
#include <array>
#include <map>

#include "circa/lcc.h"
#include "io/csv.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/yaml_node.h"

namespace circa {
namespace {

enum Column { kOffer, kKey, kName, kValue, kUnit, kPer, kUnitPrice, kNote };
constexpr std::array<std::string_view, 8> kColumns = {
    "offer", "key", "name", "value", "unit", "per", "unit-price", "note"};

// Keys whose value may be a list of yearly numbers (space-separated).
bool Yearly(std::string_view key) {
  return key == "maintenance" || key == "repair" || key == "fee";
}

// "0 0 100 100" -> {"0", "0", "100", "100"}.
std::vector<std::string> SplitYearly(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t", pos);
    if (start == std::string::npos) break;
    std::size_t end = text.find_first_of(" \t", start);
    if (end == std::string::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    pos = end;
  }
  return parts;
}

// Appends `text` as a double-quoted YAML scalar using only ASCII, so that a
// YAML column is a byte offset of the generated line.
void Quote(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('"');
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (c >= 0x20 && c < 0x7F) {
      out->push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    // Decode one UTF-8 character (the CSV reader checked the encoding).
    std::uint32_t cp = c;
    int extra = 0;
    if (c >= 0xF0) {
      cp = c & 0x07u;
      extra = 3;
    } else if (c >= 0xE0) {
      cp = c & 0x0Fu;
      extra = 2;
    } else if (c >= 0xC0) {
      cp = c & 0x1Fu;
      extra = 1;
    }
    ++i;
    for (int k = 0; k < extra && i < text.size(); ++k, ++i) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3Fu);
    }
    const int digits = cp > 0xFFFF ? 8 : 4;
    *out += digits == 8 ? "\\U" : "\\u";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out->push_back(kHex[(cp >> shift) & 0xFu]);
    }
  }
  out->push_back('"');
}

// Writes flow-style YAML, one element per line, and remembers for every
// line the CSV row it came from and for every scalar its CSV cell.
class Emitter {
 public:
  struct Span {
    int column = 0;  // 1-based column in the YAML line
    SourceLocation at;
  };
  struct Line {
    SourceLocation row;
    std::vector<Span> spans;
  };

  // Starts a new line for an element of the innermost container.
  void Element(const SourceLocation& row) {
    NewLine(row);
    if (!first_.empty()) {
      if (!first_.back()) current_ += ", ";
      first_.back() = false;
    }
  }
  void Key(std::string_view key, const SourceLocation& at) {
    Scalar(key, at);
    current_ += ": ";
  }
  void Scalar(std::string_view text, const SourceLocation& at) {
    lines_.back().spans.push_back({static_cast<int>(current_.size()) + 1, at});
    Quote(text, &current_);
  }
  void List(const std::vector<std::string>& items, const SourceLocation& at) {
    lines_.back().spans.push_back({static_cast<int>(current_.size()) + 1, at});
    current_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) current_ += ", ";
      Quote(items[i], &current_);
    }
    current_ += ']';
  }
  void Open(char bracket, const SourceLocation& at) {
    lines_.back().spans.push_back({static_cast<int>(current_.size()) + 1, at});
    current_ += bracket;
    first_.push_back(true);
  }
  void Close(char bracket) {
    current_ += bracket;
    first_.pop_back();
  }
  void Inline(std::string_view text) { current_ += text; }

  std::string Text() {
    Flush();
    return std::move(text_);
  }
  const std::vector<Line>& lines() const { return lines_; }

 private:
  void NewLine(const SourceLocation& row) {
    Flush();
    lines_.push_back({row, {}});
  }
  void Flush() {
    if (lines_.empty() || flushed_ == lines_.size()) return;
    text_ += current_;
    text_ += '\n';
    current_.clear();
    flushed_ = lines_.size();
  }

  std::string text_;
  std::string current_;
  std::vector<Line> lines_;
  std::size_t flushed_ = 0;
  std::vector<bool> first_;
};

struct CsvRow {
  SourceLocation where;                           // first cell of the row
  std::array<std::string, kColumns.size()> text;  // trimmed; "" if absent
  std::array<SourceLocation, kColumns.size()> at;
  std::string offer() const { return text[kOffer]; }
  std::string key() const { return text[kKey]; }
};

class CsvProfileTranslator {
 public:
  CsvProfileTranslator(const std::string& file, Diagnostics* diag)
      : file_(file), diag_(diag) {}

  // Returns false when the layout itself is broken (no YAML is made).
  bool ReadRows(const io::CsvTable& table) {
    if (table.rows.empty()) {
      diag_->Error({file_, 1, 1}, "",
                   "the file is empty; expected a header row: offer, key, "
                   "name, value, unit, per, unit-price, note");
      return false;
    }
    const std::vector<io::CsvCell>& header = table.rows.front();
    header_ = {file_, header.front().line, 1};
    std::array<int, kColumns.size()> index;
    index.fill(-1);
    bool ok = true;
    for (std::size_t k = 0; k < header.size(); ++k) {
      const std::string name(io::Trim(header[k].text));
      const SourceLocation at{file_, header[k].line, header[k].column};
      const auto it = std::find(kColumns.begin(), kColumns.end(), name);
      if (it == kColumns.end()) {
        std::string message = "unknown column \"" + name +
                              "\"; expected offer, key, name, value, unit, "
                              "per, unit-price or note";
        const std::string hint =
            io::Suggest(name, {"offer", "key", "name", "value", "unit", "per",
                               "unit-price", "note"});
        if (!hint.empty()) message += " (did you mean \"" + hint + "\"?)";
        diag_->Error(at, "header", message);
        ok = false;
        continue;
      }
      const auto c = static_cast<std::size_t>(it - kColumns.begin());
      if (index[c] >= 0) {
        diag_->Error(at, "header", "duplicate column \"" + name + "\"");
        ok = false;
        continue;
      }
      index[c] = static_cast<int>(k);
    }
    for (const Column required : {kKey, kValue}) {
      if (index[required] < 0) {
        diag_->Error(header_, "header",
                     "missing the " + std::string(kColumns[required]) +
                         " column; expected a header row: offer, key, name, "
                         "value, unit, per, unit-price, note");
        ok = false;
      }
    }
    if (!ok) return false;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
      const std::vector<io::CsvCell>& cells = table.rows[r];
      CsvRow row;
      row.where = {file_, cells.front().line, 1};
      const std::string_view first = io::Trim(cells.front().text);
      if (!first.empty() && first.front() == '#') continue;  // a comment
      if (cells.size() != header.size()) {
        diag_->Error(row.where, "",
                     "row has " + std::to_string(cells.size()) +
                         " values; the header has " +
                         std::to_string(header.size()) + " columns");
        ok = false;
        continue;
      }
      bool blank = true;
      for (std::size_t c = 0; c < kColumns.size(); ++c) {
        if (index[c] < 0) continue;
        const io::CsvCell& cell = cells[static_cast<std::size_t>(index[c])];
        row.text[c] = std::string(io::Trim(cell.text));
        row.at[c] = {file_, cell.line, cell.column};
        blank = blank && row.text[c].empty();
      }
      if (blank) continue;
      if (row.key().empty()) {
        diag_->Error(row.at[kKey], "",
                     "missing the key; expected a setting such as horizon, a "
                     "list such as prices, or an offer's cost such as price");
        ok = false;
        continue;
      }
      rows_.push_back(std::move(row));
    }
    return ok;
  }

  // Writes the profile as YAML; false if a row cannot be placed.
  bool Translate(Emitter* out) {
    bool ok = true;
    out->Element(header_);
    out->Open('{', header_);
    // Settings, then the keyed lists, then the offers in order of first
    // appearance.
    std::map<std::string, std::vector<const CsvRow*>> keyed;
    std::vector<std::string> keyed_order;
    std::vector<std::string> offer_order;
    std::map<std::string, std::vector<const CsvRow*>> offers;
    for (const CsvRow& row : rows_) {
      if (!row.offer().empty()) {
        if (offers.find(row.offer()) == offers.end()) {
          offer_order.push_back(row.offer());
        }
        offers[row.offer()].push_back(&row);
        continue;
      }
      const std::string key = row.key();
      if (key == "usage" || key == "prices" || key == "shadow-prices") {
        if (keyed.find(key) == keyed.end()) keyed_order.push_back(key);
        keyed[key].push_back(&row);
        continue;
      }
      if (key == "offers") {
        diag_->Error(row.at[kKey], "offers",
                     "offers are rows with the offer's id in the offer "
                     "column, not an offers row");
        ok = false;
        continue;
      }
      ok &= Only(row, key, {kValue});
      out->Element(row.where);
      out->Key(key, row.at[kKey]);
      out->Scalar(row.text[kValue], row.at[kValue]);
    }
    for (const std::string& key : keyed_order) {
      const std::vector<const CsvRow*>& list = keyed[key];
      out->Element(list.front()->where);
      out->Key(key, list.front()->at[kKey]);
      out->Open('{', list.front()->at[kKey]);
      for (const CsvRow* row : list) {
        const std::string path = key + "." + row->text[kName];
        if (row->text[kName].empty()) {
          diag_->Error(row->at[kName], key,
                       "missing the name; expected the name of the " +
                           std::string(key == "usage" ? "usage driver"
                                       : key == "prices"
                                           ? "priced item (e.g. electricity)"
                                           : "emission (e.g. co2)"));
          ok = false;
          continue;
        }
        ok &= Only(*row, path, {kName, kValue, kUnit, kNote});
        out->Element(row->where);
        out->Key(row->text[kName], row->at[kName]);
        out->Open('{', row->at[kName]);
        Value(*row, key == "usage" ? "quantity" : "price", key == "usage", out,
              true);
        Field(*row, kUnit, "unit", out);
        Field(*row, kNote, "source", out);
        out->Close('}');
      }
      out->Close('}');
    }
    if (!offer_order.empty()) {
      const CsvRow& first = *offers[offer_order.front()].front();
      out->Element(first.where);
      out->Key("offers", first.at[kOffer]);
      out->Open('[', first.at[kOffer]);
      for (const std::string& id : offer_order) {
        ok &= Offer(id, offers[id], out);
      }
      out->Close(']');
    }
    out->Close('}');
    return ok;
  }

 private:
  // Errors for filled cells in columns a row's key does not read.
  bool Only(const CsvRow& row, const std::string& path,
            std::initializer_list<Column> allowed) {
    bool ok = true;
    for (std::size_t c = 0; c < kColumns.size(); ++c) {
      const auto col = static_cast<Column>(c);
      if (col == kOffer || col == kKey || row.text[c].empty()) continue;
      if (std::find(allowed.begin(), allowed.end(), col) != allowed.end()) {
        continue;
      }
      std::string read;
      for (const Column a : allowed) {
        read += (read.empty() ? "" : ", ") + std::string(kColumns[a]);
      }
      diag_->Error(row.at[c], path,
                   "the " + std::string(kColumns[c]) +
                       " column is not read on a " + row.key() +
                       " row; this row reads " + read);
      ok = false;
    }
    return ok;
  }

  // The value column as `key`: a list when `yearly` and it holds several
  // space-separated numbers.
  void Value(const CsvRow& row, std::string_view key, bool yearly, Emitter* out,
             bool first = false) {
    const std::string& text = row.text[kValue];
    if (!first) out->Inline(", ");
    out->Key(key, row.at[kValue]);
    const std::vector<std::string> parts =
        yearly ? SplitYearly(text) : std::vector<std::string>{};
    if (parts.size() > 1) {
      out->List(parts, row.at[kValue]);
    } else {
      out->Scalar(text, row.at[kValue]);
    }
  }

  void Field(const CsvRow& row, Column column, std::string_view key,
             Emitter* out) {
    if (row.text[column].empty()) return;
    out->Inline(", ");
    out->Key(key, row.at[column]);
    out->Scalar(row.text[column], row.at[column]);
  }

  bool Offer(const std::string& id, const std::vector<const CsvRow*>& rows,
             Emitter* out) {
    bool ok = true;
    const std::string path = "offers[" + id + "]";
    out->Element(rows.front()->where);
    out->Open('{', rows.front()->at[kOffer]);
    out->Element(rows.front()->where);
    out->Key("id", rows.front()->at[kOffer]);
    out->Scalar(id, rows.front()->at[kOffer]);
    std::map<std::string, std::vector<const CsvRow*>> lists;
    std::vector<std::string> list_order;
    for (const CsvRow* row : rows) {
      const std::string key = row->key();
      if (key == "operating" || key == "emissions" || key == "includes") {
        if (lists.find(key) == lists.end()) list_order.push_back(key);
        lists[key].push_back(row);
        continue;
      }
      if (key == "id") {
        diag_->Error(row->at[kKey], path + ".id",
                     "an offer's id is its offer column; remove this row");
        ok = false;
        continue;
      }
      const bool fee = key == "fee";
      ok &= fee ? Only(*row, path + "." + key, {kValue, kPer})
                : Only(*row, path + "." + key, {kValue});
      out->Element(row->where);
      if (fee && !row->text[kPer].empty()) {
        out->Key(key, row->at[kKey]);
        out->Open('{', row->at[kValue]);
        out->Element(row->where);
        out->Key("amount", row->at[kValue]);
        out->Scalar(row->text[kValue], row->at[kValue]);
        Field(*row, kPer, "per", out);
        out->Close('}');
        continue;
      }
      out->Key(key, row->at[kKey]);
      const std::vector<std::string> parts =
          Yearly(key) ? SplitYearly(row->text[kValue])
                      : std::vector<std::string>{};
      if (parts.size() > 1) {
        out->List(parts, row->at[kValue]);
      } else {
        out->Scalar(row->text[kValue], row->at[kValue]);
      }
    }
    for (const std::string& key : list_order) {
      const std::vector<const CsvRow*>& list = lists[key];
      out->Element(list.front()->where);
      out->Key(key, list.front()->at[kKey]);
      out->Open('[', list.front()->at[kKey]);
      for (std::size_t i = 0; i < list.size(); ++i) {
        const CsvRow& row = *list[i];
        const std::string here =
            path + "." + key + "[" + std::to_string(i) + "]";
        out->Element(row.where);
        if (key == "includes") {
          ok &= Only(row, here, {kValue});
          out->Scalar(row.text[kValue], row.at[kValue]);
          continue;
        }
        ok &= key == "operating"
                  ? Only(row, here,
                         {kName, kValue, kUnit, kPer, kUnitPrice, kNote})
                  : Only(row, here, {kName, kValue, kUnit, kPer, kNote});
        out->Open('{', row.where);
        out->Key("name", row.at[kName]);
        out->Scalar(row.text[kName], row.at[kName]);
        Value(row, "quantity", true, out);
        Field(row, kUnit, "unit", out);
        Field(row, kPer, "per", out);
        Field(row, kUnitPrice, "unit-price", out);
        Field(row, kNote, "note", out);
        out->Close('}');
      }
      out->Close(']');
    }
    out->Element(rows.front()->where);
    out->Close('}');
    return ok;
  }

  std::string file_;
  Diagnostics* diag_;
  SourceLocation header_;
  std::vector<CsvRow> rows_;
};

// Moves a diagnostic from a position in the generated YAML to the CSV cell
// that produced it.
SourceLocation MapBack(const std::vector<Emitter::Line>& lines,
                       const SourceLocation& at) {
  if (at.line < 1 || static_cast<std::size_t>(at.line) > lines.size()) {
    return at;
  }
  const Emitter::Line& line = lines[static_cast<std::size_t>(at.line - 1)];
  const Emitter::Span* best = nullptr;
  for (const Emitter::Span& s : line.spans) {
    if (s.column <= at.column) best = &s;
  }
  return best ? best->at : line.row;
}

}  // namespace

Result<CostProfile> ParseCostProfileCsv(std::string_view text,
                                        const std::string& file_name,
                                        const CostProfileOptions& options) {
  Diagnostics diag;
  Result<CostProfile> out;
  if (text.size() > options.max_bytes) {
    diag.Error({file_name, 0, 0}, "",
               "file is " + std::to_string(text.size()) +
                   " bytes; the limit for a cost profile is " +
                   std::to_string(options.max_bytes) + " bytes");
    out.diagnostics = diag.Take();
    return out;
  }
  io::CsvTable table;
  if (!io::ParseCsv(text, file_name, &diag, &table)) {
    io::CapErrors(&diag, file_name, options.max_errors);
    out.diagnostics = diag.Take();
    return out;
  }
  CsvProfileTranslator translator(file_name, &diag);
  Emitter emitter;
  if (!translator.ReadRows(table) || !translator.Translate(&emitter)) {
    io::CapErrors(&diag, file_name, options.max_errors);
    out.diagnostics = diag.Take();
    return out;
  }
  const std::string yaml = emitter.Text();
  CostProfileOptions inner = options;
  inner.max_bytes = std::max(options.max_bytes, yaml.size());
  Result<CostProfile> parsed = ParseCostProfile(yaml, file_name, inner);
  for (Diagnostic& d : parsed.diagnostics) {
    if (d.where.file == file_name) {
      d.where = MapBack(emitter.lines(), d.where);
    }
    diag.Add(std::move(d));
  }
  if (parsed.value) {
    // Positions kept in the profile point at the CSV too.
    CostProfile& p = *parsed.value;
    const auto back = [&](SourceLocation* at) {
      if (at->file == file_name) *at = MapBack(emitter.lines(), *at);
    };
    for (UsageDriver& u : p.usage) back(&u.where);
    for (CostPrice& c : p.prices) back(&c.where);
    for (CostPrice& c : p.shadow_prices) back(&c.where);
    for (CostOffer& o : p.offers) {
      back(&o.where);
      for (CostLine& l : o.lines) back(&l.where);
    }
    parsed.value->source = file_name;
    parsed.value->sha256 = io::Sha256Hex(text);
    if (!diag.HasErrors()) out.value = std::move(parsed.value);
  }
  io::CapErrors(&diag, file_name, options.max_errors);
  out.diagnostics = diag.Take();
  return out;
}

}  // namespace circa
