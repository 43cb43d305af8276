// Deriving a set from its model (engine/io/criteria_derive.cc) is a pure
// function of the derived set's YAML and the model: no file is read, so a
// model held in memory (a browser, a test) derives the same way as one
// found on disk by the loader.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "circa/load.h"
#include "io/criteria_reader.h"

namespace circa::io {
namespace {

constexpr const char* kModel = R"(circa: 1
id: model-chairs
version: 2.0.0
title: Model chairs
criteria:
  - {id: price, type: price, weight: 60, scoring: {rule: lowest-ratio}}
  - {id: warranty, type: quality, unit: years, weight: 40,
     scoring: {rule: linear, worst: 0, best: 10}}
)";

TEST(DeriveCriteriaSetTest, DerivesFromAModelInMemoryWithoutFiles) {
  const Result<CriteriaSet> model =
      ParseCriteria(kModel, "/nonexistent/model-chairs.yaml");
  ASSERT_TRUE(model.value) << model.diagnostics.size();
  const YAML::Node root = YAML::Load(R"(circa: 1
id: tender-42
version: 1.0.0
title: Tender 42
extends: model-chairs@2
override: {warranty: {weight: 30}}
)");
  Diagnostics diag;
  const std::optional<CriteriaSet> set = DeriveCriteriaSet(
      root, *model.value, "/nonexistent/tender-42.yaml", &diag, {});
  ASSERT_TRUE(set);
  EXPECT_FALSE(diag.HasErrors());
  EXPECT_EQ(set->id, "tender-42");
  EXPECT_EQ(set->model_id, "model-chairs");
  EXPECT_EQ(set->model_version, "2.0.0");
  ASSERT_EQ(set->criteria.size(), 2u);
  EXPECT_EQ(set->criteria[1].id, "warranty");
  EXPECT_EQ(set->criteria[1].weight, 30.0);
}

TEST(DeriveCriteriaSetTest, ReportsAnUnknownIdAtItsPositionInTheDerivedFile) {
  const Result<CriteriaSet> model = ParseCriteria(kModel, "model.yaml");
  ASSERT_TRUE(model.value);
  const YAML::Node root = YAML::Load(R"(circa: 1
id: tender-42
version: 1.0.0
title: Tender 42
extends: model-chairs@2
drop: [waranty]
)");
  Diagnostics diag;
  DeriveCriteriaSet(root, *model.value, "tender.yaml", &diag, {});
  ASSERT_TRUE(diag.HasErrors());
  const std::vector<Diagnostic> all = diag.Take();
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0].where.file, "tender.yaml");
  EXPECT_EQ(all[0].where.line, 6);
}

}  // namespace
}  // namespace circa::io
