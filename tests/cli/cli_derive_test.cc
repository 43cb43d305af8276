// Derived sets on the command line: `circa validate` names the model and
// the origin of every criterion, `circa score` records the model in the
// JSON result, `--library` finds a model by id, and a derived set that no
// longer adds up fails with the tender file's position.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

TEST(CliDerive, ValidateNamesTheModelAndEveryOrigin) {
  const RunResult r = RunCirca({"validate", "samples/model-lighting"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_NE(r.out.find("samples/model-lighting/tender.yaml: derived from model "
                       "lighting 1.0.0 (criteria/lighting.yaml)\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("price (model, changed: weight)"), std::string::npos);
  EXPECT_NE(r.out.find("spare_stock (local)"), std::string::npos);
  EXPECT_NE(r.out.find("samples/model-lighting/tender.yaml: dropped from the "
                       "model: dimming_controls\n"),
            std::string::npos);
}

TEST(CliDerive, JsonResultRecordsTheModelAndItsChecksum) {
  const RunResult r =
      RunCirca({"score", "samples/model-lighting", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["criteria_set"]["model"]["id"], "lighting");
  EXPECT_EQ(j["criteria_set"]["model"]["version"], "1.0.0");
  ASSERT_EQ(j["inputs"].size(), 3u);  // criteria, bids, then the model
  EXPECT_EQ(j["inputs"][1]["role"], "bids");
  EXPECT_EQ(j["inputs"][2]["role"], "model");
  EXPECT_EQ(j["inputs"][2]["path"], "criteria/lighting.yaml");
  EXPECT_EQ(j["inputs"][2]["sha256"].get<std::string>().size(), 64u);
  bool local = false;
  for (const auto& c : j["criteria"]) {
    if (c["id"] == "spare_stock") local = c["origin"] == "local";
  }
  EXPECT_TRUE(local);
}

TEST(CliDerive, LibraryOptionFindsAModelById) {
  TempDir dir;
  std::ofstream(dir.path() / "tender.yaml") << R"(circa: 1
id: t
version: 1.0.0
title: T
extends: lighting@1.0.0
)";
  const std::string lib = (SourceDir() / "criteria").string();
  const RunResult r = RunCirca(
      {"validate", "--library", lib, (dir.path() / "tender.yaml").string()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_NE(r.out.find("derived from model lighting 1.0.0 (" + lib +
                       "/lighting.yaml)"),
            std::string::npos)
      << r.out;

  const RunResult missing =
      RunCirca({"validate", "--library", dir.path().string(),
                (dir.path() / "tender.yaml").string()});
  EXPECT_EQ(missing.exit_code, 1) << missing.Describe();
  EXPECT_NE(missing.err.find("tender.yaml:5:10: extends: no model set "
                             "\"lighting\" at version 1.0.0 in " +
                             dir.path().string()),
            std::string::npos)
      << missing.err;
}

TEST(CliDerive, AReweightingThatNoLongerAddsUpFailsAtTheTendersLine) {
  TempDir dir;
  // By library id: an absolute path would be outside the tender's tree.
  std::ofstream(dir.path() / "tender.yaml")
      << "circa: 1\nid: t\nversion: 1.0.0\ntitle: T\nextends: "
         "lighting@1.0.0\noverride:\n  price: {weight: 20}\n";
  const RunResult r =
      RunCirca({"--library", (SourceDir() / "criteria").string(), "validate",
                (dir.path() / "tender.yaml").string()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_NE(r.err.find("tender.yaml:7:10: criteria: weights add up to 85; "
                       "expected 100 (the scale)"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

}  // namespace
}  // namespace circa_test::cli
