// Lint: facilitator-quality checks on a (model) criteria set, beyond what
// validation refuses (docs/catalog.md, "Lint rules").
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <tuple>

#include "catalog/text_util.h"
#include "circa/catalog.h"
#include "circa/library.h"
#include "circa/load.h"
#include "circa/validate.h"

namespace circa {
namespace {

bool SnakeCase(const std::string& id) {
  static const std::regex re("[a-z][a-z0-9_]*");
  return std::regex_match(id, re);
}

bool SemVer(const std::string& version) {
  static const std::regex re(
      "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)"
      "(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
  return std::regex_match(version, re);
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

std::string Major(const std::string& version) {
  return version.substr(0, version.find('.'));
}

class Linter {
 public:
  Linter(const CriteriaSet& set, const LintOptions& options)
      : set_(set), options_(options) {
    for (const SourceDocument& d : set.sources) {
      if (!d.id.empty()) sources_.push_back(d.id);
    }
    for (std::size_t i = 0; i < options.languages.size(); ++i) {
      if (i) languages_ += i + 1 == options.languages.size() ? " and " : ", ";
      languages_ += options.languages[i];
    }
  }

  std::vector<Diagnostic> Run() {
    if (options_.legal_floors) {
      floors_ = *options_.legal_floors;
    } else if (const std::string file = DefaultLegalFloorsFile();
               !file.empty()) {
      Result<std::vector<LegalFloor>> loaded = LoadLegalFloors(file);
      diag_.Append(loaded.diagnostics);
      if (loaded.value) floors_ = std::move(*loaded.value);
    }
    for (auto f = floors_.begin(); f != floors_.end();) {
      const bool applies =
          f->product_group == "*" || f->product_group == set_.product_group;
      f = applies ? f + 1 : floors_.erase(f);
    }
    SetLevel();
    Derived();
    for (std::size_t i = 0; i < set_.criteria.size(); ++i) {
      CheckCriterion(set_.criteria[i], "criteria[" + std::to_string(i) + "]");
    }
    for (Diagnostic& d : DraftCriteria(set_, Severity::kWarning)) {
      diag_.Add(std::move(d));
    }
    for (std::size_t i = 0; i < set_.requirements.size(); ++i) {
      const Requirement& r = set_.requirements[i];
      const std::string path = "requirements[" + std::to_string(i) + "]";
      Item(r.where, path, r.id, r.description, r.doc, true);
      RequirementFloors(r, path);
    }
    for (std::size_t i = 0; i < set_.clauses.size(); ++i) {
      const Clause& c = set_.clauses[i];
      const std::string path = "clauses[" + std::to_string(i) + "]";
      Item(c.where, path, c.id, c.description, c.doc, true);
    }
    if (options_.previous) IdsStable(*options_.previous);
    return diag_.Take();
  }

 private:
  SourceLocation Top() const { return {set_.source, 1, 1}; }

  void Warn(const SourceLocation& where, const std::string& path,
            const std::string& message) {
    diag_.Warning(where, path, message);
  }

  void SetLevel() {
    if (set_.product_group.empty()) {
      Warn(Top(), "product-group",
           "missing; a model set names its product group (such as "
           "office-furniture)");
    }
    if (set_.publisher.empty()) {
      Warn(Top(), "publisher",
           "missing; a model set names who publishes and maintains it");
    }
    Labels(Top(), "", set_.labels);
    if (set_.sources.empty()) {
      Warn(Top(), "sources",
           "none declared; list the documents the set follows (EU GPP "
           "criteria, national guidance) with id and title");
    }
    if (!SemVer(set_.version)) {
      Warn(Top(), "version",
           "\"" + set_.version +
               "\" is not a semantic version (MAJOR.MINOR.PATCH); buyers "
               "pin model versions and removing an id needs a new major "
               "version");
    }
    if (set_.Strategies().empty()) {
      Warn(Top(), "strategies",
           "no circular strategy covered; tag criteria, requirements or "
           "clauses with strategies (use-less, use-not-own, reuse, "
           "recycled-content, longer-life, next-loop)");
    }
  }

  // A derived set (`extends:`): a library model named without a version,
  // and the model's texts kept while the weights change.
  void Derived() {
    if (set_.extends.empty()) return;
    std::string id;
    std::string version;
    if (ParseModelReference(set_.extends, &id, &version) && version.empty()) {
      Warn(ExtendsAt(), "extends",
           "\"" + set_.extends + "\" names no version: the newest " + id +
               " in the library is used (now " + set_.model_version +
               "), so the result changes when the library does; pin it as " +
               id + "@" + set_.model_version);
    }
    if (!ChangesWeights() || set_.model_source.empty()) return;
    // The model as it was resolved, for its texts (it loaded when the set
    // did; if it no longer does, there is nothing to compare).
    LoadOptions load;
    load.allow_outside = true;
    const Result<CriteriaSet> model = LoadCriteriaFile(set_.model_source, load);
    if (!model.value) return;
    for (const auto& [key, mine, theirs] :
         {std::tuple{"title", &set_.title, &model.value->title},
          std::tuple{"description", &set_.description,
                     &model.value->description},
          std::tuple{"publisher", &set_.publisher, &model.value->publisher}}) {
      if (theirs->empty() || *mine != *theirs) continue;
      Warn(Top(), key,
           std::string("the model's ") + key + " is kept unchanged (\"" +
               Clip(*mine) +
               "\") although this set changes the model's weights; say what "
               "this set is and who changed it");
    }
  }

  // Where `extends:` is written: the first line of the set's file that
  // starts with it (1:1 when the file cannot be read).
  SourceLocation ExtendsAt() const {
    std::ifstream in(set_.source);
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (line.rfind("extends:", 0) == 0) {
        const std::size_t value = line.find_first_not_of(' ', 8);
        return {set_.source, n,
                static_cast<int>(value == std::string::npos ? 1 : value + 1)};
      }
    }
    return Top();
  }

  static std::string Clip(const std::string& text) {
    if (text.size() <= 60) return text;
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    return text.substr(0, cut) + "...";
  }

  // Whether the derived set changed a weight, or dropped or added a
  // criterion (which moves the others' share).
  bool ChangesWeights() const {
    if (!set_.dropped.empty()) return true;
    bool changed = false;
    const auto walk = [&changed](const auto& self,
                                 const std::vector<Criterion>& list) -> void {
      for (const Criterion& c : list) {
        changed = changed || c.origin.kind == Origin::Kind::kLocal ||
                  std::find(c.origin.changed.begin(), c.origin.changed.end(),
                            "weight") != c.origin.changed.end() ||
                  std::find(c.origin.changed.begin(), c.origin.changed.end(),
                            "criteria") != c.origin.changed.end();
        self(self, c.children);
      }
    };
    walk(walk, set_.criteria);
    return changed;
  }

  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  void Labels(const SourceLocation& where, const std::string& path,
              const std::map<std::string, std::string>& labels) {
    for (const std::string& lang : options_.languages) {
      if (labels.count(lang) == 0) {
        Warn(where, Join(path, "labels." + lang),
             "missing; give the name in " + languages_);
      }
    }
  }

  // What criteria, requirements and clauses share: id spelling, labels,
  // description, evidence, level and source.
  void Item(const SourceLocation& where, const std::string& path,
            const std::string& id, const std::string& description,
            const Documentation& doc, bool needs_evidence) {
    if (!SnakeCase(id)) {
      Warn(where, path + ".id",
           "\"" + id + "\" is not lowercase snake_case ([a-z][a-z0-9_]*)");
    }
    Labels(where, path, doc.labels);
    if (description.empty()) {
      Warn(where, path + ".description",
           "missing; say what is asked and how it is verified");
    }
    if (needs_evidence && doc.evidence.empty()) {
      Warn(where, path + ".evidence",
           "missing; say what proves it (a label or equivalent, EPD, "
           "declaration, test report)");
    }
    const bool gpp = doc.source.find("eu-gpp") != std::string::npos;
    if (needs_evidence && !doc.level && gpp) {
      Warn(where, path + ".level",
           "missing; give core or comprehensive (the EU GPP ambition "
           "level)");
    }
    if (doc.level && !gpp) {
      Warn(where, path + ".level",
           std::string(ToString(*doc.level)) +
               " is an EU GPP ambition level, but the source \"" + doc.source +
               "\" is no EU GPP document; drop the level or cite the EU GPP "
               "item");
    }
    Source(where, path, doc.source);
    if (!doc.anchor_source.empty() && doc.anchor_source != "model") {
      Source(where, path, doc.anchor_source, "anchor-source");
    }
  }

  // The anchors or minimums of a numeric rule or condition must say where
  // they come from: a source item, or "model" for the model's own choice.
  void AnchorSource(const SourceLocation& where, const std::string& path,
                    const Documentation& doc, const std::string& what) {
    if (doc.anchor_source.empty()) {
      Warn(where, path + ".anchor-source",
           "missing; say where the " + what +
               " come from (a declared source id and item), or write "
               "\"model\" when they are the model's own choice");
    }
  }

  std::string Law(const LegalFloor& f) const {
    return f.law + ", " + f.article + ", in force since " + f.in_force +
           (f.url.empty() ? "" : " (" + f.url + ")");
  }

  void BelowFloor(const SourceLocation& where, const std::string& path,
                  const std::string& field, const std::string& what,
                  double value) {
    for (const LegalFloor& f : floors_) {
      if (f.obligation || f.field != field || value >= f.min) continue;
      diag_.Error(where, path,
                  what + " " + catalog::Num(value) + " " + f.unit +
                      " is below the legal floor of " + catalog::Num(f.min) +
                      " " + f.unit + " (" + Law(f) + "); [" + f.id + "]");
    }
  }

  void RequirementFloors(const Requirement& r, const std::string& path) {
    bool numeric = false;
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
      for (std::size_t k = 0; k < r.groups[g].conditions.size(); ++k) {
        const Condition& c = r.groups[g].conditions[k];
        if (c.op != Condition::Op::kMin && c.op != Condition::Op::kMax) {
          continue;
        }
        numeric = true;
        if (c.op != Condition::Op::kMin) continue;
        BelowFloor(c.where.line > 0 ? c.where : r.where,
                   path + ".conditions[" + std::to_string(k) + "].min", c.field,
                   "the minimum", c.number);
      }
    }
    if (numeric) AnchorSource(r.where, path, r.doc, "minimums");
  }

  void CriterionFloors(const Criterion& c, const std::string& path) {
    for (const LegalFloor& f : floors_) {
      if (f.obligation && f.field == c.id) {
        diag_.Error(c.where, path,
                    "awards points for what the law already requires (" +
                        Law(f) + "); make it a requirement or drop it; [" +
                        f.id + "]");
      }
    }
    if (!c.scoring) return;
    const ScoringRule& s = *c.scoring;
    const bool anchored = s.rule == Rule::kLinear || s.rule == Rule::kSteps;
    if (!anchored) return;
    AnchorSource(c.where, path, c.doc, "scoring anchors");
    if (s.better != Direction::kHigherIsBetter) return;
    if (s.rule == Rule::kLinear) {
      BelowFloor(c.where, path + ".scoring.worst", c.id,
                 "the anchor worst =", s.worst);
    } else if (!s.steps.empty()) {
      BelowFloor(c.where, path + ".scoring.steps[0]", c.id, "the lowest step",
                 s.steps.front().threshold);
    }
  }

  void Source(const SourceLocation& where, const std::string& path,
              const std::string& source, const std::string& key = "source") {
    if (source.empty()) {
      Warn(where, path + "." + key,
           "missing; name the declared source and the item it follows, "
           "such as \"eu-gpp-furniture AC3\"");
      return;
    }
    for (const std::string& id : sources_) {
      if (source.compare(0, id.size(), id) == 0 &&
          (source.size() == id.size() || !IsIdChar(source[id.size()]))) {
        return;
      }
    }
    std::string declared;
    for (const std::string& id : sources_) {
      if (!declared.empty()) declared += ", ";
      declared += id;
    }
    if (declared.empty()) declared = "none declared";
    diag_.Error(where, path + "." + key,
                "\"" + source +
                    "\" does not start with a declared source id (" + declared +
                    ")");
  }

  void CheckCriterion(const Criterion& c, const std::string& path) {
    const bool money = c.type != CriterionType::kQuality;
    if (c.is_group()) {
      // A group is named and described; its leaves carry the evidence.
      if (!SnakeCase(c.id)) {
        Warn(c.where, path + ".id",
             "\"" + c.id + "\" is not lowercase snake_case ([a-z][a-z0-9_]*)");
      }
      Labels(c.where, path, c.doc.labels);
      if (c.children.size() == 1) {
        Warn(c.where, path + ".criteria",
             "a group with one criterion; the group and its criterion carry "
             "the same weight (merge them)");
      }
      for (std::size_t i = 0; i < c.children.size(); ++i) {
        CheckCriterion(c.children[i],
                       path + ".criteria[" + std::to_string(i) + "]");
      }
      return;
    }
    Item(c.where, path, c.id, c.description, c.doc, !money);
    CriterionFloors(c, path);
    const bool numeric = c.scoring && IsNumericInput(c.scoring->rule);
    if (c.unit.empty() && (money || numeric)) {
      Warn(c.where, path + ".unit",
           money ? "missing; a price or cost needs its unit (such as EUR)"
                 : "missing; the rule reads a number (give %, years, kg, "
                   "kWh/year...)");
    }
    if (!set_.award && c.effective_weight == 0) {
      Warn(c.where, path + ".weight",
           "0: the criterion is scored but adds no points; give it a weight "
           "or drop it");
    }
    if (c.scoring && c.scoring->rule == Rule::kScale) {
      for (const ScaleLevel& l : c.scoring->levels) {
        const std::string& d = l.descriptor;
        const bool just_number = [&d] {
          char* end = nullptr;
          (void)std::strtod(d.c_str(), &end);
          return end != d.c_str() && *end == '\0';
        }();
        if (d.empty() || just_number) {
          Warn(c.where, path + ".scoring.levels." + catalog::Num(l.value),
               "level " + catalog::Num(l.value) + " is described as \"" + d +
                   "\"; describe in words what earns it");
        }
      }
    }
  }

  // Ids of `previous` missing here need a new major version.
  void IdsStable(const CriteriaSet& previous) {
    if (CompareVersions(Major(set_.version), Major(previous.version)) > 0) {
      return;
    }
    std::set<std::string> now;
    for (const Criterion* c : All(set_.criteria)) now.insert(c->id);
    for (const Requirement& r : set_.requirements) now.insert(r.id);
    for (const Clause& c : set_.clauses) now.insert(c.id);
    const auto gone = [&](const std::string& what, const std::string& id,
                          const std::string& path) {
      if (now.count(id)) return;
      const std::string next =
          std::to_string(std::atoi(Major(previous.version).c_str()) + 1) +
          ".0.0";
      diag_.Error(Top(), path,
                  what + " \"" + id + "\" of version " + previous.version +
                      " is gone in version " + set_.version +
                      "; removing or renaming an id needs a new major "
                      "version (" +
                      next + ")");
    };
    for (const Criterion* c : All(previous.criteria)) {
      gone("criterion", c->id, "criteria");
    }
    for (const Requirement& r : previous.requirements) {
      gone("requirement", r.id, "requirements");
    }
    for (const Clause& c : previous.clauses) gone("clause", c.id, "clauses");
  }

  static std::vector<const Criterion*> All(const std::vector<Criterion>& list) {
    std::vector<const Criterion*> out;
    for (const Criterion& c : list) {
      out.push_back(&c);
      for (const Criterion* d : All(c.children)) out.push_back(d);
    }
    return out;
  }

  const CriteriaSet& set_;
  const LintOptions& options_;
  std::vector<std::string> sources_;
  std::string languages_;
  std::vector<LegalFloor> floors_;  // those that apply to this set
  Diagnostics diag_;
};

}  // namespace

bool LintOptions::IsValid(std::string* why) const {
  if (languages.empty()) {
    *why = "languages: expected at least one language code";
    return false;
  }
  for (const std::string& lang : languages) {
    const bool code = lang.size() == 2 && lang[0] >= 'a' && lang[0] <= 'z' &&
                      lang[1] >= 'a' && lang[1] <= 'z';
    if (!code) {
      *why = "languages: expected two-letter codes such as en or nl, got \"" +
             lang + "\"";
      return false;
    }
  }
  return true;
}

std::vector<Diagnostic> Lint(const CriteriaSet& set,
                             const LintOptions& options) {
  return Linter(set, options).Run();
}

}  // namespace circa
