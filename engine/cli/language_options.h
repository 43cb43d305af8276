// --lang and --csv-dialect (docs/cli.md), and the one warning about
// criteria without a label in the result's language.
#ifndef CIRCA_ENGINE_CLI_LANGUAGE_OPTIONS_H_
#define CIRCA_ENGINE_CLI_LANGUAGE_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "circa/criteria.h"
#include "circa/language.h"

namespace circa::cli {

// Adds --lang nl|fr|en and --csv-dialect auto|rfc4180|excel-be.
void AddLanguageOptions(CLI::App* cmd, std::string* lang,
                        std::string* csv_dialect);

// One warning on stderr listing the criteria and groups of `set` without a
// label in the result's language (ResultLanguage of `requested`), whose
// name is shown instead; nothing when none is missing.
void WarnMissingLabels(const CriteriaSet& set,
                       std::optional<Language> requested);

}  // namespace circa::cli

#endif  // CIRCA_ENGINE_CLI_LANGUAGE_OPTIONS_H_
