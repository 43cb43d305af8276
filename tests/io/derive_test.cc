// Derived criteria sets (`extends:`, docs/criteria-format.md "Derived
// sets"): a tender set adopts a model set and drops, overrides and adds
// criteria; origins are kept; problems are reported in the file that
// causes them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "circa/labels.h"
#include "circa/library.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;
using circa::CriteriaSet;
using circa::Origin;
using circa_test::Messages;

// A model set in points: price 40, circularity 35 (recycled 15, take_back
// 10, warranty 10), plan 25; one requirement and one clause.
constexpr const char* kModel = R"(circa: 1
id: model-furniture
version: 1.2.0
title: Model furniture
product-group: office-furniture
labels: {en: Model furniture, nl: Modelmeubilair}
sources:
  - {id: eu-gpp-furniture-2017, title: EU GPP criteria for furniture}
criteria:
  - id: price
    type: price
    weight: 40
    scoring: {rule: lowest-ratio}
  - id: circularity
    type: quality
    weight: 35
    criteria:
      - {id: recycled, unit: "%", weight: 15, scoring: {rule: linear, worst: 0, best: 60}}
      - {id: take_back, weight: 10, scoring: {rule: yes-no}}
      - {id: warranty, unit: years, weight: 10, level: core, scoring: {rule: steps, steps: [[2, 0], [5, 0.5], [10, 1]]}}
  - id: plan
    type: quality
    weight: 25
    scoring: {rule: scale, levels: {0: none, 5: fair, 10: good}}
requirements:
  - id: legal_wood
    conditions: [{field: legal_wood, equals: "yes"}]
clauses:
  - {id: take_back_clause, name: Take-back at end of contract}
)";

class DeriveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("circa-derive-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "lib");
    fs::create_directories(dir_ / "tender");
    Write("lib/model.yaml", kModel);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  circa::Result<CriteriaSet> Load(const std::string& tender_yaml) {
    const std::string path = Write("tender/tender.yaml", tender_yaml);
    circa::LoadOptions options;
    options.library = {(dir_ / "lib").string()};
    return circa::LoadCriteriaFile(path, options);
  }
  std::string TenderFile() const {
    return (dir_ / "tender/tender.yaml").string();
  }

  fs::path dir_;
};

constexpr const char* kHead = R"(circa: 1
id: city-furniture-2027
version: 1.0.0
title: City furniture 2027
)";

TEST_F(DeriveTest, DropOverrideAndAddGiveTheEffectiveSetWithOrigins) {
  const auto r = Load(std::string(kHead) + R"(extends: ../lib/model.yaml
drop: [take_back]
override:
  price: {weight: 30}
  recycled: {weight: 20, scoring: {rule: linear, worst: 10, best: 80}}
  plan: {labels: {nl: Plan van aanpak}}
add:
  - {under: circularity, id: repair_service, type: quality, weight: 5, scoring: {rule: yes-no}}
  - {id: local_delivery, type: quality, weight: 10, scoring: {rule: yes-no}}
tie-break: [{higher: circularity}]
)");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_TRUE(r.diagnostics.empty()) << circa_test::Describe(r.diagnostics);
  const CriteriaSet& set = *r.value;
  EXPECT_EQ(set.id, "city-furniture-2027");
  EXPECT_EQ(set.model_id, "model-furniture");
  EXPECT_EQ(set.model_version, "1.2.0");
  EXPECT_EQ(set.extends, "../lib/model.yaml");
  EXPECT_EQ(set.product_group, "office-furniture");  // inherited
  EXPECT_EQ(set.dropped, std::vector<std::string>{"take_back"});
  EXPECT_EQ(set.Find("take_back"), nullptr);

  const circa::Criterion* price = set.Find("price");
  ASSERT_NE(price, nullptr);
  EXPECT_EQ(price->effective_weight, 30);
  EXPECT_EQ(price->origin.kind, Origin::Kind::kModel);
  EXPECT_EQ(price->origin.model, "model-furniture 1.2.0");
  EXPECT_EQ(price->origin.changed, std::vector<std::string>{"weight"});

  const circa::Criterion* recycled = set.Find("recycled");
  ASSERT_NE(recycled, nullptr);
  EXPECT_EQ(recycled->origin.changed,
            (std::vector<std::string>{"scoring", "weight"}));
  EXPECT_EQ(recycled->scoring->worst, 10);
  EXPECT_EQ(recycled->scoring->best, 80);
  EXPECT_EQ(recycled->unit, "%");  // kept from the model

  const circa::Criterion* circularity = set.Find("circularity");
  EXPECT_EQ(circularity->origin.changed, std::vector<std::string>{"criteria"});
  ASSERT_EQ(circularity->children.size(), 3u);
  EXPECT_EQ(circularity->children[2].id, "repair_service");
  EXPECT_EQ(circularity->children[2].origin.kind, Origin::Kind::kLocal);
  EXPECT_EQ(circularity->children[2].where.file, TenderFile());
  EXPECT_EQ(set.Find("warranty")->where.file,
            (dir_ / "lib/model.yaml").string());

  const circa::Criterion* plan = set.Find("plan");
  EXPECT_EQ(plan->doc.labels.at("nl"), "Plan van aanpak");
  EXPECT_EQ(plan->origin.changed, std::vector<std::string>{"labels"});
  EXPECT_EQ(set.Find("local_delivery")->origin.kind, Origin::Kind::kLocal);
  EXPECT_EQ(set.Find("local_delivery")->effective_weight, 10);

  ASSERT_EQ(set.requirements.size(), 1u);
  EXPECT_EQ(set.requirements[0].origin.kind, Origin::Kind::kModel);
  ASSERT_EQ(set.tie_break.size(), 1u);
  EXPECT_EQ(set.tie_break[0].target, "circularity");
  EXPECT_FALSE(set.model_sha256.empty());
  EXPECT_NE(set.sha256, set.model_sha256);
}

TEST_F(DeriveTest, ValidationNamesTheOriginOfEveryCriterion) {
  const auto r = Load(std::string(kHead) + R"(extends: model-furniture
drop: [take_back, take_back_clause]
override:
  recycled: {weight: 25}
  price: {weight: 30, name: Prijs}
add:
  - {id: local_delivery, type: quality, weight: 10, scoring: {rule: yes-no}}
)");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(circa::DescribeOrigins(*r.value),
            (std::vector<std::string>{
                "derived from model model-furniture 1.2.0 (" +
                    (dir_ / "lib/model.yaml").string() + ")",
                "criteria: price (model, changed: name, weight), circularity "
                "(model, changed: criteria), recycled (model, changed: "
                "weight), warranty (model), plan (model), local_delivery "
                "(local)",
                "requirements: legal_wood (model)",
                "dropped from the model: take_back, take_back_clause"}));
  const auto own = circa::LoadCriteriaFile((dir_ / "lib/model.yaml").string());
  ASSERT_TRUE(own.ok());
  EXPECT_TRUE(circa::DescribeOrigins(*own.value).empty());
}

TEST_F(DeriveTest, ModelByIdIsFoundInTheLibraryAtItsVersion) {
  Write("lib/model-2.yaml",
        std::string(kModel).replace(std::string(kModel).find("1.2.0"), 5,
                                    "1.10.0"));
  auto newest = Load(std::string(kHead) + "extends: model-furniture\n");
  ASSERT_TRUE(newest.ok()) << circa_test::Describe(newest.diagnostics);
  EXPECT_EQ(newest.value->model_version, "1.10.0");  // 1.10 > 1.2
  auto pinned = Load(std::string(kHead) + "extends: model-furniture@1.2.0\n");
  ASSERT_TRUE(pinned.ok()) << circa_test::Describe(pinned.diagnostics);
  EXPECT_EQ(pinned.value->model_version, "1.2.0");
  EXPECT_EQ(pinned.value->Find("price")->origin.model, "model-furniture 1.2.0");

  auto missing = Load(std::string(kHead) + "extends: model-furniture@2.0.0\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(Messages(missing.diagnostics),
            std::vector<std::string>{
                TenderFile() +
                ":5:10: extends: no model set \"model-furniture\" at version "
                "2.0.0 in " +
                (dir_ / "lib").string() + "; versions there: 1.2.0 1.10.0"});
}

TEST_F(DeriveTest,
       WeightsThatNoLongerAddUpAreReportedWhereTheTenderChangedThem) {
  const auto r = Load(std::string(kHead) + R"(extends: ../lib/model.yaml
drop: [take_back]
)");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Messages(r.diagnostics),
            std::vector<std::string>{
                TenderFile() +
                ":6:8: criteria[1].criteria: weights add up to 25; expected "
                "35 (the weight of circularity): recycled 15 + warranty 10"});

  const auto top = Load(std::string(kHead) + R"(extends: ../lib/model.yaml
override:
  price: {weight: 30}
)");
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(Messages(top.diagnostics),
            std::vector<std::string>{
                TenderFile() +
                ":7:10: criteria: weights add up to 90; expected 100 (the "
                "scale): price 30 + circularity 35 + plan 25"});
}

TEST_F(DeriveTest, EveryProblemOfTheDerivationIsReportedAtOnce) {
  const auto r = Load(std::string(kHead) + R"(extends: ../lib/model.yaml
criteria: []
drop: [take_bak, legal_wood, take_back_clause]
override:
  circularity: {scoring: {rule: yes-no}}
  nothing: {weight: 3}
  price: {colour: red}
add:
  - {under: plan, id: extra, type: quality, weight: 1, scoring: {rule: yes-no}}
  - {under: nowhere, id: extra2, type: quality, weight: 1, scoring: {rule: yes-no}}
)");
  ASSERT_FALSE(r.ok());
  const std::string f = TenderFile();
  EXPECT_EQ(
      Messages(r.diagnostics),
      (std::vector<std::string>{
          f + ":6:11: criteria: criteria comes from the model in a derived "
              "set; change the model's criteria with drop, override and add",
          f + ":7:8: drop[0]: no criterion, requirement or clause "
              "\"take_bak\" in the model model-furniture 1.2.0; did you mean "
              "\"take_back\"?",
          f + ":9:26: override.circularity.scoring: circularity is a group; "
              "override the scoring of its criteria instead",
          f + ":10:3: override.nothing: no criterion, requirement or clause "
              "\"nothing\" in the model model-furniture 1.2.0",
          f + ":11:11: override.price.colour: unknown key",
          f + ":13:13: add[0].under: plan is a leaf criterion; criteria can "
              "be added under a group",
          f + ":14:13: add[1].under: no criterion, requirement or clause "
              "\"nowhere\" in the model model-furniture 1.2.0",
      }));
}

// A derived set may set its own currency; it is checked like any set's.
TEST_F(DeriveTest, ADerivedSetsCurrencyIsAnIsoCode) {
  const auto r =
      Load(std::string(kHead) + "extends: ../lib/model.yaml\ncurrency: eur\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Messages(r.diagnostics),
            (std::vector<std::string>{
                TenderFile() + ":6:11: currency: expected an ISO 4217 code "
                               "such as EUR, got \"eur\""}));
  const auto ok =
      Load(std::string(kHead) + "extends: ../lib/model.yaml\ncurrency: SEK\n");
  ASSERT_TRUE(ok.ok()) << circa_test::Describe(ok.diagnostics);
  EXPECT_EQ(ok.value->currency, "SEK");
}

TEST_F(DeriveTest, ADroppedCriterionCannotBeChangedOrUsed) {
  const auto r = Load(std::string(kHead) + R"(extends: ../lib/model.yaml
drop: [circularity, circularity]
override:
  circularity: {weight: 3}
add:
  - {under: circularity, id: extra, weight: 1, scoring: {rule: yes-no}}
)");
  ASSERT_FALSE(r.ok());
  const std::string f = TenderFile();
  const std::vector<std::string> messages = Messages(r.diagnostics);
  ASSERT_GE(messages.size(), 3u) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(messages[0], f + ":6:21: drop[1]: circularity is already "
                             "dropped by this set's drop list");
  EXPECT_EQ(messages[1], f + ":8:3: override.circularity: circularity is "
                             "already dropped by this set's drop list");
  EXPECT_EQ(messages[2], f + ":10:13: add[0].under: circularity is already "
                             "dropped by this set's drop list");
}

TEST_F(DeriveTest, ModelErrorsAreReportedInTheModelAndAtExtends) {
  Write("lib/broken.yaml", R"(circa: 1
id: broken
version: 1.0.0
title: Broken
criteria:
  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}
)");
  const auto r = Load(std::string(kHead) + "extends: ../lib/broken.yaml\n");
  ASSERT_FALSE(r.ok());
  const std::string model = (dir_ / "lib/broken.yaml").string();
  EXPECT_EQ(
      Messages(r.diagnostics),
      (std::vector<std::string>{
          model + ":6:5: criteria: weights add up to 60; expected 100 (the "
                  "scale): price 60",
          TenderFile() + ":5:10: extends: the model set " + model +
              " has errors (listed above); fix it or derive from "
              "another model",
      }));
}

TEST_F(DeriveTest, ACycleOfModelsIsAnErrorNotAHang) {
  Write("lib/a.yaml", std::string(kHead) + "extends: b.yaml\n");
  Write("lib/b.yaml", std::string(kHead) + "extends: a.yaml\n");
  const auto r = Load(std::string(kHead) + "extends: ../lib/a.yaml\n");
  ASSERT_FALSE(r.ok());
  ASSERT_FALSE(r.diagnostics.empty());
  bool cycle = false;
  for (const auto& d : r.diagnostics) {
    cycle = cycle || d.message.find("in a cycle") != std::string::npos;
  }
  EXPECT_TRUE(cycle) << circa_test::Describe(r.diagnostics);
}

TEST_F(DeriveTest, UnderIsOnlyReadInAnAddList) {
  const auto r = circa::ParseCriteria(R"(circa: 1
id: x
version: 1.0.0
title: X
criteria:
  - {id: price, under: y, type: price, weight: 100, scoring: {rule: lowest-ratio}}
)",
                                      "x.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(Messages(r.diagnostics),
            std::vector<std::string>{
                "x.yaml:6:24: criteria[0].under: under is only read in a "
                "derived set's add list"});
}

TEST_F(DeriveTest, AModelSetThatIsNotDerivedKeepsOwnOrigins) {
  const auto r = circa::LoadCriteriaFile((dir_ / "lib/model.yaml").string());
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_EQ(r.value->Find("price")->origin.kind, Origin::Kind::kOwn);
  EXPECT_TRUE(r.value->model_id.empty());
  EXPECT_EQ(r.value->labels.at("nl"), "Modelmeubilair");
  EXPECT_EQ(r.value->clauses.size(), 1u);
  EXPECT_EQ(r.value->Find("warranty")->doc.level, circa::GppLevel::kCore);
}

// A model whose set and criteria carry Dutch and French labels and
// descriptions.
constexpr const char* kLabelledModel = R"(circa: 1
id: labelled-model
version: 1.0.0
title: Model furniture
labels: {nl: Modelmeubilair, fr: Mobilier modèle}
description: Model criteria.
descriptions: {nl: Modelcriteria., fr: Critères modèles.}
criteria:
  - id: price
    name: Price
    labels: {nl: Prijs, fr: Prix}
    description: Price excl. VAT.
    descriptions: {nl: Prijs excl. btw., fr: Prix hors TVA.}
    type: price
    weight: 60
    scoring: {rule: lowest-ratio}
  - id: plan
    name: Plan
    labels: {nl: Plan, fr: Plan}
    description: Quality of the plan.
    descriptions: {nl: Kwaliteit van het plan., fr: Qualité du plan.}
    type: quality
    weight: 40
    scoring: {rule: yes-no}
)";

TEST_F(DeriveTest, OwnTitleWithoutLabelsDropsTheModelsTitleLabels) {
  Write("lib/labelled.yaml", kLabelledModel);
  const auto r = Load(std::string(kHead) + "extends: ../lib/labelled.yaml\n");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  EXPECT_TRUE(r.value->labels.empty());
  EXPECT_EQ(circa::LocalTitle(*r.value, circa::Language::kDutch),
            "City furniture 2027");
  EXPECT_EQ(circa::LocalTitle(*r.value, circa::Language::kFrench),
            "City furniture 2027");
  // The description is the model's, so are its translations.
  EXPECT_EQ(r.value->descriptions.at("nl"), "Modelcriteria.");
}

TEST_F(DeriveTest, OwnTitleWithLabelsAndTheModelsTitleKeepTheirLabels) {
  Write("lib/labelled.yaml", kLabelledModel);
  const auto own = Load(std::string(kHead) + R"(extends: ../lib/labelled.yaml
labels: {nl: Stadsmeubilair 2027}
description: City criteria.
)");
  ASSERT_TRUE(own.ok()) << circa_test::Describe(own.diagnostics);
  EXPECT_EQ(circa::LocalTitle(*own.value, circa::Language::kDutch),
            "Stadsmeubilair 2027");
  // Not the model's French title, nor its descriptions of another text.
  EXPECT_EQ(circa::LocalTitle(*own.value, circa::Language::kFrench),
            "City furniture 2027");
  EXPECT_TRUE(own.value->descriptions.empty());

  const auto same = Load(R"(circa: 1
id: city-furniture-2027
version: 1.0.0
title: Model furniture
extends: ../lib/labelled.yaml
)");
  ASSERT_TRUE(same.ok()) << circa_test::Describe(same.diagnostics);
  EXPECT_EQ(circa::LocalTitle(*same.value, circa::Language::kDutch),
            "Modelmeubilair");
}

TEST_F(DeriveTest, OverriddenNameOrDescriptionDropsInheritedTranslations) {
  Write("lib/labelled.yaml", kLabelledModel);
  const auto r = Load(std::string(kHead) + R"(extends: ../lib/labelled.yaml
override:
  price: {name: Total cost of the order, description: Total cost excl. VAT.}
  plan:
    name: Service plan
    labels: {nl: Serviceplan}
    descriptions: {fr: Qualité du plan de service.}
)");
  ASSERT_TRUE(r.ok()) << circa_test::Describe(r.diagnostics);
  const circa::Criterion* price = r.value->Find("price");
  ASSERT_NE(price, nullptr);
  EXPECT_TRUE(price->doc.labels.empty());
  EXPECT_TRUE(price->doc.descriptions.empty());
  EXPECT_EQ(circa::LocalName(*price, circa::Language::kDutch),
            "Total cost of the order");
  const circa::Criterion* plan = r.value->Find("plan");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(circa::LocalName(*plan, circa::Language::kDutch), "Serviceplan");
  EXPECT_EQ(circa::LocalName(*plan, circa::Language::kFrench), "Service plan");
  // The description is the model's: its translations merge per language.
  EXPECT_EQ(plan->doc.descriptions, (std::map<std::string, std::string>{
                                        {"fr", "Qualité du plan de service."},
                                        {"nl", "Kwaliteit van het plan."}}));
  EXPECT_EQ(plan->origin.changed,
            (std::vector<std::string>{"descriptions", "labels", "name"}));
}

TEST_F(DeriveTest, DescriptionsNeedALanguageCodeAndAText) {
  const auto r = Load(std::string(kHead) + R"(extends: ../lib/model.yaml
descriptions: {Dutch: Meubilair}
override:
  price: {descriptions: {nl: ""}}
)");
  ASSERT_FALSE(r.ok());
  const std::string file = TenderFile();
  EXPECT_EQ(Messages(r.diagnostics),
            (std::vector<std::string>{
                file + ":8:30: override.price.descriptions.nl: expected a "
                       "description, got \"\"",
                file + ":6:16: descriptions: expected a two-letter language "
                       "code such as en or nl, got \"Dutch\""}));
}

}  // namespace
