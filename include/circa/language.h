// The languages circa writes its results in (docs/translating.md): what a
// person reads in a table, Markdown, CSV header or explanation follows one
// of them; JSON keys and command-line diagnostics stay English.
#ifndef CIRCA_LANGUAGE_H_
#define CIRCA_LANGUAGE_H_

#include <optional>
#include <string_view>

namespace circa {

enum class Language {
  kEnglish,  // "en": numbers 1,234.56
  kDutch,    // "nl": Flemish (nl-BE) words, numbers 1.234,56
  kFrench,   // "fr": Belgian French (fr-BE) words, numbers 1 234,56 with a
             // narrow no-break space (U+202F) between thousands
};

// "en", "nl", "fr", and back (lower case only, as in `labels:` keys).
std::string_view ToString(Language language);
std::optional<Language> LanguageFromString(std::string_view code);

}  // namespace circa

#endif  // CIRCA_LANGUAGE_H_
