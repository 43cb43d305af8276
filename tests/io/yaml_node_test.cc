// ParseYaml (engine/io/yaml_node.cc): one document per file, quotes never
// closed, tags outside the core schema, lone carriage returns, and the one
// error cap every reader shares (engine/io/error_cap.h). Exact messages.
#include "io/yaml_node.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/error_cap.h"
#include "test_util.h"

namespace circa::io {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kSecond[] =
    "a second document starts here; circa reads one document per file (put "
    "it in a file of its own)";
constexpr char kAfterEnd[] =
    "content after the end-of-document marker \"...\"; circa reads one "
    "document per file";
constexpr char kAfterJson[] =
    "content after the end of the JSON value; a file holds one JSON value";
constexpr char kAfterDocument[] =
    "content after the end of the document; circa reads one document per "
    "file";
constexpr char kTagTail[] =
    "\"; circa reads plain values (the core tags !!str, !!int, !!float, "
    "!!bool, !!null, !!map and !!seq are allowed)";

std::string NeverClosed(char quote) {
  return std::string(
             "invalid YAML: this quote is never closed; expected a closing ") +
         quote + " before the end of the file";
}

// The messages of a text that must not load.
std::vector<std::string> Errors(std::string_view text,
                                YamlSyntax syntax = YamlSyntax::kYaml,
                                const std::string& file = "f.yaml") {
  Diagnostics diag;
  const auto root = ParseYaml(text, file, &diag, syntax);
  EXPECT_FALSE(root.has_value()) << text;
  return circa_test::Messages(diag.items());
}

YamlDocument Loads(std::string_view text) {
  Diagnostics diag;
  auto root = ParseYaml(text, "f.yaml", &diag);
  EXPECT_TRUE(root.has_value()) << circa_test::Describe(diag.items());
  EXPECT_THAT(diag.items(), IsEmpty());
  return root ? std::move(*root) : YamlDocument();
}

// ------------------------------------------------------ one document per file

// The repro d6: the cheapest bid sat in a second document and was dropped.
TEST(ParseYamlTest, ASecondDocumentIsAnErrorAtItsMarker) {
  EXPECT_THAT(Errors("bids:\n"
                     "  - {id: A, supplier: Alpha, price: 100, q: 5}\n"
                     "---\n"
                     "bids:\n"
                     "  - {id: B, supplier: Beta, price: 90, q: 9}\n"),
              ElementsAre(std::string("f.yaml:3:1: ") + kSecond));
}

TEST(ParseYamlTest, AnEmptySecondDocumentIsStillASecondDocument) {
  EXPECT_THAT(Errors("a: 1\n# more below\n--- # nothing\n"),
              ElementsAre(std::string("f.yaml:3:1: ") + kSecond));
  EXPECT_THAT(Errors("a: 1\n...\n---\nb: 2\n"),
              ElementsAre(std::string("f.yaml:3:1: ") + kSecond));
}

// The repro d6b: a list after "..." was ignored.
TEST(ParseYamlTest, ContentAfterTheEndMarkerIsAnErrorWhereItStarts) {
  EXPECT_THAT(Errors("bids:\n"
                     "  - {id: A, supplier: Alpha, price: 100, q: 5}\n"
                     "...\n"
                     "  - {id: B, supplier: Beta, price: 90, q: 9}\n"),
              ElementsAre(std::string("f.yaml:4:3: ") + kAfterEnd));
  EXPECT_THAT(Errors("a: 1\n... # end\n\n# note\nb: 2\n"),
              ElementsAre(std::string("f.yaml:5:1: ") + kAfterEnd));
}

// The repro d8: text after the JSON value was ignored.
TEST(ParseYamlTest, TrailingContentAfterAJsonValueIsAnError) {
  EXPECT_THAT(Errors("{\"bids\":[{\"id\":\"A\",\"price\":100}]} garbage {",
                     YamlSyntax::kJson, "b.json"),
              ElementsAre(std::string("b.json:1:35: ") + kAfterJson));
  EXPECT_THAT(Errors("{\"a\": 1}\n\n{\"a\": 2}\n", YamlSyntax::kJson, "b.json"),
              ElementsAre(std::string("b.json:3:1: ") + kAfterJson));
  EXPECT_THAT(Errors("{a: 1}\nb\n"),
              ElementsAre(std::string("f.yaml:2:1: ") + kAfterDocument));
}

TEST(ParseYamlTest, ALeadingMarkerAndATrailingEndMarkerAreFine) {
  EXPECT_EQ(Loads("---\na: 1\n")["a"].Scalar(), "1");
  EXPECT_EQ(Loads("# head\n--- # the document\na: 1\n...\n")["a"].Scalar(),
            "1");
  EXPECT_EQ(Loads("a: 1\n...\n# comment\n\n   \n")["a"].Scalar(), "1");
  EXPECT_EQ(Loads("{\"a\": 1}\n  \n")["a"].Scalar(), "1");
  // "---" and "..." inside values are not markers.
  EXPECT_EQ(Loads("a: \"x\n  --- y\"\nb: '...'\nc: |\n  ---\n")["c"].Scalar(),
            "---\n");
}

// ------------------------------------------------------ quotes never closed

// yaml-cpp accepts a double quote left open when the file ends with a line
// break (the rest of the file becomes the value), so a reader then reported
// keys missing at 1:1.
TEST(ParseYamlTest, AQuoteNeverClosedIsLocatedAtTheQuote) {
  EXPECT_THAT(Errors("id: x\ntitle: \"Office\nversion: 1\n"),
              ElementsAre("f.yaml:2:8: " + NeverClosed('"')));
  EXPECT_THAT(Errors("id: x\ntitle: 'it''s\nversion: 1\n"),
              ElementsAre("f.yaml:2:8: " + NeverClosed('\'')));
  EXPECT_THAT(Errors("a: !!str \"x\n"),
              ElementsAre("f.yaml:1:10: " + NeverClosed('"')));
  EXPECT_THAT(Errors("a: &name !!str\n  \"x\n"),
              ElementsAre("f.yaml:2:3: " + NeverClosed('"')));
}

// Without a final line break yaml-cpp reports the end of the file (or a
// flow map not closed there); the message names the opening quote.
TEST(ParseYamlTest, AQuoteNeverClosedAtTheEndOrInAFlowIsLocatedAtTheQuote) {
  EXPECT_THAT(Errors("- \"abc"),
              ElementsAre("f.yaml:1:3: " + NeverClosed('"')));
  EXPECT_THAT(Errors("a: 'x'\nb: \"it's"),
              ElementsAre("f.yaml:2:4: " + NeverClosed('"')));
  EXPECT_THAT(Errors("a: 'say \"hi"),
              ElementsAre("f.yaml:1:4: " + NeverClosed('\'')));
  EXPECT_THAT(Errors("bids:\n  - {id: A, supplier: \"Alpha, price: 1}\n"),
              ElementsAre("f.yaml:2:23: " + NeverClosed('"')));
  EXPECT_THAT(
      Errors("{\"a\":\"x\\\"\",\"b\":\"5}]}\n", YamlSyntax::kJson, "b.json"),
      ElementsAre("b.json:1:16: " + NeverClosed('"')));
}

TEST(ParseYamlTest, AFlowNotClosedWithoutAnOpenQuoteKeepsYamlCppsMessage) {
  EXPECT_THAT(Errors("{a: don't, b: \"x\"\n"),
              ElementsAre("f.yaml:2:1: invalid YAML: end of map flow not "
                          "found"));
}

// ------------------------------------------------------------------- tags

TEST(ParseYamlTest, TagsOutsideTheCoreSchemaAreRefusedInFileOrder) {
  EXPECT_THAT(
      Errors("a: !custom 1\nb: !!python/object:os.system x\n"
             "c: !<tag:example.com,2024:x> 3\n"),
      ElementsAre(
          std::string("f.yaml:1:4: unsupported YAML tag \"!custom") + kTagTail,
          std::string("f.yaml:2:4: unsupported YAML tag "
                      "\"!!python/object:os.system") +
              kTagTail,
          std::string("f.yaml:3:4: unsupported YAML tag "
                      "\"tag:example.com,2024:x") +
              kTagTail));
  // A %TAG directive cannot make "!!" mean something else.
  EXPECT_THAT(Errors("%TAG !! tag:evil.example:\n---\na: !!str 1\n"),
              ElementsAre(std::string("f.yaml:3:4: unsupported YAML tag "
                                      "\"tag:evil.example:str") +
                          kTagTail));
}

TEST(ParseYamlTest, CoreTagsAndTheNonSpecificTagAreAccepted) {
  const YamlDocument root = Loads(
      "a: !!str 1\nb: !!int 2\nc: !!float 3.5\nd: !!bool true\n"
      "e: !!null\nf: !!seq [1]\ng: !!map {x: 1}\nh: ! 5\n"
      "i: !<tag:yaml.org,2002:str> 6\n");
  EXPECT_EQ(root["a"].Scalar(), "1");
  EXPECT_EQ(root["h"].Scalar(), "5");
  EXPECT_EQ(root["i"].Scalar(), "6");
}

TEST(ParseYamlTest, TagErrorsStopAtTheCap) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "k" + std::to_string(i) + ": !x 1\n";
  Diagnostics diag;
  EXPECT_FALSE(ParseYaml(text, "f.yaml", &diag, YamlSyntax::kYaml, 3));
  EXPECT_THAT(
      circa_test::Messages(diag.items()),
      ElementsAre(
          std::string("f.yaml:1:5: unsupported YAML tag \"!x") + kTagTail,
          std::string("f.yaml:2:5: unsupported YAML tag \"!x") + kTagTail,
          std::string("f.yaml:3:5: unsupported YAML tag \"!x") + kTagTail,
          "f.yaml: too many errors; stopped after 3"));
}

// ----------------------------------------------------------- line endings

// Old Mac files end lines with a lone CR; YAML 1.2 reads that as a line
// break, yaml-cpp does not ("illegal map value" before).
TEST(ParseYamlTest, LoneCarriageReturnsAreLineBreaks) {
  const YamlDocument root = Loads("a: 1\rb:\r  - x\r  - y\r");
  EXPECT_EQ(root["a"].Scalar(), "1");
  ASSERT_TRUE(root["b"].IsSequence());
  EXPECT_EQ(root["b"][1].Scalar(), "y");
  EXPECT_EQ(root["b"][1].Mark().line, 3);
  EXPECT_THAT(Errors("a: 1\r---\rb: 2\r"),
              ElementsAre(std::string("f.yaml:2:1: ") + kSecond));
}

// -------------------------------------------------------------- error cap

TEST(ErrorCapTest, KeepsTheFirstErrorsAndEndsWithOneStopLine) {
  Diagnostics diag;
  diag.Warning({"f", 1, 1}, "", "w1");
  for (int i = 1; i <= 5; ++i) diag.Error({"f", i, 1}, "", "e");
  diag.Warning({"f", 9, 1}, "", "late warning");
  CapErrors(&diag, "f", 2);
  EXPECT_THAT(circa_test::Messages(diag.items()),
              ElementsAre("f:1:1: warning: w1", "f:1:1: e", "f:2:1: e",
                          "f: too many errors; stopped after 2"));
  EXPECT_EQ(diag.ErrorCount(), 3);
}

TEST(ErrorCapTest, AListAlreadyStoppedIsCutThereAndUnderTheCapIsKept) {
  Diagnostics diag;
  diag.Error({"f", 1, 1}, "", "e");
  diag.Error({"f", 0, 0}, "", TooManyErrors(1));
  diag.Error({"f", 2, 1}, "", "from a later stage");
  CapErrors(&diag, "f", 1);
  EXPECT_THAT(circa_test::Messages(diag.items()),
              ElementsAre("f:1:1: e", "f: too many errors; stopped after 1"));
  Diagnostics few;
  few.Error({"f", 1, 1}, "", "e");
  CapErrors(&few, "f", 1);
  EXPECT_THAT(circa_test::Messages(few.items()), ElementsAre("f:1:1: e"));
}

// --------------------------------------------------------------- MapValue

// MapValue is map[key] for a const map (without yaml-cpp's stringstream for
// every missing key): the first entry with that scalar key, an undefined
// node when there is none, and map[key]'s answer for anything not a map.
TEST(MapValueTest, AsConstIndexing) {
  const YAML::Node map = YAML::Load("{a: 1, b: [x], c: ~, 7: seven}");
  EXPECT_EQ(MapValue(map, "a").Scalar(), "1");
  EXPECT_TRUE(MapValue(map, "b").IsSequence());
  EXPECT_TRUE(MapValue(map, "c").IsDefined());
  EXPECT_TRUE(MapValue(map, "c").IsNull());
  EXPECT_EQ(MapValue(map, "7").Scalar(), "seven");
  EXPECT_FALSE(MapValue(map, "missing").IsDefined());
  EXPECT_FALSE(MapValue(map, "").IsDefined());
  for (const char* text : {"[a, b]", "~"}) {
    SCOPED_TRACE(text);
    const YAML::Node other = YAML::Load(text);
    EXPECT_FALSE(MapValue(other, "a").IsDefined());
    EXPECT_FALSE(other["a"].IsDefined());
  }
  // yaml-cpp refuses a key into a scalar; the readers check for a map first.
  const YAML::Node scalar = YAML::Load("text");
  EXPECT_THROW(MapValue(scalar, "a"), YAML::BadSubscript);
  EXPECT_THROW(scalar["a"], YAML::BadSubscript);
}

}  // namespace
}  // namespace circa::io
