// A skeleton imported from a real notice (../shared/data) marks its
// placeholder rules `draft: true`: `circa score` refuses it naming every
// draft criterion, `validate` warns, and once the buyer completes the rules
// it scores.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

using ::testing::HasSubstr;

std::string Draft(int line, const std::string& path, const std::string& id) {
  return "skeleton.yaml:" + std::to_string(line) + ":5: " + path + ": \"" + id +
         "\" is a draft (draft: true): complete its scoring rule and remove "
         "draft: true before scoring\n";
}

TEST(CliDraft, AnImportedSkeletonIsRefusedUntilItsRulesAreCompleted) {
  const std::filesystem::path notice = SourceDir() / ".." / "shared" / "data" /
                                       "eforms-sdk" / "notices" /
                                       "can_24_UKRI.xml";
  if (!std::filesystem::exists(notice)) {
    GTEST_SKIP() << "no shared data at " << notice.string();
  }
  const TempDir dir;
  const RunResult imported = RunCirca(
      {"criteria", "import", "--quiet", notice.string(), "-o", "skeleton.yaml"},
      {.cwd = dir.path()});
  ASSERT_EQ(imported.exit_code, 0) << imported.Describe();
  const std::string skeleton = ReadFile(dir.path() / "skeleton.yaml");
  // Quality 70, presentation 15, price 15 (per-exa), each rule a draft.
  dir.Write("bids.csv",
            "bid,supplier,quality,presentation,price\n"
            "A,Alpha,6,8,100000\n"
            "B,Beta,8,5,125000\n");

  const RunResult refused =
      RunCirca({"score", "skeleton.yaml", "bids.csv"}, {.cwd = dir.path()});
  EXPECT_EQ(refused.exit_code, 1) << refused.Describe();
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err, Draft(14, "criteria[0].draft", "quality") +
                             Draft(20, "criteria[1].draft", "presentation") +
                             Draft(26, "criteria[2].draft", "price"));

  const RunResult checked =
      RunCirca({"validate", "skeleton.yaml"}, {.cwd = dir.path()});
  EXPECT_EQ(checked.exit_code, 0) << checked.Describe();
  EXPECT_THAT(checked.err,
              HasSubstr("skeleton.yaml:20:5: warning: criteria[1].draft: "
                        "\"presentation\" is a draft"));

  // The buyer writes the published rules (here: keeps the placeholders)
  // and deletes every `draft: true`.
  std::string completed = skeleton;
  int removed = 0;
  for (std::size_t at;
       (at = completed.find("    draft: true\n")) != std::string::npos;) {
    completed.erase(at, std::string("    draft: true\n").size());
    ++removed;
  }
  EXPECT_EQ(removed, 3);
  dir.Write("skeleton.yaml", completed);
  const RunResult scored = RunCirca(
      {"score", "skeleton.yaml", "bids.csv", "-f", "csv"}, {.cwd = dir.path()});
  EXPECT_EQ(scored.exit_code, 0) << scored.Describe();
  // B: 56 + 7.5 + 12 = 75.5; A: 42 + 12 + 15 = 69.
  EXPECT_THAT(scored.out, HasSubstr("\n1,B,Beta,ranked,no,75.500000,"));
}

}  // namespace
}  // namespace circa_test::cli
