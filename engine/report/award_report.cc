// Reports of a money-based award (a criteria set with `award:`): the money
// ranking with each bid's price, adjustments and evaluated price, one
// sentence per bid, and the bids excluded by a requirement. Table,
// Markdown, JSON (schema circa.award/2) and CSV; docs/result-format.md.
// Rendered from the award's facts; the words come from engine/explain/
// (money_words.h). Written through a TextSink in chunks, one bid at a time.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "circa/labels.h"
#include "circa/report.h"
#include "circa/version.h"
#include "explain/messages.h"
#include "explain/money_words.h"
#include "report/json_util.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa {
namespace {

// The JSON schema of a money-based award.
constexpr const char* kAwardSchema = "circa.award/2";

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

using explain::Messages;

std::string Signed(const Messages& m, double v, int decimals) {
  if (v == 0) return m.Number(0, decimals);
  return (v > 0 ? "+" : "-") + m.Number(std::abs(v), decimals);
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

// One sentence per tie on the evaluated price.
std::vector<std::string> TieNotes(const AwardReport& r) {
  std::vector<std::string> out;
  for (const TieBreakRecord& t : r.award->tie_breaks) {
    out.push_back(MoneyTieNote(*r.award, t, *r.criteria, r.language));
  }
  return out;
}

// "Name: level, how" for an adjustment line.
std::string AdjustmentText(const MoneyAdjustment& x,
                           const std::string& currency, Language language) {
  return Messages::Of(language)(
      "money.part", {{"name", x.name},
                     {"level", AdjustmentLevelText(x, currency, language)},
                     {"how", AdjustmentHowText(x, currency, language)}});
}

std::string RankLabel(const MoneyBidResult& b) {
  return std::to_string(b.rank) + (b.tied ? "=" : "");
}

std::string ExcludedSentence(const CriteriaSet& set, const BidSet& bids,
                             std::size_t i, const Exclusion& x,
                             Language language) {
  const Messages& m = Messages::Of(language);
  std::string label = bids.ids[i];
  if (!bids.suppliers[i].empty()) {
    label = m("bid.with_supplier",
              {{"bid", label}, {"supplier", bids.suppliers[i]}});
  }
  FactContext words;
  words.set = &set;
  words.language = language;
  return m("summary.excluded",
           {{"bid", label}, {"reason", DescribeExclusion(x, words)}});
}

// The bid set's column of the award's price leaf, or -1.
Eigen::Index PriceColumn(const AwardReport& r) {
  const BidSet& bids = *r.bids;
  for (std::size_t j = 0; j < bids.criteria.size(); ++j) {
    if (bids.criteria[j] == r.award->award.price) {
      return static_cast<Eigen::Index>(j);
    }
  }
  return -1;
}

double PriceOf(const AwardReport& r, Eigen::Index column, std::size_t i) {
  if (column < 0) return 0;
  return r.bids->values(static_cast<Eigen::Index>(i), column);
}

std::string PriceName(const AwardReport& r) {
  const Criterion* c = r.criteria->Find(r.award->award.price);
  return c != nullptr ? LocalName(*c, r.language) : r.award->award.price;
}

void Table(const AwardReport& r, report::ChunkedWriter& out) {
  using report::PadLeft;
  using report::PadRight;
  using report::Width;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const int d = a.award.options.decimals;
  const Eigen::Index price = PriceColumn(r);
  const Messages& m = Messages::Of(r.language);
  out += report::Wrap(LocalTitle(set, r.language), r.width, "");
  out +=
      report::Wrap(m("money.table.head",
                     {{"id", set.id},
                      {"version", set.version},
                      {"bids", bids.size()},
                      {"bid_count", std::to_string(bids.size())},
                      {"method", MoneyMethodTitle(a.award.method, r.language)},
                      {"currency", set.currency}}),
                   r.width, "");
  out += "\n";
  const std::string h_rank = m("table.rank");
  const std::string h_bid = m("table.bid");
  const std::string h_supplier = m("table.supplier");
  const std::string h_price = m("money.col.price");
  const std::string h_adjusted = m("money.col.adjusted");
  const std::string h_evaluated = m("money.col.evaluated");
  int bid_w = std::max(3, Width(h_bid));
  int supplier_w = std::max(8, Width(h_supplier));
  int money_w =
      std::max({9, Width(h_price), Width(h_adjusted), Width(h_evaluated)});
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    bid_w = std::max(bid_w, Width(bids.ids[i]));
    supplier_w = std::max(supplier_w, Width(bids.suppliers[i]));
    money_w = std::max(money_w, Width(m.Number(PriceOf(r, price, i), d)));
  }
  for (const MoneyBidResult& b : a.ranking.bids) {
    money_w = std::max(money_w, Width(m.Number(b.evaluated, d)));
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
  out += PadLeft(h_rank, 4) + "  " + PadRight(h_bid, bid_w) +
         supplier(h_supplier) + "  " + PadLeft(h_price, money_w) +
         (adjusted ? "  " + PadLeft(h_adjusted, money_w) : std::string()) +
         "  " + PadLeft(h_evaluated, money_w) + "\n";
  const std::vector<Row> rows = Rows(a);
  for (const Row& row : rows) {
    const auto i = static_cast<std::size_t>(row.bid);
    std::string line =
        PadLeft(row.money < 0
                    ? "-"
                    : RankLabel(
                          a.ranking.bids[static_cast<std::size_t>(row.money)]),
                4) +
        "  " + PadRight(bids.ids[i], bid_w) + supplier(bids.suppliers[i]) +
        "  " + PadLeft(m.Number(PriceOf(r, price, i), d), money_w);
    if (row.money < 0) {
      // "excluded (rule)" where it fits; the Why section gives the reason.
      std::string cell =
          "  " +
          m("md.excluded", {{"rule", report::Display(a.exclusion[i].rule)}});
      if (Width(line) + Width(cell) > r.width) {
        cell = "  " + PadLeft(m("table.excluded"), money_w);
      }
      out += line + cell + "\n";
      continue;
    }
    const MoneyBidResult& b =
        a.ranking.bids[static_cast<std::size_t>(row.money)];
    if (adjusted) {
      line += "  " + PadLeft(Signed(m, b.evaluated - b.price, d), money_w);
    }
    out += line + "  " + PadLeft(m.Number(b.evaluated, d), money_w) + "\n";
  }
  out += "\n";
  out += report::Wrap(MoneyMethodSentence(a.award, PriceName(r), r.language),
                      r.width, "");
  for (const std::string& note : TieNotes(r)) {
    out += report::Wrap(m("money.md.note", {{"note", note}}), r.width, "");
  }
  out += "\n" + m("table.why") + "\n";
  for (const Row& row : rows) {
    const auto i = static_cast<std::size_t>(row.bid);
    if (row.money < 0) {
      out += "\n";
      out += report::Wrap(
          ExcludedSentence(*r.criteria, bids, i, a.exclusion[i], r.language),
          r.width, "  ");
      continue;
    }
    const auto k = static_cast<std::size_t>(row.money);
    const MoneyBidResult& b = a.ranking.bids[k];
    out += "\n";
    out += report::Wrap(MoneyBidSentence(a, k, r.criteria, r.language), r.width,
                        "  ");
    for (const MoneyAdjustment& x : b.adjustments) {
      out += report::Wrap(
          "    " + m("money.line",
                     {{"text", AdjustmentText(x, set.currency, r.language)},
                      {"amount", Signed(m, x.amount, d) + " " + set.currency}}),
          r.width, "      ");
    }
  }
}

void Markdown(const AwardReport& r, report::ChunkedWriter& out) {
  using report::MdText;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const int d = a.award.options.decimals;
  const Eigen::Index price = PriceColumn(r);
  const auto columns = AdjustmentColumns(a);
  const Messages& m = Messages::Of(r.language);
  std::string head = "# " + MdText(LocalTitle(set, r.language)) + "\n\n";
  head += m("md.set",
            {{"id", report::MdCode(set.id)}, {"version", MdText(set.version)}});
  if (!set.publisher.empty()) {
    head += m("md.published", {{"publisher", MdText(set.publisher)}});
  }
  head += ". " +
          m("money.md.bids", {{"bids", bids.size()},
                              {"bid_count", std::to_string(bids.size())}}) +
          " " + MdText(MoneyMethodSentence(a.award, PriceName(r), r.language)) +
          "\n\n";
  head += "## " + m("md.ranking") + "\n\n" +
          MdText(m("money.md.amounts", {{"currency", set.currency}})) + "\n\n";
  head += "| " + m("table.rank") + " | " + m("table.bid") + " | " +
          m("table.supplier") + " | " + m("money.col.price") + " |";
  std::string rule = "|---:|---|---|---:|";
  for (const auto& c : columns) {
    head += " " + MdText(c.second) + " |";
    rule += "---:|";
  }
  head += " " + m("money.md.evaluated") + " |\n" + rule + "---:|\n";
  out += head;
  const std::vector<Row> rows = Rows(a);
  for (const Row& row : rows) {
    const auto i = static_cast<std::size_t>(row.bid);
    std::string line =
        "| " +
        (row.money < 0
             ? std::string("-")
             : RankLabel(a.ranking.bids[static_cast<std::size_t>(row.money)])) +
        " | " + MdText(bids.ids[i]) + " | " + MdText(bids.suppliers[i]) +
        " | " + m.Number(PriceOf(r, price, i), d) + " |";
    if (row.money < 0) {
      for (std::size_t c = 0; c < columns.size(); ++c) line += " |";
      line += " " + m("md.excluded", {{"rule", MdText(a.exclusion[i].rule)}}) +
              " |\n";
      out += line;
      continue;
    }
    const MoneyBidResult& b =
        a.ranking.bids[static_cast<std::size_t>(row.money)];
    for (const auto& c : columns) {
      const MoneyAdjustment* x = Find(b, c.first);
      line += " " + (x ? Signed(m, x->amount, d) : std::string()) + " |";
    }
    out += line + " " + m.Number(b.evaluated, d) + " |\n";
  }
  if (!a.tie_breaks.empty()) out += "\n";
  for (const std::string& note : TieNotes(r)) {
    out += "> " + MdText(m("money.md.note", {{"note", note}})) + "\n";
  }
  out += "\n## " + m("md.bidders") + "\n";
  for (const Row& row : rows) {
    const auto i = static_cast<std::size_t>(row.bid);
    const std::string rank =
        row.money < 0
            ? std::string("-")
            : RankLabel(a.ranking.bids[static_cast<std::size_t>(row.money)]);
    std::string text = "\n### " + rank + ". " + MdText(bids.ids[i]);
    if (!bids.suppliers[i].empty()) text += " — " + MdText(bids.suppliers[i]);
    text += "\n\n";
    if (row.money < 0) {
      out += text +
             MdText(ExcludedSentence(*r.criteria, bids, i, a.exclusion[i],
                                     r.language)) +
             "\n";
      continue;
    }
    const auto k = static_cast<std::size_t>(row.money);
    const MoneyBidResult& b = a.ranking.bids[k];
    text += MdText(MoneyBidSentence(a, k, r.criteria, r.language)) + "\n\n";
    for (const MoneyAdjustment& x : b.adjustments) {
      // One MdText for the line, so that only its start is treated as one.
      text +=
          "- " +
          MdText(m("money.line",
                   {{"text", AdjustmentText(x, set.currency, r.language)},
                    {"amount", Signed(m, x.amount, d) + " " + set.currency}})) +
          "\n";
    }
    out += text;
  }
}

// The method's parameters as numbers (docs/result-format.md).
nlohmann::ordered_json MethodJson(const AwardReport& r) {
  const MoneyAward& a = r.award->award;
  nlohmann::ordered_json m = {{"name", ToString(a.method)},
                              {"price", a.price},
                              {"decimals", a.options.decimals},
                              {"currency", r.award->ranking.currency}};
  switch (a.method) {
    case MoneyMethod::kFictitiousPrice:
      break;
    case MoneyMethod::kLadderDiscount:
      m["criterion"] = a.ladder.criterion;
      m["levels"] =
          a.ladder.kind == LevelValue::kFraction ? "fraction" : "amount";
      break;
    case MoneyMethod::kEnvironmentalCost:
      m["criterion"] = a.environmental.criterion;
      m["factor"] = report::Round6(a.environmental.factor);
      break;
    case MoneyMethod::kProzorro:
      m["cap"] = report::Round6(a.prozorro.cap);
      m["feature_max"] = report::Round6(r.award->ranking.feature_max);
      break;
  }
  m["text"] = MoneyMethodSentence(a, PriceName(r));
  return m;
}

nlohmann::ordered_json BidJson(const AwardReport& r, Eigen::Index price,
                               const Row& row) {
  using nlohmann::ordered_json;
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const auto i = static_cast<std::size_t>(row.bid);
  ordered_json b;
  b["id"] = bids.ids[i];
  b["supplier"] = bids.suppliers[i];
  b["price"] = report::Round6(PriceOf(r, price, i));
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
    b["sentence"] =
        ExcludedSentence(*r.criteria, bids, i, x, Language::kEnglish);
    return b;
  }
  const auto k = static_cast<std::size_t>(row.money);
  const MoneyBidResult& m = a.ranking.bids[k];
  const std::string& currency = a.ranking.currency;
  b["rank"] = m.rank;
  b["status"] = "ranked";
  b["tied"] = m.tied;
  b["evaluated"] = report::Round6(m.evaluated);
  b["exact"] = report::Round6(m.exact);
  b["coefficient"] = m.coefficient;
  ordered_json adj = ordered_json::array();
  for (const MoneyAdjustment& x : m.adjustments) {
    ordered_json j = {{"criterion", x.criterion},
                      {"name", x.name},
                      {"kind", ToString(x.kind)},
                      {"level", AdjustmentLevelText(x, currency)},
                      {"value", report::Round6(x.value)}};
    if (x.kind == AdjustmentKind::kValueShare ||
        x.kind == AdjustmentKind::kDiscountShare) {
      j["base"] = report::Round6(x.base);
    }
    if (x.kind == AdjustmentKind::kCostAdded) {
      j["factor"] = report::Round6(x.factor);
    }
    j["amount"] = report::Round6(x.amount);
    j["how"] = AdjustmentHowText(x, currency);
    adj.push_back(std::move(j));
  }
  b["adjustments"] = adj;
  b["sentence"] = MoneyBidSentence(a, k, r.criteria);
  return b;
}

nlohmann::ordered_json TieJson(const AwardReport& r, const TieBreakRecord& t) {
  using nlohmann::ordered_json;
  const AwardResult& a = *r.award;
  // The rules that separated the bids, in words.
  ordered_json steps = ordered_json::array();
  for (std::string& step : MoneyTieStepTexts(a.ranking, t, r.criteria)) {
    steps.push_back(std::move(step));
  }
  ordered_json ids = ordered_json::array();
  ordered_json order = ordered_json::array();
  for (const int k : t.bids) {
    ids.push_back(a.ranking.bids[static_cast<std::size_t>(k)].id);
  }
  for (const int k : t.order) {
    order.push_back(a.ranking.bids[static_cast<std::size_t>(k)].id);
  }
  return {{"evaluated", report::Round6(-t.total)},
          {"bids", ids},
          {"order", order},
          {"resolved", t.resolved},
          {"steps", steps}};
}

// An element of a top-level array, indented as in the whole document's
// dump(2): four spaces, its inner lines four more.
std::string Element(const nlohmann::ordered_json& element) {
  const std::string dumped = element.dump(2);
  std::string text;
  text.reserve(dumped.size() + dumped.size() / 8);
  text += "    ";
  for (const char c : dumped) {
    text += c;
    if (c == '\n') text += "    ";
  }
  return text;
}

void Json(const AwardReport& r, report::ChunkedWriter& out) {
  using nlohmann::ordered_json;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const Eigen::Index price = PriceColumn(r);
  ordered_json j;
  j["schema"] = kAwardSchema;
  j["circa_version"] = kVersion;
  j["criteria_set"] = report::CriteriaSetJson(set, false);
  j["inputs"] = report::InputsJson(set, bids, nullptr, nullptr);
  j["method"] = MethodJson(r);
  const std::vector<Row> rows = Rows(a);
  j["winner"] =
      !rows.empty() && rows.front().money >= 0
          ? ordered_json(bids.ids[static_cast<std::size_t>(rows.front().bid)])
          : ordered_json(nullptr);
  // Placeholders: the bids and ties are written one at a time where they
  // stand, without a DOM of them.
  j["bids"] = ordered_json::array();
  j["ties"] = ordered_json::array();
  const std::string doc = report::JsonText(j.dump(2));
  std::size_t done = 0;  // doc is written up to here
  // Fills the placeholder array `key` with `count` elements. Top-level keys
  // are the only lines that start with exactly two spaces and a quote.
  const auto fill = [&](std::string_view key, std::size_t count,
                        const auto& element) {
    const std::string placeholder = "\n  \"" + std::string(key) + "\": []";
    const std::size_t at = doc.find(placeholder, done);
    if (at == std::string::npos || count == 0) return;
    const std::size_t open = at + placeholder.size() - 1;  // just after '['
    out += std::string_view(doc).substr(done, open - done);
    for (std::size_t n = 0; n < count; ++n) {
      out += n == 0 ? "\n" : ",\n";
      out += report::JsonText(Element(element(n)));
    }
    out += "\n  ";
    done = open;
  };
  fill("bids", rows.size(),
       [&](std::size_t n) { return BidJson(r, price, rows[n]); });
  fill("ties", a.tie_breaks.size(),
       [&](std::size_t n) { return TieJson(r, a.tie_breaks[n]); });
  out += std::string_view(doc).substr(done);
  out += "\n";
}

void Csv(const AwardReport& r, report::ChunkedWriter& out) {
  const BidSet& bids = *r.bids;
  const AwardResult& a = *r.award;
  const Eigen::Index price = PriceColumn(r);
  const auto columns = AdjustmentColumns(a);
  const Messages& m = Messages::Of(r.language);
  // The spreadsheet dialect as the points CSV (csv.cc): BOM, `;`, decimal
  // comma and the exclusion reason.
  const bool excel = r.csv_excel;
  const char sep = excel ? ';' : ',';
  const std::string s(1, sep);
  const auto number = [excel](double v) {
    std::string text = report::CsvNumber(v);
    if (excel) {
      for (char& c : text) {
        if (c == '.') c = ',';
      }
    }
    return text;
  };
  const auto field = [sep](std::string_view text) {
    return report::CsvField(text, sep);
  };
  if (excel) out += "\xEF\xBB\xBF";
  std::string head;
  for (const char* key :
       {"csv.rank", "csv.bid", "csv.supplier", "csv.status", "csv.tied"}) {
    head += field(m(key)) + s;
  }
  if (excel) head += field(m("csv.reason")) + s;
  head += field(m("money.csv.price")) + s + field(m("money.csv.evaluated"));
  for (const auto& c : columns) head += s + field(c.first);
  out += head + "\n";
  FactContext words;
  words.set = r.criteria;
  words.language = r.language;
  for (const Row& row : Rows(a)) {
    const auto i = static_cast<std::size_t>(row.bid);
    const bool excluded = row.money < 0;
    const MoneyBidResult* b =
        excluded ? nullptr
                 : &a.ranking.bids[static_cast<std::size_t>(row.money)];
    std::string line = std::to_string(b ? b->rank : 0) + s +
                       field(bids.ids[i]) + s + field(bids.suppliers[i]) + s +
                       field(m(excluded ? "csv.excluded" : "csv.ranked")) + s +
                       field(m(b && b->tied ? "csv.yes" : "csv.no")) + s;
    if (excel) {
      if (excluded) line += field(DescribeExclusion(a.exclusion[i], words));
      line += s;
    }
    line += number(PriceOf(r, price, i)) + s +
            (b ? number(b->evaluated) : std::string());
    for (const auto& c : columns) {
      const MoneyAdjustment* x = b ? Find(*b, c.first) : nullptr;
      line += s + (x ? number(x->amount) : std::string());
    }
    out += line + "\n";
  }
}

}  // namespace

void RenderAward(const AwardReport& report, ReportFormat format,
                 const TextSink& sink) {
  report::ChunkedWriter out(sink);
  switch (format) {
    case ReportFormat::kTable:
      Table(report, out);
      return;
    case ReportFormat::kJson:
      Json(report, out);
      return;
    case ReportFormat::kCsv:
      Csv(report, out);
      return;
    case ReportFormat::kMarkdown:
    case ReportFormat::kDecision:  // no decision document for money awards
      Markdown(report, out);
      return;
    case ReportFormat::kHtml:
    case ReportFormat::kXlsx:
      return;  // points evaluations only (HasOutcomeFormat, circa/render.h)
  }
}

std::string RenderAward(const AwardReport& report, ReportFormat format) {
  std::string text;
  RenderAward(report, format, report::CollectInto(&text));
  return text;
}

}  // namespace circa
