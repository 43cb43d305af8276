// The per-bidder letters (docs/award-decision.md): a letter names only its
// addressee and the chosen bid, and shows no other losing bidder's name or
// figures, in every sample and language.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "circa/format.h"
#include "cli/cli_support.h"

namespace circa_test::cli {
namespace {

struct Bid {
  std::string id;
  std::string supplier;
  double total = 0;
  bool ranked = false;
};

// A total as the letters write it in `lang`.
std::string Total(double v, const std::string& lang) {
  std::string s = circa::FormatNumber(v, 2);
  if (lang == "en") return s;
  std::string out;
  for (const char c : s) {
    if (c == ',') {
      out += lang == "nl" ? "." : "\u202F";
    } else {
      out += c == '.' ? ',' : c;
    }
  }
  return out;
}

// Whether `word` occurs in `text` not inside a longer word (letters, digits,
// '_' and any non-ASCII byte, so that "D" is not found in "Délai").
bool HasWord(const std::string& text, const std::string& word) {
  const auto inside = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || c == '_';
  };
  for (std::size_t at = text.find(word); at != std::string::npos;
       at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !inside(text[at - 1])) &&
        (end == text.size() || !inside(text[end]))) {
      return true;
    }
  }
  return false;
}

TEST(LettersTest, NoOtherLosingBidder) {
  int letters = 0;
  for (const std::string& sample : DiscoverSamples()) {
    const RunResult json =
        RunCirca({"score", "samples/" + sample, "--format", "json"},
                 {.cwd = SourceDir()});
    ASSERT_EQ(json.exit_code, 0) << json.Describe();
    const auto doc = nlohmann::json::parse(json.out);
    if (doc.value("schema", "") != "circa.result/2") continue;  // money award
    const std::string winner = doc.value("winner", "");
    std::vector<Bid> bids;
    for (const auto& b : doc["bids"]) {
      bids.push_back({b["id"].get<std::string>(), b.value("supplier", ""),
                      b.value("total", 0.0), b["status"] == "ranked"});
    }
    for (const std::string lang : {"en", "nl", "fr"}) {
      TempDir dir;
      const RunResult r =
          RunCirca({"score", "samples/" + sample, "--format", "decision",
                    "--lang", lang, "--per-bidder", dir.path().string()},
                   {.cwd = SourceDir()});
      ASSERT_EQ(r.exit_code, 0) << r.Describe();
      ASSERT_EQ(dir.List().size(), bids.size()) << sample;
      // The chosen bid's letter names no other bid: a word found there too
      // comes from the criteria set (a scale level "class A"), not a bid.
      const std::string neutral =
          winner.empty() ? "" : ReadFile(dir.path() / (winner + ".md"));
      double winner_total = -1;
      for (const Bid& b : bids) {
        if (b.id == winner) winner_total = b.total;
      }
      for (const Bid& to : bids) {
        const std::string text = ReadFile(dir.path() / (to.id + ".md"));
        ++letters;
        EXPECT_TRUE(HasWord(text, to.id)) << sample << " " << to.id;
        for (const Bid& other : bids) {
          if (other.id == to.id || other.id == winner) continue;
          EXPECT_FALSE(HasWord(text, other.id) && !HasWord(neutral, other.id))
              << sample << " (" << lang << "): the letter to " << to.id
              << " names bid " << other.id << "\n"
              << text;
          if (!other.supplier.empty()) {
            EXPECT_EQ(text.find(other.supplier), std::string::npos)
                << sample << " (" << lang << "): the letter to " << to.id
                << " names " << other.supplier;
          }
          if (other.ranked && other.total > 0 && other.total != winner_total) {
            EXPECT_EQ(text.find(Total(other.total, lang)), std::string::npos)
                << sample << " (" << lang << "): the letter to " << to.id
                << " shows the total of " << other.id << " ("
                << Total(other.total, lang) << ")";
          }
        }
      }
    }
  }
  EXPECT_GT(letters, 100);
}

// The decision carries a flagged placeholder for each empty field, and the
// filled-in fields as written.
TEST(LettersTest, DecisionPlaceholdersFlagged) {
  TempDir dir;
  const std::string set =
      ReadFile(SourceDir() / "samples/tie-break/tender.yaml");
  dir.Write("tender.yaml", set +
                               "decision:\n  buyer: Stad Leuven\n"
                               "  reference: FB/2027/014\n");
  dir.Write("bids.csv", ReadFile(SourceDir() / "samples/tie-break/bids.csv"));
  const RunResult r = RunCirca(
      {"score", dir.path().string(), "--format", "decision", "--lang", "nl"});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  EXPECT_NE(r.out.find("- Aanbestedende overheid: Stad Leuven\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("- Referentie: FB/2027/014\n"), std::string::npos);
  EXPECT_NE(r.out.find("**[IN TE VULLEN: Rechtsmiddelen]**"),
            std::string::npos);
  EXPECT_NE(r.out.find("> **7 velden moeten nog worden ingevuld"),
            std::string::npos);
  EXPECT_NE(r.err.find("decision: object, procedure, standstill, remedies, "
                       "place, date, signatory not filled in"),
            std::string::npos)
      << r.err;
}

// --documents DIR: one command gives a buyer every document in her
// language: the decision, the HTML page, the workbook and a letter per
// bidder, each equal to what the single-format commands write.
TEST(LettersTest, DocumentsWritesEveryDocumentInTheLanguage) {
  TempDir dir;
  const RunResult r = RunCirca({"score", "samples/office-furniture", "--lang",
                                "nl", "--documents", dir.path().string()},
                               {.cwd = SourceDir()});
  ASSERT_EQ(r.exit_code, 0) << r.Describe();
  const auto same_as = [&](const std::string& format, const std::string& file) {
    const RunResult one = RunCirca({"score", "samples/office-furniture",
                                    "--lang", "nl", "--format", format},
                                   {.cwd = SourceDir()});
    ASSERT_EQ(one.exit_code, 0) << one.Describe();
    EXPECT_EQ(ReadFile(dir.path() / file), one.out) << file;
  };
  same_as("decision", "decision.md");
  same_as("html", "report.html");
  EXPECT_NE(ReadFile(dir.path() / "decision.md")
                .find("# Gemotiveerde gunningsbeslissing"),
            std::string::npos);
  // The workbook is a zip (PK); the documents tests recompute it.
  EXPECT_EQ(ReadFile(dir.path() / "workbook.xlsx").substr(0, 2), "PK");
  int letters = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(dir.path() / "letters")) {
    EXPECT_EQ(entry.path().extension(), ".md");
    ++letters;
  }
  EXPECT_EQ(letters, 5);
  // Criterion names in Dutch, from the sample's labels.nl.
  EXPECT_NE(
      ReadFile(dir.path() / "letters" / "E.md").find("Circulair serviceplan"),
      std::string::npos);
}

}  // namespace
}  // namespace circa_test::cli
