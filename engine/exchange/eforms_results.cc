// eForms facts of the procedure and published results (docs/exchange.md,
// "Procedure and results"): the buyer (cac:ContractingParty -> the
// organisation's name), BT-22, the issue date, BT-262 main CPV, BT-105
// procedure type; per lot its strategic procurement codes (BT-06, BT-774,
// BT-775, BT-805) and, from efac:NoticeResult, BT-720 winning tender value,
// BT-710/711 lowest and highest tender value and BT-759 tenders received.
#include <map>
#include <string>
#include <vector>

#include "exchange/import_internal.h"

namespace circa::exchange {
namespace {

pugi::xml_node Extension(pugi::xml_node node) {
  return Path(node, {{kExt, "UBLExtensions"},
                     {kExt, "UBLExtension"},
                     {kExt, "ExtensionContent"},
                     {kEfext, "EformsExtension"}});
}

// An amount element's value; a text that is not a number is reported on
// the lot and gives nullopt.
std::optional<double> Amount(pugi::xml_node node, const char* term,
                             const LineIndex& lines, ImportedLot* lot,
                             std::string* currency) {
  const std::optional<double> value = ResultAmount(node, term, lines, lot);
  if (!value) return std::nullopt;
  if (currency->empty()) *currency = node.attribute("currencyID").value();
  return value;
}

std::string BuyerName(pugi::xml_node root) {
  const std::string id = Text(Path(root, {{kCac, "ContractingParty"},
                                          {kCac, "Party"},
                                          {kCac, "PartyIdentification"},
                                          {kCbc, "ID"}}));
  const pugi::xml_node orgs = Child(Extension(root), kEfac, "Organizations");
  std::string first;
  for (pugi::xml_node org : Children(orgs, kEfac, "Organization")) {
    const pugi::xml_node company = Child(org, kEfac, "Company");
    const std::string name =
        Text(Path(company, {{kCac, "PartyName"}, {kCbc, "Name"}}));
    if (first.empty()) first = name;
    const std::string org_id =
        Text(Path(company, {{kCac, "PartyIdentification"}, {kCbc, "ID"}}));
    if (!id.empty() && org_id == id) return name;
  }
  return id.empty() ? first : std::string();
}

bool IsObjectiveList(std::string_view list) {
  return list == "strategic-procurement" || list == "environmental-impact" ||
         list == "social-objective" || list == "gpp-criteria";
}

struct TenderValue {
  std::optional<double> amount;
  pugi::xml_node node;
};

}  // namespace

void ImportEformsFacts(pugi::xml_node root, const LineIndex& lines,
                       ImportedNotice* notice) {
  notice->buyer = BuyerName(root);
  const std::string issued = Text(Child(root, kCbc, "IssueDate"));
  if (issued.size() >= 10) notice->date = issued.substr(0, 10);
  const pugi::xml_node project = Child(root, kCac, "ProcurementProject");
  notice->reference = Text(Child(project, kCbc, "ID"));
  notice->cpv = Text(Path(project, {{kCac, "MainCommodityClassification"},
                                    {kCbc, "ItemClassificationCode"}}));
  notice->procedure =
      Text(Path(root, {{kCac, "TenderingProcess"}, {kCbc, "ProcedureCode"}}));

  std::map<std::string, ImportedLot*> by_id;
  std::vector<pugi::xml_node> lot_nodes =
      Children(root, kCac, "ProcurementProjectLot");
  for (std::size_t i = 0; i < notice->lots.size() && i < lot_nodes.size();
       ++i) {
    ImportedLot& lot = notice->lots[i];
    if (!lot.id.empty()) by_id.emplace(lot.id, &lot);
    const pugi::xml_node lot_project =
        Child(lot_nodes[i], kCac, "ProcurementProject");
    for (pugi::xml_node t :
         Children(lot_project, kCac, "ProcurementAdditionalType")) {
      const pugi::xml_node code = Child(t, kCbc, "ProcurementTypeCode");
      const std::string value = Text(code);
      const std::string list = code.attribute("listName").value();
      if (IsObjectiveList(list) && !value.empty() && value != "none") {
        lot.objectives.push_back(ValidUtf8(list + ":" + value));
      }
    }
  }

  const pugi::xml_node result = Child(Extension(root), kEfac, "NoticeResult");
  if (!result) return;
  std::map<std::string, pugi::xml_node> tenders;
  for (pugi::xml_node t : Children(result, kEfac, "LotTender")) {
    tenders.emplace(Text(Child(t, kCbc, "ID")), t);
  }
  for (pugi::xml_node r : Children(result, kEfac, "LotResult")) {
    const std::string lot_id =
        Text(Path(r, {{kEfac, "TenderLot"}, {kCbc, "ID"}}));
    ImportedLot* lot = nullptr;
    if (const auto it = by_id.find(lot_id); it != by_id.end()) {
      lot = it->second;
    } else if (notice->lots.size() == 1 && lot_id.empty()) {
      lot = &notice->lots[0];
    }
    if (lot == nullptr) continue;
    LotResults& out = lot->results;
    if (out.where.file.empty()) out.where = lines.Of(r);
    if (!out.lowest_value) {
      out.lowest_value =
          Amount(Child(r, kCbc, "LowerTenderAmount"),
                 "BT-710 lowest tender value", lines, lot, &out.currency);
    }
    if (!out.highest_value) {
      out.highest_value =
          Amount(Child(r, kCbc, "HigherTenderAmount"),
                 "BT-711 highest tender value", lines, lot, &out.currency);
    }
    for (pugi::xml_node s :
         Children(r, kEfac, "ReceivedSubmissionsStatistics")) {
      if (Text(Child(s, kEfbc, "StatisticsCode")) != "tenders") continue;
      const pugi::xml_node n = Child(s, kEfbc, "StatisticsNumeric");
      const std::optional<double> v = ParseNumber(Text(n));
      if (v && *v >= 0 && *v <= 1e9 && *v == static_cast<int>(*v)) {
        if (!out.tenders_received) out.tenders_received = static_cast<int>(*v);
      } else {
        Report(lot, "result-value", -1, false,
               "BT-759 tenders received \"" + Text(n) +
                   "\" is not a whole number; left out",
               lines.Of(n ? n : s));
      }
    }
    // BT-142 selec-w: a winner was chosen; its tender's BT-720.
    const std::string status = Text(Child(r, kCbc, "TenderResultCode"));
    if (out.winning_value || (!status.empty() && status != "selec-w")) {
      continue;
    }
    for (pugi::xml_node ref : Children(r, kEfac, "LotTender")) {
      const auto t = tenders.find(Text(Child(ref, kCbc, "ID")));
      if (t == tenders.end()) continue;
      const pugi::xml_node amount = Path(
          t->second, {{kCac, "LegalMonetaryTotal"}, {kCbc, "PayableAmount"}});
      if (!amount) continue;
      out.winning_value = Amount(amount, "BT-720 winning tender value", lines,
                                 lot, &out.currency);
      break;
    }
  }
  for (ImportedLot& lot : notice->lots) {
    lot.results.currency = ValidUtf8(lot.results.currency);
  }
}

}  // namespace circa::exchange
