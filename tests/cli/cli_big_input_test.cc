// Large inputs must end quickly, with a result or an error, never hang or
// exhaust memory. The files are generated in a temp dir at test time.
// ctest gives these tests their own TIMEOUT (timeouts.cmake); RunCirca's
// deadline below stops the child first, so a hang shows up as a failure
// with the time taken, not as a killed test binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::StartsWith;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

#ifdef NDEBUG
constexpr bool kOptimised = true;
#else
constexpr bool kOptimised = false;
#endif

// 100 MB in an optimised build; sanitized and debug builds are several
// times slower and larger, so they get a tenth of it in the same time.
constexpr std::size_t kBigBytes =
    (kOptimised && !kSanitized) ? 100u << 20 : 10u << 20;
// What "quickly" means for kBigBytes: room for a linear pass over 2.3
// million bids on a loaded machine (about 50 s in an optimised build, most
// of it building explanations), far below anything quadratic (hours).
constexpr std::chrono::seconds kBudget{120};

// The office-furniture criteria, so that the bids are realistic.
std::string FurnitureCriteria() {
  return (SourceDir() / "samples/office-furniture/tender.yaml").string();
}

// Bids the way tenders produce them: prices rounded to 10 EUR, whole
// percentages, yes/no, whole years and scale levels, so many bids share a
// value and many share a total.
std::string RealisticBids(std::size_t bytes, std::size_t* count) {
  static constexpr const char* kPlans[] = {"unacceptable", "weak", "acceptable",
                                           "good", "excellent"};
  std::mt19937 engine(42);
  std::string out =
      "bid,supplier,price,recycled_content,take_back,warranty_years,plan\n";
  out.reserve(bytes + 256);
  std::size_t n = 0;
  char line[160];
  while (out.size() < bytes) {
    // One draw per statement: the order of arguments is unspecified.
    const auto draw = [&engine](unsigned range) {
      return static_cast<unsigned>(engine() % range);
    };
    const unsigned price = 150000u + draw(10000u) * 10u;
    const unsigned recycled = draw(61u);
    const char* take_back = draw(2u) != 0 ? "yes" : "no";
    const unsigned warranty = 1u + draw(12u);
    const char* plan = kPlans[draw(5u)];
    const int written =
        std::snprintf(line, sizeof line, "B%zu,Supplier %zu,%u,%u,%s,%u,%s\n",
                      n, n % 977, price, recycled, take_back, warranty, plan);
    out.append(line, static_cast<std::size_t>(written));
    ++n;
  }
  *count = n;
  return out;
}

TEST(CliBigInput, HundredMegabyteBidsFileEndsQuickly) {
  const TempDir dir;
  std::size_t count = 0;
  dir.Write("bids.csv", RealisticBids(kBigBytes, &count));
  // The plan's levels come from the bid file, so the copy of the criteria
  // drops the plan's panel policy (a panel criterion is scored only from a
  // panel file, docs/panels.md).
  std::string criteria = ReadFile(FurnitureCriteria());
  const std::size_t panel = criteria.find("    panel: {");
  ASSERT_NE(panel, std::string::npos);
  criteria.erase(panel, criteria.find('\n', panel) + 1 - panel);
  dir.Write("tender.yaml", criteria);
  const RunResult r = RunCirca(
      {"score", "tender.yaml", "bids.csv", "-f", "csv", "-o", "out.csv"},
      {.cwd = dir.path(), .timeout = kBudget});
  ASSERT_FALSE(r.timed_out) << kBigBytes << " bytes, " << count << " bids";
  EXPECT_EQ(r.out, "");
  if (r.exit_code == 0) {
    // A result: one CSV row per bid.
    const std::string result = ReadFile(dir.path() / "out.csv");
    std::size_t rows = 0;
    for (const char c : result) rows += c == '\n';
    EXPECT_EQ(rows, count + 1);
  } else {
    // An error: it names the file, and nothing was written.
    EXPECT_EQ(r.exit_code, 1) << r.Describe();
    EXPECT_THAT(r.err, StartsWith("bids.csv"));
    EXPECT_FALSE(fs::exists(dir.path() / "out.csv"));
  }
  RecordProperty("seconds", std::to_string(r.seconds));
  std::printf("%zu bytes, %zu bids: exit code %d in %.1f s\n", kBigBytes, count,
              r.exit_code, r.seconds);
}

TEST(CliBigInput, HundredMegabytesOfNulBytes) {
  const TempDir dir;
  WriteFile(dir.path() / "bids.csv", "");
  fs::resize_file(dir.path() / "bids.csv", 100u << 20);  // sparse, all NUL
  const RunResult r = RunCirca({"score", FurnitureCriteria(), "bids.csv"},
                               {.cwd = dir.path(), .timeout = kBudget});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "bids.csv:1:1: expected UTF-8 text, found a byte that is not "
            "(binary file?)\n");
}

TEST(CliBigInput, HundredMegabyteCriteriaFileIsRefusedUnread) {
  const TempDir dir;
  WriteFile(dir.path() / "tender.yaml", "");
  fs::resize_file(dir.path() / "tender.yaml", 100u << 20);
  const RunResult r = RunCirca({"score", "tender.yaml", "bids.csv"},
                               {.cwd = dir.path(), .timeout = kBudget});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "tender.yaml: file is 104857600 bytes; the limit is 4194304 "
            "bytes\n");
  EXPECT_LT(r.seconds, 5.0);
}

}  // namespace
}  // namespace circa_test::cli
