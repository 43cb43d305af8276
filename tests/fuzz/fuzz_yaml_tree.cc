// Fuzz target: the YAML reading itself (engine/io/yaml_tree.cc), on
// arbitrary bytes. Whatever libyaml's fast path accepts, yaml-cpp (the
// reading every file had before, and the one that still names every
// mistake) must accept too and give the same tree: kinds, text, tags,
// styles and positions. ParseYaml's answer is then that tree, and the
// bytes libyaml leaves alone still get ParseYaml's verdict without a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "io/csv.h"
#include "io/file.h"
#include "io/yaml_node.h"
#include "io/yaml_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  circa::Diagnostics diag;
  const auto parsed = circa::io::ParseYaml(text, "f.yaml", &diag);
  FUZZ_CHECK(parsed.has_value() != diag.HasErrors(),
             "a tree exactly when there is no error");

  const std::string_view body = circa::io::StripBom(text);
  int line = 0;
  int column = 0;
  if (!circa::io::Utf8Problem(body, &line, &column).empty()) return 0;
  std::string storage;
  const std::string_view source = circa::io::LoneCrToLf(body, &storage);
  circa::io::YamlDocument fast;
  if (!circa::io::ParseYamlFast(source, &fast)) return 0;
  circa::Diagnostics slow_diag;
  const auto slow = circa::io::ParseYamlWithYamlCpp(text, "f.yaml", &slow_diag);
  FUZZ_CHECK(slow.has_value(), "libyaml read what yaml-cpp refuses");
  std::string where;
  FUZZ_CHECK(circa::io::SameYamlTree(fast, *slow, &where),
             "libyaml and yaml-cpp differ at " + where);
  FUZZ_CHECK(parsed.has_value(), "ParseYaml refused what both read");
  return 0;
}
