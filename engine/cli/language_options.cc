#include "cli/language_options.h"

#include <spdlog/spdlog.h>

#include "circa/labels.h"

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
  const std::vector<std::string> missing = MissingLabels(set, language);
  if (missing.empty()) return;
  std::string ids;
  for (std::size_t i = 0; i < missing.size(); ++i) {
    ids += (i ? ", " : "") + missing[i];
  }
  spdlog::warn(
      "no {} label (labels.{}) for {} criteri{}: {}; the name is "
      "shown instead",
      ToString(language), ToString(language), missing.size(),
      missing.size() == 1 ? "on" : "a", ids);
}

}  // namespace circa::cli
