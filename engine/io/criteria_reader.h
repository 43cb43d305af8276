// Reading a criteria set's YAML into a CriteriaSet, one concern per file
// (io/criteria_reader_internal.h). Neither function touches the file system
// or validates: the loader (ParseCriteria, LoadCriteriaFile in
// criteria_reader.cc) resolves `extends:` on disk and validates the result.
#ifndef CIRCA_ENGINE_IO_CRITERIA_READER_H_
#define CIRCA_ENGINE_IO_CRITERIA_READER_H_

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "circa/criteria.h"
#include "circa/diagnostics.h"
#include "circa/load.h"
#include "io/yaml_tree.h"

namespace circa::io {

// A set written in full (no `extends:`), as read; nullopt when the root is
// not a map. Problems go to `diag` with their positions in `file`.
std::optional<CriteriaSet> ReadCriteriaSet(const io::YamlNode& root,
                                           const std::string& file,
                                           Diagnostics* diag,
                                           const LoadOptions& options);

// A derived set (docs/criteria-format.md, "Derived sets"): a pure function
// of its YAML and the validated `model` that `extends:` names. drop,
// override and add change a copy of the model; the set's own keys replace
// the model's.
std::optional<CriteriaSet> DeriveCriteriaSet(const io::YamlNode& root,
                                             const CriteriaSet& model,
                                             const std::string& file,
                                             Diagnostics* diag,
                                             const LoadOptions& options);
// The same from a yaml-cpp node (copied into circa's tree first).
std::optional<CriteriaSet> DeriveCriteriaSet(const YAML::Node& root,
                                             const CriteriaSet& model,
                                             const std::string& file,
                                             Diagnostics* diag,
                                             const LoadOptions& options);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_CRITERIA_READER_H_
