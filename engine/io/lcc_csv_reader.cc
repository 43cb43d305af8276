// Cost profiles written as CSV (docs/lcc.md, "CSV layout"): one row per
// setting, price or cost line. The rows fill the format-neutral CostValue
// tree (io/cost_profile_input.h) that the YAML reader fills too, each value
// at its CSV cell, and the one check both formats share
// (io/cost_profile_build.cc) turns it into the profile: one set of checks,
// one set of messages, positions at the CSV cells. Only what is particular
// to the layout (the header, a row's columns, where offers and lists go) is
// checked here.
#include <algorithm>
#include <array>
#include <map>
#include <memory>

#include "circa/lcc.h"
#include "io/cost_profile_input.h"
#include "io/csv.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "util/suggest.h"

namespace circa {
namespace {

using io::CostValue;
using io::CostValuePtr;

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

struct CsvRow {
  SourceLocation where;                           // first cell of the row
  std::array<std::string, kColumns.size()> text;  // trimmed; "" if absent
  std::array<SourceLocation, kColumns.size()> at;
  std::string offer() const { return text[kOffer]; }
  std::string key() const { return text[kKey]; }
  // The cell of `column`; the row's first cell when the header has no
  // such column.
  SourceLocation At(Column column) const {
    return at[column].line > 0 ? at[column] : where;
  }
};

std::shared_ptr<CostValue> NewValue(CostValue::Kind kind,
                                    const SourceLocation& where) {
  auto v = std::make_shared<CostValue>();
  v->kind = kind;
  v->where = io::PosOf(where);
  return v;
}

void Put(CostValue* map, const std::string& key, const SourceLocation& key_at,
         CostValuePtr value) {
  map->entries.push_back(
      {{CostValue::Kind::kText, key, io::PosOf(key_at)}, std::move(value)});
}

// A cell as text.
CostValuePtr Cell(const CsvRow& row, Column column) {
  return io::CostText(row.text[column], io::PosOf(row.At(column)));
}

// The value cell; a list when `yearly` and it holds several space-separated
// numbers (every one at the value cell).
CostValuePtr ValueCell(const CsvRow& row, bool yearly) {
  const std::vector<std::string> parts =
      yearly ? SplitYearly(row.text[kValue]) : std::vector<std::string>{};
  if (parts.size() <= 1) return Cell(row, kValue);
  auto list = NewValue(CostValue::Kind::kList, row.At(kValue));
  for (const std::string& part : parts) {
    list->items.push_back(io::CostText(part, io::PosOf(row.At(kValue))));
  }
  return list;
}

// A filled optional cell as `key` of `map`.
void PutCell(CostValue* map, const CsvRow& row, Column column,
             const std::string& key) {
  if (row.text[column].empty()) return;
  Put(map, key, row.At(column), Cell(row, column));
}

class CsvProfileRows {
 public:
  CsvProfileRows(const std::string& file, Diagnostics* diag)
      : file_(file), diag_(diag) {}

  // Returns false when the layout itself is broken (no profile is made).
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
            util::Suggest(name, {"offer", "key", "name", "value", "unit", "per",
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

  // Fills the profile tree; false if a row cannot be placed.
  bool Fill(CostValue* root) {
    bool ok = true;
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
      Put(root, key, row.At(kKey), Cell(row, kValue));
    }
    for (const std::string& key : keyed_order) {
      const std::vector<const CsvRow*>& list = keyed[key];
      auto section = NewValue(CostValue::Kind::kMap, list.front()->At(kKey));
      for (const CsvRow* row : list) {
        const std::string path = key + "." + row->text[kName];
        if (row->text[kName].empty()) {
          diag_->Error(row->At(kName), key,
                       "missing the name; expected the name of the " +
                           std::string(key == "usage" ? "usage driver"
                                       : key == "prices"
                                           ? "priced item (e.g. electricity)"
                                           : "emission (e.g. co2)"));
          ok = false;
          continue;
        }
        ok &= Only(*row, path, {kName, kValue, kUnit, kNote});
        auto entry = NewValue(CostValue::Kind::kMap, row->At(kName));
        Put(entry.get(), key == "usage" ? "quantity" : "price", row->At(kValue),
            ValueCell(*row, key == "usage"));
        PutCell(entry.get(), *row, kUnit, "unit");
        PutCell(entry.get(), *row, kNote, "source");
        Put(section.get(), row->text[kName], row->At(kName), std::move(entry));
      }
      Put(root, key, list.front()->At(kKey), std::move(section));
    }
    if (!offer_order.empty()) {
      const CsvRow& first = *offers[offer_order.front()].front();
      auto list = NewValue(CostValue::Kind::kList, first.At(kOffer));
      for (const std::string& id : offer_order) {
        ok &= Offer(id, offers[id], list.get());
      }
      Put(root, "offers", first.At(kOffer), std::move(list));
    }
    return ok;
  }

  const SourceLocation& header() const { return header_; }

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

  // One offer's rows as a map: its id, its settings in row order, then its
  // lists (operating, emissions, includes) in order of first appearance.
  bool Offer(const std::string& id, const std::vector<const CsvRow*>& rows,
             CostValue* offers) {
    bool ok = true;
    const std::string path = "offers[" + id + "]";
    const CsvRow& first = *rows.front();
    auto offer = NewValue(CostValue::Kind::kMap, first.At(kOffer));
    Put(offer.get(), "id", first.At(kOffer), Cell(first, kOffer));
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
      if (fee && !row->text[kPer].empty()) {
        // A usage-based fee: {amount, per}.
        auto usage_fee = NewValue(CostValue::Kind::kMap, row->At(kValue));
        Put(usage_fee.get(), "amount", row->At(kValue), Cell(*row, kValue));
        PutCell(usage_fee.get(), *row, kPer, "per");
        Put(offer.get(), key, row->At(kKey), std::move(usage_fee));
        continue;
      }
      Put(offer.get(), key, row->At(kKey), ValueCell(*row, Yearly(key)));
    }
    for (const std::string& key : list_order) {
      const std::vector<const CsvRow*>& list = lists[key];
      auto items = NewValue(CostValue::Kind::kList, list.front()->At(kKey));
      for (std::size_t i = 0; i < list.size(); ++i) {
        const CsvRow& row = *list[i];
        const std::string here =
            path + "." + key + "[" + std::to_string(i) + "]";
        if (key == "includes") {
          ok &= Only(row, here, {kValue});
          items->items.push_back(Cell(row, kValue));
          continue;
        }
        ok &= key == "operating"
                  ? Only(row, here,
                         {kName, kValue, kUnit, kPer, kUnitPrice, kNote})
                  : Only(row, here, {kName, kValue, kUnit, kPer, kNote});
        auto item = NewValue(CostValue::Kind::kMap, row.where);
        Put(item.get(), "name", row.At(kName), Cell(row, kName));
        Put(item.get(), "quantity", row.At(kValue), ValueCell(row, true));
        PutCell(item.get(), row, kUnit, "unit");
        PutCell(item.get(), row, kPer, "per");
        PutCell(item.get(), row, kUnitPrice, "unit-price");
        PutCell(item.get(), row, kNote, "note");
        items->items.push_back(std::move(item));
      }
      Put(offer.get(), key, list.front()->At(kKey), std::move(items));
    }
    offers->items.push_back(std::move(offer));
    return ok;
  }

  std::string file_;
  Diagnostics* diag_;
  SourceLocation header_;
  std::vector<CsvRow> rows_;
};

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
  CsvProfileRows rows(file_name, &diag);
  CostValue root;
  root.kind = CostValue::Kind::kMap;
  // A layout problem stops here: the profile's own checks would only
  // repeat it.
  if (rows.ReadRows(table)) {
    root.where = io::PosOf(rows.header());
    if (rows.Fill(&root)) {
      CostProfile p = io::BuildCostProfile(root, file_name, options, &diag);
      p.sha256 = io::Sha256Hex(text);
      if (!diag.HasErrors()) out.value = std::move(p);
    }
  }
  io::CapErrors(&diag, file_name, options.max_errors);
  out.diagnostics = diag.Take();
  return out;
}

}  // namespace circa
