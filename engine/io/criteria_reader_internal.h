// The criteria reader's class, shared by the files that read one concern of
// a criteria set (docs/criteria-format.md) each:
//   criteria_set_reader.cc   the set and its tree of criteria with weights
//   scoring_rule_reader.cc   scoring rules
//   award_order_reader.cc    requirements, thresholds, max-pass, rounding,
//                            tie-break, abnormally-low, panel policy (the
//                            money award: award_reader.cc)
//   model_doc_reader.cc      model-set documentation (labels, sources,
//                            clauses, evidence)
//   criteria_derive.cc       a derived set from its model (`extends:`),
//                            without the file system
// The loader (criteria_reader.cc) resolves `extends:` on disk and validates.
#ifndef CIRCA_ENGINE_IO_CRITERIA_READER_INTERNAL_H_
#define CIRCA_ENGINE_IO_CRITERIA_READER_INTERNAL_H_

#include <yaml-cpp/yaml.h>

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/criteria.h"
#include "circa/load.h"
#include "io/yaml_node.h"

namespace circa::io {

inline constexpr double kUnreadable = std::numeric_limits<double>::quiet_NaN();

// "lowest-ratio, percent-of-lowest, ...": every rule name, for messages.
std::string RuleNames();

// An id: a letter or digit, then letters, digits, _ - or ., at most 64.
bool ValidId(std::string_view id);

class CriteriaReader {
 public:
  CriteriaReader(const std::string& file, Diagnostics* diag,
                 const LoadOptions& options)
      : r_(file, diag), options_(options) {}

  std::optional<CriteriaSet> Read(const io::YamlNode& root);

  // currency: an ISO 4217 code (three capital letters), in a set or a
  // derived set alike.
  void ReadCurrency(const io::YamlNode& root, CriteriaSet* set);
  // `language:` en, nl or fr (docs/translating.md).
  void ReadLanguage(const io::YamlNode& root, CriteriaSet* set);
  // `decision:` the award decision's fields (docs/award-decision.md).
  void ReadDecision(const io::YamlNode& root, CriteriaSet* set);

  void ReadFormat(const io::YamlNode& root);

  // max-pass, rounding, tie-break, abnormally-low and panel: each, when
  // given, replaces what *set holds (a derived set's model's).
  void ReadAwardOrderKeys(const io::YamlNode& root, CriteriaSet* set);

  // Model-set keys (docs/criteria-format.md, "Model sets"): product-group,
  // labels, sources and clauses.
  void ReadModelKeys(const io::YamlNode& root, CriteriaSet* set);

  SourceDocument ReadSource(const io::YamlNode& n, const std::string& path);

  Clause ReadClause(const io::YamlNode& n, const std::string& path);

  // An id (the value of `key`), checked for its spelling; "" when absent.
  std::string ReadId(const io::YamlNode& n, const std::string& path,
                     std::string_view key = "id", bool required = true);

  // A criterion's name when none is written: its English label, else id.
  static std::string DefaultName(const Documentation& doc,
                                 const std::string& id);

  // labels: {en: Recycled content, nl: Gerecycleerd gehalte}
  std::map<std::string, std::string> ReadLabels(const io::YamlNode& map,
                                                const std::string& path);
  // descriptions: {nl: ..., fr: ...}, the same shape as labels.
  std::map<std::string, std::string> ReadDescriptions(const io::YamlNode& map,
                                                      const std::string& path);
  // A map of language codes to texts under `key` (labels, descriptions).
  std::map<std::string, std::string> ReadLanguageTexts(
      const io::YamlNode& map, const std::string& path, const std::string& key,
      const std::string& example, const std::string& what);

  // kind: must be one of `allowed` here; the message says where the others
  // belong.
  void ReadKind(const io::YamlNode& n, const std::string& path,
                std::initializer_list<CriterionKind> allowed,
                CriterionKind* out = nullptr);

  // labels, descriptions, evidence, level, source, strategies.
  void ReadDoc(const io::YamlNode& n, const std::string& path,
               Documentation* doc);

 private:
  std::vector<Criterion> ReadList(const io::YamlNode& list,
                                  const std::string& path,
                                  std::optional<CriterionType> inherited,
                                  int depth);

  Criterion ReadCriterion(const io::YamlNode& node, const std::string& path,
                          std::optional<CriterionType> inherited, int depth);

  // weight: 40 | [30, 40] (a published range; its middle is used); in a
  // set with `weights: order`, order: 1 instead.
  void ReadWeight(const io::YamlNode& node, const std::string& path,
                  Criterion* c);

  // min-score: 35 (points of the set's scale) | "50%" (of the criterion's
  // own points).
  std::optional<Threshold> ReadThreshold(const io::YamlNode& n,
                                         const std::string& path);

  std::optional<PanelPolicy> ReadPanel(const io::YamlNode& n,
                                       const std::string& path);

  void ReadRequirements(const io::YamlNode& root, CriteriaSet* set);

  RequirementGroup ReadConditions(const io::YamlNode& list,
                                  const std::string& path);

  // rounding: {decimals: 2, apply: [points, totals]}
  void ReadRounding(const io::YamlNode& root, Rounding* out);

  // tie-break: [{higher: quality}, {lower: price}, {earlier: submitted},
  //             {draw: 20261127}]
  void ReadTieBreak(const io::YamlNode& root, std::vector<TieBreakStep>* out);

  // abnormally-low: {rule: below-mean, criterion: price, percent: 20}
  //                 {rule: rglcap-85, criterion: price, budget: 100000}
  //                 {rule: kb-2017-36, criterion: price, contract: works}
  void ReadAbnormallyLow(const io::YamlNode& root, AbnormallyLowRule* out);

  std::optional<ScoringRule> ReadRule(const io::YamlNode& node,
                                      const std::string& path,
                                      CriterionType type);

  bool ReadDirection(const io::YamlNode& node, const std::string& path,
                     Direction* better);

  bool ReadSteps(const io::YamlNode& node, const std::string& path,
                 std::vector<Step>* steps);

  bool ReadLevels(const io::YamlNode& node, const std::string& path,
                  std::vector<ScaleLevel>* levels);
  // level-labels: {nl: {0: onaanvaardbaar, 5: uitstekend}}, on `levels`.
  bool ReadLevelLabels(const io::YamlNode& node, const std::string& path,
                       std::vector<ScaleLevel>* levels);

  io::YamlReader r_;
  const LoadOptions& options_;
  // Criteria read so far, against options_.max_criteria; once over, the
  // lists stop (one error).
  int criteria_read_ = 0;
  WeightMode mode_ = WeightMode::kPoints;
  bool award_ = false;   // the set has an award: block (money-based)
  bool adding_ = false;  // the next criterion read is an `add` item

 public:
  // A derived set (docs/criteria-format.md, "Derived sets"): `model` is the
  // validated model `extends:` names; drop, override and add change a copy
  // of it, and the set's own keys replace the model's.
  std::optional<CriteriaSet> ReadDerived(const io::YamlNode& root,
                                         const CriteriaSet& model);

 private:
  static void SetOrigin(Criterion* c, const Origin& origin);

  // Where a criterion id sits: its list and index, and its parent (nullptr
  // at top level).
  struct Place {
    std::vector<Criterion>* list = nullptr;
    std::size_t index = 0;
    Criterion* parent = nullptr;
    int depth = 1;
  };
  static bool Locate(std::vector<Criterion>* list, Criterion* parent, int depth,
                     std::string_view id, Place* out);

  static void CollectIds(const std::vector<Criterion>& list,
                         std::vector<std::string>* ids);
  static std::vector<std::string> AllIds(const CriteriaSet& set);

  void UnknownId(const io::YamlNode& n, const std::string& path,
                 const std::string& id, const CriteriaSet& set);

  static void MarkChanged(Origin* origin, std::string field,
                          const SourceLocation& at);

  // drop: [take_back, ...]
  void Drop(const io::YamlNode& root, CriteriaSet* set);

  // override: {price: {weight: 30}, warranty: {scoring: {...}}}
  void Override(const io::YamlNode& root, CriteriaSet* set);

  // The keys every kind of item shares: name, description and the
  // documentation. Labels merge per language.
  void OverrideText(const io::YamlNode& n, const std::string& path,
                    std::string* name, std::string* description,
                    Documentation* doc, Origin* origin);

  void OverrideCriterion(const io::YamlNode& n, const std::string& path,
                         Criterion* c);

  void OverrideRequirement(const io::YamlNode& n, const std::string& path,
                           Requirement* req);

  // add: [{under: circularity, id: local_repair, ...}, ...]
  void Add(const io::YamlNode& root, CriteriaSet* set);
};

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_CRITERIA_READER_INTERNAL_H_
