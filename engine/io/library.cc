// Model criteria library lookup (include/circa/library.h).
#include "circa/library.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "io/file.h"
#include "io/yaml_node.h"

#ifndef CIRCA_INSTALLED_LIBRARY
#define CIRCA_INSTALLED_LIBRARY ""
#endif
#ifndef CIRCA_SOURCE_LIBRARY
#define CIRCA_SOURCE_LIBRARY ""
#endif

namespace circa {
namespace fs = std::filesystem;

namespace {

bool IsDirectory(const std::string& dir) {
  std::error_code ec;
  return !dir.empty() && fs::is_directory(dir, ec);
}

// id and version as written in a set, without validating the rest.
bool PeekIdVersion(const std::string& path, std::string* id,
                   std::string* version) {
  Diagnostics ignored;
  const auto text = io::ReadFile(path, 4u << 20, &ignored);
  if (!text) return false;
  // The same reader as every other YAML file: one document, core tags.
  const std::optional<io::YamlDocument> root =
      io::ParseYaml(*text, path, &ignored);
  if (!root || !root->IsMap() || !(*root)["id"].IsScalar()) return false;
  *id = (*root)["id"].Scalar();
  *version = (*root)["version"].IsScalar() ? (*root)["version"].Scalar() : "";
  return true;
}

}  // namespace

std::vector<std::string> DefaultLibraryDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("CIRCA_LIBRARY"); env && *env) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string_view part = rest.substr(0, colon);
      if (!part.empty()) dirs.emplace_back(part);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
    return dirs;
  }
  for (const std::string& dir : {std::string(CIRCA_INSTALLED_LIBRARY),
                                 std::string(CIRCA_SOURCE_LIBRARY)}) {
    if (IsDirectory(dir)) dirs.push_back(dir);
  }
  return dirs;
}

std::vector<std::string> LibraryFiles(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  for (const std::string& dir : dirs) {
    if (!IsDirectory(dir)) continue;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const fs::path& p = entry.path();
      if (entry.is_regular_file(ec) &&
          (p.extension() == ".yaml" || p.extension() == ".yml")) {
        files.push_back(p.string());
      }
    }
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  }
  return out;
}

bool ParseModelReference(std::string_view text, std::string* id,
                         std::string* version) {
  if (text.empty() || text.find('/') != std::string_view::npos) return false;
  const auto ends = [text](std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.substr(text.size() - suffix.size()) == suffix;
  };
  if (ends(".yaml") || ends(".yml")) return false;
  const std::size_t at = text.find('@');
  *id = std::string(text.substr(0, at));
  *version =
      at == std::string_view::npos ? "" : std::string(text.substr(at + 1));
  return !id->empty();
}

int CompareVersions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    const std::size_t da = a.find('.');
    const std::size_t db = b.find('.');
    const std::string_view pa = a.substr(0, da);
    const std::string_view pb = b.substr(0, db);
    const bool na =
        !pa.empty() && std::all_of(pa.begin(), pa.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
    const bool nb =
        !pb.empty() && std::all_of(pb.begin(), pb.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
    if (na && nb) {
      // Compare digit strings without overflow: longer (sans zeros) wins.
      const auto strip = [](std::string_view s) {
        while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
        return s;
      };
      const std::string_view sa = strip(pa);
      const std::string_view sb = strip(pb);
      if (sa.size() != sb.size()) return sa.size() < sb.size() ? -1 : 1;
      if (const int c = sa.compare(sb); c != 0) return c < 0 ? -1 : 1;
    } else if (const int c = pa.compare(pb); c != 0) {
      return c < 0 ? -1 : 1;
    }
    a = da == std::string_view::npos ? std::string_view() : a.substr(da + 1);
    b = db == std::string_view::npos ? std::string_view() : b.substr(db + 1);
  }
  return 0;
}

Result<std::string> FindModelSet(const std::vector<std::string>& dirs,
                                 std::string_view id,
                                 std::string_view version) {
  Result<std::string> result;
  std::string best;
  std::string best_version;
  std::vector<std::string> versions;
  for (const std::string& file : LibraryFiles(dirs)) {
    std::string fid;
    std::string fversion;
    if (!PeekIdVersion(file, &fid, &fversion) || fid != id) continue;
    versions.push_back(fversion);
    if (!version.empty()) {
      if (fversion == version && best.empty()) best = file;
      continue;
    }
    if (best.empty() || CompareVersions(fversion, best_version) > 0) {
      best = file;
      best_version = fversion;
    }
  }
  if (!best.empty()) {
    result.value = best;
    return result;
  }
  std::string searched;
  for (const std::string& dir : dirs) {
    if (!searched.empty()) searched += ", ";
    searched += dir;
  }
  if (searched.empty()) searched = "no library directory (set CIRCA_LIBRARY)";
  std::string message = "no model set \"" + std::string(id) + "\"";
  if (!version.empty()) message += " at version " + std::string(version);
  message += " in " + searched;
  if (!versions.empty()) {
    std::sort(versions.begin(), versions.end(),
              [](const std::string& x, const std::string& y) {
                return CompareVersions(x, y) < 0;
              });
    message += "; versions there:";
    for (const std::string& v : versions) message += " " + v;
  }
  result.diagnostics.push_back(
      Diagnostic{Severity::kError, {}, "extends", message});
  return result;
}

namespace {

std::string OriginWords(const std::string& id, const Origin& origin) {
  if (origin.kind == Origin::Kind::kLocal) return id + " (local)";
  if (origin.kind != Origin::Kind::kModel) return id;
  if (origin.changed.empty()) return id + " (model)";
  std::string changed;
  for (const std::string& field : origin.changed) {
    if (!changed.empty()) changed += ", ";
    changed += field;
  }
  return id + " (model, changed: " + changed + ")";
}

void CriteriaWords(const std::vector<Criterion>& list,
                   std::vector<std::string>* out) {
  for (const Criterion& c : list) {
    out->push_back(OriginWords(c.id, c.origin));
    CriteriaWords(c.children, out);
  }
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

}  // namespace

std::vector<std::string> DescribeOrigins(const CriteriaSet& set) {
  std::vector<std::string> lines;
  if (set.model_id.empty()) return lines;
  lines.push_back("derived from model " + set.model_id + " " +
                  set.model_version + " (" + set.model_source + ")");
  std::vector<std::string> criteria;
  CriteriaWords(set.criteria, &criteria);
  lines.push_back("criteria: " + JoinWords(criteria));
  if (!set.requirements.empty()) {
    std::vector<std::string> words;
    for (const Requirement& r : set.requirements) {
      words.push_back(OriginWords(r.id, r.origin));
    }
    lines.push_back("requirements: " + JoinWords(words));
  }
  if (!set.clauses.empty()) {
    std::vector<std::string> words;
    for (const Clause& c : set.clauses) {
      words.push_back(OriginWords(c.id, c.origin));
    }
    lines.push_back("clauses: " + JoinWords(words));
  }
  if (!set.dropped.empty()) {
    lines.push_back("dropped from the model: " + JoinWords(set.dropped));
  }
  return lines;
}

}  // namespace circa
