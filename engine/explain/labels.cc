// Names in a result's language (circa/labels.h).
#include "circa/labels.h"

namespace circa {
namespace {

void Missing(const std::vector<Criterion>& criteria, const std::string& code,
             std::vector<std::string>* out) {
  for (const Criterion& c : criteria) {
    if (!c.doc.labels.contains(code)) out->push_back(c.id);
    Missing(c.children, code, out);
  }
}

}  // namespace

std::string LocalName(const Criterion& criterion, Language language) {
  const auto it = criterion.doc.labels.find(std::string(ToString(language)));
  return it != criterion.doc.labels.end() && !it->second.empty()
             ? it->second
             : criterion.name;
}

std::string LocalName(const Requirement& requirement, Language language) {
  const auto it = requirement.doc.labels.find(std::string(ToString(language)));
  if (it != requirement.doc.labels.end() && !it->second.empty()) {
    return it->second;
  }
  return requirement.name.empty() ? requirement.id : requirement.name;
}

std::string LocalDescription(const Criterion& criterion, Language language) {
  const auto it =
      criterion.doc.descriptions.find(std::string(ToString(language)));
  if (it != criterion.doc.descriptions.end()) return it->second;
  return language == Language::kEnglish ? criterion.description : "";
}

std::string LocalLevel(const ScaleLevel& level, Language language) {
  const auto it = level.labels.find(std::string(ToString(language)));
  return it != level.labels.end() && !it->second.empty() ? it->second
                                                         : level.descriptor;
}

std::string LocalTitle(const CriteriaSet& set, Language language) {
  // English is the language `title:` is written in: a derived set's own
  // title wins over the title labels it inherits from its model.
  if (language == Language::kEnglish) return set.title;
  const auto it = set.labels.find(std::string(ToString(language)));
  return it != set.labels.end() && !it->second.empty() ? it->second : set.title;
}

std::vector<std::string> MissingLabels(const CriteriaSet& set,
                                       Language language) {
  std::vector<std::string> out;
  if (language == Language::kEnglish) return out;
  if (!set.labels.empty() &&
      !set.labels.contains(std::string(ToString(language)))) {
    out.push_back("title");
  }
  Missing(set.criteria, std::string(ToString(language)), &out);
  return out;
}

Language ResultLanguage(const CriteriaSet& set,
                        std::optional<Language> requested) {
  if (requested) return *requested;
  if (const auto declared = LanguageFromString(set.language)) return *declared;
  return Language::kEnglish;
}

}  // namespace circa
