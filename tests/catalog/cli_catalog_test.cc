// `circa criteria list|show|diff|lint` run as a child process: output,
// exit codes and the library options.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Set(const std::string& id, const std::string& version,
                int price_weight) {
  return "circa: 1\nid: " + id + "\nversion: " + version + "\ntitle: The " +
         id +
         " set\nlabels: {en: The set, nl: De set}\npublisher: Facilitator\n"
         "product-group: office-furniture\nsources:\n  - {id: eu-gpp, title: "
         "EU GPP}\ncriteria:\n"
         "  - {id: price, type: price, unit: EUR, description: Price., "
         "labels: {en: Price, nl: Prijs}, source: eu-gpp AC1, weight: " +
         std::to_string(price_weight) +
         ", scoring: {rule: lowest-ratio}}\n"
         "  - {id: reuse, type: quality, unit: \"%\", description: Reused "
         "share., labels: {en: Reuse, nl: Hergebruik}, evidence: list, level: "
         "core, source: eu-gpp AC2, anchor-source: model, strategies: [reuse], "
         "weight: " +
         std::to_string(100 - price_weight) +
         ", scoring: {rule: linear, worst: 0, best: 50}}\n";
}

TEST(CriteriaList, TableAndJsonOfALibraryDirectory) {
  TempDir lib;
  lib.Write("a.yaml", Set("chairs", "1.0.0", 40));
  lib.Write("b.yaml", Set("desks", "2.0.0", 30));
  const RunResult r =
      RunCirca({"criteria", "list", "--library", lib.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out,
            "id      version  title           product group     strategies\n"
            "chairs  1.0.0    The chairs set  office-furniture  reuse\n"
            "desks   2.0.0    The desks set   office-furniture  reuse\n"
            "2 model sets in " +
                lib.path().string() + "\n");
  const RunResult other = RunCirca(
      {"criteria", "list", "--group", "ict", "--library", lib.path().string()});
  EXPECT_EQ(other.exit_code, 0);
  EXPECT_EQ(other.out, "no model sets\n0 model sets of product group ict in " +
                           lib.path().string() + "\n");
  const RunResult json = RunCirca({"criteria", "list", "--format", "json",
                                   "--library", lib.path().string()});
  ASSERT_EQ(json.exit_code, 0);
  const nlohmann::json j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["sets"].size(), 2u);
  EXPECT_EQ(j["sets"][1]["id"], "desks");
}

TEST(CriteriaShow, ByIdFromTheLibraryAndByFile) {
  TempDir lib;
  lib.Write("a.yaml", Set("chairs", "1.0.0", 40));
  lib.Write("b.yaml", Set("chairs", "1.1.0", 35));
  const RunResult r = RunCirca(
      {"criteria", "show", "chairs", "--library", lib.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_THAT(r.out, StartsWith("chairs 1.1.0: The chairs set\n"
                                "  en: The set\n  nl: De set\n"));
  EXPECT_THAT(r.out, HasSubstr("  price  35 points  [price] \"Price\" (nl: "
                               "Prijs)\n"));
  const RunResult pinned = RunCirca(
      {"criteria", "show", "chairs@1.0.0", "--library", lib.path().string()});
  EXPECT_THAT(pinned.out, StartsWith("chairs 1.0.0: "));
  const RunResult missing = RunCirca(
      {"criteria", "show", "tables", "--library", lib.path().string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err,
              HasSubstr("no model set \"tables\" in " + lib.path().string()));
  const RunResult file =
      RunCirca({"criteria", "show", "samples/furniture-award/tender.yaml"});
  EXPECT_EQ(file.exit_code, 0) << file.Describe();
  EXPECT_THAT(file.out, HasSubstr("Requirements (checked before scoring):\n"
                                  "  legal_wood  [technical-specification]"));
}

TEST(CriteriaShow, ResolvedPrintsYamlThatValidates) {
  TempDir dir;
  const RunResult r =
      RunCirca({"criteria", "show", "--resolved", "samples/furniture-award"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_THAT(r.out, StartsWith("circa: 1\nid: furniture-award-circular\n"));
  const auto path = dir.Write("resolved.yaml", r.out);
  const RunResult v = RunCirca({"validate", path.string()});
  EXPECT_EQ(v.exit_code, 0) << v.Describe();
}

TEST(CriteriaShow, ResolvedDerivedSetNamesOrigins) {
  const RunResult r = RunCirca(
      {"criteria", "show", "--resolved", "samples/model-office-furniture"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_THAT(r.out, StartsWith("# Effective criteria set "));
  EXPECT_THAT(r.out, HasSubstr("  # from model office-furniture "));
  EXPECT_THAT(r.out, Not(HasSubstr("\nextends:")));
  TempDir dir;
  const RunResult v =
      RunCirca({"validate", dir.Write("resolved.yaml", r.out).string()});
  EXPECT_EQ(v.exit_code, 0) << v.Describe();
}

TEST(CriteriaDiff, TextAndJsonExitZero) {
  TempDir dir;
  const auto a = dir.Write("a.yaml", Set("chairs", "1.0.0", 40));
  const auto b = dir.Write("b.yaml", Set("chairs", "1.1.0", 30));
  const RunResult r = RunCirca({"criteria", "diff", a.string(), b.string()});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out, "--- " + a.string() + " (chairs 1.0.0)\n+++ " + b.string() +
                       " (chairs 1.1.0)\n"
                       "~ set: version 1.0.0 -> 1.1.0\n"
                       "~ criterion price: weight 40 -> 30 points\n"
                       "~ criterion reuse: weight 60 -> 70 points\n"
                       "3 differences: 2 re-weighted, 1 changed\n");
  const RunResult same = RunCirca({"criteria", "diff", a.string(), a.string()});
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_THAT(same.out, HasSubstr("no differences\n"));
  const RunResult json = RunCirca(
      {"criteria", "diff", "--format", "json", a.string(), b.string()});
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(json.out)["counts"]["re-weighted"], 2);
  const RunResult bad =
      RunCirca({"criteria", "diff", a.string(), "missing.yaml"});
  EXPECT_EQ(bad.exit_code, 1);
}

TEST(CriteriaLint, CleanFindingsStrictAndAgainst) {
  TempDir dir;
  const auto good = dir.Write("good.yaml", Set("chairs", "1.0.0", 40));
  const RunResult ok =
      RunCirca({"criteria", "lint", "--strict", good.string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.Describe();
  EXPECT_EQ(ok.out, "ok: 1 set, no findings\n");

  std::string text = Set("chairs", "1.1.0", 40);
  text.replace(text.find("publisher: Facilitator\n"), 23, "");
  const auto warn = dir.Write("warn.yaml", text);
  const RunResult w = RunCirca({"criteria", "lint", warn.string()});
  EXPECT_EQ(w.exit_code, 0) << w.Describe();
  EXPECT_EQ(w.out, warn.string() +
                       ":1:1: warning: publisher: missing; a model set names "
                       "who publishes and maintains it\n"
                       "1 set: 0 errors, 1 warning\n");
  const RunResult strict =
      RunCirca({"criteria", "lint", "--strict", warn.string(), good.string()});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_THAT(strict.out,
              HasSubstr("2 sets: 0 errors, 1 warning (--strict: warnings "
                        "fail)\n"));

  text = Set("chairs", "1.1.0", 40);
  text.replace(text.find("source: eu-gpp AC2"), 18, "source: eu-gppx AC2");
  text.replace(text.find("id: reuse"), 9, "id: reused");
  const auto err = dir.Write("err.yaml", text);
  const RunResult e =
      RunCirca({"criteria", "lint", err.string(), "--against", good.string()});
  EXPECT_EQ(e.exit_code, 1);
  EXPECT_EQ(e.out,
            err.string() +
                ":12:5: criteria[1].source: \"eu-gppx AC2\" does not start "
                "with a declared source id (eu-gpp)\n" +
                err.string() +
                ":1:1: criteria: criterion \"reuse\" of version 1.0.0 is gone "
                "in version 1.1.0; removing or renaming an id needs a new "
                "major version (2.0.0)\n"
                "1 set: 2 errors, 0 warnings\n");

  const RunResult invalid = RunCirca({"criteria", "lint", "nope.yaml"});
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_THAT(invalid.out, HasSubstr("nope.yaml"));
}

TEST(CriteriaCommand, HelpListsEverySubcommand) {
  const RunResult r = RunCirca({"criteria", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"list", "show", "diff", "lint", "export", "import"}) {
    EXPECT_THAT(r.out, HasSubstr(sub));
  }
}

}  // namespace
}  // namespace circa_test::cli
