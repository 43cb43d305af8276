// The message catalogues (engine/explain/messages/*.txt): every pattern
// parses, every key exists in en, nl and fr with the same arguments, the
// fast formatter writes what icu::MessageFormat writes, and the Belgian
// conventions for numbers, plurals and ordinals hold.
#include "explain/messages.h"

#include <gtest/gtest.h>
#include <unicode/numberformatter.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "circa/format.h"

namespace circa::explain {
namespace {

constexpr Language kAll[] = {Language::kEnglish, Language::kDutch,
                             Language::kFrench};

TEST(Messages, EveryPatternParses) {
  for (const Language l : kAll) {
    EXPECT_EQ(Messages::Of(l).Problems(), std::vector<std::string>{})
        << ToString(l);
    EXPECT_GT(Messages::Of(l).Keys().size(), 150u) << ToString(l);
  }
}

TEST(Messages, SameKeysAndArgumentsInEveryLanguage) {
  const Messages& en = Messages::Of(Language::kEnglish);
  for (const Language l : {Language::kDutch, Language::kFrench}) {
    const Messages& other = Messages::Of(l);
    std::vector<std::string> missing, extra;
    const auto a = en.Keys();
    const auto b = other.Keys();
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                        std::back_inserter(missing));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(),
                        std::back_inserter(extra));
    EXPECT_EQ(missing, std::vector<std::string>{})
        << "missing in " << ToString(l);
    EXPECT_EQ(extra, std::vector<std::string>{}) << "only in " << ToString(l);
    for (const std::string& key : a) {
      EXPECT_EQ(en.ArgumentNames(key), other.ArgumentNames(key))
          << key << " in " << ToString(l);
    }
  }
}

// Every key with every count a plural rule tells apart, formatted by the
// fast formatter and by icu::MessageFormat.
TEST(Messages, FormatsAsIcuMessageFormatDoes) {
  const std::vector<int> counts = {0,  1,  2,   3,   4,   8,   11,  12,
                                   20, 21, 100, 101, 102, 111, 1234};
  const std::vector<std::string> selects = {"price", "quality", "works",
                                            "supplies", "unknown"};
  int compared = 0;
  for (const Language l : kAll) {
    const Messages& m = Messages::Of(l);
    for (const std::string& key : m.Keys()) {
      const std::vector<std::string> names = m.ArgumentNames(key);
      const std::vector<std::string> count_names = m.CountArguments(key);
      for (std::size_t v = 0; v < counts.size(); ++v) {
        std::vector<Arg> args;
        for (const std::string& n : names) {
          if (std::find(count_names.begin(), count_names.end(), n) !=
              count_names.end()) {
            args.emplace_back(n, counts[(v + n.size()) % counts.size()]);
          } else {
            args.emplace_back(n, selects[v % selects.size()]);
          }
        }
        // Initializer lists from a vector: at most 8 arguments are used.
        ASSERT_LE(args.size(), 8u) << key;
        args.resize(8, Arg("unused", ""));
        const auto fast = m(key, {args[0], args[1], args[2], args[3], args[4],
                                  args[5], args[6], args[7]});
        const auto icu =
            m.FormatWithIcu(key, {args[0], args[1], args[2], args[3], args[4],
                                  args[5], args[6], args[7]});
        EXPECT_EQ(fast, icu) << key << " in " << ToString(l);
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 1000);
}

TEST(Messages, BelgianNumbers) {
  EXPECT_EQ(Messages::Of(Language::kEnglish).Number(1234.5, 2), "1,234.50");
  EXPECT_EQ(Messages::Of(Language::kDutch).Number(1234.5, 2), "1.234,50");
  EXPECT_EQ(Messages::Of(Language::kFrench).Number(1234567.5, 2),
            "1\u202F234\u202F567,50");
  EXPECT_EQ(Messages::Of(Language::kDutch).Number(-0.001, 2), "0,00");
  // The same grouping and decimal marks as CLDR's nl-BE and fr-BE.
  for (const auto& [language, locale] : {std::pair{Language::kDutch, "nl-BE"},
                                         std::pair{Language::kFrench, "fr-BE"},
                                         std::pair{Language::kEnglish, "en"}}) {
    UErrorCode status = U_ZERO_ERROR;
    const auto formatted =
        icu::number::NumberFormatter::withLocale(icu::Locale(locale))
            .precision(icu::number::Precision::fixedFraction(2))
            .formatDouble(9876543.21, status)
            .toString(status);
    ASSERT_TRUE(U_SUCCESS(status));
    std::string cldr;
    formatted.toUTF8String(cldr);
    EXPECT_EQ(Messages::Of(language).Number(9876543.21, 2), cldr) << locale;
  }
}

TEST(Messages, Ordinals) {
  const Messages& nl = Messages::Of(Language::kDutch);
  const Messages& fr = Messages::Of(Language::kFrench);
  const Messages& en = Messages::Of(Language::kEnglish);
  const std::vector<std::pair<int, std::string>> dutch = {
      {1, "1ste"},      {2, "2de"},      {3, "3de"},      {7, "7de"},
      {8, "8ste"},      {9, "9de"},      {11, "11de"},    {19, "19de"},
      {20, "20ste"},    {21, "21ste"},   {100, "100ste"}, {101, "101ste"},
      {102, "102de"},   {108, "108ste"}, {111, "111de"},  {1000, "1000ste"},
      {5008, "5008ste"}};
  for (const auto& [n, form] : dutch) EXPECT_EQ(nl.Ordinal(n), form) << n;
  EXPECT_EQ(fr.Ordinal(1), "1er");
  EXPECT_EQ(fr.Ordinal(2), "2e");
  EXPECT_EQ(fr.Ordinal(21), "21e");
  EXPECT_EQ(en.Ordinal(1), "1st");
  EXPECT_EQ(en.Ordinal(2), "2nd");
  EXPECT_EQ(en.Ordinal(3), "3rd");
  EXPECT_EQ(en.Ordinal(11), "11th");
  EXPECT_EQ(en.Ordinal(112), "112th");
  EXPECT_EQ(en.Ordinal(4321), "4321st");
}

TEST(Messages, Plurals) {
  const auto head = [](Language l, int bids) {
    return Messages::Of(l)("table.head", {{"id", "s"},
                                          {"version", "1"},
                                          {"bids", bids},
                                          {"bid_count", std::to_string(bids)},
                                          {"criteria", 1},
                                          {"criterion_count", "1"},
                                          {"scale", "100"}});
  };
  EXPECT_EQ(head(Language::kEnglish, 1),
            "s 1 | 1 bid | 1 criterion | 100 points");
  EXPECT_EQ(head(Language::kEnglish, 2),
            "s 1 | 2 bids | 1 criterion | 100 points");
  EXPECT_EQ(head(Language::kDutch, 1),
            "s 1 | 1 offerte | 1 criterium | 100 punten");
  EXPECT_EQ(head(Language::kDutch, 2),
            "s 1 | 2 offertes | 1 criterium | 100 punten");
  EXPECT_EQ(head(Language::kFrench, 1),
            "s 1 | 1 offre | 1 critère | 100 points");
  EXPECT_EQ(head(Language::kFrench, 2),
            "s 1 | 2 offres | 1 critère | 100 points");
}

// Units (docs/glossary.md, "Units"): a known time unit, however the set
// writes it, in the language's words and number; anything else as written.
TEST(Messages, Units) {
  const Messages& nl = Messages::Of(Language::kDutch);
  const Messages& fr = Messages::Of(Language::kFrench);
  const Messages& en = Messages::Of(Language::kEnglish);
  EXPECT_EQ(nl.Quantity("24", 24, "months"), "24 maanden");
  EXPECT_EQ(nl.Quantity("1", 1, "months"), "1 maand");
  EXPECT_EQ(fr.Quantity("24", 24, "maanden"), "24 mois");
  EXPECT_EQ(fr.Quantity("1", 1, "years"), "1 an");
  EXPECT_EQ(fr.Quantity("7", 7, "years"), "7 ans");
  EXPECT_EQ(nl.Quantity("7", 7, "ans"), "7 jaar");
  EXPECT_EQ(en.Quantity("1", 1, "years"), "1 year");
  EXPECT_EQ(en.Quantity("2,5", 2.5, "jaar"), "2,5 years");
  EXPECT_EQ(nl.Quantity("3", 3, "days per week"), "3 dagen per week");
  EXPECT_EQ(fr.Quantity("45", 45, "%"), "45 %");
  EXPECT_EQ(nl.Quantity("45", 45, "%"), "45%");
  EXPECT_EQ(fr.Quantity("12", 12, "kg CO2e"), "12 kg CO2e");
  EXPECT_EQ(nl.Quantity("12", 12, ""), "12");
  EXPECT_EQ(nl.UnitName("months"), "maanden");
  EXPECT_EQ(fr.UnitName("hours"), "heures");
  EXPECT_EQ(fr.UnitName("kWh/year"), "kWh/year");
}

// The batch renders on several threads: the catalogues are read-only.
TEST(Messages, SameTextFromManyThreads) {
  const auto sentence = [](Language l, int n) {
    const Messages& m = Messages::Of(l);
    return m("tie.partners_more",
             {{"names", "A, B"}, {"count", n}, {"others", std::to_string(n)}}) +
           m.Ordinal(n);
  };
  std::vector<std::string> expected;
  for (int n = 0; n < 300; ++n) {
    expected.push_back(sentence(kAll[n % 3], n));
  }
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (int n = 0; n < 300; ++n) {
          if (sentence(kAll[n % 3], n) != expected[static_cast<std::size_t>(n)])
            ++wrong[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace circa::explain
