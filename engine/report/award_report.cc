// Reports of a money-based award (a criteria set with `award:`): the money
// ranking with each bid's price, adjustments and evaluated price, one
// sentence per bid, and the bids excluded by a requirement. Table,
// Markdown, JSON (schema circa.award/1) and CSV; docs/result-format.md.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "circa/report.h"
#include "circa/version.h"
#include "report/json_util.h"
#include "report/text_util.h"

namespace circa {
namespace {

// The JSON schema of a money-based award.
constexpr const char* kAwardSchema = "circa.award/1";

std::string MethodName(MoneyMethod m) {
  switch (m) {
    case MoneyMethod::kFictitiousPrice:
      return "fictitious price";
    case MoneyMethod::kLadderDiscount:
      return "discount per level";
    case MoneyMethod::kEnvironmentalCost:
      return "environmental cost added";
    case MoneyMethod::kProzorro:
      return "ProZorro features";
  }
  return "?";
}

// The method in one sentence, with its formula.
std::string MethodSentence(const MoneyAward& a, const std::string& price) {
  const std::string d = std::to_string(a.options.decimals);
  std::string what;
  switch (a.method) {
    case MoneyMethod::kFictitiousPrice:
      what = "evaluated price = " + price +
             " - the money value of the quality levels achieved (a negative "
             "value is a malus)";
      break;
    case MoneyMethod::kLadderDiscount:
      what = a.ladder.kind == LevelValue::kFraction
                 ? "evaluated price = " + price + " x (1 - the discount of " +
                       "the level achieved on " + a.ladder.name + ")"
                 : "evaluated price = " + price +
                       " - the amount of the level achieved on " +
                       a.ladder.name;
      break;
    case MoneyMethod::kEnvironmentalCost:
      what = "evaluated price = " + price + " + " +
             FormatNumber(a.environmental.factor, -1) + " x " +
             a.environmental.name;
      break;
    case MoneyMethod::kProzorro:
      what = "adjusted price = " + price +
             " / (1 + sum of the bid's feature values / (1 - sum of the "
             "features' maxima)), the maxima capped at " +
             FormatNumber(a.prozorro.cap, -1);
      break;
  }
  return "Award on " + MethodName(a.method) + ": " + what +
         "; amounts rounded to " + d +
         " decimals; the lowest evaluated price wins.";
}

// Adjustment of bid `k` on `criterion`, or nullptr.
const MoneyAdjustment* Find(const MoneyBidResult& b,
                            const std::string& criterion) {
  for (const MoneyAdjustment& a : b.adjustments) {
    if (a.criterion == criterion) return &a;
  }
  return nullptr;
}

// Columns of the adjustments (criterion id and name), in method order.
std::vector<std::pair<std::string, std::string>> AdjustmentColumns(
    const AwardResult& r) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const MoneyBidResult& b : r.ranking.bids) {
    for (const MoneyAdjustment& a : b.adjustments) {
      const bool seen = std::any_of(out.begin(), out.end(), [&](const auto& c) {
        return c.first == a.criterion;
      });
      if (!seen) out.emplace_back(a.criterion, a.name);
    }
  }
  return out;
}

std::string Signed(double v, int decimals) {
  if (v == 0) return FormatNumber(0, decimals);
  return (v > 0 ? "+" : "-") + FormatNumber(std::abs(v), decimals);
}

// Bid indices of the set: ranked ones by the money ranking, then the
// excluded ones in file order.
struct Row {
  int bid = -1;    // index in the bid set
  int money = -1;  // index in ranking.bids, -1 when excluded
};
std::vector<Row> Rows(const AwardResult& r) {
  std::vector<Row> out;
  for (const std::size_t k : r.ranking.order) {
    out.push_back({r.ranked[k], static_cast<int>(k)});
  }
  for (std::size_t i = 0; i < r.exclusion.size(); ++i) {
    if (r.exclusion[i].stage != ExclusionStage::kNone) {
      out.push_back({static_cast<int>(i), -1});
    }
  }
  return out;
}

// The rules of a tie-break that separated bids on the evaluated price, in
// words (bids named by their ids in the ranking, values shown plain).
std::vector<std::string> TieSteps(const AwardReport& r,
                                  const TieBreakRecord& t) {
  std::vector<std::string> ids;
  for (const MoneyBidResult& b : r.award->ranking.bids) ids.push_back(b.id);
  FactContext words;
  words.set = r.criteria;
  words.ids = &ids;
  words.plain_tie_values = true;
  std::vector<std::string> out;
  for (const TieBreakStepRecord& step : t.steps) {
    out.push_back(DescribeTieStep(step, words));
  }
  return out;
}

// One sentence per tie on the evaluated price.
std::vector<std::string> TieNotes(const AwardReport& r) {
  const AwardResult& a = *r.award;
  std::vector<std::string> out;
  for (const TieBreakRecord& t : a.tie_breaks) {
    std::vector<std::string> ids;
    for (const int k : t.bids) {
      ids.push_back(a.ranking.bids[static_cast<std::size_t>(k)].id);
    }
    std::string who;
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (k > 0) who += k + 1 == ids.size() ? " and " : ", ";
      who += ids[k];
    }
    std::string text =
        "Bids " + who + " tie on evaluated price (" +
        FormatMoney(-t.total, r.criteria->currency, a.award.options.decimals) +
        "); ";
    if (r.criteria->tie_break.empty()) {
      text +=
          "the criteria set declares no tie-break, so the tie stands and "
          "they share the rank.";
    } else {
      text += "the declared tie-break ";
      text += t.resolved ? "decided it" : "did not separate all of them";
      if (!t.steps.empty()) {
        const std::vector<std::string> steps = TieSteps(r, t);
        text += " (";
        for (std::size_t s = 0; s < steps.size(); ++s) {
          text += (s == 0 ? "" : "; ") + steps[s];
        }
        text += ")";
      }
      text += ".";
    }
    out.push_back(text);
  }
  return out;
}

std::string RankLabel(const MoneyBidResult& b) {
  return std::to_string(b.rank) + (b.tied ? "=" : "");
}

std::string ExcludedSentence(const CriteriaSet& set, const BidSet& bids,
                             std::size_t i, const Exclusion& x) {
  std::string label = "Bid " + bids.ids[i];
  if (!bids.suppliers[i].empty()) label += " (" + bids.suppliers[i] + ")";
  FactContext words;
  words.set = &set;
  return label + " is excluded and not ranked: it " +
         DescribeExclusion(x, words) + ".";
}

double PriceOf(const AwardReport& r, std::size_t i) {
  const BidSet& bids = *r.bids;
  for (std::size_t j = 0; j < bids.criteria.size(); ++j) {
    if (bids.criteria[j] == r.award->award.price) {
      return bids.values(static_cast<Eigen::Index>(i),
                         static_cast<Eigen::Index>(j));
    }
  }
  return 0;
}

std::string PriceName(const AwardReport& r) {
  const Criterion* c = r.criteria->Find(r.award->award.price);
  return c != nullptr ? c->name : r.award->award.price;
}

std::string Table(const AwardReport& r) {
  using report::PadLeft;
  using report::PadRight;
  using report::Width;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const int d = a.award.options.decimals;
  std::string out = report::Wrap(set.title, r.width, "");
  out += report::Wrap(set.id + " " + set.version + " | " +
                          std::to_string(bids.size()) + " bids | " +
                          MethodName(a.award.method) + " | " + set.currency,
                      r.width, "") +
         "\n";
  int bid_w = 3;
  int supplier_w = 8;
  int money_w = 9;
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    bid_w = std::max(bid_w, Width(bids.ids[i]));
    supplier_w = std::max(supplier_w, Width(bids.suppliers[i]));
    money_w = std::max(money_w, Width(FormatNumber(PriceOf(r, i), d)));
  }
  for (const MoneyBidResult& b : a.ranking.bids) {
    money_w = std::max(money_w, Width(FormatNumber(b.evaluated, d)));
  }
  bid_w = std::min(bid_w, 16);
  supplier_w = std::min(supplier_w, 28);
  // Narrow terminals: the supplier column shrinks, then goes, then the
  // adjustment column goes (the Why section keeps every amount).
  const int fixed = 4 + 2 + bid_w + 2 * (2 + money_w);
  bool adjusted = true;
  while (supplier_w > 8 && fixed + 2 + money_w + 2 + supplier_w > r.width) {
    --supplier_w;
  }
  if (fixed + 2 + money_w + 2 + supplier_w > r.width) supplier_w = 0;
  if (fixed + 2 + money_w > r.width) adjusted = false;
  const auto supplier = [&](std::string_view text) {
    return supplier_w > 0 ? "  " + PadRight(text, supplier_w) : std::string();
  };
  out += PadLeft("Rank", 4) + "  " + PadRight("Bid", bid_w) +
         supplier("Supplier") + "  " + PadLeft("Price", money_w) +
         (adjusted ? "  " + PadLeft("Adjusted", money_w) : std::string()) +
         "  " + PadLeft("Evaluated", money_w) + "\n";
  for (const Row& row : Rows(a)) {
    const auto i = static_cast<std::size_t>(row.bid);
    out +=
        PadLeft(row.money < 0
                    ? "-"
                    : RankLabel(
                          a.ranking.bids[static_cast<std::size_t>(row.money)]),
                4) +
        "  " + PadRight(bids.ids[i], bid_w) + supplier(bids.suppliers[i]) +
        "  " + PadLeft(FormatNumber(PriceOf(r, i), d), money_w);
    if (row.money < 0) {
      // "excluded (rule)" where it fits; the Why section gives the reason.
      const std::size_t line_start = out.rfind('\n') + 1;
      std::string cell =
          "  excluded (" + report::Display(a.exclusion[i].rule) + ")";
      if (Width(out.substr(line_start)) + Width(cell) > r.width) {
        cell = "  " + PadLeft("excl.", money_w);
      }
      out += cell + "\n";
      continue;
    }
    const MoneyBidResult& b =
        a.ranking.bids[static_cast<std::size_t>(row.money)];
    if (adjusted) {
      out += "  " + PadLeft(Signed(b.evaluated - b.price, d), money_w);
    }
    out += "  " + PadLeft(FormatNumber(b.evaluated, d), money_w) + "\n";
  }
  out +=
      "\n" + report::Wrap(MethodSentence(a.award, PriceName(r)), r.width, "");
  for (const std::string& note : TieNotes(r)) {
    out += report::Wrap("Note: " + note, r.width, "");
  }
  out += "\nWhy\n";
  for (const Row& row : Rows(a)) {
    const auto i = static_cast<std::size_t>(row.bid);
    if (row.money < 0) {
      out += "\n" + report::Wrap(
                        ExcludedSentence(*r.criteria, bids, i, a.exclusion[i]),
                        r.width, "  ");
      continue;
    }
    const MoneyBidResult& b =
        a.ranking.bids[static_cast<std::size_t>(row.money)];
    out += "\n" + report::Wrap(b.sentence, r.width, "  ");
    for (const MoneyAdjustment& x : b.adjustments) {
      out += report::Wrap("    " + x.name + ": " + x.level + ", " + x.how +
                              ": " + Signed(x.amount, d) + " " + set.currency,
                          r.width, "      ");
    }
  }
  return out;
}

std::string Markdown(const AwardReport& r) {
  using report::MdText;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const int d = a.award.options.decimals;
  const auto columns = AdjustmentColumns(a);
  std::string out = "# " + MdText(set.title) + "\n\n";
  out += "Criteria set " + report::MdCode(set.id) + " version " +
         MdText(set.version);
  if (!set.publisher.empty()) out += ", published by " + MdText(set.publisher);
  out += ". " + std::to_string(bids.size()) + " bids. " +
         MdText(MethodSentence(a.award, PriceName(r))) + "\n\n";
  out += "## Ranking\n\nAmounts in " + MdText(set.currency) +
         "; an adjustment below zero lowers the evaluated price.\n\n";
  out += "| Rank | Bid | Supplier | Price |";
  std::string rule = "|---:|---|---|---:|";
  for (const auto& c : columns) {
    out += " " + MdText(c.second) + " |";
    rule += "---:|";
  }
  out += " Evaluated price |\n" + rule + "---:|\n";
  for (const Row& row : Rows(a)) {
    const auto i = static_cast<std::size_t>(row.bid);
    out +=
        "| " +
        (row.money < 0
             ? std::string("-")
             : RankLabel(a.ranking.bids[static_cast<std::size_t>(row.money)])) +
        " | " + MdText(bids.ids[i]) + " | " + MdText(bids.suppliers[i]) +
        " | " + FormatNumber(PriceOf(r, i), d) + " |";
    if (row.money < 0) {
      for (std::size_t c = 0; c < columns.size(); ++c) out += " |";
      out += " excluded (" + MdText(a.exclusion[i].rule) + ") |\n";
      continue;
    }
    const MoneyBidResult& b =
        a.ranking.bids[static_cast<std::size_t>(row.money)];
    for (const auto& c : columns) {
      const MoneyAdjustment* x = Find(b, c.first);
      out += " " + (x ? Signed(x->amount, d) : std::string()) + " |";
    }
    out += " " + FormatNumber(b.evaluated, d) + " |\n";
  }
  if (!a.tie_breaks.empty()) out += "\n";
  for (const std::string& note : TieNotes(r)) {
    out += "> Note: " + MdText(note) + "\n";
  }
  out += "\n## Bidders\n";
  for (const Row& row : Rows(a)) {
    const auto i = static_cast<std::size_t>(row.bid);
    const std::string rank =
        row.money < 0
            ? std::string("-")
            : RankLabel(a.ranking.bids[static_cast<std::size_t>(row.money)]);
    out += "\n### " + rank + ". " + MdText(bids.ids[i]);
    if (!bids.suppliers[i].empty()) out += " — " + MdText(bids.suppliers[i]);
    out += "\n\n";
    if (row.money < 0) {
      out +=
          MdText(ExcludedSentence(*r.criteria, bids, i, a.exclusion[i])) + "\n";
      continue;
    }
    const MoneyBidResult& b =
        a.ranking.bids[static_cast<std::size_t>(row.money)];
    out += MdText(b.sentence) + "\n\n";
    for (const MoneyAdjustment& x : b.adjustments) {
      // One MdText for the line, so that only its start is treated as one.
      out += "- " + MdText(x.name + ": " + x.level + ", " + x.how) + ": " +
             Signed(x.amount, d) + " " + MdText(set.currency) + "\n";
    }
  }
  return out;
}

std::string Json(const AwardReport& r) {
  using nlohmann::ordered_json;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  ordered_json j;
  j["schema"] = kAwardSchema;
  j["circa_version"] = kVersion;
  j["criteria_set"] = report::CriteriaSetJson(set, false);
  j["inputs"] = report::InputsJson(set, bids, nullptr, nullptr);
  j["method"] = {{"name", ToString(a.award.method)},
                 {"price", a.award.price},
                 {"decimals", a.award.options.decimals},
                 {"text", MethodSentence(a.award, PriceName(r))}};
  const std::vector<Row> rows = Rows(a);
  j["winner"] =
      !rows.empty() && rows.front().money >= 0
          ? ordered_json(bids.ids[static_cast<std::size_t>(rows.front().bid)])
          : ordered_json(nullptr);
  ordered_json out = ordered_json::array();
  for (const Row& row : rows) {
    const auto i = static_cast<std::size_t>(row.bid);
    ordered_json b;
    b["id"] = bids.ids[i];
    b["supplier"] = bids.suppliers[i];
    b["price"] = report::Round6(PriceOf(r, i));
    if (row.money < 0) {
      const Exclusion& x = a.exclusion[i];
      b["rank"] = 0;
      b["status"] = "excluded";
      b["tied"] = false;
      FactContext words;
      words.set = r.criteria;
      b["exclusion"] = {{"stage", "requirement"},
                        {"rule", x.rule},
                        {"reason", DescribeExclusion(x, words)}};
      b["sentence"] = ExcludedSentence(*r.criteria, bids, i, x);
      out.push_back(b);
      continue;
    }
    const MoneyBidResult& m =
        a.ranking.bids[static_cast<std::size_t>(row.money)];
    b["rank"] = m.rank;
    b["status"] = "ranked";
    b["tied"] = m.tied;
    b["evaluated"] = report::Round6(m.evaluated);
    b["exact"] = report::Round6(m.exact);
    b["coefficient"] = m.coefficient;
    ordered_json adj = ordered_json::array();
    for (const MoneyAdjustment& x : m.adjustments) {
      adj.push_back({{"criterion", x.criterion},
                     {"name", x.name},
                     {"level", x.level},
                     {"amount", report::Round6(x.amount)},
                     {"how", x.how}});
    }
    b["adjustments"] = adj;
    b["sentence"] = m.sentence;
    out.push_back(b);
  }
  j["bids"] = out;
  ordered_json ties = ordered_json::array();
  for (const TieBreakRecord& t : a.tie_breaks) {
    ordered_json ids = ordered_json::array();
    ordered_json order = ordered_json::array();
    for (const int k : t.bids) {
      ids.push_back(a.ranking.bids[static_cast<std::size_t>(k)].id);
    }
    for (const int k : t.order) {
      order.push_back(a.ranking.bids[static_cast<std::size_t>(k)].id);
    }
    ties.push_back({{"evaluated", report::Round6(-t.total)},
                    {"bids", ids},
                    {"order", order},
                    {"resolved", t.resolved},
                    {"steps", TieSteps(r, t)}});
  }
  j["ties"] = ties;
  return report::JsonText(j.dump(2)) + "\n";
}

std::string Csv(const AwardReport& r) {
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const auto columns = AdjustmentColumns(a);
  std::string out = "rank,bid,supplier,status,tied,price,evaluated";
  for (const auto& c : columns) out += "," + report::CsvField(c.first);
  out += "\n";
  for (const Row& row : Rows(a)) {
    const auto i = static_cast<std::size_t>(row.bid);
    const bool excluded = row.money < 0;
    const MoneyBidResult* b =
        excluded ? nullptr
                 : &a.ranking.bids[static_cast<std::size_t>(row.money)];
    out +=
        std::to_string(b ? b->rank : 0) + "," + report::CsvField(bids.ids[i]) +
        "," + report::CsvField(bids.suppliers[i]) + "," +
        (excluded ? "excluded" : "ranked") + "," +
        (b && b->tied ? "yes" : "no") + "," + report::CsvNumber(PriceOf(r, i)) +
        "," + (b ? report::CsvNumber(b->evaluated) : std::string());
    for (const auto& c : columns) {
      const MoneyAdjustment* x = b ? Find(*b, c.first) : nullptr;
      out += "," + (x ? report::CsvNumber(x->amount) : std::string());
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string RenderAward(const AwardReport& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::kTable:
      return Table(report);
    case ReportFormat::kJson:
      return Json(report);
    case ReportFormat::kCsv:
      return Csv(report);
    case ReportFormat::kMarkdown:
      return Markdown(report);
  }
  return {};
}

}  // namespace circa
