// TED XML R2.0.9 (and R2.0.8) award criteria: FORM_SECTION / F0x_2014 /
// OBJECT_CONTRACT / OBJECT_DESCR / AC with AC_PRICE, AC_QUALITY and
// AC_COST (AC_CRITERION, AC_WEIGHTING), AC_PROCUREMENT_DOC, or bare
// AC_CRITERION lists (concession forms F24/F25: order of importance).
#include <string>
#include <vector>

#include "exchange/import_internal.h"

namespace circa::exchange {
namespace {

// TED elements share the root's namespace.
pugi::xml_node TChild(pugi::xml_node node, std::string_view local,
                      std::string_view ns) {
  return Child(node, ns, local);
}

void ReadAc(pugi::xml_node ac, std::string_view ns, const LineIndex& lines,
            ImportedLot* lot) {
  int order = 0;
  for (pugi::xml_node item = ac.first_child(); item;
       item = item.next_sibling()) {
    if (item.type() != pugi::node_element || NamespaceOf(item) != ns) {
      continue;
    }
    const std::string_view kind = LocalName(item);
    const int index = static_cast<int>(lot->criteria.size());
    if (kind == "AC_PROCUREMENT_DOC") {
      Report(lot, "procurement-documents", -1, false,
             "the award criteria are stated only in the procurement "
             "documents (AC_PROCUREMENT_DOC)",
             lines.Of(item));
      continue;
    }
    ImportedCriterion c;
    c.where = lines.Of(item);
    if (kind == "AC_CRITERION") {
      // Concessions: criteria in descending order of importance.
      c.description = Text(item);
      c.weight_code = "order";
      c.order = ++order;
      c.published = "order " + std::to_string(c.order);
      Report(lot, "missing-type", index, false,
             "the form lists criteria without a type (price, cost or "
             "quality); enter one",
             c.where);
      lot->criteria.push_back(std::move(c));
      continue;
    }
    if (kind == "AC_PRICE") {
      c.type = CriterionType::kPrice;
    } else if (kind == "AC_QUALITY") {
      c.type = CriterionType::kQuality;
    } else if (kind == "AC_COST") {
      c.type = CriterionType::kCost;
    } else {
      continue;
    }
    c.description = Text(TChild(item, "AC_CRITERION", ns));
    const pugi::xml_node weighting = TChild(item, "AC_WEIGHTING", ns);
    if (weighting) {
      c.published = Text(weighting);
      c.weight_code = "text";
    }
    if (kind == "AC_PRICE" && c.description.empty()) c.name = "Price";
    lot->criteria.push_back(std::move(c));
  }
}

}  // namespace

void ImportTed(pugi::xml_node root, const LineIndex& lines,
               ImportedNotice* notice, Diagnostics* diag) {
  const std::string ns(NamespaceOf(root));
  notice->notice_id = Text(Path(
      root,
      {{ns, "CODED_DATA_SECTION"}, {ns, "NOTICE_DATA"}, {ns, "NO_DOC_OJS"}}));
  if (notice->notice_id.empty()) {
    notice->notice_id = root.attribute("DOC_ID").value();
  }
  const pugi::xml_node section = Child(root, ns, "FORM_SECTION");
  pugi::xml_node form;
  for (pugi::xml_node f = section.first_child(); f; f = f.next_sibling()) {
    if (f.type() != pugi::node_element || LocalName(f) == "NOTICE_UUID") {
      continue;
    }
    if (!form) form = f;
    if (std::string_view(f.attribute("CATEGORY").value()) == "ORIGINAL") {
      form = f;
      break;
    }
  }
  if (!form) {
    SourceLocation where = lines.Of(section ? section : root);
    diag->Error(where, "FORM_SECTION",
                "expected a TED form (F02_2014, F03_2014...) in "
                "FORM_SECTION, found none");
    return;
  }
  notice->kind = std::string(LocalName(form));
  notice->language = form.attribute("LG").value();
  // Some older forms keep the form namespace on the form element.
  const std::string fns(NamespaceOf(form));
  for (pugi::xml_node object : Children(form, fns, "OBJECT_CONTRACT")) {
    if (notice->title.empty()) {
      notice->title = Text(Child(object, fns, "TITLE"));
    }
    const pugi::xml_node country = form.find_node(
        [](pugi::xml_node n) { return LocalName(n) == "COUNTRY"; });
    std::string currency;
    for (const char* value : {"VAL_ESTIMATED_TOTAL", "VAL_TOTAL"}) {
      const pugi::xml_node v = Child(object, fns, value);
      if (v && currency.empty()) currency = v.attribute("CURRENCY").value();
    }
    // Else the first amount anywhere in the form (a lot's VAL_OBJECT, an
    // award's VAL_TOTAL, a prize): the notice's currency, never EUR by
    // default when the notice states another.
    if (currency.empty()) {
      const pugi::xml_node any = form.find_node(
          [](pugi::xml_node n) { return n.attribute("CURRENCY"); });
      if (any) currency = any.attribute("CURRENCY").value();
    }
    for (pugi::xml_node descr : Children(object, fns, "OBJECT_DESCR")) {
      ImportedLot lot;
      lot.where = lines.Of(descr);
      lot.id = Text(Child(descr, fns, "LOT_NO"));
      lot.title = Text(Child(descr, fns, "TITLE"));
      const pugi::xml_node own = Child(descr, fns, "VAL_OBJECT");
      lot.currency = own && *own.attribute("CURRENCY").value()
                         ? std::string(own.attribute("CURRENCY").value())
                         : currency;
      if (lot.currency.empty() && country) {
        CurrencyFromCountry(&lot, country.attribute("VALUE").value(),
                            lines.Of(country));
      }
      lot.notice_id = notice->notice_id;
      const std::vector<pugi::xml_node> acs = Children(descr, fns, "AC");
      for (pugi::xml_node ac : acs) ReadAc(ac, fns, lines, &lot);
      // "Price is the only award criterion": AC_PRICE with no weighting
      // and nothing else.
      if (lot.criteria.size() == 1 && lot.criteria[0].published.empty() &&
          lot.criteria[0].type == CriterionType::kPrice) {
        lot.criteria[0].weight_code = "price-only";
        lot.criteria[0].published = "price only";
      }
      notice->lots.push_back(std::move(lot));
    }
  }
  ImportTedFacts(root, form, lines, notice);
}

}  // namespace circa::exchange
