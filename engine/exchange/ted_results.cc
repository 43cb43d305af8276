// TED XML facts of the procedure and published results (docs/exchange.md,
// "Procedure and results"): CONTRACTING_BODY's OFFICIALNAME, REF_OJS
// DATE_PUB, OBJECT_CONTRACT's REFERENCE_NUMBER and CPV_MAIN, the PROCEDURE's
// PT_* element, and per lot from AWARD_CONTRACT (matched by LOT_NO, a
// lot's or a list of lots'):
// VAL_TOTAL (BT-720), VAL_RANGE_TOTAL LOW/HIGH (BT-710/711) and
// NB_TENDERS_RECEIVED (BT-759).
#include <algorithm>
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

// The lots an AWARD_CONTRACT is for. Its LOT_NO names one lot, or, when it
// names none, lists several a contract covers together, separated by full
// stops, commas or white space ("1.2.3", "1, 2, 3"): every listed lot gets
// the award's results when every item of the list is a lot's LOT_NO (as
// the Publications Office's TED-to-eForms converter reads it, one
// LotResult per listed lot, each with the award's values and tenders;
// ted-xml-data-converter, xslt/notice-result.xslt). A lot number that
// itself holds a full stop ("1.2") is matched whole first; in a framework
// agreement or a dynamic purchasing system (PROCEDURE's FRAMEWORK or DPS)
// the converter never splits LOT_NO, whose "1.2" there numbers a part of lot
// 1 (20-537923), and neither does this. A notice of one lot: its award may
// leave LOT_NO out.
std::vector<ImportedLot*> AwardedLots(const std::string& lot_no, bool may_list,
                                      ImportedNotice* notice) {
  std::vector<ImportedLot*> out;
  if (lot_no.empty()) {
    if (notice->lots.size() == 1) out.push_back(&notice->lots[0]);
    return out;
  }
  // The last lot of that number, when two share it.
  for (ImportedLot& l : notice->lots) {
    if (l.id == lot_no) out = {&l};
  }
  if (!out.empty()) return out;
  std::size_t start = may_list ? 0 : lot_no.size() + 1;
  while (start <= lot_no.size()) {
    std::size_t end = lot_no.find_first_of(".,; \t\r\n", start);
    if (end == std::string::npos) end = lot_no.size();
    const std::string item = lot_no.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    ImportedLot* match = nullptr;
    for (ImportedLot& l : notice->lots) {
      if (l.id == item) match = &l;
    }
    if (match == nullptr) {
      out.clear();
      break;
    }
    if (std::find(out.begin(), out.end(), match) == out.end()) {
      out.push_back(match);
    }
  }
  // One lot whose LOT_NO the notice left empty.
  if (out.empty() && notice->lots.size() == 1 && notice->lots[0].id.empty()) {
    out.push_back(&notice->lots[0]);
  }
  return out;
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
  const pugi::xml_node procedure = Child(form, fns, "PROCEDURE");
  const bool may_list =
      !Child(procedure, fns, "FRAMEWORK") && !Child(procedure, fns, "DPS");
  for (pugi::xml_node award : Children(form, fns, "AWARD_CONTRACT")) {
    const std::string lot_no = Text(Child(award, fns, "LOT_NO"));
    for (ImportedLot* lot : AwardedLots(lot_no, may_list, notice)) {
      ReadAward(award, fns, lines, lot);
    }
  }
}

}  // namespace circa::exchange
