// Helpers to read YAML while keeping source positions. The readers walk
// circa's own tree (io/yaml_tree.h); yaml-cpp's exceptions stop here and
// become diagnostics. (yaml-cpp stays included for the few callers that
// still build or load YAML::Node themselves.)
#ifndef CIRCA_ENGINE_IO_YAML_NODE_H_
#define CIRCA_ENGINE_IO_YAML_NODE_H_

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"
#include "io/yaml_tree.h"
#include "util/suggest.h"

namespace circa::io {

// How a file is written; only changes how trailing content is named.
enum class YamlSyntax { kYaml, kJson };

// Reads YAML (or JSON) text as ONE document, after checking UTF-8. Returns
// nullopt (with located errors) on a syntax error, an empty document,
// binary data, a second document ("---", content after "..." or after a
// JSON value), a quote that is never closed (located at the quote), or a
// tag outside the YAML core schema (at most `max_errors` of those). A lone
// carriage return is a line break, as YAML 1.2 says.
// Plain valid files are read with libyaml, anything else with yaml-cpp as
// before; both give the same tree (engine/io/yaml_tree.h).
std::optional<YamlDocument> ParseYaml(std::string_view text,
                                      const std::string& file,
                                      Diagnostics* diag,
                                      YamlSyntax syntax = YamlSyntax::kYaml,
                                      int max_errors = 50);

// ParseYaml always through yaml-cpp (as before libyaml), for the test that
// compares both readings.
std::optional<YamlDocument> ParseYamlWithYamlCpp(std::string_view text,
                                                 const std::string& file,
                                                 Diagnostics* diag);

// map[key] without yaml-cpp's cost for an absent key (it formats the key
// through a std::stringstream, for a message no reader shows): the value,
// or an undefined node (IsDefined() false) when `map` has no such key. A
// node that is not a map is subscripted as by operator[].
YamlNode MapValue(const YamlNode& map, std::string_view key);
YAML::Node MapValue(const YAML::Node& map, std::string_view key);

// Reads YAML fields of one file, adding diagnostics with file positions.
class YamlReader {
 public:
  YamlReader(std::string file, Diagnostics* diag)
      : file_(std::move(file)), diag_(diag) {}

  SourceLocation Where(const YamlNode& node) const;
  void Error(const YamlNode& node, const std::string& path,
             std::string message) const;
  void Warning(const YamlNode& node, const std::string& path,
               std::string message) const;

  // Errors for keys not in `allowed` (with a suggestion) and duplicate keys.
  void CheckKeys(const YamlNode& map, const std::string& path,
                 std::initializer_list<std::string_view> allowed) const;

  // Each Get returns nullopt and reports when the value has the wrong shape;
  // Required* also report a missing key (at the parent map's position).
  std::optional<std::string> String(const YamlNode& map, std::string_view key,
                                    const std::string& path,
                                    bool required) const;
  std::optional<double> Number(const YamlNode& map, std::string_view key,
                               const std::string& path, bool required) const;
  std::optional<bool> Bool(const YamlNode& map, std::string_view key,
                           const std::string& path) const;
  // A scalar node as a number; reports "expected <what>".
  std::optional<double> NumberOf(const YamlNode& node, const std::string& path,
                                 std::string_view what) const;

  const std::string& file() const { return file_; }
  Diagnostics* diag() const { return diag_; }

 private:
  std::string file_;
  Diagnostics* diag_;
};

// "a map", "a list", "\"-5\"": how a node is named in an error message.
std::string Describe(const YamlNode& node);

// Joins a path and a key: Join("criteria[2]", "weight").
std::string Join(const std::string& path, std::string_view key);

// "Did you mean" (engine/util/suggest.h), which lived here before.
using util::Suggest;

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_YAML_NODE_H_
