// --lang and --csv-dialect (docs/cli.md), and the one warning about
// criteria without a label in the result's language.
#ifndef CIRCA_ENGINE_CLI_LANGUAGE_OPTIONS_H_
#define CIRCA_ENGINE_CLI_LANGUAGE_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "circa/criteria.h"
#include "circa/language.h"
#include "circa/render.h"

namespace circa::cli {

// Adds --lang nl|fr|en and --csv-dialect auto|rfc4180|excel-be.
void AddLanguageOptions(CLI::App* cmd, std::string* lang,
                        std::string* csv_dialect);

// One warning on stderr listing the criteria and groups of `set` without a
// label in the result's language (ResultLanguage of `requested`), whose
// name is shown instead; nothing when none is missing.
void WarnMissingLabels(const CriteriaSet& set,
                       std::optional<Language> requested);

// Writes one letter per bidder (RenderLetters) into `dir` (made when
// missing), as <bid id>.md, characters other than letters, digits, '.',
// '-' and '_' replaced by '_' (and a suffix when two ids then collide).
// Returns an exit code.
int WriteLetters(const std::vector<BidderLetter>& letters,
                 const std::string& dir);

// One warning when the set's `decision:` fields are empty, since the
// decision and the letters then carry placeholders.
void WarnDecisionPlaceholders(const CriteriaSet& set);

}  // namespace circa::cli

#endif  // CIRCA_ENGINE_CLI_LANGUAGE_OPTIONS_H_
