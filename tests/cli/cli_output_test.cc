// What `circa score` and `circa validate` write for good input: the same
// result whichever way the inputs are named, -o written atomically, every
// format, byte-identical reruns, and validate on every sample.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

const std::vector<std::string> kFormats = {"table", "json", "csv", "md"};

// The bid file a tender directory resolves to (docs/bids-format.md).
std::string BidsFileOf(const std::string& sample) {
  for (const char* name : {"bids.csv", "bids.yaml", "bids.yml", "bids.json",
                           "bids.xlsx", "bids.ods"}) {
    if (fs::is_regular_file(SourceDir() / "samples" / sample / name)) {
      return "samples/" + sample + "/" + name;
    }
  }
  ADD_FAILURE() << "samples/" << sample << " has no bid file";
  return "";
}

// The sample's cost profile (for `from: lcc` criteria), or "".
std::string CostProfileOf(const std::string& sample) {
  for (const char* name :
       {"cost-profile.yaml", "cost-profile.yml", "cost-profile.csv"}) {
    if (fs::is_regular_file(SourceDir() / "samples" / sample / name)) {
      return "samples/" + sample + "/" + name;
    }
  }
  return "";
}

RunResult Score(const std::string& sample, const std::string& format) {
  return RunCirca(
      {"score", "samples/" + sample, "--format", format, "--width", "100"});
}

TEST(CliOutput, SamplesExist) {
  EXPECT_THAT(DiscoverSamples(), ::testing::Contains("office-furniture"));
}

TEST(CliOutput, DirectoryAndTwoPathsGiveIdenticalOutput) {
  for (const std::string& sample : DiscoverSamples()) {
    for (const std::string& format : kFormats) {
      SCOPED_TRACE(sample + " " + format);
      const RunResult dir = Score(sample, format);
      std::vector<std::string> args{"score",
                                    "samples/" + sample + "/tender.yaml",
                                    BidsFileOf(sample),
                                    "--format",
                                    format,
                                    "--width",
                                    "100"};
      const std::string panel = "samples/" + sample + "/panel.csv";
      if (std::filesystem::exists(panel)) {
        args.insert(args.end(), {"--panel", panel});
      }
      if (const std::string costs = CostProfileOf(sample); !costs.empty()) {
        args.insert(args.end(), {"--costs", costs});
      }
      const RunResult files = RunCirca(args);
      ASSERT_EQ(dir.exit_code, 0) << dir.Describe();
      ASSERT_EQ(files.exit_code, 0) << files.Describe();
      EXPECT_FALSE(dir.out.empty());
      EXPECT_EQ(dir.out, files.out);
      EXPECT_EQ(dir.err, files.err);
    }
  }
}

TEST(CliOutput, SameInputTwiceIsByteIdentical) {
  for (const std::string& sample : DiscoverSamples()) {
    for (const std::string& format : kFormats) {
      SCOPED_TRACE(sample + " " + format);
      const RunResult first = Score(sample, format);
      const RunResult second = Score(sample, format);
      ASSERT_EQ(first.exit_code, 0) << first.Describe();
      EXPECT_EQ(first.out, second.out);
      EXPECT_EQ(first.err, second.err);
    }
  }
}

TEST(CliOutput, OutputFileHoldsExactlyWhatStdoutWouldAndNothingElse) {
  for (const std::string& format : kFormats) {
    SCOPED_TRACE(format);
    const TempDir dir;
    const fs::path target = dir.path() / ("result." + format);
    const RunResult to_stdout = Score("office-furniture", format);
    const RunResult to_file =
        RunCirca({"score", "samples/office-furniture", "--format", format,
                  "--width", "100", "-o", target.string()});
    ASSERT_EQ(to_file.exit_code, 0) << to_file.Describe();
    EXPECT_EQ(to_file.out, "") << "-o must keep stdout empty";
    EXPECT_EQ(ReadFile(target), to_stdout.out);
    // The temporary file was renamed, not left next to the result.
    EXPECT_THAT(dir.List(), ElementsAre("result." + format));
    struct stat st {};
    ASSERT_EQ(stat(target.c_str(), &st), 0);
    const mode_t mask = umask(0);
    umask(mask);
    EXPECT_EQ(st.st_mode & 0777u, 0666u & ~mask)
        << "docs/cli.md: a new file's mode is 0666 less the umask";
  }
}

TEST(CliOutput, OutputFileReplacesAnExistingFile) {
  const TempDir dir;
  const fs::path target = dir.Write("result.csv", "old content\n");
  const RunResult r = RunCirca({"score", "samples/office-furniture", "-f",
                                "csv", "-o", target.string()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(ReadFile(target), Score("office-furniture", "csv").out);
  EXPECT_THAT(dir.List(), ElementsAre("result.csv"));
}

TEST(CliOutput, FailedRunKeepsAnExistingOutputFile) {
  const TempDir dir;
  const fs::path target = dir.Write("result.csv", "old content\n");
  dir.Write("tender.yaml", "circa: 1\n");  // no id, title, criteria...
  const RunResult r =
      RunCirca({"score", "tender.yaml", "bids.csv", "-o", target.string()},
               {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(ReadFile(target), "old content\n");
  EXPECT_THAT(dir.List(), ElementsAre("result.csv", "tender.yaml"));
}

TEST(CliOutput, DashMeansStdout) {
  const RunResult r =
      RunCirca({"score", "samples/office-furniture", "-f", "csv", "-o", "-"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out, Score("office-furniture", "csv").out);
  EXPECT_FALSE(fs::exists(SourceDir() / "-"));
}

TEST(CliOutput, FormatNamesIgnoreCase) {
  for (const std::string& format : kFormats) {
    std::string upper = format;
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    const RunResult r = Score("office-furniture", upper);
    ASSERT_EQ(r.exit_code, 0) << upper << ": " << r.Describe();
    EXPECT_EQ(r.out, Score("office-furniture", format).out) << upper;
  }
}

TEST(CliOutput, DefaultFormatIsTheTable) {
  const RunResult r =
      RunCirca({"score", "samples/office-furniture", "--width", "100"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out, Score("office-furniture", "table").out);
}

TEST(CliOutput, JsonIsAResultDocument) {
  for (const std::string& sample : DiscoverSamples()) {
    SCOPED_TRACE(sample);
    const RunResult r = Score(sample, "json");
    ASSERT_EQ(r.exit_code, 0) << r.Describe();
    const nlohmann::json j = nlohmann::json::parse(r.out);
    // Points, or money for a set with a money-based award (award:).
    EXPECT_THAT(j.at("schema").get<std::string>(),
                ::testing::AnyOf("circa.result/2", "circa.award/2"));
    EXPECT_EQ(j.at("inputs").at(0).at("path"),
              "samples/" + sample + "/tender.yaml");
    EXPECT_EQ(j.at("inputs").at(1).at("path"), BidsFileOf(sample));
    ASSERT_FALSE(j.at("bids").empty());
    EXPECT_EQ(j.at("winner"), j.at("bids").at(0).at("id"));
    EXPECT_EQ(j.at("bids").at(0).at("rank"), 1);
  }
}

TEST(CliOutput, CsvHasOneRowPerBid) {
  for (const std::string& sample : DiscoverSamples()) {
    SCOPED_TRACE(sample);
    const RunResult csv = Score(sample, "csv");
    const RunResult json = Score(sample, "json");
    ASSERT_EQ(csv.exit_code, 0) << csv.Describe();
    const std::vector<std::string> lines = Lines(csv.out);
    ASSERT_FALSE(lines.empty());
    // Then total (points) or price (a money-based award).
    EXPECT_THAT(lines.front(), StartsWith("rank,bid,supplier,status,tied,"));
    EXPECT_EQ(lines.size(),
              nlohmann::json::parse(json.out).at("bids").size() + 1);
  }
}

TEST(CliOutput, MarkdownAndTableStartWithTheTitle) {
  for (const std::string& sample : DiscoverSamples()) {
    SCOPED_TRACE(sample);
    const std::string title = nlohmann::json::parse(Score(sample, "json").out)
                                  .at("criteria_set")
                                  .at("title");
    EXPECT_THAT(Score(sample, "md").out, StartsWith("# " + title + "\n"));
    EXPECT_THAT(Score(sample, "table").out, StartsWith(title + "\n"));
  }
}

TEST(CliOutput, TableFitsTheWidth) {
  for (const int width : {40, 60, 100, 160}) {
    const RunResult r = RunCirca({"score", "samples/office-furniture",
                                  "--width", std::to_string(width)});
    ASSERT_EQ(r.exit_code, 0) << r.Describe();
    for (const std::string& line : Lines(r.out)) {
      // Characters, not bytes: supplier names may be UTF-8.
      int chars = 0;
      for (const char c : line)
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      EXPECT_LE(chars, width) << "width " << width << ": " << line;
    }
  }
}

TEST(CliOutput, ValidateAcceptsEverySample) {
  for (const std::string& sample : DiscoverSamples()) {
    SCOPED_TRACE(sample);
    const RunResult r = RunCirca({"validate", "samples/" + sample});
    EXPECT_EQ(r.exit_code, 0) << r.Describe();
    EXPECT_EQ(r.err, "");
    // A derived set's origin lines follow its ok line (tests/cli/
    // cli_derive_test.cc checks their text); the file lines are counted.
    std::vector<std::string> lines = Lines(r.out);
    const std::string tender = "samples/" + sample + "/tender.yaml: ";
    const bool derived =
        ReadFile(SourceDir() / "samples" / sample / "tender.yaml")
            .find("\nextends:") != std::string::npos;
    const auto origins = std::erase_if(lines, [&](const std::string& line) {
      return line.starts_with(tender) && !line.starts_with(tender + "ok: ");
    });
    EXPECT_EQ(origins >= 2, derived) << r.out;
    const bool panel =
        fs::is_regular_file(SourceDir() / "samples" / sample / "panel.csv");
    const std::string costs = CostProfileOf(sample);
    const std::size_t extra = (panel ? 1u : 0u) + (costs.empty() ? 0u : 1u);
    ASSERT_EQ(lines.size(), 2u + extra) << r.out;
    if (!costs.empty()) {
      EXPECT_THAT(lines[2], MatchesRegex(costs + ": ok: [0-9]+ offers over "
                                                 "[0-9]+ years?"));
    }
    if (panel) {
      EXPECT_THAT(lines[2 + (costs.empty() ? 0 : 1)],
                  MatchesRegex("samples/" + sample +
                               "/panel\\.csv: ok: [0-9]+ scores"));
    }
    EXPECT_THAT(lines[0],
                MatchesRegex("samples/" + sample +
                             "/tender\\.yaml: ok: .+, ([0-9]+ criteria scored, "
                             "weights add up to [0-9.,]+|awarded on [a-z-]+ "
                             "\\(lowest evaluated price\\))"));
    EXPECT_THAT(lines[1], MatchesRegex(BidsFileOf(sample) +
                                       ": ok: [0-9]+ bids, locale .+"));
  }
}

TEST(CliOutput, ValidateCriteriaAlone) {
  const RunResult r =
      RunCirca({"validate", "samples/office-furniture/tender.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "samples/office-furniture/tender.yaml: ok: "
            "office-furniture-circular 1.0.0, 5 criteria scored, weights add "
            "up to 100\n");
}

TEST(CliOutput, ValidateReportsEveryMistakeInOneRun) {
  const TempDir dir;
  dir.Write("draft.yaml", R"(circa: 1
id: many-mistakes
version: "1"
title: A criteria set with several mistakes
currency: euro
criteria:
  - id: price
    type: price
    weight: 40
    scoring: {rule: lowest-ratio}
  - id: quality
    type: quality
    weight: -5
    scoring: {rule: linear, worst: 0, best: 0}
  - id: price
    type: quality
    wieght: 10
    scoring: {rule: stars}
)");
  const RunResult r = RunCirca({"validate", "draft.yaml"}, {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(
      Lines(r.err),
      ElementsAre(
          "draft.yaml:5:11: currency: expected an ISO 4217 code such as EUR, "
          "got \"euro\"",
          "draft.yaml:13:13: criteria[1].weight: expected a number >= 0, got "
          "\"-5\"",
          "draft.yaml:14:45: criteria[1].scoring.best: best and worst must "
          "differ (both are 0)",
          "draft.yaml:17:5: criteria[2].wieght: unknown key; did you mean "
          "\"weight\"?",
          "draft.yaml:15:5: criteria[2].weight: missing; expected a number or "
          "a range [min, max]",
          "draft.yaml:18:21: criteria[2].scoring.rule: unknown rule \"stars\"; "
          "expected one of lowest-ratio, percent-of-lowest, linear-range, "
          "linear-ceiling, logarithmic, linear, ratio-to-best, steps, yes-no, "
          "scale, share-of-total, below-highest",
          "draft.yaml:15:5: criteria[2].id: duplicate id \"price\"; first used "
          "at line 7"));
}

TEST(CliOutput, ValidateReportsEveryMistakeInBids) {
  const TempDir dir;
  dir.Write(
      "bids.csv",
      "bid,supplier,price,recycled_content,take_back,warranty_years,plan\n"
      "A,Alpha,-5,20,maybe,5,acceptable\n"
      "A,Beta,1000,lots,yes,5,superb\n");
  const std::string criteria =
      (SourceDir() / "samples/office-furniture/tender.yaml").string();
  const RunResult r =
      RunCirca({"validate", criteria, "bids.csv"}, {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, 1) << r.Describe();
  EXPECT_THAT(Lines(r.out), ElementsAre(StartsWith(criteria + ": ok: ")));
  const std::vector<std::string> errors = Lines(r.err);
  EXPECT_EQ(errors.size(), 5u) << r.err;
  EXPECT_THAT(r.err, HasSubstr("bids.csv:2:9: bids[A].price: expected an "
                               "amount >= 0, got \"-5\""));
  EXPECT_THAT(r.err, HasSubstr("bids.csv:3:1: bids[A].bid: duplicate bid id "
                               "\"A\""));
  EXPECT_THAT(r.err, HasSubstr("bids[A].take_back: expected yes or no"));
  EXPECT_THAT(r.err, HasSubstr("bids[A].recycled_content: expected a number, "
                               "got \"lots\""));
  EXPECT_THAT(r.err, HasSubstr("bids[A].plan: expected one of the levels"));
}

TEST(CliOutput, NotesGoToStderrAndKeepExitCodeZero) {
  const TempDir dir;
  dir.Write("tender.yaml", R"(circa: 1
id: tie
version: "1"
title: Two equal bids
criteria:
  - id: price
    type: price
    weight: 100
    scoring: {rule: lowest-ratio}
)");
  dir.Write("bids.csv", "bid,price\nA,100\nB,100\n");
  const RunResult r =
      RunCirca({"score", ".", "-f", "csv"}, {.cwd = dir.path()});
  EXPECT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_EQ(r.out,
            "rank,bid,supplier,status,tied,total,price\n"
            "1,A,,ranked,yes,100.000000,100.000000\n"
            "1,B,,ranked,yes,100.000000,100.000000\n");
  EXPECT_EQ(r.err,
            "circa: warning: 2 bids (A and B) tie at rank 1 with 100.00 "
            "points; the criteria set declares no tie-break, so the tie "
            "stands and they share the rank\n");
}

}  // namespace
}  // namespace circa_test::cli
