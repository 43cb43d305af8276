// TED XML facts of the procedure and published results (docs/exchange.md,
// "Procedure and results"): CONTRACTING_BODY's OFFICIALNAME, REF_OJS
// DATE_PUB, OBJECT_CONTRACT's REFERENCE_NUMBER and CPV_MAIN, the PROCEDURE's
// PT_* element, and per lot from AWARD_CONTRACT (matched by LOT_NO):
// VAL_TOTAL (BT-720), VAL_RANGE_TOTAL LOW/HIGH (BT-710/711) and
// NB_TENDERS_RECEIVED (BT-759).
#include <string>
#include <vector>

#include "exchange/import_internal.h"

namespace circa::exchange {
namespace {

// TED procedure elements as eForms BT-105 codes; others lower-cased.
std::string ProcedureCode(std::string_view element) {
  if (element == "PT_OPEN") return "open";
  if (element == "PT_RESTRICTED") return "restricted";
  if (element == "PT_COMPETITIVE_NEGOTIATION") return "neg-w-call";
  if (element == "PT_NEGOTIATED_WITH_PRIOR_CALL") return "neg-w-call";
  if (element == "PT_COMPETITIVE_DIALOGUE") return "comp-dial";
  if (element == "PT_INNOVATION_PARTNERSHIP") return "innovation";
  if (element == "PT_AWARD_CONTRACT_WITHOUT_CALL" ||
      element == "PT_NEGOTIATED_WITHOUT_PUBLICATION") {
    return "neg-wo-call";
  }
  std::string out(element);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

std::optional<double> Amount(pugi::xml_node node, const char* term,
                             const LineIndex& lines, ImportedLot* lot,
                             std::string* currency) {
  const std::optional<double> value = ResultAmount(node, term, lines, lot);
  if (!value) return std::nullopt;
  if (currency->empty()) {
    // LOW and HIGH carry no currency; their VAL_RANGE_TOTAL does.
    const char* c = node.attribute("CURRENCY").value();
    if (*c == '\0') c = node.parent().attribute("CURRENCY").value();
    *currency = ValidUtf8(c);
  }
  return value;
}

void ReadAward(pugi::xml_node award, std::string_view ns,
               const LineIndex& lines, ImportedLot* lot) {
  const pugi::xml_node contract = Child(award, ns, "AWARDED_CONTRACT");
  if (!contract) return;  // NO_AWARDED_CONTRACT: nothing published
  LotResults& out = lot->results;
  if (out.where.file.empty()) out.where = lines.Of(award);
  const pugi::xml_node received =
      Path(contract, {{ns, "TENDERS"}, {ns, "NB_TENDERS_RECEIVED"}});
  if (received && !out.tenders_received) {
    const std::optional<double> v = ParseNumber(Text(received));
    if (v && *v >= 0 && *v <= 1e9 && *v == static_cast<int>(*v)) {
      out.tenders_received = static_cast<int>(*v);
    } else {
      Report(lot, "result-value", -1, false,
             "NB_TENDERS_RECEIVED (BT-759) \"" + Text(received) +
                 "\" is not a whole number; left out",
             lines.Of(received));
    }
  }
  const pugi::xml_node values = Child(contract, ns, "VALUES");
  if (!out.winning_value) {
    out.winning_value = Amount(Child(values, ns, "VAL_TOTAL"),
                               "VAL_TOTAL (BT-720)", lines, lot, &out.currency);
  }
  const pugi::xml_node range = Child(values, ns, "VAL_RANGE_TOTAL");
  if (!out.lowest_value) {
    out.lowest_value = Amount(Child(range, ns, "LOW"), "LOW (BT-710)", lines,
                              lot, &out.currency);
  }
  if (!out.highest_value) {
    out.highest_value = Amount(Child(range, ns, "HIGH"), "HIGH (BT-711)", lines,
                               lot, &out.currency);
  }
}

}  // namespace

void ImportTedFacts(pugi::xml_node root, pugi::xml_node form,
                    const LineIndex& lines, ImportedNotice* notice) {
  const std::string ns(NamespaceOf(root));
  const std::string fns(NamespaceOf(form));
  const std::string published = Text(Path(
      root, {{ns, "CODED_DATA_SECTION"}, {ns, "REF_OJS"}, {ns, "DATE_PUB"}}));
  if (published.size() == 8) {
    notice->date = published.substr(0, 4) + "-" + published.substr(4, 2) + "-" +
                   published.substr(6, 2);
  }
  notice->buyer = Text(Path(form, {{fns, "CONTRACTING_BODY"},
                                   {fns, "ADDRESS_CONTRACTING_BODY"},
                                   {fns, "OFFICIALNAME"}}));
  const pugi::xml_node object = Child(form, fns, "OBJECT_CONTRACT");
  notice->reference = Text(Child(object, fns, "REFERENCE_NUMBER"));
  notice->cpv = ValidUtf8(Path(object, {{fns, "CPV_MAIN"}, {fns, "CPV_CODE"}})
                              .attribute("CODE")
                              .value());
  for (pugi::xml_node p = Child(form, fns, "PROCEDURE").first_child(); p;
       p = p.next_sibling()) {
    const std::string_view name = LocalName(p);
    if (p.type() == pugi::node_element && name.substr(0, 3) == "PT_") {
      notice->procedure = ValidUtf8(ProcedureCode(name));
      break;
    }
  }
  for (pugi::xml_node award : Children(form, fns, "AWARD_CONTRACT")) {
    const std::string lot_no = Text(Child(award, fns, "LOT_NO"));
    ImportedLot* lot = nullptr;
    for (ImportedLot& l : notice->lots) {
      if (!lot_no.empty() && l.id == lot_no) lot = &l;
    }
    // A single lot: its award may leave LOT_NO out.
    if (lot == nullptr && notice->lots.size() == 1 &&
        (lot_no.empty() || notice->lots[0].id.empty())) {
      lot = &notice->lots[0];
    }
    if (lot != nullptr) ReadAward(award, fns, lines, lot);
  }
}

}  // namespace circa::exchange
