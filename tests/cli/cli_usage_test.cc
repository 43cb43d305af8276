// The command line itself (docs/cli.md): help, version, and usage errors,
// which exit with code 2 and print nothing on stdout.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "circa/version.h"
#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kRunWithHelp = "Run with --help for more information.\n";

TEST(CliUsage, HelpListsTheSubcommands) {
  const RunResult r = RunCirca({"--help"});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("Usage: circa [OPTIONS] SUBCOMMAND"));
  EXPECT_THAT(r.out, HasSubstr("--version"));
  EXPECT_THAT(r.out, HasSubstr("score "));
  EXPECT_THAT(r.out, HasSubstr("validate "));
}

TEST(CliUsage, VersionPrintsNameAndVersion) {
  const RunResult r = RunCirca({"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out, "circa 0.1.0\n");
  EXPECT_EQ(r.out, std::string("circa ") + circa::kVersion + "\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliUsage, ScoreHelpListsItsOptions) {
  const RunResult r = RunCirca({"score", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("Usage: circa score [OPTIONS] CRITERIA [BIDS]"));
  for (const char* option :
       {"-f,--format", "-o,--output", "--locale", "--width"}) {
    EXPECT_THAT(r.out, HasSubstr(option));
  }
}

TEST(CliUsage, ValidateHelpListsItsOptions) {
  const RunResult r = RunCirca({"validate", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out,
              HasSubstr("Usage: circa validate [OPTIONS] CRITERIA [BIDS]"));
  EXPECT_THAT(r.out, HasSubstr("--locale"));
}

TEST(CliUsage, NoSubcommandIsAUsageError) {
  const RunResult r = RunCirca({});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string("A subcommand is required\n") + kRunWithHelp);
}

TEST(CliUsage, UnknownOptionIsAUsageError) {
  const RunResult r =
      RunCirca({"score", "samples/office-furniture", "--bogus"});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string("The following argument was not expected: "
                               "--bogus\n") +
                       kRunWithHelp);
}

TEST(CliUsage, MistypedCommandSuggestsTheClosest) {
  const RunResult r = RunCirca({"sco", "samples/catering-nl"});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "circa: unknown command \"sco\"; did you mean score?\n");
  const RunResult far = RunCirca({"-v", "frobnicate"});
  EXPECT_EQ(far.exit_code, 2) << far.Describe();
  EXPECT_EQ(far.err,
            "circa: unknown command \"frobnicate\"; expected score, "
            "validate, weights, analyze, criteria, archive or batch\n");
}

TEST(CliUsage, SheetChoosesTheWorkbookSheet) {
  const RunResult r =
      RunCirca({"validate", "samples/catering-nl-xlsx", "--sheet", "Offerte"});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.err,
            "samples/catering-nl-xlsx/bids.xlsx: no sheet named \"Offerte\"; "
            "the workbook has \"Offertes\", \"Toelichting\" (did you mean "
            "--sheet \"Offertes\"?)\n");
  const RunResult ok =
      RunCirca({"validate", "samples/catering-nl-xlsx", "--sheet", "Offertes"});
  EXPECT_EQ(ok.exit_code, 0) << ok.Describe();
}

TEST(CliUsage, UnknownTopLevelOptionIsAUsageError) {
  const RunResult r = RunCirca({"--bogus"});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, ::testing::EndsWith(kRunWithHelp));
}

TEST(CliUsage, UnknownFormatIsAUsageError) {
  const RunResult r =
      RunCirca({"score", "samples/office-furniture", "-f", "xml"});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string("--format: xml not in "
                               "{table,json,csv,md,decision,html,xlsx}\n") +
                       kRunWithHelp);
}

TEST(CliUsage, WidthOutOfRangeIsAUsageError) {
  const RunResult r =
      RunCirca({"score", "samples/office-furniture", "--width", "39"});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, std::string("--width: Value 39 not in range 40 to 1000\n") +
                       kRunWithHelp);
}

TEST(CliUsage, MissingCriteriaIsAUsageError) {
  for (const char* command : {"score", "validate"}) {
    const RunResult r = RunCirca({command});
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.Describe();
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, std::string("CRITERIA is required\n") + kRunWithHelp);
  }
}

TEST(CliUsage, ScoreWithoutBidsIsAUsageError) {
  const RunResult r =
      RunCirca({"score", "samples/office-furniture/tender.yaml"});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "circa: missing BIDS; give CRITERIA BIDS or a tender directory\n");
}

TEST(CliUsage, DirectoryAndBidsFileIsAUsageError) {
  const RunResult r = RunCirca({"score", "samples/office-furniture",
                                "samples/office-furniture/bids.csv"});
  EXPECT_EQ(r.exit_code, 2) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "circa: samples/office-furniture is a tender directory; give "
            "either a directory or CRITERIA BIDS\n");
}

TEST(CliUsage, OutputIntoAMissingDirectoryIsAnOutputError) {
  const TempDir dir;
  const std::string target = (dir.path() / "missing" / "result.json").string();
  const RunResult r =
      RunCirca({"score", "samples/office-furniture", "-o", target});
  EXPECT_EQ(r.exit_code, 3) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, StartsWith("circa: cannot create a temporary file next "
                                "to " +
                                target + ": No such file or directory\n"));
  EXPECT_EQ(dir.List(), std::vector<std::string>{});
}

}  // namespace
}  // namespace circa_test::cli
