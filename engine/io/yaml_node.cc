#include "io/yaml_node.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "io/csv.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/yaml_tree.h"

namespace circa::io {
namespace {

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

bool CoreTag(const std::string& tag) {
  // "?" and "!" are the non-specific tags yaml-cpp gives untagged plain and
  // quoted values; "" an untagged empty value.
  static constexpr std::string_view kCore = "tag:yaml.org,2002:";
  if (tag.empty() || tag == "?" || tag == "!") return true;
  if (tag.compare(0, kCore.size(), kCore) != 0) return false;
  const std::string_view name = std::string_view(tag).substr(kCore.size());
  return name == "str" || name == "int" || name == "float" || name == "bool" ||
         name == "null" || name == "map" || name == "seq";
}

// A tag as people write it: "!!python/object" rather than yaml-cpp's
// "tag:yaml.org,2002:python/object".
std::string ShownTag(const std::string& tag) {
  static constexpr std::string_view kCore = "tag:yaml.org,2002:";
  std::string shown = tag.compare(0, kCore.size(), kCore) == 0
                          ? "!!" + tag.substr(kCore.size())
                          : tag;
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  for (char& ch : shown) {
    if (static_cast<unsigned char>(ch) >= 0x80) ch = '?';
  }
  return shown;
}

SourceLocation At(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

// The position of a quoted scalar's opening quote, given the position where
// its node starts (before any "!tag" or "&anchor"), or npos when the value
// is not quoted.
std::size_t OpeningQuote(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == '!' || text[pos] == '&')) {
    pos = text.find_first_of(" \t\r\n", pos);
    if (pos == std::string_view::npos) return pos;
    pos = text.find_first_not_of(" \t\r\n", pos);
    if (pos == std::string_view::npos) return pos;
  }
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) return pos;
  return std::string_view::npos;
}

// True if the quoted scalar opening at `quote` is closed before the end.
bool QuoteClosed(std::string_view text, std::size_t quote) {
  const char q = text[quote];
  for (std::size_t i = quote + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == q) {
      if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else {
        return true;
      }
    }
  }
  return false;
}

std::string NeverClosed(char quote) {
  return std::string(
             "invalid YAML: this quote is never closed; expected a closing ") +
         quote + " before the end of the file";
}

// 1-based line and column (in bytes) of a position.
SourceLocation Locate(std::string_view text, std::size_t at,
                      const std::string& file) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {file, line, static_cast<int>(at - line_start) + 1};
}

// Walks every node of the document once (a map or list reached again
// through an alias is walked once): makes every scalar (keys too) valid
// UTF-8, so that the readers and their messages never see a stray byte;
// reports tags outside the core schema; and finds the quoted scalar that
// starts last, the only one that can run to the end of the file unclosed
// (yaml-cpp accepts that silently when the file ends with a line break).
bool CheckNodes(const YAML::Node& root, std::string_view text,
                const std::string& file, int max_errors, Diagnostics* diag) {
  std::vector<YAML::Node> stack{root};
  std::set<std::pair<int, bool>> walked;
  std::set<int> tag_reported;
  std::vector<std::pair<YAML::Mark, std::string>> bad_tags;
  std::size_t last_quote = std::string_view::npos;
  int last_pos = -1;
  int errors = 0;
  while (!stack.empty()) {
    YAML::Node node = stack.back();
    stack.pop_back();
    const YAML::Mark mark = node.Mark();
    if (!CoreTag(node.Tag()) && tag_reported.insert(mark.pos).second) {
      bad_tags.push_back({mark, node.Tag()});
    }
    if (node.IsScalar()) {
      if (mark.pos > last_pos) {
        last_pos = mark.pos;
        last_quote = OpeningQuote(text, static_cast<std::size_t>(mark.pos));
      }
      std::string scalar = node.Scalar();
      if (RepairUtf8(&scalar)) node = scalar;
      continue;
    }
    if (!node.IsMap() && !node.IsSequence()) continue;
    if (!walked.emplace(mark.pos, node.IsMap()).second) continue;
    if (node.IsMap()) {
      for (const auto& kv : node) {
        stack.push_back(kv.first);
        stack.push_back(kv.second);
      }
    } else {
      for (const auto& item : node) stack.push_back(item);
    }
  }
  // In the order of the file, at most max_errors of them.
  std::sort(bad_tags.begin(), bad_tags.end(), [](const auto& a, const auto& b) {
    return a.first.pos < b.first.pos;
  });
  for (const auto& [mark, tag] : bad_tags) {
    if (++errors > max_errors) break;
    diag->Error(At(file, mark), "",
                "unsupported YAML tag \"" + ShownTag(tag) +
                    "\"; circa reads plain values (the core tags !!str, "
                    "!!int, !!float, !!bool, !!null, !!map and !!seq are "
                    "allowed)");
    if (errors == max_errors) {
      diag->Error({file, 0, 0}, "", TooManyErrors(max_errors));
    }
  }
  if (last_quote != std::string_view::npos && !QuoteClosed(text, last_quote)) {
    // After any tag or anchor, maybe on a later line.
    diag->Error(Locate(text, last_quote, file), "",
                NeverClosed(text[last_quote]));
    ++errors;
  }
  return errors == 0;
}

// True if a quote at `at` can open a quoted scalar: it starts the text or
// follows a space, a line break or a flow or block indicator.
bool CanOpen(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const char before = text[at - 1];
  return before == ' ' || before == '\t' || before == '\n' || before == '\r' ||
         before == '[' || before == '{' || before == ',' || before == ':';
}

// A YAML event handler that ignores every event: for parses that only
// count documents or look for where one starts.
class IgnoreEvents : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Parses events only, for at most `limit` documents, and returns how many
// documents it saw. Bounded because yaml-cpp 0.7 can report documents
// forever without consuming input on some malformed text (YAML::LoadAll
// never returns on such a file); throws what the parser throws.
int CountDocuments(const std::string& text, int limit) {
  IgnoreEvents ignore;
  std::istringstream in(text);
  YAML::Parser parser(in);
  int documents = 0;
  while (documents < limit && parser.HandleNextDocument(ignore)) ++documents;
  return documents;
}

// False only when `text`, whose first document is a block map or list,
// cannot hold a second document: YAML starts one only after a line that
// begins with "---" or "..." (YAML 1.2, 9.2), so such a file without either
// is read with one parse. JSON may have trailing content after its value,
// so it is always checked.
bool MayHoldSecondDocument(std::string_view text, YamlSyntax syntax) {
  if (syntax == YamlSyntax::kJson) return true;
  for (std::size_t start = 0; start < text.size();) {
    const std::string_view rest = text.substr(start);
    if (rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") return true;
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return false;
}

// True if the text before `at` holds no quoted scalar left open, so that a
// quote at `at` is not inside one. " ~" (a null) ends the text without a
// line break, after which yaml-cpp would accept an open quote.
bool NothingOpenBefore(std::string_view text, std::size_t at) {
  try {
    (void)CountDocuments(std::string(text.substr(0, at)) + " ~", 64);
  } catch (const YAML::Exception& e) {
    return e.msg != YAML::ErrorMsg::EOF_IN_SCALAR;
  }
  return true;
}

// yaml-cpp stopped at the end of the file: if a quoted scalar runs to the
// end, returns its opening quote. That quote is either the last '"' not
// escaped by a backslash, or the first of the last run of single quotes of
// odd length (inside single quotes a quote is doubled); a candidate counts
// if it can open a scalar and is not itself inside one. When both count,
// the later is right: the earlier one's scalar would have swallowed it.
std::size_t UnclosedQuote(std::string_view text) {
  std::size_t dq = std::string_view::npos;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] != '"') continue;
    std::size_t slashes = 0;
    while (slashes < i && text[i - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 0) {
      dq = i;
      break;
    }
  }
  std::size_t sq = std::string_view::npos;
  for (std::size_t i = text.size(); i-- > 0;) {
    if (text[i] != '\'') continue;
    std::size_t run_start = i;
    while (run_start > 0 && text[run_start - 1] == '\'') --run_start;
    if ((i - run_start + 1) % 2 == 1) {
      sq = run_start;
      break;
    }
    i = run_start;
  }
  const auto counts = [&](std::size_t at) {
    return at != std::string_view::npos && CanOpen(text, at) &&
           NothingOpenBefore(text, at);
  };
  const bool d = counts(dq);
  const bool s = counts(sq);
  if (d && s) return std::max(dq, sq);
  if (d) return dq;
  if (s) return sq;
  return std::string_view::npos;
}

// Records where the second document starts and stops the parser there.
class SecondDocument : public IgnoreEvents {
 public:
  struct Found {};

  void OnDocumentStart(const YAML::Mark& m) override {
    if (++documents_ == 2) {
      mark_ = m;
      throw Found{};
    }
  }

  const YAML::Mark& mark() const { return mark_; }

 private:
  int documents_ = 0;
  YAML::Mark mark_ = YAML::Mark::null_mark();
};

// True if `line` is the end-of-document marker "..." (a comment may follow).
bool DocumentEndMarker(std::string_view line) {
  return line.substr(0, 3) == "..." &&
         (line.size() == 3 ||
          line.find_first_not_of(" \t\r", 3) == std::string_view::npos ||
          line[line.find_first_not_of(" \t\r", 3)] == '#');
}

// The text holds more than one document: reports where the second starts.
// yaml-cpp builds every document in one pass (so a valid file is parsed
// once); this second pass, on the error path only, finds the first token
// of the second document: "---", or what follows "..." or a JSON value.
void ReportSecondDocument(const std::string& text, const std::string& file,
                          YamlSyntax syntax, Diagnostics* diag) {
  SecondDocument handler;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    // Found ends the loop at the second document; the bound guards against
    // a parser that reports documents without consuming input.
    for (int k = 0; k < 3 && parser.HandleNextDocument(handler); ++k) {
    }
  } catch (const SecondDocument::Found&) {
  } catch (const std::exception&) {
  }
  const YAML::Mark m = handler.mark();
  const SourceLocation where = At(file, m);
  const std::size_t pos =
      std::min(text.size(), static_cast<std::size_t>(std::max(0, m.pos)));
  if (m.is_null() || text.compare(pos, 3, "---") == 0) {
    diag->Error(where, "",
                "a second document starts here; circa reads one document "
                "per file (put it in a file of its own)");
    return;
  }
  // Content after "...": look back over blank and comment lines.
  const std::string_view all(text);
  std::size_t line_start = all.rfind('\n', pos == 0 ? 0 : pos - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  bool marker = false;
  if (all.substr(line_start, pos - line_start).find_first_not_of(" \t") ==
      std::string_view::npos) {
    while (line_start > 0) {
      const std::size_t end = line_start - 1;  // the '\n' before
      std::size_t start =
          end == 0 ? std::string_view::npos : all.rfind('\n', end - 1);
      start = start == std::string_view::npos ? 0 : start + 1;
      const std::string_view line = all.substr(start, end - start);
      const std::size_t first = line.find_first_not_of(" \t\r");
      if (first != std::string_view::npos && line[first] != '#') {
        marker = DocumentEndMarker(line);
        break;
      }
      line_start = start;
    }
  }
  if (marker) {
    diag->Error(where, "",
                "content after the end-of-document marker \"...\"; circa "
                "reads one document per file");
  } else if (syntax == YamlSyntax::kJson) {
    diag->Error(where, "",
                "content after the end of the JSON value; a file holds one "
                "JSON value");
  } else {
    diag->Error(where, "",
                "content after the end of the document; circa reads one "
                "document per file");
  }
}

}  // namespace

namespace {

// ParseYaml with yaml-cpp, on text already checked and with its lone CRs
// made line feeds: the reading every file had before libyaml, and still the
// one that names every mistake.
std::optional<YAML::Node> ParseYamlCpp(const std::string& source,
                                       const std::string& file,
                                       Diagnostics* diag, YamlSyntax syntax,
                                       int max_errors) {
  try {
    // The first document; a second one is looked for only where one can
    // start, with a bounded event parse (see CountDocuments).
    YAML::Node root = YAML::Load(source);
    // yaml-cpp also starts a new document after a flow collection or a
    // scalar at the top, without any marker: only a block map or list
    // rules that out.
    const bool block_root = (root.IsMap() || root.IsSequence()) &&
                            root.Style() == YAML::EmitterStyle::Block;
    if ((!block_root || MayHoldSecondDocument(source, syntax)) &&
        CountDocuments(source, 2) > 1) {
      ReportSecondDocument(source, file, syntax, diag);
      return std::nullopt;
    }
    if (!root.IsDefined() || root.IsNull()) {
      diag->Error({file, 1, 1}, "", "the file is empty; expected a YAML map");
      return std::nullopt;
    }
    if (!CheckNodes(root, source, file, std::max(1, max_errors), diag)) {
      return std::nullopt;
    }
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
    // A quote never closed swallows the rest of the file; yaml-cpp then
    // stops at the end ("illegal EOF in scalar", or a flow map or list
    // not closed), far from the mistake. Name the opening quote.
    const bool at_end = !e.mark.is_null() &&
                        source.find_first_not_of(
                            " \t\r\n", static_cast<std::size_t>(e.mark.pos)) ==
                            std::string::npos;
    if (e.msg == YAML::ErrorMsg::EOF_IN_SCALAR || at_end) {
      if (const std::size_t quote = UnclosedQuote(source);
          quote != std::string::npos) {
        diag->Error(Locate(source, quote, file), "",
                    NeverClosed(source[quote]));
        return std::nullopt;
      }
    }
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

// Both readers' steps: the BOM, the UTF-8 check and lone carriage returns;
// then libyaml when `fast` (a plain, valid file: several times faster than
// yaml-cpp, and the same tree), and otherwise yaml-cpp as before (with its
// messages), copied into the same kind of tree.
std::optional<YamlDocument> Parse(std::string_view text,
                                  const std::string& file, Diagnostics* diag,
                                  YamlSyntax syntax, int max_errors,
                                  bool fast) {
  text = StripBom(text);
  int line = 0;
  int column = 0;
  if (const std::string problem = Utf8Problem(text, &line, &column);
      !problem.empty()) {
    diag->Error({file, line, column}, "", problem);
    return std::nullopt;
  }
  // YAML 1.2 reads a lone carriage return (old Mac line endings) as a line
  // break; yaml-cpp does not. Same length, so every position stays.
  std::string storage;
  const std::string_view source = LoneCrToLf(text, &storage);
  if (fast && syntax == YamlSyntax::kYaml) {
    YamlDocument doc;
    if (ParseYamlFast(source, &doc)) return doc;
  }
  const std::optional<YAML::Node> root =
      ParseYamlCpp(std::string(source), file, diag, syntax, max_errors);
  if (!root) return std::nullopt;
  return FromYamlCpp(*root);
}

}  // namespace

std::optional<YamlDocument> ParseYaml(std::string_view text,
                                      const std::string& file,
                                      Diagnostics* diag, YamlSyntax syntax,
                                      int max_errors) {
  return Parse(text, file, diag, syntax, max_errors, /*fast=*/true);
}

std::optional<YamlDocument> ParseYamlWithYamlCpp(std::string_view text,
                                                 const std::string& file,
                                                 Diagnostics* diag) {
  return Parse(text, file, diag, YamlSyntax::kYaml, 50, /*fast=*/false);
}

YamlNode MapValue(const YamlNode& map, std::string_view key) {
  return map[key];
}

YAML::Node MapValue(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return map[std::string(key)];
  for (const auto& kv : map) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

SourceLocation YamlReader::Where(const YamlNode& node) const {
  // A missing key yields an invalid node whose Mark() throws.
  if (!node.IsDefined()) return {file_, 0, 0};
  const YamlMark m = node.Mark();
  if (m.is_null()) return {file_, 0, 0};
  return {file_, m.line + 1, m.column + 1};
}

void YamlReader::Error(const YamlNode& node, const std::string& path,
                       std::string message) const {
  diag_->Error(Where(node), path, std::move(message));
}

void YamlReader::Warning(const YamlNode& node, const std::string& path,
                         std::string message) const {
  diag_->Warning(Where(node), path, std::move(message));
}

void YamlReader::CheckKeys(
    const YamlNode& map, const std::string& path,
    std::initializer_list<std::string_view> allowed) const {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    const YamlNode& key = kv.first;
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

std::optional<std::string> YamlReader::String(const YamlNode& map,
                                              std::string_view key,
                                              const std::string& path,
                                              bool required) const {
  const YamlNode node = MapValue(map, key);
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

std::optional<double> YamlReader::NumberOf(const YamlNode& node,
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

std::optional<double> YamlReader::Number(const YamlNode& map,
                                         std::string_view key,
                                         const std::string& path,
                                         bool required) const {
  const YamlNode node = MapValue(map, key);
  if (!node.IsDefined() || node.IsNull()) {
    if (required) Error(map, Join(path, key), "missing; expected a number");
    return std::nullopt;
  }
  return NumberOf(node, Join(path, key), "a number");
}

std::optional<bool> YamlReader::Bool(const YamlNode& map, std::string_view key,
                                     const std::string& path) const {
  const YamlNode node = MapValue(map, key);
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
  }
  Error(node, Join(path, key), "expected true or false, got " + Describe(node));
  return std::nullopt;
}

std::string Describe(const YamlNode& node) {
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

}  // namespace circa::io
