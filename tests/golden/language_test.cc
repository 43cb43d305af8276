// The language of a result beyond the criteria (docs/translating.md,
// docs/glossary.md): the set's title from `labels.<lang>` in every document,
// its fallback in the one warning on missing labels.
#include <gtest/gtest.h>

#include <string>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

TEST(LanguageTest, SetTitleFromLabelsInEveryDocument) {
  const std::string nl = "Circulair kantoormeubilair voor het stadsbestuur";
  const std::string fr =
      "Mobilier de bureau circulaire pour l\u2019administration communale";
  const auto run = [](const std::string& format, const std::string& lang) {
    const RunResult r = RunCirca({"score", "samples/office-furniture",
                                  "--format", format, "--lang", lang},
                                 {.cwd = SourceDir()});
    EXPECT_EQ(r.exit_code, 0) << r.Describe();
    return r.out;
  };
  EXPECT_EQ(run("md", "nl").rfind("# " + nl + "\n", 0), 0u);
  EXPECT_EQ(run("table", "fr").rfind(fr + "\n", 0), 0u);
  EXPECT_NE(run("decision", "nl").find("**" + nl + "**\n"), std::string::npos);
  EXPECT_NE(run("decision", "fr").find("**" + fr + "**\n"), std::string::npos);
  const std::string html = run("html", "fr");
  EXPECT_NE(html.find("<title>" + fr + "</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1>" + fr + "</h1>"), std::string::npos);
  // English has no label here: the title as written.
  EXPECT_EQ(
      run("md", "en")
          .rfind("# Circular office furniture for the city administration\n",
                 0),
      0u);
}

TEST(LanguageTest, MissingTitleLabelInTheOneWarning) {
  TempDir dir;
  dir.Write("tender.yaml",
            ReadFile(SourceDir() / "samples/tie-break/tender.yaml") +
                "labels: {nl: Schoonmaakproducten met navulsysteem}\n");
  dir.Write("bids.csv", ReadFile(SourceDir() / "samples/tie-break/bids.csv"));
  const RunResult fr = RunCirca(
      {"score", dir.path().string(), "--format", "md", "--lang", "fr"});
  ASSERT_EQ(fr.exit_code, 0) << fr.Describe();
  EXPECT_EQ(fr.out.rfind("# Cleaning products with refill system - tie "
                         "broken by the policy\n",
                         0),
            0u);
  EXPECT_NE(fr.err.find("circa: warning: no fr label (labels.fr) for the "
                        "title and 4 criteria: price, circularity, "
                        "refill_system, recycled_packaging; title: and name: "
                        "are shown instead\n"),
            std::string::npos)
      << fr.err;
  const RunResult nl = RunCirca(
      {"score", dir.path().string(), "--format", "md", "--lang", "nl"});
  ASSERT_EQ(nl.exit_code, 0) << nl.Describe();
  EXPECT_EQ(nl.out.rfind("# Schoonmaakproducten met navulsysteem\n", 0), 0u);
  EXPECT_NE(nl.err.find("circa: warning: no nl label (labels.nl) for 4 "
                        "criteria: price, circularity, refill_system, "
                        "recycled_packaging; the name is shown instead\n"),
            std::string::npos)
      << nl.err;
}

}  // namespace
}  // namespace circa_test::cli
