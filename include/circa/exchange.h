// Award-criteria exchange with the EU and open-contracting standards
// (docs/exchange.md):
//
//  - export a criteria set's award criteria as an eForms BG-707 XML fragment
//    (cac:AwardingTerms) or as OCDS award-criteria-extension JSON;
//  - import the award criteria of published notices (eForms UBL XML, TED XML
//    R2.0.9) into criteria-set skeletons, one per lot, with a report of
//    everything that could not be mapped.
//
// Nothing here throws on bad input: malformed XML is a Diagnostic with its
// line and column.
#ifndef CIRCA_EXCHANGE_H_
#define CIRCA_EXCHANGE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/criteria.h"
#include "circa/diagnostics.h"

namespace circa {

// ---------------------------------------------------------------- export

struct ExportOptions {
  // The languages of the exported names (BT-734), comma-separated: an EU
  // language as the set's labels name it ("nl") or as eForms does (ISO
  // 639-2/B: "NLD"); "nl,fr" writes one cbc:Name per language. English
  // names are the criteria's `name`; every other language's come from
  // `labels.<code>` (a top-level criterion without one is an error).
  // Descriptions and rule texts are written in English, with ENG, when
  // English is among the languages.
  std::string language = "ENG";
  // OCDS lots[].id of the exported lot.
  std::string lot_id = "1";

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why) const;
};

// eForms BG-707 award criteria: a cac:AwardingTerms element holding one
// cac:AwardingCriterion with one cac:SubordinateAwardingCriterion per
// TOP-LEVEL criterion (eForms has a single level of criteria; a group is
// exported with its own weight and its sub-criteria named in its BT-540
// description). Warnings name what eForms cannot carry.
Result<std::string> ExportEforms(const CriteriaSet& set,
                                 const ExportOptions& options = {});

// OCDS award criteria extension, as the fragment of a release's `tender`:
// {"lots":[{"id", "awardCriteria":{"criteria":[{"type","name",
// "description","numbers":[{"number","weight"}]}]}}]}. Same top-level
// choice as ExportEforms.
Result<std::string> ExportOcds(const CriteriaSet& set,
                               const ExportOptions& options = {});

// ---------------------------------------------------------------- import

enum class NoticeFormat {
  kEforms,          // eForms UBL notice (ContractNotice, ...)
  kEformsFragment,  // a bare cac:AwardingTerms / cac:AwardingCriterion
  kTed,             // TED XML R2.0.x export (TED_EXPORT)
};
std::string_view ToString(NoticeFormat format);

// One thing the importer noticed. `mapped` is false when the skeleton could
// not carry it (the YAML then holds a TODO the buyer must resolve). Codes
// are stable and listed in docs/exchange.md.
struct ImportReportEntry {
  std::string code;  // e.g. "free-text-weight", "withheld"
  std::string lot;   // lot id ("" for a notice without lots)
  // 0-based position of the criterion in the lot as published (before
  // double-counted criteria are grouped); -1: the lot as a whole.
  int criterion = -1;
  bool mapped = false;   // true: mapped (with a stated rule), just noted
  std::string message;   // what was found and what was done
  SourceLocation where;  // position in the notice
  // "file:line:col: lot LOT-0001 criterion 2: code: message"
  std::string ToString() const;
};

struct ImportedCriterion {
  std::string id;  // generated, unique in the lot, circa id syntax
  std::string name;
  std::string description;
  std::optional<CriterionType> type;  // nullopt: not published / unknown
  // The weight in the lot's WeightMode (ImportedLot::weights), when it
  // could be mapped. For a group (double-counted parent) the sum of its
  // children.
  std::optional<double> weight;
  std::string published;    // the weight as published ("55 %", "per-exa 60")
  std::string weight_code;  // eForms BT-5421 code, or "text" for TED
  int order = 0;            // ord-imp: order of importance (1 = first)
  std::optional<double> min_score;          // BT-5423 min-score
  std::optional<double> fixed;              // BT-5422 number-fixed
  std::vector<ImportedCriterion> children;  // parent + children published flat
  SourceLocation where;
};

// What an award notice publishes about a lot's outcome (eForms BG-7 notice
// result, TED AWARD_CONTRACT). nullopt: not published.
struct LotResults {
  std::optional<double> winning_value;  // BT-720 (TED VAL_TOTAL)
  std::optional<double> lowest_value;   // BT-710 (TED VAL_RANGE_TOTAL/LOW)
  std::optional<double> highest_value;  // BT-711 (TED VAL_RANGE_TOTAL/HIGH)
  std::optional<int> tenders_received;  // BT-759 (TED NB_TENDERS_RECEIVED)
  std::string currency;                 // of the values, as written
  SourceLocation where;                 // the result (award) element
  bool Published() const {
    return winning_value || lowest_value || highest_value || tenders_received;
  }
};

struct ImportedLot {
  std::string id;      // "LOT-0001", "GLO-0001", TED LOT_NO, or ""
  std::string scheme;  // "Lot", "LotsGroup", "Part", "" (TED / fragment)
  std::string title;
  std::string set_id;    // id proposed for the criteria set
  std::string currency;  // "EUR" unless the notice says otherwise
  std::string notice_id;
  std::string source;  // the notice file
  WeightMode weights = WeightMode::kPercent;
  double scale = 100;
  bool weights_complete = false;  // every weight mapped (YAML has no TODO)
  std::vector<ImportedCriterion> criteria;
  std::optional<int> max_pass;         // BT-5423 max-pass
  std::string calculation_expression;  // BT-543
  std::vector<ImportReportEntry> report;
  SourceLocation where;
  LotResults results;
  // The lot's strategic procurement as the notice codes it, "list:code":
  // eForms BT-06 ("strategic-procurement:env-imp", "...:soc-obj",
  // "...:inn-pur"), BT-774 ("environmental-impact:circ-econ"...), BT-775
  // ("social-objective:...") and BT-805 ("gpp-criteria:eu"...).
  std::vector<std::string> objectives;
};

struct ImportedNotice {
  NoticeFormat format = NoticeFormat::kEforms;
  std::string file;
  std::string kind;  // root element or TED form: "ContractNotice", "F03_2014"
  std::string notice_id;
  std::string language;  // notice language as written (ENG, FR...)
  std::string title;
  std::vector<ImportedLot> lots;  // every lot, with or without criteria
  // Facts of the procedure (empty: not in the notice).
  std::string buyer;      // the first buyer's official name
  std::string reference;  // BT-22 internal reference (TED REFERENCE_NUMBER)
  std::string date;       // publication or issue date, YYYY-MM-DD
  std::string cpv;        // BT-262 main classification (TED CPV_MAIN)
  std::string procedure;  // BT-105 code ("open"; TED: "PT_OPEN" as "open")
};

struct ImportOptions {
  std::size_t max_bytes = 64u << 20;  // larger inputs are refused

  // True if the options can be used; otherwise writes why to `why` (when
  // not null).
  bool IsValid(std::string* why) const {
    if (max_bytes > 0) return true;
    if (why != nullptr) *why = "max_bytes: must be > 0";
    return false;
  }
};

Result<ImportedNotice> ImportNotice(std::string_view xml,
                                    const std::string& file,
                                    const ImportOptions& options = {});
Result<ImportedNotice> ImportNoticeFile(const std::string& path,
                                        const ImportOptions& options = {});

// The criteria-set skeleton of one lot in circa's YAML format: criteria,
// types, names, descriptions and published weights; scoring rules are
// placeholders marked "TODO: rule not published" (price/cost lowest-ratio,
// quality linear 0-10); what could not be mapped is a TODO value that
// ParseCriteria refuses until the buyer fills it in.
std::string ToCriteriaYaml(const ImportedLot& lot);

// The import report as text, one entry per line, grouped by lot.
std::string RenderImportReport(const ImportedNotice& notice);

}  // namespace circa

#endif  // CIRCA_EXCHANGE_H_
