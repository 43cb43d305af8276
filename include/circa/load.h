// Loading: files -> validated criteria sets and bid sets, with every problem
// reported at once. Nothing here throws on bad input.
#ifndef CIRCA_LOAD_H_
#define CIRCA_LOAD_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/bids.h"
#include "circa/criteria.h"
#include "circa/diagnostics.h"

namespace circa {

struct LoadOptions {
  // Larger files are refused before parsing (a criteria set is a few KiB).
  std::size_t max_criteria_bytes = 4u << 20;
  // Bid files may be large (analysts load 100,000 bids).
  std::size_t max_bids_bytes = 512u << 20;
  // Locale for bid numbers when the file declares none: "auto" accepts only
  // unambiguous numbers; "en" means decimal point; "nl-BE", "fr-BE", "de-BE",
  // "nl", "fr", "de" mean decimal comma.
  std::string locale = "auto";
  // Stop collecting after this many errors in one file.
  int max_errors = 50;
  // Criteria nested deeper than this are refused.
  int max_depth = 8;
  // A set with more criteria (groups and leaves) than this is refused: the
  // largest published sets hold a few hundred, and loading, scoring and
  // explaining cost time in proportion (docs/criteria-format.md, "Limits").
  int max_criteria = 10000;
  // Directories of the model criteria library, searched when a derived set
  // names its model by id (`extends: office-furniture@1.0.0`). Empty:
  // DefaultLibraryDirs() (circa/library.h).
  std::vector<std::string> library;
  // A derived set's model (`extends:`) must lie in one of the `library`
  // directories or in the directory tree of the top-level set (a path
  // neither absolute nor leaving it by `..` or a symlink). True lifts this
  // confinement (the CLI's --allow-outside).
  bool allow_outside = false;
  // Receives detail messages (detected delimiter, locale...). The library
  // logs nothing unless this is set.
  std::function<void(std::string_view)> log;

  // True if the options can be used; otherwise writes why to `why` (when
  // not null). The locale is checked where it is used (an unknown locale
  // is a diagnostic of the bid file).
  bool IsValid(std::string* why) const {
    const char* problem = max_criteria_bytes == 0
                              ? "max_criteria_bytes: must be > 0"
                          : max_bids_bytes == 0 ? "max_bids_bytes: must be > 0"
                          : max_errors < 1      ? "max_errors: must be >= 1"
                          : max_depth < 1       ? "max_depth: must be >= 1"
                          : max_criteria < 1    ? "max_criteria: must be >= 1"
                                                : nullptr;
    if (problem != nullptr && why != nullptr) *why = problem;
    return problem == nullptr;
  }
};

enum class BidsFormat { kCsv, kYaml, kJson };

// Criteria sets (YAML).
Result<CriteriaSet> LoadCriteriaFile(const std::string& path,
                                     const LoadOptions& options = {});
Result<CriteriaSet> ParseCriteria(std::string_view text,
                                  const std::string& file_name,
                                  const LoadOptions& options = {});

// Bids (CSV, YAML or JSON, chosen by extension), checked against `criteria`.
Result<BidSet> LoadBidsFile(const std::string& path,
                            const CriteriaSet& criteria,
                            const LoadOptions& options = {});
Result<BidSet> ParseBids(std::string_view text, const std::string& file_name,
                         BidsFormat format, const CriteriaSet& criteria,
                         const LoadOptions& options = {});

// A tender directory holds tender.yaml and one of bids.csv, bids.yaml,
// bids.json; optionally panel.csv and cost-profile.yaml (or .yml, .csv).
struct TenderPaths {
  std::string criteria;
  std::string bids;
  std::string panel;  // optional: evaluator panel scores (docs/panels.md)
  // optional: life-cycle cost profile for `from: lcc` criteria (docs/lcc.md)
  std::string cost_profile;
};
Result<TenderPaths> ResolveTenderDirectory(const std::string& directory);

// Parses a number as a bid file writes it. Returns false and sets *why when
// the text is not a number in `locale` or is ambiguous under "auto".
bool ParseLocaleNumber(std::string_view text, std::string_view locale,
                       double* value, std::string* why);
// Accepts yes/no/true/false/ja/nee/oui/non/1/0 in any case.
bool ParseYesNo(std::string_view text, bool* value);

}  // namespace circa

#endif  // CIRCA_LOAD_H_
