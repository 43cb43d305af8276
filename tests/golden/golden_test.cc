// Approval tests (after Catch2's tools/scripts/approvalTests.py) for every
// report a person reads: for each samples/<name>/ holding tender.yaml and
// each format, `circa score samples/<name> --format <format> --width 100`,
// run from the source tree, must print exactly
// tests/golden/approved/<name>.<format>.approved.txt (English, the default);
// and with `--lang nl` and `--lang fr`, the table, Markdown and CSV must
// print <name>.<format>.<lang>.approved.txt (docs/translating.md).
//
// On a mismatch the output is written to <name>.<format>.unapproved.txt
// next to the approved file (git ignores it) and the test fails with a diff
// hint. scripts/approve-golden.sh runs the same command and approves.
//
// Nothing is normalised: the output has no volatile text. The JSON carries
// the input paths as given (relative to the source tree) and their SHA-256,
// which only change when a checked-in input does.
#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kFormats = {"table", "json",     "md",
                                           "csv",   "decision", "html"};
// The languages besides English with golden files, and their formats (JSON
// keys are not translated).
const std::vector<std::string> kLanguages = {"nl", "fr"};
const std::vector<std::string> kLanguageFormats = {"table", "md", "csv",
                                                   "decision", "html"};

// A set with a money-based award (`award:`) has no HTML report.
bool HasFormat(const std::string& sample, const std::string& format) {
  if (format != "html") return true;
  const std::string tender =
      ReadFile(SourceDir() / "samples" / sample / "tender.yaml");
  return tender.rfind("award:", 0) != 0 &&
         tender.find("\naward:") == std::string::npos;
}

struct GoldenCase {
  std::string sample;
  std::string format;
  std::string lang;  // empty: the default, English

  // "json", "table.nl": the middle of the approved file's name.
  std::string Variant() const {
    return lang.empty() ? format : format + "." + lang;
  }
};

// How ctest shows the parameter: "office-furniture.json".
void PrintTo(const GoldenCase& c, std::ostream* os) {
  *os << c.sample << "." << c.Variant();
}

// The samples found when the build was configured (see CMakeLists.txt).
std::vector<std::string> ConfiguredSamples() {
  std::vector<std::string> names;
  std::string_view list = CIRCA_GOLDEN_SAMPLES;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    names.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return names;
}

// Every sample in the tree now, in every format.
std::vector<GoldenCase> AllCases() {
  std::vector<GoldenCase> cases;
  for (const std::string& sample : DiscoverSamples()) {
    for (const std::string& format : kFormats)
      if (HasFormat(sample, format)) cases.push_back({sample, format, ""});
    for (const std::string& lang : kLanguages) {
      for (const std::string& format : kLanguageFormats)
        if (HasFormat(sample, format)) cases.push_back({sample, format, lang});
    }
  }
  return cases;
}

fs::path ApprovedDir() { return SourceDir() / "tests" / "golden" / "approved"; }

fs::path ApprovedPath(const GoldenCase& c) {
  return ApprovedDir() / (c.sample + "." + c.Variant() + ".approved.txt");
}

fs::path UnapprovedPath(const GoldenCase& c) {
  return ApprovedDir() / (c.sample + "." + c.Variant() + ".unapproved.txt");
}

// "line 12:\n  approved: ...\n  received: ..." for the first difference.
std::string FirstDifference(const std::string& approved,
                            const std::string& received) {
  const std::vector<std::string> a = Lines(approved);
  const std::vector<std::string> b = Lines(received);
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string x = i < a.size() ? a[i] : "<end of file>";
    const std::string y = i < b.size() ? b[i] : "<end of file>";
    if (x != y) {
      return "first difference at line " + std::to_string(i + 1) +
             ":\n  approved: " + x + "\n  received: " + y + "\n";
    }
  }
  return "the files differ only in their final newline\n";
}

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, MatchesApproved) {
  const GoldenCase& c = GetParam();
  std::vector<std::string> args = {
      "score", "samples/" + c.sample, "--format", c.format, "--width", "100"};
  if (!c.lang.empty()) {
    args.push_back("--lang");
    args.push_back(c.lang);
  }
  const RunResult r = RunCirca(args, {.cwd = SourceDir()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  ASSERT_FALSE(r.out.empty());

  const fs::path approved = ApprovedPath(c);
  const fs::path unapproved = UnapprovedPath(c);
  std::error_code ec;
  const bool exists = fs::is_regular_file(approved, ec);
  if (exists && ReadFile(approved) == r.out) {
    fs::remove(unapproved, ec);  // stale from an earlier failing run
    return;
  }
  fs::create_directories(ApprovedDir(), ec);
  WriteFile(unapproved, r.out);
  const std::string hint = "  diff -u " + approved.string() + " " +
                           unapproved.string() +
                           "\nIf the new output is right, approve it with\n"
                           "  scripts/approve-golden.sh [BUILD_DIR]\n";
  if (!exists) {
    FAIL() << "no approved output for " << c.sample << " (" << c.Variant()
           << "); the output was written to " << unapproved.string()
           << ". Read it, then approve it with\n"
              "  scripts/approve-golden.sh [BUILD_DIR]\n";
  }
  FAIL() << c.sample << " (" << c.Variant()
         << ") differs from the approved output.\n"
         << FirstDifference(ReadFile(approved), r.out)
         << "The output was written next to it; compare with\n"
         << hint;
}

std::string CaseName(const ::testing::TestParamInfo<GoldenCase>& info) {
  std::string name = info.param.sample + "_" + info.param.format +
                     (info.param.lang.empty() ? "" : "_" + info.param.lang);
  for (char& ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9');
    if (!ok) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Samples, Golden, ::testing::ValuesIn(AllCases()),
                         CaseName);

// ctest runs the cases listed when golden_test was built; a sample added
// since then would silently go untested.
TEST(GoldenFiles, SampleListIsCurrent) {
  EXPECT_EQ(ConfiguredSamples(), DiscoverSamples())
      << "samples/ changed since the build was configured; rebuild "
         "(cmake --build <dir>) so that ctest lists every sample";
}

// An approved file whose sample or format is gone would never be checked
// again; scripts/approve-golden.sh removes such files.
TEST(GoldenFiles, EveryApprovedFileBelongsToASample) {
  std::set<std::string> expected;
  for (const GoldenCase& c : AllCases()) {
    expected.insert(ApprovedPath(c).filename().string());
  }
  std::error_code ec;
  for (const fs::directory_entry& e :
       fs::directory_iterator(ApprovedDir(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 13 && name.ends_with(".approved.txt")) {
      EXPECT_TRUE(expected.count(name))
          << name << " has no samples/<name>/tender.yaml or unknown format";
    }
  }
}

}  // namespace
}  // namespace circa_test::cli
