// Criterion and group names in the language of a result (docs/translating.md):
// `labels.<lang>` when the set gives one, else `name`.
#ifndef CIRCA_LABELS_H_
#define CIRCA_LABELS_H_

#include <optional>
#include <string>
#include <vector>

#include "circa/criteria.h"
#include "circa/language.h"

namespace circa {

// The name of `criterion` (leaf or group) in `language`: its label in that
// language, else its `name`.
std::string LocalName(const Criterion& criterion, Language language);

// The name of minimum requirement `requirement` in `language`: its label in
// that language, else its `name`, else its id.
std::string LocalName(const Requirement& requirement, Language language);

// The description of `criterion` in `language`: `descriptions.<lang>`;
// for English the `en` entry, else `description`. Empty when the set does
// not describe it in that language (no fallback to another language).
std::string LocalDescription(const Criterion& criterion, Language language);

// A scale level's descriptor in `language`: its `level-labels.<lang>`
// when given, else the descriptor as written.
std::string LocalLevel(const ScaleLevel& level, Language language);

// The title of `set` in `language`: for Dutch and French `labels.<lang>`
// (the set's title per language) when given, else `title`; for English
// `title`.
std::string LocalTitle(const CriteriaSet& set, Language language);

// What of `set` has no label in `language`: "title" first when the set
// labels its title in some language but not this one, then the ids of the
// criteria and groups without a label, in document order; the title or the
// `name` is shown instead. Always empty for English, whose fallback is
// English already.
std::vector<std::string> MissingLabels(const CriteriaSet& set,
                                       Language language);

// The language a result of `set` is written in: `requested` when given,
// else the set's declared `language:`, else English.
Language ResultLanguage(const CriteriaSet& set,
                        std::optional<Language> requested);

}  // namespace circa

#endif  // CIRCA_LABELS_H_
