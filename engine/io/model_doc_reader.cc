// Model-set documentation: product group, labels, sources, clauses and each
// item's evidence, level and strategies (docs/criteria-format.md, "Model
// sets").
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "circa/library.h"
#include "io/award_reader.h"
#include "io/criteria_reader.h"
#include "io/criteria_reader_internal.h"
#include "io/error_cap.h"
#include "io/file.h"
#include "io/numbers.h"
#include "io/policy_reader.h"
#include "io/reserved_ids.h"
#include "io/yaml_node.h"
#include "util/number_format.h"

namespace circa::io {

void CriteriaReader::ReadModelKeys(const io::YamlNode& root, CriteriaSet* set) {
  if (std::string group = ReadId(root, "", "product-group", false);
      !group.empty()) {
    set->product_group = std::move(group);
  }
  if (auto labels = ReadLabels(root, ""); !labels.empty()) {
    set->labels = std::move(labels);
  }
  if (auto texts = ReadDescriptions(root, ""); !texts.empty()) {
    set->descriptions = std::move(texts);
  }
  if (const io::YamlNode list = root["sources"];
      list.IsDefined() && !list.IsNull()) {
    if (!list.IsSequence()) {
      r_.Error(list, "sources",
               "expected a list of source documents ({id, title, "
               "publisher, year, url}), got " +
                   io::Describe(list));
    } else {
      for (std::size_t i = 0; i < list.size(); ++i) {
        set->sources.push_back(
            ReadSource(list[i], "sources[" + std::to_string(i) + "]"));
      }
    }
  }
  if (const io::YamlNode list = root["clauses"];
      list.IsDefined() && !list.IsNull()) {
    if (!list.IsSequence()) {
      r_.Error(list, "clauses",
               "expected a list of contract performance clauses, got " +
                   io::Describe(list));
    } else {
      for (std::size_t i = 0; i < list.size(); ++i) {
        set->clauses.push_back(
            ReadClause(list[i], "clauses[" + std::to_string(i) + "]"));
      }
    }
  }
}

SourceDocument CriteriaReader::ReadSource(const io::YamlNode& n,
                                          const std::string& path) {
  SourceDocument doc;
  doc.where = r_.Where(n);
  if (!n.IsMap()) {
    r_.Error(n, path,
             "expected a source document (a map with id and title), got " +
                 io::Describe(n));
    return doc;
  }
  r_.CheckKeys(n, path, {"id", "title", "publisher", "year", "url"});
  doc.id = ReadId(n, path);
  doc.title = r_.String(n, "title", path, true).value_or("");
  doc.publisher = r_.String(n, "publisher", path, false).value_or("");
  doc.year = r_.String(n, "year", path, false).value_or("");
  doc.url = r_.String(n, "url", path, false).value_or("");
  return doc;
}

Clause CriteriaReader::ReadClause(const io::YamlNode& n,
                                  const std::string& path) {
  Clause clause;
  clause.where = r_.Where(n);
  if (!n.IsMap()) {
    r_.Error(n, path,
             "expected a contract performance clause (a map with id, name "
             "and description), got " +
                 io::Describe(n));
    return clause;
  }
  r_.CheckKeys(n, path,
               {"id", "name", "description", "descriptions", "kind", "labels",
                "evidence", "level", "source", "strategies"});
  clause.id = ReadId(n, path);
  ReadKind(n, path, {CriterionKind::kContractClause});
  ReadDoc(n, path, &clause.doc);
  clause.name = r_.String(n, "name", path, false)
                    .value_or(DefaultName(clause.doc, clause.id));
  clause.description = r_.String(n, "description", path, false).value_or("");
  return clause;
}

std::string CriteriaReader::DefaultName(const Documentation& doc,
                                        const std::string& id) {
  const auto en = doc.labels.find("en");
  return en != doc.labels.end() ? en->second : id;
}

std::map<std::string, std::string> CriteriaReader::ReadLabels(
    const io::YamlNode& map, const std::string& path) {
  return ReadLanguageTexts(map, path, "labels",
                           "{en: Recycled content, nl: Gerecycleerd gehalte}",
                           "a name");
}

std::map<std::string, std::string> CriteriaReader::ReadDescriptions(
    const io::YamlNode& map, const std::string& path) {
  return ReadLanguageTexts(
      map, path, "descriptions",
      "{nl: Aandeel gerecycleerd materiaal, fr: Part de matière recyclée}",
      "a description");
}

std::map<std::string, std::string> CriteriaReader::ReadLanguageTexts(
    const io::YamlNode& map, const std::string& path, const std::string& key,
    const std::string& example, const std::string& what) {
  std::map<std::string, std::string> out;
  const io::YamlNode n = io::MapValue(map, key);
  if (!n.IsDefined() || n.IsNull()) return out;
  const std::string here = io::Join(path, key);
  if (!n.IsMap()) {
    r_.Error(n, here,
             "expected a map of language codes to " +
                 std::string(key == "labels" ? "names" : "descriptions") +
                 ", such as " + example + ", got " + io::Describe(n));
    return out;
  }
  for (const auto& kv : n) {
    const std::string lang = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const bool code = lang.size() == 2 &&
                      std::all_of(lang.begin(), lang.end(),
                                  [](char c) { return c >= 'a' && c <= 'z'; });
    if (!code) {
      r_.Error(kv.first, here,
               "expected a two-letter language code such as en or nl, "
               "got " +
                   io::Describe(kv.first));
      continue;
    }
    if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
      r_.Error(kv.second, here + "." + lang,
               "expected " + what + ", got " + io::Describe(kv.second));
      continue;
    }
    out[lang] = kv.second.Scalar();
  }
  return out;
}

void CriteriaReader::ReadDoc(const io::YamlNode& n, const std::string& path,
                             Documentation* doc) {
  doc->labels = ReadLabels(n, path);
  doc->descriptions = ReadDescriptions(n, path);
  doc->evidence = r_.String(n, "evidence", path, false).value_or("");
  if (const auto level = r_.String(n, "level", path, false)) {
    doc->level = GppLevelFromString(*level);
    if (!doc->level) {
      r_.Error(n["level"], io::Join(path, "level"),
               "expected core or comprehensive (the EU GPP ambition "
               "level), got \"" +
                   *level + "\"");
    }
  }
  doc->source = r_.String(n, "source", path, false).value_or("");
  // Where the scoring anchors (worst/best, steps, minimums) come from: a
  // source id and item, or "model" for the model's own choice.
  doc->anchor_source = r_.String(n, "anchor-source", path, false).value_or("");
  const io::YamlNode list = io::MapValue(n, "strategies");
  if (!list.IsDefined() || list.IsNull()) return;
  const std::string here = io::Join(path, "strategies");
  std::string names;
  for (const Strategy s : AllStrategies()) {
    if (!names.empty()) names += ", ";
    names += ToString(s);
  }
  if (!list.IsSequence()) {
    r_.Error(list, here,
             "expected a list of circular strategies (" + names + "), got " +
                 io::Describe(list));
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string text = list[i].IsScalar() ? list[i].Scalar() : "";
    const auto s = StrategyFromString(text);
    if (!s) {
      r_.Error(list[i], here + "[" + std::to_string(i) + "]",
               "expected one of " + names + ", got " + io::Describe(list[i]));
    } else if (std::find(doc->strategies.begin(), doc->strategies.end(), *s) !=
               doc->strategies.end()) {
      r_.Error(list[i], here + "[" + std::to_string(i) + "]",
               "strategy " + text + " is listed twice");
    } else {
      doc->strategies.push_back(*s);
    }
  }
}

}  // namespace circa::io
