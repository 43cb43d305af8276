// The facilitator catalogue: write a criteria set back as YAML, compare two
// sets, check a model set's documentation (lint), list and summarise the
// model library. Pure functions of loaded sets; `circa criteria
// list|show|diff|lint` print what they return (docs/catalog.md).
#ifndef CIRCA_CATALOG_H_
#define CIRCA_CATALOG_H_

#include <string>
#include <string_view>
#include <vector>

#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/load.h"

namespace circa {

// ---------------------------------------------------------------- writer

struct WriteOptions {
  // For a derived set (model_id not empty): name each criterion's,
  // requirement's and clause's origin in a comment ("# from model
  // office-furniture 1.0.0", "# local", "# from model ..., changed:
  // weight"). `extends` is never written: the output is the effective set.
  bool origins = false;

  // True if the options can be used (always: every value is meaningful);
  // otherwise it would write why to `why`.
  bool IsValid(std::string* /*why*/) const { return true; }
};

// The whole set in the criteria-set format (docs/criteria-format.md): every
// key the reader accepts, numbers in their shortest exact form, so that
// ParseCriteria(WriteCriteriaYaml(set)) gives back an equal set.
std::string WriteCriteriaYaml(const CriteriaSet& set,
                              const WriteOptions& options = {});

// ---------------------------------------------------------------- diff

struct DiffEntry {
  enum class Kind {
    kAdded,       // in B only
    kRemoved,     // in A only
    kReweighted,  // effective weight in points changed
    kReruled,     // scoring rule or its parameters changed
    kRenamed,     // name changed
    kMoved,       // parent group changed
    kRetyped,     // price / cost / quality changed
    kChanged,     // anything else (documentation, conditions, set keys)
  };
  Kind kind = Kind::kChanged;
  // "set", "criterion", "requirement", "clause" or "source".
  std::string section;
  std::string id;       // empty for set-level changes
  std::string field;    // "weight", "rule", "version"...; empty: added/removed
  std::string before;   // as text; empty for added
  std::string after;    // as text; empty for removed
  std::string message;  // one line for people
};

std::string_view ToString(DiffEntry::Kind kind);

struct CriteriaDiff {
  std::string a;  // "file (id version)"
  std::string b;
  // Set-level changes first; then criteria in B's document order (changed
  // or added), then criteria only in A (in A's order); then requirements,
  // clauses and sources the same way.
  std::vector<DiffEntry> entries;

  bool empty() const { return entries.empty(); }
};

CriteriaDiff Diff(const CriteriaSet& a, const CriteriaSet& b);
std::string RenderDiffText(const CriteriaDiff& diff);
std::string RenderDiffJson(const CriteriaDiff& diff);  // schema circa.diff/1

// ---------------------------------------------------------------- lint

// A legal floor a model set is checked against (criteria/legal/floors.csv,
// docs/catalog.md "Legal floors"): an obligation the law already imposes (an
// award criterion with id `field` rewards it) or a legal minimum (a
// requirement condition, or a criterion's worst anchor or lowest step, on
// `field` below `min`).
struct LegalFloor {
  std::string id;
  std::string product_group;  // "*": every set
  bool obligation = false;    // false: a minimum
  std::string field;
  double min = 0;  // minimum only
  std::string unit;
  std::string in_force;  // date of effect, YYYY-MM-DD
  std::string law;       // the act
  std::string article;   // article, annex, point
  std::string url;
};

// Reads the floors table (CSV with the header id, product-group, kind,
// field, min, unit, in-force, law, article, url). Errors are located.
Result<std::vector<LegalFloor>> LoadLegalFloors(const std::string& file);

// legal/floors.csv in the first of DefaultLibraryDirs() that has one; ""
// when none has.
std::string DefaultLegalFloorsFile();

struct LintOptions {
  // The set's previous version (`--against`): an id it has that this set
  // lacks is an error unless this set's major version is higher. nullptr:
  // not checked.
  const CriteriaSet* previous = nullptr;
  // Languages every set, criterion, requirement and clause is labelled in.
  std::vector<std::string> languages = {"en", "nl"};
  // The legal floors to check against. nullptr: those of
  // DefaultLegalFloorsFile(), read once per Lint call (none when there is
  // no such file).
  const std::vector<LegalFloor>* legal_floors = nullptr;

  // At least one language, each a two-letter lowercase code.
  bool IsValid(std::string* why) const;
};

// Facilitator-quality checks beyond validation (docs/catalog.md, "Lint
// rules"). Missing documentation is a warning; an unknown source id and an
// id removed without a major version are errors. In document order.
std::vector<Diagnostic> Lint(const CriteriaSet& set,
                             const LintOptions& options = {});

// ---------------------------------------------------------------- library

struct LibraryEntry {
  std::string file;
  std::string id;
  std::string version;
  std::string title;
  std::string product_group;
  std::vector<Strategy> strategies;  // covered, in documentation order
  int criteria = 0;                  // leaf criteria
  // The file's first error when it does not load ("file:line:col: ...");
  // the other fields are then empty.
  std::string error;
};

// Every set in `dirs` (LibraryFiles), loaded with LoadCriteriaFile, sorted
// by id then version; with `group` not empty, only that product group
// (files that do not load are always listed).
std::vector<LibraryEntry> ListLibrary(const std::vector<std::string>& dirs,
                                      std::string_view group = "",
                                      const LoadOptions& options = {});
std::string RenderLibraryTable(const std::vector<LibraryEntry>& entries);
std::string RenderLibraryJson(const std::vector<LibraryEntry>& entries);

// ---------------------------------------------------------------- summary

// A readable summary of a set: the criteria tree with points, rule in
// words, unit, level, evidence, source and Dutch labels; requirements with
// their kind; clauses; sources.
std::string RenderSummary(const CriteriaSet& set);

}  // namespace circa

#endif  // CIRCA_CATALOG_H_
