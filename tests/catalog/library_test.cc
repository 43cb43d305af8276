// The model library: ListLibrary over a temporary library directory, and
// the lookup functions of circa/library.h (engine/io/library.cc).
#include "circa/library.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "circa/catalog.h"
#include "test_util.h"

namespace circa {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class Library : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() /
           ("circa-library-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  static std::string Set(const std::string& id, const std::string& version,
                         const std::string& group,
                         const std::string& strategies) {
    return "circa: 1\nid: " + id + "\nversion: " + version + "\ntitle: " + id +
           " set\nproduct-group: " + group +
           "\ncriteria:\n  - {id: price, type: price, weight: 60, scoring: "
           "{rule: lowest-ratio}}\n  - {id: q, type: quality, weight: 40, "
           "strategies: [" +
           strategies + "], scoring: {rule: yes-no}}\n";
  }

  std::string dir() const { return dir_.string(); }

  fs::path dir_;
};

TEST_F(Library, ListsEverySetSortedAndBrokenFilesWithTheirError) {
  Write("b.yaml", Set("ict", "1.10.0", "ict-hardware", "reuse, next-loop"));
  Write("a.yaml", Set("ict", "1.9.0", "ict-hardware", "reuse"));
  Write("c.yml", Set("furniture", "1.0.0", "office-furniture", "longer-life"));
  Write("broken.yaml", "circa: 1\nid: broken\n");
  Write("notes.txt", "not a set");
  const std::vector<LibraryEntry> all = ListLibrary({dir()});
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, "furniture");
  EXPECT_EQ(all[1].version, "1.9.0");
  EXPECT_EQ(all[2].version, "1.10.0");
  EXPECT_THAT(all[2].strategies,
              ElementsAre(Strategy::kReuse, Strategy::kNextLoop));
  EXPECT_EQ(all[2].criteria, 2);
  EXPECT_EQ(all[2].product_group, "ict-hardware");
  EXPECT_EQ(all[3].file, (dir_ / "broken.yaml").string());
  EXPECT_EQ(all[3].error, (dir_ / "broken.yaml").string() +
                              ":1:1: version: missing; expected a text value");
  EXPECT_EQ(RenderLibraryTable(all),
            "id         version  title          product group     strategies\n"
            "furniture  1.0.0    furniture set  office-furniture  longer-life\n"
            "ict        1.9.0    ict set        ict-hardware      reuse\n"
            "ict        1.10.0   ict set        ict-hardware      reuse, "
            "next-loop\n"
            "not loaded (first error):\n  " +
                all[3].error + "\n");

  const std::vector<LibraryEntry> ict = ListLibrary({dir()}, "ICT-hardware");
  ASSERT_EQ(ict.size(), 3u);  // the broken file is always listed
  EXPECT_EQ(ict[0].id, "ict");

  const nlohmann::json j = nlohmann::json::parse(RenderLibraryJson(ict));
  EXPECT_EQ(j["schema"], "circa.library/1");
  EXPECT_EQ(j["sets"][1]["strategies"], nlohmann::json({"reuse", "next-loop"}));
  EXPECT_TRUE(j["sets"][0]["error"].is_null());
  EXPECT_FALSE(j["sets"][2]["error"].is_null());
}

TEST_F(Library, EmptyOrMissingDirectory) {
  EXPECT_TRUE(ListLibrary({dir()}).empty());
  EXPECT_TRUE(ListLibrary({dir() + "/missing"}).empty());
  EXPECT_EQ(RenderLibraryTable({}), "no model sets\n");
}

TEST_F(Library, FindModelSetByIdAndVersion) {
  Write("x.yaml", Set("ict", "1.10.0", "ict-hardware", "reuse"));
  Write("y.yaml", Set("ict", "1.9.0", "ict-hardware", "reuse"));
  const Result<std::string> latest = FindModelSet({dir()}, "ict", "");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(*latest.value, (dir_ / "x.yaml").string());
  const Result<std::string> pinned = FindModelSet({dir()}, "ict", "1.9.0");
  ASSERT_TRUE(pinned.ok());
  EXPECT_EQ(*pinned.value, (dir_ / "y.yaml").string());
  const Result<std::string> missing = FindModelSet({dir()}, "ict", "2.0.0");
  ASSERT_FALSE(missing.ok());
  ASSERT_EQ(missing.diagnostics.size(), 1u);
  EXPECT_EQ(missing.diagnostics[0].message,
            "no model set \"ict\" at version 2.0.0 in " + dir() +
                "; versions there: 1.9.0 1.10.0");
  const Result<std::string> none = FindModelSet({}, "ict", "");
  ASSERT_FALSE(none.ok());
  EXPECT_THAT(none.diagnostics[0].message,
              HasSubstr("no library directory (set CIRCA_LIBRARY)"));
}

TEST(LibraryLookup, ParseModelReference) {
  std::string id;
  std::string version;
  EXPECT_TRUE(ParseModelReference("office-furniture@1.0.0", &id, &version));
  EXPECT_EQ(id, "office-furniture");
  EXPECT_EQ(version, "1.0.0");
  EXPECT_TRUE(ParseModelReference("office-furniture", &id, &version));
  EXPECT_EQ(version, "");
  EXPECT_FALSE(ParseModelReference("../criteria/x.yaml", &id, &version));
  EXPECT_FALSE(ParseModelReference("x.yaml", &id, &version));
  EXPECT_FALSE(ParseModelReference("x.yml", &id, &version));
  EXPECT_FALSE(ParseModelReference("", &id, &version));
  EXPECT_FALSE(ParseModelReference("@1.0", &id, &version));
}

TEST(LibraryLookup, CompareVersions) {
  EXPECT_GT(CompareVersions("1.10.0", "1.9.2"), 0);
  EXPECT_LT(CompareVersions("1.9.2", "1.10.0"), 0);
  EXPECT_EQ(CompareVersions("1.0.0", "1.0.0"), 0);
  EXPECT_EQ(CompareVersions("01.0", "1.0"), 0);
  EXPECT_LT(CompareVersions("1.0", "1.0.1"), 0);
  EXPECT_GT(CompareVersions("2", "1.99.99"), 0);
  EXPECT_LT(CompareVersions("1.0.0-beta", "1.0.0-rc"), 0);
  EXPECT_GT(CompareVersions("99999999999999999999.0", "9.0"), 0);
}

}  // namespace
}  // namespace circa
