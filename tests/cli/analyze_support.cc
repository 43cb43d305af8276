#include "cli/analyze_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace circa_test::cli {

RunResult Analyze(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"analyze", kAnalyzeSample};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunCirca(args);
}

nlohmann::json Json(const RunResult& run) {
  EXPECT_EQ(run.exit_code, 0) << run.Describe();
  return nlohmann::json::parse(run.out);
}

void ExpectApprovedAnalysis(const std::string& name,
                            const std::vector<std::string>& args,
                            const std::vector<std::string>& languages) {
  namespace fs = std::filesystem;
  struct Variant {
    std::string format;
    std::string lang;
  };
  std::vector<Variant> variants = {{"table", ""}, {"json", ""}, {"md", ""}};
  for (const std::string& lang : languages) {
    variants.push_back({"table", lang});
    variants.push_back({"md", lang});
  }
  for (const Variant& v : variants) {
    const std::string format =
        v.lang.empty() ? v.format : v.format + "." + v.lang;
    SCOPED_TRACE(name + " " + format);
    std::vector<std::string> run_args = args;
    run_args.insert(run_args.end(), {"-f", v.format, "--width", "100"});
    if (!v.lang.empty()) run_args.insert(run_args.end(), {"--lang", v.lang});
    const RunResult run = RunCirca(run_args);
    EXPECT_EQ(run.exit_code, 0) << run.Describe();
    if (run.exit_code != 0) continue;
    const fs::path approved = SourceDir() / "tests" / "golden" / "approved" /
                              "analyze" /
                              (name + "." + format + ".approved.txt");
    EXPECT_TRUE(fs::is_regular_file(approved)) << approved;
    if (!fs::is_regular_file(approved)) continue;
    EXPECT_EQ(run.out, ReadFile(approved))
        << "if the change is intended, rerun the command above and replace "
        << approved;
  }
}

}  // namespace circa_test::cli
