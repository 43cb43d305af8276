// eForms (UBL 2.3 + eForms extensions) award criteria:
// cac:ProcurementProjectLot / cac:TenderingTerms / cac:AwardingTerms /
// cac:AwardingCriterion / cac:SubordinateAwardingCriterion (BG-707).
#include <cmath>
#include <string>
#include <vector>

#include "exchange/import_internal.h"

namespace circa::exchange {
namespace {

// Business terms behind the non-publication field codes of award criteria.
std::string FieldName(std::string_view code) {
  if (code == "awa-cri-typ") return "BT-539 type";
  if (code == "awa-cri-nam") return "BT-734 name";
  if (code == "awa-cri-des") return "BT-540 description";
  if (code == "awa-cri-num") return "BT-541 number";
  if (code == "awa-cri-wei") return "BT-5421 weight kind";
  if (code == "awa-cri-fix") return "BT-5422 fixed number kind";
  if (code == "awa-cri-thr") return "BT-5423 threshold kind";
  if (code == "awa-cri-com") return "BT-543 calculation";
  if (code == "awa-cri-ord") return "BT-733 order justification";
  return "field " + std::string(code);
}

// The text of the first child `local` in the notice language, else the
// first one.
std::string LangText(pugi::xml_node parent, std::string_view ns,
                     std::string_view local, const std::string& language) {
  pugi::xml_node first;
  for (pugi::xml_node c : Children(parent, ns, local)) {
    if (!first) first = c;
    if (!language.empty() && c.attribute("languageID").value() == language) {
      return Text(c);
    }
  }
  return Text(first);
}

void Withheld(ImportedLot* lot, int index, pugi::xml_node privacy,
              bool value_present, const LineIndex& lines) {
  const std::string code = Text(Child(privacy, kEfbc, "FieldIdentifierCode"));
  const std::string reason = Text(Child(privacy, kCbc, "ReasonCode"));
  const std::string date = Text(Child(privacy, kEfbc, "PublicationDate"));
  std::string message =
      FieldName(code) + " (" + code + ") is withheld from publication";
  if (!date.empty()) message += " until " + date;
  if (!reason.empty()) message += " (reason " + reason + ")";
  message += value_present
                 ? "; the value in this file was used, but the published "
                   "notice does not show it"
                 : "; the value is not in this file";
  Report(lot, "withheld", index, value_present, message, lines.Of(privacy));
}

ImportedCriterion ReadCriterion(pugi::xml_node sub, int index,
                                const std::string& language,
                                const LineIndex& lines, ImportedLot* lot) {
  ImportedCriterion c;
  c.where = lines.Of(sub);
  const pugi::xml_node type_node =
      Child(sub, kCbc, "AwardingCriterionTypeCode");
  const std::string type = Text(type_node);
  c.name = LangText(sub, kCbc, "Name", language);
  c.description = LangText(sub, kCbc, "Description", language);
  if (const auto t = CriterionTypeFromString(type)) {
    c.type = *t;
  } else if (!type.empty()) {
    Report(lot, "unknown-type", index, false,
           "BT-539 award criterion type \"" + type +
               "\" is not price, cost or quality",
           lines.Of(type_node));
  }
  const pugi::xml_node ext = Path(sub, {{kExt, "UBLExtensions"},
                                        {kExt, "UBLExtension"},
                                        {kExt, "ExtensionContent"},
                                        {kEfext, "EformsExtension"}});
  bool weight_seen = false;
  for (pugi::xml_node p : Children(ext, kEfac, "AwardCriterionParameter")) {
    const pugi::xml_node code_node = Child(p, kEfbc, "ParameterCode");
    const pugi::xml_node number_node = Child(p, kEfbc, "ParameterNumeric");
    const std::string list = code_node.attribute("listName").value();
    const std::string code = Text(code_node);
    const std::string number = Text(number_node);
    for (pugi::xml_node privacy : Children(p, kEfac, "FieldsPrivacy")) {
      Withheld(lot, index, privacy, !number.empty(), lines);
    }
    const SourceLocation at = lines.Of(p);
    if (list == "number-weight" || (list.empty() && !code.empty() &&
                                    code.find('-') == 3 && !weight_seen)) {
      if (weight_seen) {
        Report(
            lot, "extra-weight", index, false,
            "a second BT-541 weight (" + code + " " + number + ") is ignored",
            at);
        continue;
      }
      weight_seen = true;
      c.weight_code = code;
      c.published = number;
      if (code.empty()) {
        Report(lot, "missing-weight-code", index, false,
               "BT-541 number " + number +
                   " has no BT-5421 weight kind (per-exa, poi-exa...)",
               at);
      }
    } else if (list == "number-threshold") {
      const auto value = ParseNumber(number);
      if (code == "min-score" && value) {
        c.min_score = *value;
        Report(lot, "threshold", index, false,
               "BT-5423 minimum score " + number +
                   " (min-score): written as the criterion's min-score in "
                   "points of the scale; check whether it is a percentage",
               at);
      } else if (code == "max-pass" && value && *value >= 1 && *value <= 1e6 &&
                 *value == std::floor(*value)) {
        lot->max_pass = static_cast<int>(*value);
        Report(lot, "max-pass", index, false,
               "BT-5423 only the best " + number +
                   " tenders go on (max-pass): written as max-pass",
               at);
      } else if (code == "max-pass") {
        // A criteria set's max-pass is a whole number from 1 to 1e6.
        Report(lot, "unknown-threshold", index, false,
               "BT-5423 max-pass \"" + number +
                   "\" is not a whole number of tenders from 1 to 1000000",
               at);
      } else {
        Report(lot, "unknown-threshold", index, false,
               "BT-5423 threshold \"" + code + "\" " + number +
                   " is not understood",
               at);
      }
    } else if (list == "number-fixed") {
      if (const auto value = ParseNumber(number)) c.fixed = *value;
      Report(lot, "fixed", index, false,
             "BT-5422 fixed number " + code + " " + number +
                 " has no equivalent in circa's format",
             at);
    } else {
      Report(lot, "unknown-parameter", index, false,
             "award criterion parameter \"" + list + "\" \"" + code + "\" " +
                 number + " is not understood",
             at);
    }
  }
  bool type_withheld = false;
  for (pugi::xml_node privacy : Children(ext, kEfac, "FieldsPrivacy")) {
    const std::string field =
        Text(Child(privacy, kEfbc, "FieldIdentifierCode"));
    bool present = true;
    if (field == "awa-cri-typ") {
      present = c.type.has_value() || !type.empty();
      type_withheld = true;
    } else if (field == "awa-cri-nam") {
      present = !c.name.empty();
    } else if (field == "awa-cri-des") {
      present = !c.description.empty();
    }
    Withheld(lot, index, privacy, present, lines);
  }
  if (!c.type && type.empty()) {
    Report(lot, "missing-type", index, false,
           type_withheld ? "BT-539 type withheld and not in this file"
                         : "BT-539 award criterion type is missing; enter "
                           "price, cost or quality",
           c.where);
  }
  return c;
}

std::string Currency(pugi::xml_node project) {
  const pugi::xml_node amount =
      Path(project, {{kCac, "RequestedTenderTotal"},
                     {kCbc, "EstimatedOverallContractAmount"}});
  return amount.attribute("currencyID").value();
}

// The first amount's currency anywhere in the notice: an award notice often
// has no estimated value but states its results (BT-161 TotalAmount,
// PayableAmount) in the notice's currency, e.g. NOK in a Doffin notice.
std::string AnyCurrency(pugi::xml_node root) {
  const pugi::xml_node amount = root.find_node(
      [](pugi::xml_node n) { return n.attribute("currencyID"); });
  return amount ? amount.attribute("currencyID").value() : "";
}

void ReadAwardingTerms(pugi::xml_node terms, const std::string& language,
                       const LineIndex& lines, ImportedLot* lot) {
  for (pugi::xml_node ac : Children(terms, kCac, "AwardingCriterion")) {
    const std::string calc = Text(Child(ac, kCbc, "CalculationExpression"));
    if (!calc.empty()) {
      if (!lot->calculation_expression.empty()) {
        lot->calculation_expression += ' ';
      }
      lot->calculation_expression += calc;
      Report(lot, "calculation", -1, false,
             "BT-543 describes how scores are calculated; read it and "
             "choose the scoring rules: \"" +
                 calc.substr(0, 200) + (calc.size() > 200 ? "...\"" : "\""),
             lines.Of(Child(ac, kCbc, "CalculationExpression")));
    }
    for (pugi::xml_node sub :
         Children(ac, kCac, "SubordinateAwardingCriterion")) {
      const int index = static_cast<int>(lot->criteria.size());
      lot->criteria.push_back(ReadCriterion(sub, index, language, lines, lot));
    }
  }
}

}  // namespace

void ImportEforms(pugi::xml_node root, const LineIndex& lines,
                  ImportedNotice* notice, Diagnostics* /*diag*/) {
  notice->language = Text(Child(root, kCbc, "NoticeLanguageCode"));
  for (pugi::xml_node id : Children(root, kCbc, "ID")) {
    if (std::string_view(id.attribute("schemeName").value()) == "notice-id") {
      notice->notice_id = Text(id);
    }
  }
  const std::string version = Text(Child(root, kCbc, "VersionID"));
  const pugi::xml_node project = Child(root, kCac, "ProcurementProject");
  notice->title = LangText(project, kCbc, "Name", notice->language);
  std::string notice_currency = Currency(project);
  if (notice_currency.empty()) notice_currency = AnyCurrency(root);
  // The buyer's country (the first organisation's), for a notice that
  // states no amount at all.
  const pugi::xml_node country = root.find_node([](pugi::xml_node n) {
    return LocalName(n) == "IdentificationCode" &&
           std::string_view(n.attribute("listName").value()) == "country";
  });
  for (pugi::xml_node lot_node :
       Children(root, kCac, "ProcurementProjectLot")) {
    ImportedLot lot;
    const pugi::xml_node id = Child(lot_node, kCbc, "ID");
    lot.id = Text(id);
    lot.scheme = id.attribute("schemeName").value();
    lot.where = lines.Of(lot_node);
    const pugi::xml_node lot_project =
        Child(lot_node, kCac, "ProcurementProject");
    lot.title = LangText(lot_project, kCbc, "Name", notice->language);
    lot.currency = Currency(lot_project);
    if (lot.currency.empty()) lot.currency = notice_currency;
    if (lot.currency.empty() && country) {
      CurrencyFromCountry(&lot, Text(country), lines.Of(country));
    }
    lot.notice_id = notice->notice_id;
    if (!version.empty() && !lot.notice_id.empty()) {
      lot.notice_id += " version " + version;
    }
    if (lot.scheme == "LotsGroup") {
      Report(&lot, "lots-group", -1, true,
             "award criteria of a group of lots (" + lot.id +
                 "); they apply when the lots are awarded together",
             lot.where);
    }
    const pugi::xml_node terms =
        Path(lot_node, {{kCac, "TenderingTerms"}, {kCac, "AwardingTerms"}});
    ReadAwardingTerms(terms, notice->language, lines, &lot);
    notice->lots.push_back(std::move(lot));
  }
  ImportEformsFacts(root, lines, notice);
}

void ImportEformsFragment(pugi::xml_node root, const LineIndex& lines,
                          ImportedNotice* notice) {
  ImportedLot lot;
  lot.where = lines.Of(root);
  // The language of the first name, if any, serves as the notice language.
  if (LocalName(root) == "AwardingTerms") {
    ReadAwardingTerms(root, {}, lines, &lot);
  } else {
    // A bare cac:AwardingCriterion: wrap it in a virtual AwardingTerms.
    for (pugi::xml_node sub :
         Children(root, kCac, "SubordinateAwardingCriterion")) {
      const int index = static_cast<int>(lot.criteria.size());
      lot.criteria.push_back(ReadCriterion(sub, index, {}, lines, &lot));
    }
    const std::string calc = Text(Child(root, kCbc, "CalculationExpression"));
    if (!calc.empty()) {
      lot.calculation_expression = calc;
      Report(&lot, "calculation", -1, false,
             "BT-543 describes how scores are calculated; read it and "
             "choose the scoring rules",
             lines.Of(Child(root, kCbc, "CalculationExpression")));
    }
  }
  notice->lots.push_back(std::move(lot));
}

}  // namespace circa::exchange
