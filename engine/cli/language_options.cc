#include "cli/language_options.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "circa/labels.h"
#include "cli/common.h"

namespace circa::cli {

void AddLanguageOptions(CLI::App* cmd, std::string* lang,
                        std::string* csv_dialect) {
  cmd->add_option("--lang", *lang,
                  "Language of the result: nl, fr or en (default: the "
                  "criteria set's language:, else en)")
      ->check(CLI::IsMember({"nl", "fr", "en"}));
  cmd->add_option("--csv-dialect", *csv_dialect,
                  "CSV for spreadsheets: excel-be (';', decimal comma, BOM), "
                  "rfc4180, or auto (excel-be for nl and fr)")
      ->check(CLI::IsMember({"auto", "rfc4180", "excel-be"}))
      ->default_str("auto");
}

void WarnMissingLabels(const CriteriaSet& set,
                       std::optional<Language> requested) {
  const Language language = ResultLanguage(set, requested);
  std::vector<std::string> missing = MissingLabels(set, language);
  if (missing.empty()) return;
  // "title" comes first when the set's title has no label in the language.
  const bool title = missing.front() == "title";
  if (title) missing.erase(missing.begin());
  std::string ids;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    ids += (i ? ", " : "") + missing[i];
  }
  std::string what = title ? "the title" : "";
  if (!missing.empty()) {
    what += fmt::format("{}{} criteri{}: {}", title ? " and " : "",
                        missing.size(), missing.size() == 1 ? "on" : "a", ids);
  }
  spdlog::warn("no {} label (labels.{}) for {}; {} shown instead",
               ToString(language), ToString(language), what,
               title ? "title: and name: are" : "the name is");
}

int WriteLetters(const std::vector<BidderLetter>& letters,
                 const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "circa: cannot make directory %s: %s\n", dir.c_str(),
                 ec.message().c_str());
    return kExitInternal;
  }
  std::set<std::string> used;
  for (const BidderLetter& letter : letters) {
    std::string name;
    for (const char c : letter.bid) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                      (c == '.' && !name.empty());
      name += ok ? c : '_';
    }
    if (name.empty()) name = "_";
    std::string file = name;
    for (int n = 2; !used.insert(file).second; ++n) {
      file = name + "-" + std::to_string(n);
    }
    const int code = WriteOutput(
        letter.text, (std::filesystem::path(dir) / (file + ".md")).string());
    if (code != kExitOk) return code;
  }
  spdlog::info("wrote {} letters to {}", letters.size(), dir);
  return kExitOk;
}

void WarnDecisionPlaceholders(const CriteriaSet& set) {
  const DecisionFields& d = set.decision;
  std::string empty;
  for (const auto& [value, key] :
       {std::pair{&d.buyer, "buyer"}, std::pair{&d.object, "object"},
        std::pair{&d.reference, "reference"},
        std::pair{&d.procedure, "procedure"},
        std::pair{&d.standstill, "standstill"},
        std::pair{&d.remedies, "remedies"}, std::pair{&d.place, "place"},
        std::pair{&d.date, "date"}, std::pair{&d.signatory, "signatory"}}) {
    if (value->empty()) empty += (empty.empty() ? "" : ", ") + std::string(key);
  }
  if (empty.empty()) return;
  spdlog::warn(
      "decision: {} not filled in (decision: in the criteria set); the "
      "documents carry flagged placeholders",
      empty);
}

}  // namespace circa::cli
