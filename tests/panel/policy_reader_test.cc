// The panel policy reader (engine/io/policy_reader.cc): every key, and
// every bad value with its exact message and position.
#include "io/policy_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/yaml_node.h"
#include "test_util.h"

namespace circa {
namespace {

using circa_test::Messages;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Reads the value of `panel:` in `yaml` (a one-key document) at path
// "criteria[1].panel".
struct Read {
  std::optional<PanelPolicy> policy;
  std::vector<std::string> messages;
};

Read ReadPolicy(const std::string& yaml) {
  Diagnostics diag;
  const auto root = io::ParseYaml(yaml, "tender.yaml", &diag);
  EXPECT_TRUE(root.has_value());
  io::YamlReader r("tender.yaml", &diag);
  Read out;
  out.policy = panel::ReadPanelPolicy(r, (*root)["panel"], "criteria[1].panel");
  out.messages = Messages(diag.Take());
  return out;
}

TEST(PanelPolicyReaderTest, EveryKey) {
  const Read r = ReadPolicy(
      "panel:\n"
      "  aggregate: median\n"
      "  rationale: required\n"
      "  complete: true\n"
      "  disagreement: 2.5\n");
  EXPECT_THAT(r.messages, IsEmpty());
  ASSERT_TRUE(r.policy.has_value());
  EXPECT_EQ(r.policy->aggregate, PanelAggregate::kMedian);
  EXPECT_TRUE(r.policy->rationale_required);
  EXPECT_TRUE(r.policy->complete);
  EXPECT_EQ(r.policy->disagreement_limit, 2.5);
  EXPECT_EQ(r.policy->where.file, "tender.yaml");
  EXPECT_EQ(r.policy->where.line, 2);
  EXPECT_EQ(r.policy->where.column, 3);
}

TEST(PanelPolicyReaderTest, Defaults) {
  const Read r = ReadPolicy("panel: {}\n");
  EXPECT_THAT(r.messages, IsEmpty());
  ASSERT_TRUE(r.policy.has_value());
  EXPECT_EQ(r.policy->aggregate, PanelAggregate::kMean);
  EXPECT_FALSE(r.policy->rationale_required);
  EXPECT_FALSE(r.policy->complete);
  EXPECT_FALSE(r.policy->disagreement_limit.has_value());
  const Read c =
      ReadPolicy("panel: {aggregate: consensus, rationale: optional}\n");
  ASSERT_TRUE(c.policy.has_value());
  EXPECT_EQ(c.policy->aggregate, PanelAggregate::kConsensus);
  EXPECT_FALSE(c.policy->rationale_required);
}

TEST(PanelPolicyReaderTest, UnknownKeySuggests) {
  const Read r = ReadPolicy("panel: {agregate: mean, comlete: true}\n");
  EXPECT_FALSE(r.policy.has_value());
  EXPECT_THAT(r.messages,
              ElementsAre("tender.yaml:1:9: criteria[1].panel.agregate: "
                          "unknown key; did you mean \"aggregate\"?",
                          "tender.yaml:1:25: criteria[1].panel.comlete: "
                          "unknown key; did you mean \"complete\"?"));
}

TEST(PanelPolicyReaderTest, BadValues) {
  const Read r = ReadPolicy(
      "panel:\n"
      "  aggregate: average\n"
      "  rationale: yes\n"
      "  complete: maybe\n"
      "  disagreement: -1\n");
  EXPECT_FALSE(r.policy.has_value());
  EXPECT_THAT(
      r.messages,
      ElementsAre("tender.yaml:2:14: criteria[1].panel.aggregate: expected "
                  "mean, median or consensus, got \"average\"",
                  "tender.yaml:3:14: criteria[1].panel.rationale: expected "
                  "required or optional, got \"yes\"",
                  "tender.yaml:4:13: criteria[1].panel.complete: expected "
                  "true or false, got \"maybe\"",
                  "tender.yaml:5:17: criteria[1].panel.disagreement: expected "
                  "a spread >= 0 (largest minus smallest score), got \"-1\""));
}

TEST(PanelPolicyReaderTest, NotAMap) {
  const Read r = ReadPolicy("panel: mean\n");
  EXPECT_FALSE(r.policy.has_value());
  EXPECT_THAT(r.messages,
              ElementsAre("tender.yaml:1:8: criteria[1].panel: expected a "
                          "panel policy such as {aggregate: mean}, got "
                          "\"mean\""));
}

TEST(PanelPolicyReaderTest, DisagreementMustBeANumber) {
  const Read r = ReadPolicy("panel: {disagreement: [1]}\n");
  EXPECT_FALSE(r.policy.has_value());
  EXPECT_THAT(r.messages,
              ElementsAre("tender.yaml:1:23: criteria[1].panel.disagreement: "
                          "expected a number, got a list"));
}

}  // namespace
}  // namespace circa
