// A cost profile as written, before any check: the one structure the YAML
// reader (io/lcc_reader.cc) and the CSV reader (io/lcc_csv_reader.cc) fill,
// and the one step that checks it and maps it to the LCC model
// (io/cost_profile_build.cc, docs/lcc.md). Every value keeps the position
// it was written at (a YAML node, a CSV cell), so one set of checks writes
// one set of messages with file:line:column and field path for both
// formats. The field path is not stored: the check step builds it as it
// walks (offers are named by id, "offers[A].operating[0].quantity"), the
// same way for both formats.
#ifndef CIRCA_ENGINE_IO_COST_PROFILE_INPUT_H_
#define CIRCA_ENGINE_IO_COST_PROFILE_INPUT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"
#include "circa/lcc.h"

namespace circa::io {

// Where a value is written in the file the tree was read from: 1-based
// line and column (a CSV cell's), 0:0 for the file as a whole. The file
// name is the tree's (BuildCostProfile's `file`), not repeated per value.
struct CostPos {
  int line = 0;
  int column = 0;
};
inline CostPos PosOf(const SourceLocation& at) { return {at.line, at.column}; }

// One value of a cost profile: text, a list or a map of named values.
// A value reached twice at one depth (a YAML alias) is shared, never
// copied, so an alias cannot multiply the profile's size.
struct CostValue {
  enum class Kind {
    kNull,  // written empty (YAML null, "~")
    kText,  // a scalar as written ("2000", "EUR/kWh", "" for an empty cell)
    kList,
    kMap,
  };
  // A map's key: its text, where it is written, and whether it is text at
  // all (a YAML key may be a list or a map, which the check step refuses).
  struct Key {
    Kind kind = Kind::kText;
    std::string text;
    CostPos where;
  };
  struct Entry {
    Key key;
    std::shared_ptr<const CostValue> value;
  };

  Kind kind = Kind::kNull;
  std::string text;  // kText
  CostPos where;     // the value's first character, or its CSV cell
  std::vector<std::shared_ptr<const CostValue>> items;  // kList
  std::vector<Entry> entries;  // kMap, in file order (duplicates kept)

  bool is_null() const { return kind == Kind::kNull; }
  bool is_text() const { return kind == Kind::kText; }
  bool is_list() const { return kind == Kind::kList; }
  bool is_map() const { return kind == Kind::kMap; }
  // The first entry named `key` of a map, or nullptr (also for a non-map).
  const CostValue* Find(std::string_view key) const;
};

using CostValuePtr = std::shared_ptr<const CostValue>;

// Levels of a tree a reader fills in full; a value deeper down keeps only
// its kind and position. The check reads seven levels (the root, offers,
// an offer, operating, an item, quantity, a year), so a message about a
// deeper value ("got a list") is the same; the cap keeps a YAML graph made
// deep or cyclic by aliases (&a [*a]) finite.
inline constexpr int kCostValueDepth = 16;

// A text value, for the readers.
CostValuePtr CostText(std::string text, CostPos where);

// Checks a filled profile (`root`, read from `file`) and maps it to the LCC
// model: every setting, usage driver, price and offer resolved to money per
// year. Every problem is added to *diag at the position of the value it
// concerns; the offers loop stops at options.max_errors.
CostProfile BuildCostProfile(const CostValue& root, const std::string& file,
                             const CostProfileOptions& options,
                             Diagnostics* diag);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_COST_PROFILE_INPUT_H_
