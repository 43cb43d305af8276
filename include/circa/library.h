// The model criteria library: directories of criteria sets (criteria/ in the
// source tree, share/circa/criteria when installed) that derived sets name
// in `extends:` and that `circa criteria list/show` read
// (docs/criteria-format.md, "Model sets" and "Derived sets").
#ifndef CIRCA_LIBRARY_H_
#define CIRCA_LIBRARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "circa/criteria.h"
#include "circa/diagnostics.h"

namespace circa {

// The directories searched, in order: $CIRCA_LIBRARY (a ':'-separated
// list) when set; otherwise the installed library (<prefix>/share/circa/
// criteria) and the source tree's criteria/ when they exist.
std::vector<std::string> DefaultLibraryDirs();

// Every *.yaml file directly in `dirs`, sorted by directory order, then
// file name. Missing directories are skipped.
std::vector<std::string> LibraryFiles(const std::vector<std::string>& dirs);

// "office-furniture@1.0.0" -> id and version; "office-furniture" -> id and
// an empty version. False when the text is not a library reference (a path:
// it contains '/' or ends in .yaml or .yml).
bool ParseModelReference(std::string_view text, std::string* id,
                         std::string* version);

// The file of model set `id` (at `version`, or the highest version when
// empty) in `dirs`. A set is found by the id and version written in it, not
// by its file name. Errors name what was searched and what was found.
Result<std::string> FindModelSet(const std::vector<std::string>& dirs,
                                 std::string_view id, std::string_view version);

// Compares dotted versions numerically ("1.10.0" > "1.9.2"); non-numeric
// parts compare as text. Negative, zero or positive.
int CompareVersions(std::string_view a, std::string_view b);

// A derived set's origins in words, one line each, for `circa validate`:
// the model, then every criterion, requirement and clause with its origin
// ("price (model, weight changed)", "repair_service (local)"), then what
// was dropped. Empty for a set that is not derived.
std::vector<std::string> DescribeOrigins(const CriteriaSet& set);

}  // namespace circa

#endif  // CIRCA_LIBRARY_H_
