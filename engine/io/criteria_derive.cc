// A derived set from its model (`extends:`), without the file system:
// drop, override and add on a copy of the validated model.
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

std::optional<CriteriaSet> DeriveCriteriaSet(const io::YamlNode& root,
                                             const CriteriaSet& model,
                                             const std::string& file,
                                             Diagnostics* diag,
                                             const LoadOptions& options) {
  return CriteriaReader(file, diag, options).ReadDerived(root, model);
}

std::optional<CriteriaSet> DeriveCriteriaSet(const YAML::Node& root,
                                             const CriteriaSet& model,
                                             const std::string& file,
                                             Diagnostics* diag,
                                             const LoadOptions& options) {
  return DeriveCriteriaSet(FromYamlCpp(root), model, file, diag, options);
}

std::optional<CriteriaSet> CriteriaReader::ReadDerived(
    const io::YamlNode& root, const CriteriaSet& model) {
  r_.CheckKeys(root, "", {"circa",          "id",          "version",
                          "title",          "description", "publisher",
                          "currency",       "extends",     "drop",
                          "override",       "add",         "requirements",
                          "max-pass",       "rounding",    "tie-break",
                          "abnormally-low", "panel",       "product-group",
                          "labels",         "sources",     "clauses",
                          "criteria",       "scale",       "weights",
                          "bids",           "language",    "decision",
                          "descriptions"});
  for (const char* key : {"criteria", "scale", "weights"}) {
    if (const io::YamlNode n = root[key]; n.IsDefined()) {
      r_.Error(n, key,
               std::string(key) +
                   " comes from the model in a derived set; change the "
                   "model's criteria with drop, override and add");
    }
  }
  CriteriaSet set = model;
  set.extends = root["extends"].IsScalar() ? root["extends"].Scalar() : "";
  set.model_id = model.id;
  set.model_version = model.version;
  set.model_source = model.source;
  set.model_chain.assign(1, model.source);
  set.model_chain.insert(set.model_chain.end(), model.model_chain.begin(),
                         model.model_chain.end());
  set.model_sha256 = model.sha256;
  set.dropped.clear();
  set.validated = false;  // the derived set is validated once it is read
  set.derived_at = {};
  const Origin from{
      Origin::Kind::kModel, model.id + " " + model.version, {}, {}};
  for (Criterion& c : set.criteria) SetOrigin(&c, from);
  for (Requirement& r : set.requirements) r.origin = from;
  for (Clause& c : set.clauses) c.origin = from;

  ReadFormat(root);
  set.id = ReadId(root, "");
  set.version = r_.String(root, "version", "", true).value_or("");
  set.title = r_.String(root, "title", "", true).value_or("");
  // A title of its own without labels: the model's title labels name the
  // model, not this set, so they are dropped (LocalTitle then falls back to
  // the title). The same for a description of its own without
  // descriptions. Labels or descriptions given are read by ReadModelKeys.
  if (set.title != model.title) set.labels.clear();
  set.description =
      r_.String(root, "description", "", false).value_or(model.description);
  if (set.description != model.description) set.descriptions.clear();
  set.publisher =
      r_.String(root, "publisher", "", false).value_or(model.publisher);
  ReadCurrency(root, &set);
  ReadLanguage(root, &set);
  ReadDecision(root, &set);
  mode_ = set.weights;

  Drop(root, &set);
  Override(root, &set);
  Add(root, &set);

  const std::size_t model_requirements = set.requirements.size();
  ReadRequirements(root, &set);
  for (std::size_t i = model_requirements; i < set.requirements.size(); ++i) {
    set.requirements[i].origin.kind = Origin::Kind::kLocal;
  }
  ReadAwardOrderKeys(root, &set);
  const std::size_t model_clauses = set.clauses.size();
  ReadModelKeys(root, &set);
  for (std::size_t i = model_clauses; i < set.clauses.size(); ++i) {
    set.clauses[i].origin.kind = Origin::Kind::kLocal;
  }
  return set;
}

void CriteriaReader::SetOrigin(Criterion* c, const Origin& origin) {
  c->origin = origin;
  for (Criterion& child : c->children) SetOrigin(&child, origin);
}

bool CriteriaReader::Locate(std::vector<Criterion>* list, Criterion* parent,
                            int depth, std::string_view id, Place* out) {
  for (std::size_t i = 0; i < list->size(); ++i) {
    Criterion& c = (*list)[i];
    if (c.id == id) {
      *out = Place{list, i, parent, depth};
      return true;
    }
    if (Locate(&c.children, &c, depth + 1, id, out)) return true;
  }
  return false;
}

void CriteriaReader::CollectIds(const std::vector<Criterion>& list,
                                std::vector<std::string>* ids) {
  for (const Criterion& c : list) {
    ids->push_back(c.id);
    CollectIds(c.children, ids);
  }
}

std::vector<std::string> CriteriaReader::AllIds(const CriteriaSet& set) {
  std::vector<std::string> ids;
  CollectIds(set.criteria, &ids);
  for (const Requirement& r : set.requirements) ids.push_back(r.id);
  for (const Clause& c : set.clauses) ids.push_back(c.id);
  return ids;
}

void CriteriaReader::UnknownId(const io::YamlNode& n, const std::string& path,
                               const std::string& id, const CriteriaSet& set) {
  if (std::find(set.dropped.begin(), set.dropped.end(), id) !=
      set.dropped.end()) {
    r_.Error(n, path, id + " is already dropped by this set's drop list");
    return;
  }
  std::string message = "no criterion, requirement or clause \"" + id +
                        "\" in the model " + set.model_id + " " +
                        set.model_version;
  const std::string hint = io::Suggest(id, AllIds(set));
  if (!hint.empty()) message += "; did you mean \"" + hint + "\"?";
  r_.Error(n, path, message);
}

void CriteriaReader::MarkChanged(Origin* origin, std::string field,
                                 const SourceLocation& at) {
  if (origin->kind == Origin::Kind::kModel &&
      std::find(origin->changed.begin(), origin->changed.end(), field) ==
          origin->changed.end()) {
    origin->changed.push_back(std::move(field));
    std::sort(origin->changed.begin(), origin->changed.end());
  }
  origin->changed_at = at;
}

void CriteriaReader::Drop(const io::YamlNode& root, CriteriaSet* set) {
  const io::YamlNode list = root["drop"];
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    r_.Error(list, "drop",
             "expected a list of criterion, requirement or clause ids, "
             "got " +
                 io::Describe(list));
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const io::YamlNode n = list[i];
    const std::string path = "drop[" + std::to_string(i) + "]";
    const std::string id = n.IsScalar() ? n.Scalar() : "";
    if (id.empty()) {
      r_.Error(n, path, "expected an id, got " + io::Describe(n));
      continue;
    }
    const SourceLocation at = r_.Where(n);
    Place place;
    if (Locate(&set->criteria, nullptr, 1, id, &place)) {
      if (place.list->size() == 1) {
        r_.Error(n, path,
                 "dropping " + id + " would leave " +
                     (place.parent ? "group " + place.parent->id
                                   : std::string("the set")) +
                     " with no criteria" +
                     (place.parent ? "; drop " + place.parent->id + " instead"
                                   : std::string()));
        continue;
      }
      place.list->erase(place.list->begin() +
                        static_cast<std::ptrdiff_t>(place.index));
      if (place.parent) {
        MarkChanged(&place.parent->origin, "criteria", at);
      } else {
        set->derived_at = at;
      }
      set->dropped.push_back(id);
      continue;
    }
    const auto req =
        std::find_if(set->requirements.begin(), set->requirements.end(),
                     [&id](const Requirement& r) { return r.id == id; });
    if (req != set->requirements.end()) {
      set->requirements.erase(req);
      set->dropped.push_back(id);
      continue;
    }
    const auto clause =
        std::find_if(set->clauses.begin(), set->clauses.end(),
                     [&id](const Clause& c) { return c.id == id; });
    if (clause != set->clauses.end()) {
      set->clauses.erase(clause);
      set->dropped.push_back(id);
      continue;
    }
    UnknownId(n, path, id, *set);
  }
}

void CriteriaReader::Override(const io::YamlNode& root, CriteriaSet* set) {
  const io::YamlNode map = root["override"];
  if (!map.IsDefined() || map.IsNull()) return;
  if (!map.IsMap()) {
    r_.Error(map, "override",
             "expected a map of ids to changes, such as {price: {weight: "
             "30}}, got " +
                 io::Describe(map));
    return;
  }
  for (const auto& kv : map) {
    const std::string id = kv.first.IsScalar() ? kv.first.Scalar() : "";
    const std::string path = "override." + id;
    const io::YamlNode n = kv.second;
    if (!n.IsMap()) {
      r_.Error(n, path,
               "expected a map of the fields to change, such as {weight: "
               "30}, got " +
                   io::Describe(n));
      continue;
    }
    Place place;
    if (Locate(&set->criteria, nullptr, 1, id, &place)) {
      OverrideCriterion(n, path, &(*place.list)[place.index]);
      continue;
    }
    const auto req =
        std::find_if(set->requirements.begin(), set->requirements.end(),
                     [&id](const Requirement& r) { return r.id == id; });
    if (req != set->requirements.end()) {
      OverrideRequirement(n, path, &*req);
      continue;
    }
    const auto clause =
        std::find_if(set->clauses.begin(), set->clauses.end(),
                     [&id](const Clause& c) { return c.id == id; });
    if (clause != set->clauses.end()) {
      r_.CheckKeys(n, path,
                   {"name", "labels", "description", "descriptions", "evidence",
                    "level", "source", "strategies"});
      OverrideText(n, path, &clause->name, &clause->description, &clause->doc,
                   &clause->origin);
      continue;
    }
    UnknownId(kv.first, path, id, *set);
  }
}

void CriteriaReader::OverrideText(const io::YamlNode& n,
                                  const std::string& path, std::string* name,
                                  std::string* description, Documentation* doc,
                                  Origin* origin) {
  const SourceLocation at = r_.Where(n);
  // A new name or description without labels or descriptions: the model's
  // translations describe the old text, so they are dropped (the results
  // then fall back to the new text, with the missing-label warning).
  if (const auto v = r_.String(n, "name", path, false)) {
    if (*v != *name) doc->labels.clear();
    *name = *v;
    MarkChanged(origin, "name", at);
  }
  if (const auto v = r_.String(n, "description", path, false)) {
    if (*v != *description) doc->descriptions.clear();
    *description = *v;
    MarkChanged(origin, "description", at);
  }
  Documentation given;
  ReadDoc(n, path, &given);
  if (!given.labels.empty()) {
    for (auto& [lang, text] : given.labels) doc->labels[lang] = text;
    MarkChanged(origin, "labels", at);
  }
  if (!given.descriptions.empty()) {
    for (auto& [lang, text] : given.descriptions) {
      doc->descriptions[lang] = text;
    }
    MarkChanged(origin, "descriptions", at);
  }
  if (n["evidence"].IsDefined()) {
    doc->evidence = given.evidence;
    MarkChanged(origin, "evidence", at);
  }
  if (given.level) {
    doc->level = given.level;
    MarkChanged(origin, "level", at);
  }
  if (n["source"].IsDefined()) {
    doc->source = given.source;
    MarkChanged(origin, "source", at);
  }
  if (n["anchor-source"].IsDefined()) {
    doc->anchor_source = given.anchor_source;
    MarkChanged(origin, "anchor-source", at);
  }
  if (n["strategies"].IsDefined()) {
    doc->strategies = given.strategies;
    MarkChanged(origin, "strategies", at);
  }
}

void CriteriaReader::OverrideCriterion(const io::YamlNode& n,
                                       const std::string& path, Criterion* c) {
  r_.CheckKeys(n, path,
               {"name", "labels", "description", "descriptions", "unit",
                "weight", "order", "min-score", "panel", "scoring", "evidence",
                "level", "source", "anchor-source", "strategies"});
  const SourceLocation at = r_.Where(n);
  OverrideText(n, path, &c->name, &c->description, &c->doc, &c->origin);
  if (const auto v = r_.String(n, "unit", path, false)) {
    c->unit = *v;
    MarkChanged(&c->origin, "unit", at);
  }
  if (n["weight"].IsDefined() || n["order"].IsDefined()) {
    Criterion weighed;
    weighed.weight = kUnreadable;
    ReadWeight(n, path, &weighed);
    c->weight = weighed.weight;
    c->weight_range = weighed.weight_range;
    c->effective_range.reset();
    c->order = weighed.order;
    MarkChanged(&c->origin, mode_ == WeightMode::kOrder ? "order" : "weight",
                at);
  }
  if (const io::YamlNode t = n["min-score"]; t.IsDefined()) {
    c->threshold = t.IsNull() ? std::nullopt
                              : ReadThreshold(t, io::Join(path, "min-score"));
    MarkChanged(&c->origin, "min-score", at);
  }
  if (const io::YamlNode p = n["panel"]; p.IsDefined()) {
    c->panel =
        p.IsNull() ? std::nullopt : ReadPanel(p, io::Join(path, "panel"));
    MarkChanged(&c->origin, "panel", at);
  }
  if (const io::YamlNode sc = n["scoring"]; sc.IsDefined()) {
    if (c->is_group()) {
      r_.Error(sc, io::Join(path, "scoring"),
               c->id +
                   " is a group; override the scoring of its criteria "
                   "instead");
    } else {
      c->scoring = ReadRule(sc, io::Join(path, "scoring"), c->type);
      MarkChanged(&c->origin, "scoring", at);
    }
  }
}

void CriteriaReader::OverrideRequirement(const io::YamlNode& n,
                                         const std::string& path,
                                         Requirement* req) {
  r_.CheckKeys(n, path,
               {"name", "labels", "description", "descriptions", "evidence",
                "level", "source", "anchor-source", "strategies", "kind",
                "conditions", "groups"});
  const SourceLocation at = r_.Where(n);
  OverrideText(n, path, &req->name, &req->description, &req->doc, &req->origin);
  req->evidence = req->doc.evidence;
  if (n["kind"].IsDefined()) {
    ReadKind(
        n, path,
        {CriterionKind::kSelection, CriterionKind::kTechnicalSpecification},
        &req->kind);
    MarkChanged(&req->origin, "kind", at);
  }
  const io::YamlNode conditions = n["conditions"];
  const io::YamlNode groups = n["groups"];
  if (conditions.IsDefined() && groups.IsDefined()) {
    r_.Error(n, path,
             "give conditions (all must hold) or groups (any group of "
             "conditions), not both");
  } else if (conditions.IsDefined()) {
    req->groups = {ReadConditions(conditions, io::Join(path, "conditions"))};
    MarkChanged(&req->origin, "conditions", at);
  } else if (groups.IsDefined()) {
    if (!groups.IsSequence() || groups.size() == 0) {
      r_.Error(groups, io::Join(path, "groups"),
               "expected a non-empty list of condition lists, got " +
                   io::Describe(groups));
    } else {
      req->groups.clear();
      for (std::size_t g = 0; g < groups.size(); ++g) {
        req->groups.push_back(ReadConditions(
            groups[g],
            io::Join(path, "groups") + "[" + std::to_string(g) + "]"));
      }
      MarkChanged(&req->origin, "conditions", at);
    }
  }
}

void CriteriaReader::Add(const io::YamlNode& root, CriteriaSet* set) {
  const io::YamlNode list = root["add"];
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    r_.Error(list, "add",
             "expected a list of criteria (each may name the group it goes "
             "in with under), got " +
                 io::Describe(list));
    return;
  }
  const Origin local{Origin::Kind::kLocal, "", {}, {}};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const io::YamlNode n = list[i];
    const std::string path = "add[" + std::to_string(i) + "]";
    std::vector<Criterion>* target = &set->criteria;
    Criterion* parent = nullptr;
    int depth = 1;
    if (n.IsMap()) {
      if (const auto under = r_.String(n, "under", path, false)) {
        Place place;
        if (!Locate(&set->criteria, nullptr, 1, *under, &place)) {
          UnknownId(n["under"], io::Join(path, "under"), *under, *set);
          continue;
        }
        parent = &(*place.list)[place.index];
        if (!parent->is_group()) {
          r_.Error(n["under"], io::Join(path, "under"),
                   *under +
                       " is a leaf criterion; criteria can be added under "
                       "a group");
          continue;
        }
        target = &parent->children;
        depth = place.depth + 1;
        if (depth > options_.max_depth) {
          r_.Error(n["under"], io::Join(path, "under"),
                   "criteria are nested more than " +
                       std::to_string(options_.max_depth) + " levels deep");
          continue;
        }
      }
    }
    adding_ = true;
    Criterion c = ReadCriterion(
        n, path,
        parent ? std::optional<CriterionType>(parent->type) : std::nullopt,
        depth);
    adding_ = false;
    SetOrigin(&c, local);
    const SourceLocation at = r_.Where(n);
    if (parent) {
      MarkChanged(&parent->origin, "criteria", at);
    } else {
      set->derived_at = at;
    }
    target->push_back(std::move(c));
  }
}

}  // namespace circa::io
