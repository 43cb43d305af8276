#include "io/yaml_node.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/file.h"
#include "io/numbers.h"

namespace circa::io {
namespace {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diag + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      diag = up;
    }
  }
  return row[b.size()];
}

// yaml-cpp writes the escapes \N and \_ of a double-quoted scalar as the
// single Latin-1 bytes 0x85 and 0xA0, not as UTF-8. A byte that starts no
// valid UTF-8 sequence is read as Latin-1 and written as UTF-8 (U+0085,
// U+00A0), which is what the escape means.
bool RepairUtf8(std::string* text) {
  bool changed = false;
  std::string out;
  for (std::size_t i = 0; i < text->size();) {
    const std::size_t len = Utf8SequenceLength(*text, i);
    if (len > 0) {
      if (changed) out.append(*text, i, len);
      i += len;
      continue;
    }
    if (!changed) out.assign(*text, 0, i);
    changed = true;
    const auto b = static_cast<unsigned char>((*text)[i]);
    out += static_cast<char>(0xC0 | (b >> 6));
    out += static_cast<char>(0x80 | (b & 0x3F));
    ++i;
  }
  if (changed) *text = std::move(out);
  return changed;
}

// Makes every scalar of the document (keys too) valid UTF-8, so that the
// readers and their messages never see a stray byte. Iterative; a map or
// list reached again through an alias (same position) is walked once.
void RepairScalars(const YAML::Node& root) {
  std::vector<YAML::Node> stack{root};
  std::set<std::pair<int, bool>> walked;
  while (!stack.empty()) {
    YAML::Node node = stack.back();
    stack.pop_back();
    if (node.IsScalar()) {
      std::string text = node.Scalar();
      if (RepairUtf8(&text)) node = text;
      continue;
    }
    if (!node.IsMap() && !node.IsSequence()) continue;
    if (!walked.emplace(node.Mark().pos, node.IsMap()).second) continue;
    if (node.IsMap()) {
      for (const auto& kv : node) {
        stack.push_back(kv.first);
        stack.push_back(kv.second);
      }
    } else {
      for (const auto& item : node) stack.push_back(item);
    }
  }
}

}  // namespace

std::optional<YAML::Node> ParseYaml(std::string_view text,
                                    const std::string& file,
                                    Diagnostics* diag) {
  text = StripBom(text);
  int line = 0;
  int column = 0;
  if (const std::string problem = Utf8Problem(text, &line, &column);
      !problem.empty()) {
    diag->Error({file, line, column}, "", problem);
    return std::nullopt;
  }
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsDefined() || root.IsNull()) {
      diag->Error({file, 1, 1}, "", "the file is empty; expected a YAML map");
      return std::nullopt;
    }
    RepairScalars(root);
    return root;
  } catch (const YAML::DeepRecursion& e) {
    const int l = e.mark.is_null() ? 0 : e.mark.line + 1;
    const int c = e.mark.is_null() ? 0 : e.mark.column + 1;
    diag->Error({file, l, c}, "",
                "the document is nested too deeply (" +
                    std::to_string(e.depth()) +
                    " levels of lists or maps); circa's YAML files "
                    "(criteria sets, bids, cost profiles, AHP judgements) "
                    "are a few levels deep");
  } catch (const YAML::Exception& e) {
    const int l = e.mark.is_null() ? 0 : e.mark.line + 1;
    const int c = e.mark.is_null() ? 0 : e.mark.column + 1;
    // yaml-cpp may echo a single byte of a multi-byte character (e.g.
    // "unknown escape character"); keep messages valid UTF-8.
    std::string msg = e.msg;
    for (char& ch : msg) {
      if (static_cast<unsigned char>(ch) >= 0x80) ch = '?';
    }
    diag->Error({file, l, c}, "", "invalid YAML: " + msg);
  } catch (const std::exception& e) {
    diag->Error({file, 0, 0}, "", std::string("invalid YAML: ") + e.what());
  }
  return std::nullopt;
}

SourceLocation YamlReader::Where(const YAML::Node& node) const {
  // A missing key yields an invalid node whose Mark() throws.
  if (!node.IsDefined()) return {file_, 0, 0};
  const YAML::Mark m = node.Mark();
  if (m.is_null()) return {file_, 0, 0};
  return {file_, m.line + 1, m.column + 1};
}

void YamlReader::Error(const YAML::Node& node, const std::string& path,
                       std::string message) const {
  diag_->Error(Where(node), path, std::move(message));
}

void YamlReader::Warning(const YAML::Node& node, const std::string& path,
                         std::string message) const {
  diag_->Warning(Where(node), path, std::move(message));
}

void YamlReader::CheckKeys(
    const YAML::Node& map, const std::string& path,
    std::initializer_list<std::string_view> allowed) const {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const YAML::Node& key = kv.first;
    if (!key.IsScalar()) {
      Error(key, path, "expected a plain key, got " + Describe(key));
      continue;
    }
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second) {
      Error(key, Join(path, name), "duplicate key");
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string message = "unknown key";
      const std::string hint = Suggest(name, allowed);
      if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
      Error(key, Join(path, name), message);
    }
  }
}

std::optional<std::string> YamlReader::String(const YAML::Node& map,
                                              std::string_view key,
                                              const std::string& path,
                                              bool required) const {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) {
    if (required) Error(map, Join(path, key), "missing; expected a text value");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    Error(node, Join(path, key),
          "expected a text value, got " + Describe(node));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<double> YamlReader::NumberOf(const YAML::Node& node,
                                           const std::string& path,
                                           std::string_view what) const {
  double value = 0;
  if (!node.IsScalar() || !ParsePlainNumber(node.Scalar(), &value)) {
    Error(node, path,
          "expected " + std::string(what) + ", got " + Describe(node));
    return std::nullopt;
  }
  return value;
}

std::optional<double> YamlReader::Number(const YAML::Node& map,
                                         std::string_view key,
                                         const std::string& path,
                                         bool required) const {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) {
    if (required) Error(map, Join(path, key), "missing; expected a number");
    return std::nullopt;
  }
  return NumberOf(node, Join(path, key), "a number");
}

std::optional<bool> YamlReader::Bool(const YAML::Node& map,
                                     std::string_view key,
                                     const std::string& path) const {
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  Error(node, Join(path, key), "expected true or false, got " + Describe(node));
  return std::nullopt;
}

std::string Describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a map";
  if (node.IsSequence()) return "a list";
  std::string s = node.Scalar();
  if (s.size() > 40) {
    // Cut at a character boundary: never split a UTF-8 sequence.
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    s = s.substr(0, cut) + "...";
  }
  return "\"" + s + "\"";
}

std::string Join(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return path + "." + std::string(key);
}

std::string Suggest(std::string_view word,
                    std::initializer_list<std::string_view> options) {
  return Suggest(word,
                 std::vector<std::string>(options.begin(), options.end()));
}

std::string Suggest(std::string_view word,
                    const std::vector<std::string>& options) {
  // The edit distance takes time |word| x |option|, and both may be long
  // scalars of the same file (AHP criteria and judgement keys): a word
  // longer than any id or key gets no suggestion, and an option whose
  // length alone puts it too far away is skipped.
  constexpr std::size_t kMaxWord = 64;
  std::string best;
  if (word.size() > kMaxWord) return best;
  std::size_t best_distance = 3;  // at most two edits away
  for (const std::string& option : options) {
    const std::size_t gap = option.size() > word.size()
                                ? option.size() - word.size()
                                : word.size() - option.size();
    if (gap >= best_distance) continue;  // the distance is at least the gap
    const std::size_t d = EditDistance(word, option);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(option);
    }
  }
  return best;
}

}  // namespace circa::io
