// WriteCriteriaYaml: reading what it writes gives an equal set, for every
// sample tender, every model set in criteria/ and hand-written sets that use
// every key; derived sets carry their origins as comments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "catalog/set_equal.h"
#include "circa/catalog.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

// Writes `set`, reads it back, and returns the differences.
std::vector<std::string> RoundTrip(const CriteriaSet& set,
                                   std::string* yaml = nullptr) {
  const std::string text = WriteCriteriaYaml(set);
  if (yaml) *yaml = text;
  const Result<CriteriaSet> again = ParseCriteria(text, "again.yaml");
  if (!again.ok()) {
    return {"does not read back:\n" + circa_test::Describe(again.diagnostics) +
            text};
  }
  return circa_test::SetDifferences(set, *again.value);
}

std::vector<std::string> Files() {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string dir : {"samples", "criteria"}) {
    const fs::path root = circa_test::SourcePath(dir);
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const fs::path& p = e.path();
      const bool sample =
          dir == std::string("samples") && p.filename() == "tender.yaml";
      const bool model = dir == std::string("criteria") &&
                         p.extension() == ".yaml" && p.parent_path() == root;
      if (sample || model) out.push_back(p.string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(WriteCriteriaYaml, RoundTripsEverySampleAndModelSet) {
  const std::vector<std::string> files = Files();
  ASSERT_FALSE(files.empty());
  int checked = 0;
  for (const std::string& file : files) {
    const Result<CriteriaSet> set = LoadCriteriaFile(file);
    if (!set.ok()) {
      ADD_FAILURE() << file << " does not load:\n"
                    << circa_test::Describe(set.diagnostics);
      continue;
    }
    std::string yaml;
    EXPECT_THAT(RoundTrip(*set.value, &yaml), IsEmpty()) << file << "\n"
                                                         << yaml;
    ++checked;
  }
  EXPECT_GE(checked, 6);
}

// Every key of the format, with text that needs quoting.
constexpr const char* kEverything = R"(circa: 1
id: every-key
version: "2.0"
title: "Everything: a set that uses every key"
labels: {en: "Everything: all keys", nl: Alles — élke sleutel}
description: "Line one\nline two, with \"quotes\" and # hash"
descriptions: {nl: "Regel één: met \"aanhalingstekens\"", fr: Ligne un}
publisher: City of Ghent
product-group: office-furniture
currency: SEK
scale: 140
weights: points
sources:
  - {id: eu-gpp-furniture, title: EU GPP furniture, publisher: European Commission, year: 2017, url: "https://example.org/gpp?x=1#a"}
criteria:
  - id: price
    type: price
    unit: SEK
    weight: [50, 70]
    labels: {en: Price, nl: Prijs}
    description: Total price.
    descriptions: {nl: Totale prijs., fr: "Prix total, hors TVA : 21 % en sus, et une description assez longue pour une ligne par langue"}
    source: eu-gpp-furniture AC1
    scoring: {rule: logarithmic, zero-at: 1.5, allow-negative: true}
  - id: tco
    type: cost
    weight: 20
    from: lcc
    scoring: {rule: linear-ceiling, ceiling: 123456.789}
  - id: quality
    name: Quality (overall)
    type: quality
    weight: [50, 70]
    min-score: "50%"
    panel: {aggregate: median, rationale: required, complete: true, disagreement: 2.5}
    criteria:
      - id: recycled
        unit: "%"
        weight: 0.1
        evidence: "EPD, or equivalent: a test report"
        level: core
        strategies: [recycled-content, next-loop]
        scoring: {rule: linear, worst: 60, best: 0.3}
      - id: co2
        weight: 10
        min-score: 2.5
        scoring: {rule: steps, better: lower, steps: [[0.1, 1], [2, 0.5], [1e6, 0]]}
      - id: repair
        weight: 30
        scoring: {rule: ratio-to-best, better: lower}
      - id: range
        weight: 1e-300
        scoring: {rule: linear-range}
      - id: plan
        weight: 19.8999999999999999
        scoring:
          rule: scale
          levels: {0: "null", 1: "yes", 2.5: "a: b", 3: '#3', 4: "- dash", 10: "Très bien, 10/10"}
          level-labels: {nl: {0: "nul: niets", 10: Zeer goed}, fr: {10: Très bien}}
requirements:
  - id: legal_wood
    kind: selection
    labels: {en: Legal wood, nl: Legaal hout}
    description: Wood from legal sources.
    descriptions: {nl: Hout uit legale bronnen.}
    evidence: FSC or PEFC, or equivalent
    level: comprehensive
    source: eu-gpp-furniture TS1
    strategies: [use-less]
    groups:
      - [{field: wood_label, one-of: [FSC, "PEFC, 2x"]}]
      - [{field: wood_equivalent, equals: yes}, {field: years, min: 2, max: 10.5}]
      - [{field: code, pattern: "A*-?"}, {field: n, equals: "007"}]
  - id: warranty
    conditions: [{field: years, min: 2}]
clauses:
  - id: take_back
    name: Take-back
    description: The supplier takes back the furniture at end of use.
    descriptions: {fr: Le fournisseur reprend le mobilier.}
    labels: {en: Take-back at end of use, nl: Terugname}
    evidence: contract clause
    level: core
    source: eu-gpp-furniture CPC2
    strategies: [next-loop]
  - id: report
max-pass: 3
rounding: {decimals: 3, apply: [totals]}
tie-break:
  - higher: quality
  - lower: price
  - earlier: submitted
  - draw: 9007199254740992
abnormally-low: {rule: rglcap-85, criterion: price, budget: 250000.5}
panel: {aggregate: consensus}
)";

TEST(WriteCriteriaYaml, RoundTripsEveryKey) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kEverything, "e.yaml");
  std::string yaml;
  EXPECT_THAT(RoundTrip(set, &yaml), IsEmpty()) << yaml;
  EXPECT_THAT(yaml, HasSubstr("  - id: price\n    labels: {en: Price, nl: "
                              "Prijs}\n    type: price\n"));
  // descriptions: one line when short, else one language per line.
  EXPECT_THAT(yaml, HasSubstr("    descriptions: {nl: Hout uit legale "
                              "bronnen.}\n"));
  EXPECT_THAT(yaml, HasSubstr("    descriptions:\n      fr: \"Prix total, "));
  EXPECT_EQ(set.descriptions.at("fr"), "Ligne un");
  EXPECT_THAT(yaml, HasSubstr("    weight: [50, 70]\n"));
  EXPECT_THAT(yaml, HasSubstr("    min-score: \"50%\"\n"));
  EXPECT_THAT(yaml, HasSubstr("        weight: 1e-300\n"));
  EXPECT_THAT(yaml, HasSubstr("        weight: 19.9\n"));
  EXPECT_THAT(yaml, HasSubstr("    from: lcc\n"));
  EXPECT_THAT(yaml, HasSubstr("            0: \"null\"\n"));
  EXPECT_THAT(yaml, HasSubstr("\n            2.5: \"a: b\"\n"));
  EXPECT_THAT(yaml, HasSubstr("version: 2.0\n"));
  EXPECT_THAT(yaml, Not(HasSubstr("extends")));
}

// The Belgian price examination and the anchor-source key come back as
// written.
TEST(WriteCriteriaYaml, RoundTripsBelgianPriceExaminationAndAnchorSource) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(R"(circa: 1
id: works
version: 1.0.0
title: Works
sources: [{id: m, title: model}]
abnormally-low: {rule: kb-2017-36, criterion: price, contract: fraud-sensitive-services}
criteria:
  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}
  - {id: q, type: quality, source: m, anchor-source: model, weight: 40, scoring: {rule: linear, worst: 0, best: 10}}
requirements:
  - {id: r, source: m, anchor-source: m item 4, conditions: [{field: q, min: 1}]}
)",
                                                      "w.yaml");
  std::string yaml;
  EXPECT_THAT(RoundTrip(set, &yaml), IsEmpty()) << yaml;
  EXPECT_THAT(yaml, HasSubstr("abnormally-low: {rule: kb-2017-36, criterion: "
                              "price, contract: fraud-sensitive-services}\n"));
  EXPECT_THAT(yaml, HasSubstr("    anchor-source: model\n"));
  EXPECT_THAT(yaml, HasSubstr("    anchor-source: m item 4\n"));
}

// An import skeleton's placeholders stay drafts through the writer.
TEST(WriteCriteriaYaml, RoundTripsDraft) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(R"(circa: 1
id: skeleton
version: "1"
title: Skeleton
criteria:
  - {id: price, type: price, weight: 60, draft: true, scoring: {rule: lowest-ratio}}
  - {id: q, type: quality, weight: 40, draft: false, scoring: {rule: linear, worst: 0, best: 10}}
)",
                                                      "s.yaml");
  std::string yaml;
  EXPECT_THAT(RoundTrip(set, &yaml), IsEmpty()) << yaml;
  EXPECT_THAT(yaml, HasSubstr("    draft: true\n"));
  EXPECT_EQ(yaml.find("draft: true"), yaml.rfind("draft: true"));
}

TEST(WriteCriteriaYaml, RoundTripsOrderWeightsAndPercent) {
  const CriteriaSet order =
      ParseCriteria(
          "circa: 1\nid: o\nversion: 1\ntitle: O\nweights: order\ncriteria:\n"
          "  - {id: q, type: quality, order: 2, criteria: [{id: a, order: 1, "
          "scoring: {rule: yes-no}}, {id: b, order: 2, scoring: {rule: "
          "yes-no}}]}\n"
          "  - {id: p, type: price, order: 1, scoring: {rule: "
          "percent-of-lowest}}\n",
          "o.yaml")
          .value.value();
  std::string yaml;
  EXPECT_THAT(RoundTrip(order, &yaml), IsEmpty()) << yaml;
  EXPECT_THAT(yaml, HasSubstr("weights: order\n"));
  EXPECT_THAT(yaml, HasSubstr("    order: 2\n"));

  const CriteriaSet percent = circa_test::ParseCriteriaOk(
      circa_test::ReadText(circa_test::SourcePath("samples/catering-nl/"
                                                  "tender.yaml")),
      "c.yaml");
  EXPECT_THAT(RoundTrip(percent), IsEmpty());
}

TEST(WriteCriteriaYaml, RoundTripsEveryMoneyMethod) {
  const std::string head =
      "circa: 1\nid: m\nversion: 1\ntitle: M\ncriteria:\n"
      "  - {id: price, type: price}\n";
  for (const std::string award :
       {"award:\n  method: fictitious-price\n  price: price\n  decimals: "
        "0\n  criteria:\n    - {id: plan, name: Delivery plan, value: "
        "2500, levels: {fully: 100, partially: 60.3, none: -7.7}}\n"
        "    - {id: kit, levels-in: amount, levels: {yes: 1000.25, no: "
        "0}}\n",
        "award:\n  method: ladder-discount\n  price: price\n  levels: "
        "{level 1: 5, level 2: 10.1, level 3: 15}\n",
        "award:\n  method: ladder-discount\n  price: price\n  column: "
        "ladder\n  name: CO2 ladder\n  levels-in: amount\n  levels: "
        "{a: 500, b: 1000}\n",
        "award:\n  method: environmental-cost\n  price: price\n  column: "
        "mki\n  name: MKI\n  factor: 0.7\n",
        "award:\n  method: prozorro-features\n  price: price\n  cap: "
        "0.25\n  features:\n    - {code: delivery, title: Delivery, "
        "enum: [{value: 0.1, title: fast}, {value: 0}]}\n"}) {
    const CriteriaSet set = circa_test::ParseCriteriaOk(head + award, "m.yaml");
    std::string yaml;
    EXPECT_THAT(RoundTrip(set, &yaml), IsEmpty()) << award << "\n" << yaml;
  }
}

TEST(WriteCriteriaYaml, OriginsOfADerivedSetAreComments) {
  CriteriaSet set = circa_test::ParseCriteriaOk(
      "circa: 1\nid: t\nversion: 1\ntitle: T\ncriteria:\n"
      "  - {id: price, type: price, weight: 40, scoring: {rule: "
      "lowest-ratio}}\n"
      "  - {id: q, type: quality, weight: 60, scoring: {rule: yes-no}}\n"
      "requirements:\n  - {id: r, conditions: [{field: x, min: 1}]}\n"
      "clauses:\n  - {id: c}\n",
      "t.yaml");
  set.extends = "office-furniture@1.0.0";
  set.model_id = "office-furniture";
  set.model_version = "1.0.0";
  const auto origin = [](Origin::Kind kind, std::string model,
                         std::vector<std::string> changed) {
    Origin o;
    o.kind = kind;
    o.model = std::move(model);
    o.changed = std::move(changed);
    return o;
  };
  set.criteria[0].origin = origin(
      Origin::Kind::kModel, "office-furniture 1.0.0", {"scoring", "weight"});
  set.criteria[1].origin = origin(Origin::Kind::kLocal, "", {});
  set.requirements[0].origin =
      origin(Origin::Kind::kModel, "office-furniture 1.0.0", {});
  set.clauses[0].origin = origin(Origin::Kind::kLocal, "", {});
  WriteOptions options;
  options.origins = true;
  const std::string yaml = WriteCriteriaYaml(set, options);
  EXPECT_THAT(yaml, HasSubstr("# Effective criteria set t 1, derived from "
                              "model office-furniture 1.0.0\n# (extends: "
                              "office-furniture@1.0.0)."));
  EXPECT_THAT(yaml, HasSubstr("  - id: price  # from model office-furniture "
                              "1.0.0, changed: scoring, weight\n"));
  EXPECT_THAT(yaml, HasSubstr("  - id: q  # local\n"));
  EXPECT_THAT(yaml,
              HasSubstr("  - id: r  # from model office-furniture 1.0.0\n"));
  EXPECT_THAT(yaml, HasSubstr("  - id: c  # local\n"));
  EXPECT_THAT(yaml, Not(HasSubstr("\nextends:")));
  // Without the option, no comments; the text still reads back equal.
  const std::string plain = WriteCriteriaYaml(set);
  EXPECT_THAT(plain, Not(HasSubstr("#")));
  EXPECT_THAT(circa_test::SetDifferences(
                  set, circa_test::ParseCriteriaOk(yaml, "again.yaml")),
              IsEmpty());
}

}  // namespace
}  // namespace circa
