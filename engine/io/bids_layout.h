// How a buyer's bid file is laid out, as the tender declares it under
// `bids:` (docs/bids-format.md, "Buyers' spreadsheets"): which header holds
// which column, which columns to keep out of scoring, the text encoding and
// the workbook sheet. Read by LoadTender from the criteria file.
#ifndef CIRCA_ENGINE_IO_BIDS_LAYOUT_H_
#define CIRCA_ENGINE_IO_BIDS_LAYOUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/load.h"

namespace circa::io {

class YamlNode;

struct BidsLayout {
  struct Mapping {
    std::string target;  // "bid", "supplier", a leaf id or a field
    std::string header;  // the header text as the spreadsheet spells it
    SourceLocation where;
  };
  std::vector<Mapping> columns;
  struct Ignored {
    std::string header;
    SourceLocation where;
  };
  std::vector<Ignored> ignore;
  std::string encoding;  // "" (UTF-8 or UTF-16 with a BOM) or "windows-1252"
  SourceLocation encoding_at;
  std::string sheet;  // a workbook's sheet; "" the first
};

// Reads the `bids:` part of the criteria file `text` (file name `file`);
// absent, an empty layout. Errors are added to *diag.
BidsLayout ReadBidsLayout(std::string_view text, const std::string& file,
                          const CriteriaSet& set, Diagnostics* diag);
// The same from the criteria file's parsed `root`.
BidsLayout ReadBidsLayout(const io::YamlNode& root, const std::string& file,
                          const CriteriaSet& set, Diagnostics* diag);

// LoadBidsFile with a layout; .xlsx and .ods files are read as workbooks.
// A non-empty `sheet` (--sheet) wins over layout.sheet.
Result<BidSet> LoadBidsWithLayout(const std::string& path,
                                  const CriteriaSet& criteria,
                                  const LoadOptions& options,
                                  const BidsLayout& layout);

// ParseBids for an in-memory workbook (.xlsx or .ods by `file`'s
// extension), and for CSV with a layout.
Result<BidSet> ParseWorkbookBids(std::string_view bytes,
                                 const std::string& file,
                                 const CriteriaSet& criteria,
                                 const LoadOptions& options,
                                 const BidsLayout& layout);
Result<BidSet> ParseCsvBidsWithLayout(std::string_view bytes,
                                      const std::string& file,
                                      const CriteriaSet& criteria,
                                      const LoadOptions& options,
                                      const BidsLayout& layout);

// LoadTender reading a workbook's `sheet` (the CLI's --sheet; "" keeps the
// tender's choice or the first sheet).
}  // namespace circa::io

namespace circa {
struct Tender;
struct TenderPaths;
Result<Tender> LoadTenderSheet(const TenderPaths& paths,
                               const LoadOptions& options,
                               const std::string& sheet);

// LoadCriteriaFile that also reads the file's `bids:` layout into *layout
// (its problems into *layout_diag) from the same parse, only when the set
// loads: parsing the file a second time for the layout took half the time
// of a 20,000-criterion tender (bench/RESULTS.md).
Result<CriteriaSet> LoadCriteriaFileAndLayout(const std::string& path,
                                              const LoadOptions& options,
                                              io::BidsLayout* layout,
                                              Diagnostics* layout_diag);
}  // namespace circa

#endif  // CIRCA_ENGINE_IO_BIDS_LAYOUT_H_
