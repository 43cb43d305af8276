// The language of a result beyond the criteria (docs/translating.md,
// docs/glossary.md): the set's title from `labels.<lang>` in every document,
// its fallback in the one warning on missing labels, and no English word in
// a Dutch or French golden file.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

namespace fs = std::filesystem;

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

// Lower case, Markdown escapes ("legal\\_wood") removed.
std::string Plain(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '\\'), text.end());
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

bool WordChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_' || c == '-';
}

// The words of `text` (letters, digits, '_', '-' and any non-ASCII byte).
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : text) {
    if (WordChar(c)) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// The text a buyer wrote, which a result may quote as written: the sample's
// files and the model sets it may extend (criterion names without a label,
// supplier names, requirement texts, descriptors, units).
std::string InputText(const std::string& sample) {
  std::string text;
  for (const fs::path& dir :
       {SourceDir() / "samples" / sample, SourceDir() / "criteria"}) {
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(dir)) {
      if (e.is_regular_file()) text += ReadFile(e.path()) + "\n";
    }
  }
  return Plain(text);
}

// Every *.nl.approved.txt and *.fr.approved.txt (also under
// tests/golden/approved/analyze/) has none of the English words a result
// once leaked, except inside a phrase quoted from the inputs: a hit is
// allowed when it and the word before or after it occur together in the
// sample's input files, or when it is an id there. HTML markup is skipped.
TEST(LanguageTest, NoEnglishInDutchOrFrenchGoldens) {
  const std::vector<std::string> english = {
      "bid",      "bids",      "rank",     "ranks",    "ranked", "winner",
      "excluded", "criterion", "criteria", "supplier", "offers", "which",
      "the",      "lowest",    "wins",     "offer",    "price",  "evaluated"};
  const std::vector<std::string> samples = DiscoverSamples();
  int files = 0;
  std::set<std::string> methods;  // the --method comparisons checked
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(
           SourceDir() / "tests/golden/approved")) {
    const std::string name = e.path().filename().string();
    const bool nl = name.ends_with(".nl.approved.txt");
    const bool fr = name.ends_with(".fr.approved.txt");
    if (!nl && !fr) continue;
    // The longest sample name the file starts with, followed by "." or,
    // for an analysis by another method ("office-furniture-vikor"), "-".
    std::string sample;
    for (const std::string& s : samples) {
      const bool starts =
          name.rfind(s + ".", 0) == 0 || name.rfind(s + "-", 0) == 0;
      if (starts && s.size() > sample.size()) sample = s;
    }
    ASSERT_FALSE(sample.empty()) << name;
    ++files;
    if (name.rfind(sample + "-", 0) == 0) methods.insert(name);
    const std::string input = InputText(sample);
    std::vector<std::string> forbidden = english;
    if (nl) {
      // "criteria" is Dutch too (the plural of criterium); "points" is not.
      forbidden.erase(
          std::find(forbidden.begin(), forbidden.end(), "criteria"));
      forbidden.push_back("points");
    }
    std::string text = ReadFile(e.path());
    if (name.find(".html.") != std::string::npos) {
      // The style sheet and the markup's class names and ids are not words
      // a person reads.
      const std::size_t style = text.find("<style>");
      const std::size_t style_end = text.find("</style>");
      if (style != std::string::npos && style_end != std::string::npos) {
        text.erase(style, style_end - style);
      }
      std::string visible;
      bool tag = false;
      for (const char c : text) {
        if (c == '<') tag = true;
        if (!tag) visible += c;
        if (c == '>') tag = false;
      }
      text = visible;
    }
    const std::vector<std::string> words = Words(Plain(text));
    std::set<std::string> leaks;
    for (std::size_t k = 0; k < words.size(); ++k) {
      if (std::find(forbidden.begin(), forbidden.end(), words[k]) ==
          forbidden.end()) {
        continue;
      }
      const bool before = k > 0 && input.find(words[k - 1] + " " + words[k]) !=
                                       std::string::npos;
      const bool after =
          k + 1 < words.size() &&
          input.find(words[k] + " " + words[k + 1]) != std::string::npos;
      // An id (a criterion, a requirement) is cited as written.
      const bool id =
          input.find("id: " + words[k] + "\n") != std::string::npos ||
          input.find("id: " + words[k] + ",") != std::string::npos;
      if (!before && !after && !id) {
        leaks.insert((k > 0 ? words[k - 1] + " " : "") + words[k] +
                     (k + 1 < words.size() ? " " + words[k + 1] : ""));
      }
    }
    std::string list;
    for (const std::string& l : leaks) list += "\n  " + l;
    EXPECT_TRUE(leaks.empty()) << name << " has English words:" << list;
  }
  EXPECT_GT(files, 100);
  // The comparison by another method (circa analyze --method) in nl and fr.
  for (const std::string m : {"topsis", "vikor", "promethee"}) {
    for (const std::string lang : {"nl", "fr"}) {
      for (const std::string format : {"table", "md"}) {
        const std::string file = "office-furniture-" + m + "." + format + "." +
                                 lang + ".approved.txt";
        EXPECT_TRUE(methods.contains(file)) << file << " was not checked";
      }
    }
  }
}

}  // namespace
}  // namespace circa_test::cli
