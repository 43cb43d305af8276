// circa's YAML tree (engine/io/yaml_tree.cc): the libyaml reading must give
// exactly yaml-cpp's tree (kinds, text, tags, styles, positions) for every
// file it accepts, and leave every other file to yaml-cpp.
#include "io/yaml_tree.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/csv.h"
#include "io/file.h"
#include "io/yaml_node.h"

namespace circa::io {
namespace {

// Every YAML file of the repository: sets, samples, test data, fuzz seeds.
std::vector<std::filesystem::path> RepoYamlFiles() {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const char* dir : {"criteria", "samples", "tests", "docs", "bench"}) {
    const fs::path root = fs::path(CIRCA_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
        out.push_back(e.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads `text` both ways: when libyaml takes it, yaml-cpp must read the
// same tree; returns whether libyaml took it.
bool SameBothWays(const std::string& text, const std::string& name) {
  std::string storage;
  const std::string_view body = StripBom(text);
  int line = 0;
  int column = 0;
  if (!Utf8Problem(body, &line, &column).empty()) return false;
  const std::string_view source = LoneCrToLf(body, &storage);
  YamlDocument fast;
  if (!ParseYamlFast(source, &fast)) return false;
  Diagnostics diag;
  const std::optional<YamlDocument> slow =
      ParseYamlWithYamlCpp(text, name, &diag);
  EXPECT_TRUE(slow.has_value()) << name << ": libyaml read what yaml-cpp "
                                << "refuses";
  if (!slow) return true;
  std::string where;
  EXPECT_TRUE(SameYamlTree(fast, *slow, &where)) << name << " at " << where;
  return true;
}

TEST(YamlTreeTest, LibyamlReadsEveryRepositoryFileAsYamlCppDoes) {
  int fast = 0;
  int all = 0;
  for (const auto& path : RepoYamlFiles()) {
    ++all;
    if (SameBothWays(Slurp(path), path.string())) ++fast;
  }
  // Most files are plain block maps, read by libyaml.
  EXPECT_GT(all, 50);
  EXPECT_GT(fast, all / 2) << fast << " of " << all;
}

TEST(YamlTreeTest, EveryCriteriaSetTakesTheFastPath) {
  for (const auto& e : std::filesystem::directory_iterator(
           std::filesystem::path(CIRCA_SOURCE_DIR) / "criteria")) {
    if (e.path().extension() != ".yaml") continue;
    EXPECT_TRUE(SameBothWays(Slurp(e.path()), e.path().string())) << e.path();
  }
}

// Values left empty, nulls, quoting, block scalars, flow collections
// inside block ones, comments, CRLF, non-ASCII text before a value.
TEST(YamlTreeTest, EdgeCasesReadTheSame) {
  const std::vector<std::string> texts = {
      "a:\nb: ~\nc: null\nd: ''\ne: \"\"\nf: NULL\ng: Null\n",
      "- \n- x\n-\n  # comment\n- y\n-\n",
      "k:\n  - a: 1\n    b:\n  -\n  - [1, 2, {x: y}]\n  - {a: 1, b: 2}\n",
      "a: |\n  line\n  two\nb: >\n  folded\n  text\n\nc: 'it''s'\n",
      "d: \"esc \\t \\u00e9 \\N \\_\"\ne: plain text  # comment\n",
      "é: ünï\nname: \"€ 5\"\n  # x\nz:\n",
      "a: 1\r\nb:\r\n  - x\r\n  - y\r\n",
      "---\na: 1\nb: [x, y]\n",
      "top:\n  nested:\n    deeper: value\n  other:\nlast: 1\n",
      "list:\n- a\n- b\nnext: c\n",
      "multi: line\n  plain scalar\n  folded\nk: 'single\n  quoted'\n",
      "a: 0x1F\nb: 1e3\nc: true\nd: yes\ne: -.inf\n",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(text);
    EXPECT_TRUE(SameBothWays(text, "t.yaml"));
  }
}

// What libyaml leaves to yaml-cpp.
TEST(YamlTreeTest, AnythingUnusualIsLeftToYamlCpp) {
  for (const char* text :
       {"a: &x 1\nb: *x\n", "a: !!str 1\n", "{a: 1}\n", "text\n", "",
        "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.2\n---\na: 1\n",
        "a: \"open\n", "a: [1, 2\n", "a: 1\n a: 2\n", "a: x\xc2\x85y\n",
        "a: {b: , c: 2}\n", "a: [x:y]\n", "a: 1",
        // A byte-order mark past the start: libyaml skips one at the start
        // of a line, yaml-cpp reads it as text (found by fuzz_yaml_tree).
        "a:\n\xef\xbb\xbf\nb:\n", "a: x\xef\xbb\xbfy\n"}) {
    SCOPED_TRACE(text);
    YamlDocument doc;
    EXPECT_FALSE(ParseYamlFast(text, &doc));
  }
}

TEST(YamlTreeTest, NodesAnswerLikeYamlCpp) {
  YamlDocument doc;
  ASSERT_TRUE(ParseYamlFast("a: 1\nb: [x, 'y']\nc:\nd: {k: v}\n", &doc));
  EXPECT_TRUE(doc.IsMap());
  EXPECT_EQ(doc.size(), 4u);
  EXPECT_EQ(doc["a"].Scalar(), "1");
  EXPECT_EQ(doc["a"].Tag(), "?");
  EXPECT_EQ(doc["b"][1].Tag(), "!");
  EXPECT_EQ(doc["b"].Style(), YamlStyle::kFlow);
  EXPECT_EQ(doc.Style(), YamlStyle::kBlock);
  EXPECT_TRUE(doc["c"].IsDefined());
  EXPECT_TRUE(doc["c"].IsNull());
  EXPECT_EQ(doc["c"].Mark().line, 3);  // at the next key, as yaml-cpp
  EXPECT_FALSE(doc["missing"].IsDefined());
  EXPECT_FALSE(doc["b"][7].IsDefined());
  EXPECT_FALSE(doc["a"]["x"].IsDefined());
  EXPECT_EQ(doc["a"].size(), 0u);
  EXPECT_TRUE(YamlNode().IsDefined());
  EXPECT_TRUE(YamlNode().IsNull());
  EXPECT_TRUE(YamlNode().Mark().is_null());
  std::vector<std::string> keys;
  for (const auto& kv : doc) keys.push_back(kv.first.Scalar());
  EXPECT_THAT(keys, testing::ElementsAre("a", "b", "c", "d"));
  std::vector<std::string> items;
  for (const auto& item : doc["b"]) items.push_back(item.Scalar());
  EXPECT_THAT(items, testing::ElementsAre("x", "y"));
  int none = 0;
  for (const auto& item : doc["a"]) none += item.IsDefined() ? 1 : 0;
  EXPECT_EQ(none, 0);
}

// yaml-cpp's tree with a self-referencing alias converts without looping.
TEST(YamlTreeTest, ASelfReferencingAliasConvertsOnce) {
  const YamlDocument doc = FromYamlCpp(YAML::Load("a: &x [1, *x]\n"));
  ASSERT_TRUE(doc["a"].IsSequence());
  EXPECT_TRUE(doc["a"][1].is(doc["a"]));
}

}  // namespace
}  // namespace circa::io
