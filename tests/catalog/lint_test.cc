// Lint: each facilitator-quality finding with its exact message, a model
// set with none, and the ids-stable check against a previous version.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "circa/catalog.h"
#include "circa/load.h"
#include "test_util.h"

namespace circa {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kGood = R"(circa: 1
id: good-model
version: 1.0.0
title: Good
labels: {en: Good, nl: Goed}
publisher: Facilitator
product-group: office-furniture
sources:
  - {id: eu-gpp-furniture, title: EU GPP criteria for furniture}
criteria:
  - id: price
    type: price
    unit: EUR
    description: Total price.
    labels: {en: Price, nl: Prijs}
    source: eu-gpp-furniture AC1
    weight: 40
    scoring: {rule: lowest-ratio}
  - id: circ
    type: quality
    weight: 60
    labels: {en: Circularity, nl: Circulariteit}
    criteria:
      - id: recycled
        unit: "%"
        description: Recycled content by mass.
        labels: {en: Recycled content, nl: Gerecycleerd gehalte}
        evidence: EPD or equivalent
        level: core
        source: eu-gpp-furniture AC3
        anchor-source: model
        strategies: [recycled-content]
        weight: 30
        scoring: {rule: linear, worst: 0, best: 60}
      - id: plan
        description: Circular service plan.
        labels: {en: Plan, nl: Plan}
        evidence: the plan
        level: comprehensive
        source: eu-gpp-furniture
        weight: 30
        scoring: {rule: scale, levels: {0: no plan, 5: a complete plan}}
requirements:
  - id: legal_wood
    description: Legal wood.
    labels: {en: Legal wood, nl: Legaal hout}
    evidence: FSC or equivalent
    level: core
    source: eu-gpp-furniture TS1
    conditions: [{field: wood, equals: yes}]
clauses:
  - id: take_back
    description: Take-back at end of use.
    labels: {en: Take-back, nl: Terugname}
    evidence: clause in the contract
    level: core
    source: eu-gpp-furniture CPC1
    strategies: [next-loop]
)";

TEST(Lint, AWellDocumentedModelSetHasNoFindings) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kGood, "good.yaml");
  EXPECT_THAT(Lint(set), IsEmpty());
}

// A draft criterion (an import skeleton's placeholder rule) is a finding:
// the only one of an otherwise clean set.
TEST(Lint, ADraftCriterionIsAFinding) {
  std::string yaml = kGood;
  const std::string::size_type at = yaml.find("    scoring:");
  ASSERT_NE(at, std::string::npos);
  yaml.insert(at, "    draft: true\n");
  const CriteriaSet set = circa_test::ParseCriteriaOk(yaml, "good.yaml");
  const std::vector<Diagnostic> findings = Lint(set);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
  EXPECT_THAT(findings[0].message,
              ::testing::StartsWith("\"" + set.Leaves()[0]->id +
                                    "\" is a draft (draft: true): complete "
                                    "its scoring rule"));
}

constexpr const char* kBad = R"(circa: 1
id: bad
version: "1.0"
title: Bad
criteria:
  - {id: Price, type: price, weight: 40, scoring: {rule: lowest-ratio}}
  - id: circ
    type: quality
    weight: 60
    labels: {en: Circularity}
    criteria:
      - id: plan
        description: Plan.
        labels: {en: Plan, nl: Plan}
        evidence: the plan
        level: core
        source: gpp AC2
        weight: 60
        scoring: {rule: scale, levels: {0: "0", 5: good}}
  - {id: zero, type: quality, weight: 0, scoring: {rule: yes-no}}
requirements:
  - {id: r, conditions: [{field: x, min: 1}]}
clauses:
  - {id: c}
)";

TEST(Lint, EachFindingHasItsMessage) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kBad, "bad.yaml");
  EXPECT_THAT(
      circa_test::Messages(Lint(set)),
      ElementsAre(
          "bad.yaml:1:1: warning: product-group: missing; a model set names "
          "its product group (such as office-furniture)",
          "bad.yaml:1:1: warning: publisher: missing; a model set names who "
          "publishes and maintains it",
          "bad.yaml:1:1: warning: labels.en: missing; give the name in en "
          "and nl",
          "bad.yaml:1:1: warning: labels.nl: missing; give the name in en "
          "and nl",
          "bad.yaml:1:1: warning: sources: none declared; list the documents "
          "the set follows (EU GPP criteria, national guidance) with id and "
          "title",
          "bad.yaml:1:1: warning: version: \"1.0\" is not a semantic version "
          "(MAJOR.MINOR.PATCH); buyers pin model versions and removing an id "
          "needs a new major version",
          "bad.yaml:1:1: warning: strategies: no circular strategy covered; "
          "tag criteria, requirements or clauses with strategies (use-less, "
          "use-not-own, reuse, recycled-content, longer-life, next-loop)",
          "bad.yaml:6:5: warning: criteria[0].id: \"Price\" is not lowercase "
          "snake_case ([a-z][a-z0-9_]*)",
          "bad.yaml:6:5: warning: criteria[0].labels.en: missing; give the "
          "name in en and nl",
          "bad.yaml:6:5: warning: criteria[0].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:6:5: warning: criteria[0].description: missing; say what "
          "is asked and how it is verified",
          "bad.yaml:6:5: warning: criteria[0].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\"",
          "bad.yaml:6:5: warning: criteria[0].unit: missing; a price or cost "
          "needs its unit (such as EUR)",
          "bad.yaml:7:5: warning: criteria[1].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:7:5: warning: criteria[1].criteria: a group with one "
          "criterion; the group and its criterion carry the same weight "
          "(merge them)",
          "bad.yaml:12:9: warning: criteria[1].criteria[0].level: core is an "
          "EU GPP ambition level, but the source \"gpp AC2\" is no EU GPP "
          "document; drop the level or cite the EU GPP item",
          "bad.yaml:12:9: criteria[1].criteria[0].source: \"gpp AC2\" does "
          "not start with a declared source id (none declared)",
          "bad.yaml:12:9: warning: criteria[1].criteria[0].scoring.levels.0: "
          "level 0 is described as \"0\"; describe in words what earns it",
          "bad.yaml:20:5: warning: criteria[2].labels.en: missing; give the "
          "name in en and nl",
          "bad.yaml:20:5: warning: criteria[2].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:20:5: warning: criteria[2].description: missing; say "
          "what is asked and how it is verified",
          "bad.yaml:20:5: warning: criteria[2].evidence: missing; say what "
          "proves it (a label or equivalent, EPD, declaration, test report)",
          "bad.yaml:20:5: warning: criteria[2].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\"",
          "bad.yaml:20:5: warning: criteria[2].weight: 0: the criterion is "
          "scored but adds no points; give it a weight or drop it",
          "bad.yaml:22:5: warning: requirements[0].labels.en: missing; give "
          "the name in en and nl",
          "bad.yaml:22:5: warning: requirements[0].labels.nl: missing; give "
          "the name in en and nl",
          "bad.yaml:22:5: warning: requirements[0].description: missing; say "
          "what is asked and how it is verified",
          "bad.yaml:22:5: warning: requirements[0].evidence: missing; say "
          "what proves it (a label or equivalent, EPD, declaration, test "
          "report)",
          "bad.yaml:22:5: warning: requirements[0].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\"",
          "bad.yaml:22:5: warning: requirements[0].anchor-source: missing; "
          "say where the minimums come from (a declared source id and item), "
          "or write \"model\" when they are the model's own choice",
          "bad.yaml:24:5: warning: clauses[0].labels.en: missing; give the "
          "name in en and nl",
          "bad.yaml:24:5: warning: clauses[0].labels.nl: missing; give the "
          "name in en and nl",
          "bad.yaml:24:5: warning: clauses[0].description: missing; say what "
          "is asked and how it is verified",
          "bad.yaml:24:5: warning: clauses[0].evidence: missing; say what "
          "proves it (a label or equivalent, EPD, declaration, test report)",
          "bad.yaml:24:5: warning: clauses[0].source: missing; name the "
          "declared source and the item it follows, such as "
          "\"eu-gpp-furniture AC3\""));
}

TEST(Lint, UnknownSourceNamesTheDeclaredOnes) {
  std::string text = kGood;
  text.replace(text.find("source: eu-gpp-furniture AC3"),
               std::string("source: eu-gpp-furniture AC3").size(),
               "source: eu-gpp-furniturex AC3");
  const CriteriaSet set = circa_test::ParseCriteriaOk(text, "s.yaml");
  EXPECT_THAT(circa_test::Messages(Lint(set)),
              ElementsAre("s.yaml:24:9: criteria[1].criteria[0].source: "
                          "\"eu-gpp-furniturex AC3\" does not start with a "
                          "declared source id (eu-gpp-furniture)"));
}

TEST(Lint, DefaultOptionsAreValid) {
  std::string why;
  EXPECT_TRUE(LintOptions().IsValid(&why)) << why;
  LintOptions bad;
  bad.languages = {"en", "NL"};
  EXPECT_FALSE(bad.IsValid(&why));
  EXPECT_EQ(why,
            "languages: expected two-letter codes such as en or nl, got "
            "\"NL\"");
  bad.languages.clear();
  EXPECT_FALSE(bad.IsValid(&why));
}

TEST(Lint, LanguagesAreAnOption) {
  const CriteriaSet set = circa_test::ParseCriteriaOk(kGood, "good.yaml");
  LintOptions options;
  options.languages = {"en", "nl", "fr"};
  const std::vector<Diagnostic> findings = Lint(set, options);
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].ToString(),
            "good.yaml:1:1: warning: labels.fr: missing; give the name in en, "
            "nl and fr");
}

TEST(Lint, IdsStableAgainstThePreviousVersion) {
  const CriteriaSet old = circa_test::ParseCriteriaOk(kGood, "v1.yaml");
  // 1.1.0 drops take_back (a clause) and renames plan to service_plan.
  std::string text = kGood;
  text.replace(text.find("version: 1.0.0"), 14, "version: 1.1.0");
  text.replace(text.find("- id: plan"), 10, "- id: service_plan");
  text = text.substr(0, text.find("clauses:"));
  const CriteriaSet minor = circa_test::ParseCriteriaOk(text, "v2.yaml");
  LintOptions options;
  options.previous = &old;
  EXPECT_THAT(
      circa_test::Messages(Lint(minor, options)),
      ElementsAre("v2.yaml:1:1: criteria: criterion \"plan\" of version 1.0.0 "
                  "is gone in version 1.1.0; removing or renaming an id needs "
                  "a new major version (2.0.0)",
                  "v2.yaml:1:1: clauses: clause \"take_back\" of version "
                  "1.0.0 is gone in version 1.1.0; removing or renaming an id "
                  "needs a new major version (2.0.0)"));
  text.replace(text.find("version: 1.1.0"), 14, "version: 2.0.0");
  const CriteriaSet major = circa_test::ParseCriteriaOk(text, "v3.yaml");
  EXPECT_THAT(Lint(major, options), IsEmpty());
}

// ---------------------------------------------------------- legal floors

std::vector<LegalFloor> RepoFloors() {
  const Result<std::vector<LegalFloor>> r =
      LoadLegalFloors(circa_test::SourcePath("criteria/legal/floors.csv"));
  EXPECT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  return r.value.value_or(std::vector<LegalFloor>{});
}

// An ICT set that breaks every floor of the table once: the battery minimum
// and the lowest battery step below 800 cycles, the spare-parts anchor
// below 7 years, points for the common charger, and (any product group)
// points for USB-C charging, for avoiding banned single-use plastics and
// for deforestation-free timber.
constexpr const char* kBelowTheLaw = R"(circa: 1
id: ict-below-the-law
version: 1.0.0
title: t
labels: {en: t, nl: t}
publisher: p
product-group: ict-hardware
sources: [{id: m, title: model}]
criteria:
  - {id: price, type: price, unit: EUR, description: d, labels: {en: p, nl: p}, source: m, weight: 30, scoring: {rule: lowest-ratio}}
  - {id: spare_parts_years, type: quality, unit: years, description: d, labels: {en: s, nl: s}, evidence: e, source: m, anchor-source: model, strategies: [longer-life], weight: 10, scoring: {rule: linear, worst: 3, best: 8}}
  - {id: battery_cycles, type: quality, unit: cycles, description: d, labels: {en: b, nl: b}, evidence: e, source: m, anchor-source: model, weight: 10, scoring: {rule: steps, steps: [[500, 0], [1000, 1]]}}
  - {id: charger_optional, type: quality, description: d, labels: {en: c, nl: c}, evidence: e, source: m, weight: 10, scoring: {rule: yes-no}}
  - {id: usb_c_charging, type: quality, description: d, labels: {en: u, nl: u}, evidence: e, source: m, weight: 10, scoring: {rule: yes-no}}
  - {id: no_single_use_plastic, type: quality, description: d, labels: {en: n, nl: n}, evidence: e, source: m, weight: 10, scoring: {rule: yes-no}}
  - {id: legal_timber_points, type: quality, description: d, labels: {en: l, nl: l}, evidence: e, source: m, weight: 20, scoring: {rule: yes-no}}
requirements:
  - {id: min_battery, description: d, labels: {en: m, nl: m}, evidence: e, source: m, anchor-source: model, conditions: [{field: battery_cycles, min: 500}]}
)";

TEST(LintLegalFloors, EachFloorBrokenOnce) {
  const std::vector<LegalFloor> floors = RepoFloors();
  const CriteriaSet set = circa_test::ParseCriteriaOk(kBelowTheLaw, "ict.yaml");
  LintOptions options;
  options.legal_floors = &floors;
  const std::string reg =
      "Commission Regulation (EU) 2023/1670 (ecodesign of smartphones and "
      "slate tablets), ";
  const std::string url = "https://eur-lex.europa.eu/eli/";
  const std::string charger =
      "Directive (EU) 2022/2380 (common charger) amending Directive "
      "2014/53/EU, ";
  EXPECT_THAT(
      circa_test::Messages(Lint(set, options)),
      ElementsAre(
          "ict.yaml:11:5: criteria[1].scoring.worst: the anchor worst = 3 "
          "years is below the legal floor of 7 years (" +
              reg +
              "Annex II, availability of spare parts: at least 7 years after "
              "the end of placement on the market of the model, in force "
              "since 2025-06-20 (" +
              url + "reg/2023/1670/oj)); [ecodesign-phone-spare-parts]",
          "ict.yaml:12:5: criteria[2].scoring.steps[0]: the lowest step 500 "
          "charge cycles is below the legal floor of 800 charge cycles (" +
              reg +
              "Annex II, battery endurance: at least 80 % of the rated "
              "capacity after 800 full charge cycles, in force since "
              "2025-06-20 (" +
              url + "reg/2023/1670/oj)); [ecodesign-phone-battery]",
          "ict.yaml:13:5: criteria[3]: awards points for what the law "
          "already requires (" +
              charger +
              "Art. 3(4) and Annex Ia: USB-C receptacle; art. 3a: offered "
              "without a charging device (laptops from 2026-04-28), in force "
              "since 2024-12-28 (" +
              url +
              "dir/2022/2380/oj)); make it a requirement or drop it; "
              "[common-charger]",
          "ict.yaml:14:5: criteria[4]: awards points for what the law "
          "already requires (" +
              charger +
              "Art. 3(4) and Annex Ia: USB-C receptacle, in force since "
              "2024-12-28 (" +
              url +
              "dir/2022/2380/oj)); make it a requirement or drop it; "
              "[common-charger-usb-c]",
          "ict.yaml:15:5: criteria[5]: awards points for what the law "
          "already requires (Directive (EU) 2019/904 (single-use plastics), "
          "Art. 5 and Annex part B: cutlery, plates, straws, stirrers and "
          "expanded-polystyrene food and drink containers may not be placed "
          "on the market, in force since 2021-07-03 (" +
              url +
              "dir/2019/904/oj)); make it a requirement or drop it; "
              "[single-use-plastic-ban]",
          "ict.yaml:16:5: criteria[6]: awards points for what the law "
          "already requires (Regulation (EU) 2023/1115 (deforestation-free "
          "products), Art. 3: wood products only if deforestation-free, "
          "legal and covered by a due diligence statement (large operators "
          "from 2025-12-30), in force since 2025-12-30 (" +
              url +
              "reg/2023/1115/oj)); make it a requirement or drop it; "
              "[deforestation-free-timber]",
          "ict.yaml:18:122: requirements[0].conditions[0].min: the minimum "
          "500 charge cycles is below the legal floor of 800 charge cycles (" +
              reg +
              "Annex II, battery endurance: at least 80 % of the rated "
              "capacity after 800 full charge cycles, in force since "
              "2025-06-20 (" +
              url + "reg/2023/1670/oj)); [ecodesign-phone-battery]"));
}

// Product-group floors apply to their group only: the same battery minimum
// in an office-furniture set is no finding.
TEST(LintLegalFloors, ProductGroupFloorsStayInTheirGroup) {
  const std::vector<LegalFloor> floors = RepoFloors();
  std::string text = kBelowTheLaw;
  text.replace(text.find("product-group: ict-hardware"),
               std::string("product-group: ict-hardware").size(),
               "product-group: office-furniture");
  const CriteriaSet set = circa_test::ParseCriteriaOk(text, "f.yaml");
  LintOptions options;
  options.legal_floors = &floors;
  for (const std::string& m : circa_test::Messages(Lint(set, options))) {
    EXPECT_EQ(m.find("ecodesign"), std::string::npos) << m;
    EXPECT_EQ(m.find("[common-charger]"), std::string::npos) << m;
  }
}

// Every set of the library passes the floors (and every other lint rule)
// with no finding; the floors file is the one `circa criteria lint` reads.
TEST(LintLegalFloors, EveryModelSetPasses) {
  const std::vector<LegalFloor> floors = RepoFloors();
  ASSERT_EQ(floors.size(), 6u);
  LintOptions options;
  options.legal_floors = &floors;
  for (const char* id :
       {"office-furniture", "ict-hardware", "workwear-textiles",
        "food-catering", "cleaning", "construction-renovation",
        "vehicles-fleet", "lighting"}) {
    SCOPED_TRACE(id);
    const Result<CriteriaSet> r = LoadCriteriaFile(
        circa_test::SourcePath("criteria/" + std::string(id) + ".yaml"));
    ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
    EXPECT_THAT(circa_test::Messages(Lint(*r.value, options)), IsEmpty());
  }
}

TEST(LintLegalFloors, BadFloorsFileIsLocated) {
  const std::string dir = ::testing::TempDir();
  const std::string file = dir + "/floors.csv";
  {
    std::FILE* f = std::fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs(
        "id,product-group,kind,field,min,unit,in-force,law,article,url\n"
        "a,*,minimum,x,lots,y,2025-01-01,law,art,\n"
        "b,*,maximum,x,1,y,2025-01-01,law,art,\n",
        f);
    std::fclose(f);
  }
  const Result<std::vector<LegalFloor>> r = LoadLegalFloors(file);
  EXPECT_FALSE(r.ok());
  EXPECT_THAT(circa_test::Messages(r.diagnostics),
              ElementsAre(file + ":2:15: floors[a].min: expected the legal "
                                 "minimum, a number, got \"lots\"",
                          file + ":3:5: floors[b].kind: expected minimum or "
                                 "obligation, got \"maximum\""));
}

// Issue 13: a derived set (`extends:`) naming a library model without a
// version, and one that changes the model's weights but keeps its title,
// description and publisher. Only the findings on those keys are looked at
// (the model's own documentation is linted with the model).
// The set is written to a file (lint locates `extends:` in it) and the
// file's path replaces "tender.yaml" in the findings.
std::vector<std::string> DerivedFindings(const std::string& text) {
  static int count = 0;
  const std::string file =
      ::testing::TempDir() + "/derived-" + std::to_string(++count) + ".yaml";
  {
    std::FILE* f = std::fopen(file.c_str(), "w");
    if (f == nullptr) return {"cannot write " + file};
    std::fputs(text.c_str(), f);
    std::fclose(f);
  }
  LoadOptions load;
  load.library = {circa_test::SourcePath("criteria")};
  const Result<CriteriaSet> r = LoadCriteriaFile(file, load);
  if (!r.ok()) return {"load failed: " + circa_test::Describe(r.diagnostics)};
  const std::vector<LegalFloor> none;
  LintOptions options;
  options.legal_floors = &none;
  std::vector<std::string> out;
  for (const Diagnostic& d : Lint(*r.value, options)) {
    if (d.path == "extends" || d.path == "title" || d.path == "description" ||
        d.path == "publisher") {
      std::string line = d.ToString();
      if (line.rfind(file, 0) == 0)
        line = "tender.yaml" + line.substr(file.size());
      out.push_back(line);
    }
  }
  return out;
}

// The changes of samples/model-office-furniture: price 35 -> 40 points.
constexpr const char* kOverride = R"(
drop: [furniture_as_a_service]
override:
  price: {weight: 40}
  use_less: {weight: 3}
  circular_plan: {weight: 6}
)";

TEST(LintDerived, UnpinnedExtendsAndInheritedTexts) {
  EXPECT_THAT(
      DerivedFindings(std::string(R"(circa: 1
id: derived
version: 1.0.0
title: Circular office furniture (model set)
extends: office-furniture)") +
                      kOverride),
      ElementsAre(
          "tender.yaml:5:10: warning: extends: \"office-furniture\" names no "
          "version: the newest office-furniture in the library is used (now "
          "1.0.0), so the result changes when the library does; pin it as "
          "office-furniture@1.0.0",
          "tender.yaml:1:1: warning: title: the model's title is kept "
          "unchanged (\"Circular office furniture (model set)\") although "
          "this set changes the model's weights; say what this set is and "
          "who changed it",
          "tender.yaml:1:1: warning: description: the model's description is "
          "kept unchanged (\"Model award criteria, minimum requirements and "
          "contract c...\") although this set changes the model's "
          "weights; say what this set is and who changed it",
          "tender.yaml:1:1: warning: publisher: the model's publisher is kept "
          "unchanged (\"circa model library\") although this set changes the "
          "model's weights; say what this set is and who changed it"));
}

TEST(LintDerived, PinnedWithOwnTextsHasNoFinding) {
  EXPECT_THAT(DerivedFindings(std::string(R"(circa: 1
id: derived
version: 1.0.0
title: Office furniture for the city office
description: Price 40 points instead of the model's 35.
publisher: City of Kortrijk
extends: office-furniture@1.0.0)") +
                              kOverride),
              IsEmpty());
  // Keeping the model's texts is fine while the weights stay the model's.
  EXPECT_THAT(DerivedFindings(R"(circa: 1
id: derived
version: 1.0.0
title: Circular office furniture (model set)
extends: office-furniture@1.0.0
)"),
              IsEmpty());
}

}  // namespace
}  // namespace circa
