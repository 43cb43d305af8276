// Criteria-set loader: the file read (size limit, YAML), `extends:`
// resolved on disk (model library, symlinks, cycles, depth), the set read by
// the concern readers (io/criteria_reader.h) and validated (validate/).
#include "io/criteria_reader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>

#include "circa/library.h"
#include "circa/load.h"
#include "io/bids_layout.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/yaml_node.h"
#include "validate/criteria_validator.h"

namespace circa {

namespace {

constexpr std::size_t kMaxModelDepth = 8;

// `layout`, when not null, receives the `bids:` layout of this file (the
// tender's own; a model's is never read), its problems `layout_diag`.
Result<CriteriaSet> ParseChain(std::string_view text,
                               const std::string& file_name,
                               const LoadOptions& options,
                               std::vector<std::string> chain,
                               io::BidsLayout* layout = nullptr,
                               Diagnostics* layout_diag = nullptr);

// Whether `file` (canonical) lies under the directory of `top` (the
// canonical top-level set of the chain: the tender's own tree) or under
// one of the library directories.
bool WithinModelRoots(const std::string& file, const std::string& top,
                      const std::vector<std::string>& library) {
  namespace fs = std::filesystem;
  const auto under = [&file](const fs::path& root) {
    std::error_code ec;
    const fs::path base = fs::canonical(root, ec);
    if (ec) return false;
    const fs::path rel = fs::path(file).lexically_relative(base);
    return !rel.empty() && *rel.begin() != "..";
  };
  if (under(fs::path(top).parent_path())) return true;
  return std::any_of(library.begin(), library.end(), under);
}

// A cheap look at a would-be model before it is read as one: a YAML map
// with a `circa` key. Anything else (a bid file, /etc/passwd) is refused
// without its parse errors, which would quote its content.
bool LooksLikeCriteriaSet(std::string_view text) {
  Diagnostics ignored;
  const std::optional<io::YamlDocument> root =
      io::ParseYaml(text, "", &ignored);
  return root && root->IsMap() && (*root)["circa"].IsDefined();
}

// The model a derived set names in `extends:` (a path relative to the
// derived file, or id@version from the library), loaded and validated.
// Its errors are reported in its own file, then once at `extends:`.
std::optional<CriteriaSet> LoadModel(const io::YamlNode& ext,
                                     const std::string& file_name,
                                     const LoadOptions& options,
                                     const std::vector<std::string>& chain,
                                     const io::YamlReader& r,
                                     Diagnostics* diag) {
  namespace fs = std::filesystem;
  if (!ext.IsScalar() || ext.Scalar().empty()) {
    r.Error(ext, "extends",
            "expected the model set to derive from: a path such as "
            "../criteria/office-furniture.yaml or a library id such as "
            "office-furniture@1.0.0, got " +
                io::Describe(ext));
    return std::nullopt;
  }
  const std::string text = ext.Scalar();
  std::string path;
  std::string id;
  std::string version;
  const std::vector<std::string> dirs =
      options.library.empty() ? DefaultLibraryDirs() : options.library;
  if (ParseModelReference(text, &id, &version)) {
    Result<std::string> found = FindModelSet(dirs, id, version);
    if (!found.value) {
      r.Error(ext, "extends",
              found.diagnostics.empty() ? "model set not found"
                                        : found.diagnostics.front().message);
      return std::nullopt;
    }
    path = *found.value;
  } else {
    const fs::path given(text);
    if (given.is_absolute() && !options.allow_outside) {
      r.Error(ext, "extends",
              "the model set is named by an absolute path; name it by "
              "library id (id@version) or by a path relative to this file "
              "within the tender's directory (or run with --allow-outside)");
      return std::nullopt;
    }
    path = given.is_absolute() ? given.string()
                               : (fs::path(file_name).parent_path() / given)
                                     .lexically_normal()
                                     .string();
  }
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec.value() == ELOOP) {
    r.Error(ext, "extends",
            "cannot read the model set " + path + ": a symbolic link loop");
    return std::nullopt;
  }
  // Symlinks followed, so that a link leading out is caught as well.
  const std::string canonical = fs::weakly_canonical(path, ec).string();
  const std::string key = ec ? path : canonical;
  if (!options.allow_outside && !WithinModelRoots(key, chain.front(), dirs)) {
    std::string roots =
        fs::path(chain.front()).parent_path().string() + " (the tender)";
    for (const std::string& dir : dirs) roots += ", " + dir;
    r.Error(ext, "extends",
            "the model set " + path +
                " lies outside the tender's directory and the model "
                "libraries (" +
                roots +
                "); copy it into a library (--library DIR) or run with "
                "--allow-outside");
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    r.Error(ext, "extends",
            "cannot read the model set " + path + ": " +
                (fs::exists(status) ? "not a regular file" : "no such file"));
    return std::nullopt;
  }
  if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
    std::string cycle;
    for (const std::string& f : chain) cycle += f + " -> ";
    r.Error(ext, "extends",
            "models extend each other in a cycle: " + cycle + key);
    return std::nullopt;
  }
  if (chain.size() >= kMaxModelDepth) {
    r.Error(ext, "extends",
            "models extend each other more than " +
                std::to_string(kMaxModelDepth) + " levels deep");
    return std::nullopt;
  }
  Diagnostics read;
  const auto bytes = io::ReadFile(path, options.max_criteria_bytes, &read);
  if (!bytes) {
    for (const Diagnostic& d : read.items()) {
      r.Error(ext, "extends", "cannot read the model set: " + d.message);
    }
    return std::nullopt;
  }
  std::vector<std::string> longer = chain;
  longer.push_back(key);
  if (!LooksLikeCriteriaSet(*bytes)) {
    // Its errors would quote its lines: say only what it is not.
    r.Error(ext, "extends",
            "the model set " + path +
                " is not a criteria set (a YAML map with circa: 1, id, "
                "version and criteria)");
    return std::nullopt;
  }
  Result<CriteriaSet> model = ParseChain(*bytes, path, options, longer);
  if (!model.value) {
    for (const Diagnostic& d : model.diagnostics) {
      if (d.severity == Severity::kError) diag->Add(d);
    }
    r.Error(ext, "extends",
            "the model set " + path +
                " has errors (listed above); fix it or derive from another "
                "model");
    return std::nullopt;
  }
  return std::move(model.value);
}

Result<CriteriaSet> ParseChain(std::string_view text,
                               const std::string& file_name,
                               const LoadOptions& options,
                               std::vector<std::string> chain,
                               io::BidsLayout* layout,
                               Diagnostics* layout_diag) {
  Diagnostics diag;
  Result<CriteriaSet> result;
  if (text.size() > options.max_criteria_bytes) {
    diag.Error({file_name, 0, 0}, "",
               "file is " + std::to_string(text.size()) +
                   " bytes; the limit for a criteria set is " +
                   std::to_string(options.max_criteria_bytes) + " bytes");
    result.diagnostics = diag.Take();
    return result;
  }
  const auto root = io::ParseYaml(text, file_name, &diag, io::YamlSyntax::kYaml,
                                  options.max_errors);
  if (root) {
    std::optional<CriteriaSet> set;
    if (root->IsMap() && root->operator[]("extends").IsDefined()) {
      if (chain.empty()) {
        std::error_code ec;
        const std::string self =
            std::filesystem::weakly_canonical(file_name, ec).string();
        chain.push_back(ec ? file_name : self);
      }
      const io::YamlReader r(file_name, &diag);
      if (const auto model = LoadModel((*root)["extends"], file_name, options,
                                       chain, r, &diag)) {
        set = io::DeriveCriteriaSet(*root, *model, file_name, &diag, options);
      }
    } else {
      set = io::ReadCriteriaSet(*root, file_name, &diag, options);
    }
    if (set && !io::ErrorsFull(diag, options.max_errors)) {
      validate::ValidateCriteria(&*set, &diag);
      set->source = file_name;
      set->sha256 = io::Sha256Hex(text);
      set->validated = !diag.HasErrors();
      if (set->validated && layout != nullptr) {
        *layout = io::ReadBidsLayout(*root, file_name, *set, layout_diag);
      }
      if (set->validated) result.value = std::move(set);
    }
  }
  io::CapErrors(&diag, file_name, options.max_errors);
  result.diagnostics = diag.Take();
  return result;
}

}  // namespace

Result<CriteriaSet> ParseCriteria(std::string_view text,
                                  const std::string& file_name,
                                  const LoadOptions& options) {
  return ParseChain(text, file_name, options, {});
}

Result<CriteriaSet> LoadCriteriaFile(const std::string& path,
                                     const LoadOptions& options) {
  Diagnostics diag;
  const auto text = io::ReadFile(path, options.max_criteria_bytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  return ParseCriteria(*text, path, options);
}

Result<CriteriaSet> LoadCriteriaFileAndLayout(const std::string& path,
                                              const LoadOptions& options,
                                              io::BidsLayout* layout,
                                              Diagnostics* layout_diag) {
  Diagnostics diag;
  const auto text = io::ReadFile(path, options.max_criteria_bytes, &diag);
  if (!text) return {std::nullopt, diag.Take()};
  return ParseChain(*text, path, options, {}, layout, layout_diag);
}

}  // namespace circa
