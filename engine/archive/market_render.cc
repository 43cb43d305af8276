// The market view's formats (docs/archive.md, "Market view"): table and
// Markdown from the words of engine/explain, CSV one row per lot, JSON one
// object. Numbers in CSV and JSON are plain and rounded to 6 decimals.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "circa/market.h"
#include "explain/market_words.h"
#include "util/display_text.h"

namespace circa {
namespace {

using Json = nlohmann::ordered_json;

std::string Clean(const std::string& text) {
  return util::SanitizeForDisplay(text, util::Newlines::kEscape);
}

// UTF-8 characters, for aligning columns.
std::size_t Width(const std::string& s) {
  std::size_t n = 0;
  for (const char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

std::string TextTable(const std::vector<std::string>& headings,
                      const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(headings.size(), 0);
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], Width(Clean(cells[i])));
    }
  };
  measure(headings);
  for (const auto& r : rows) measure(r);
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out = " ";
    for (std::size_t i = 0; i < cells.size() && i < widths.size(); ++i) {
      std::string c = Clean(cells[i]);
      if (i + 1 < cells.size()) c.append(widths[i] - Width(c) + 2, ' ');
      out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return " " + out + "\n";
  };
  std::string out = line(headings);
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string MdCell(const std::string& text) {
  std::string out;
  for (const char ch : Clean(text)) {
    if (ch == '|') out += '\\';
    out += ch;
  }
  return out;
}

std::string MdTable(const std::vector<std::string>& headings,
                    const std::vector<std::vector<std::string>>& rows) {
  const auto line = [](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const std::string& c : cells) out += " " + MdCell(c) + " |";
    return out + "\n";
  };
  std::string out = line(headings) + "|";
  for (std::size_t i = 0; i < headings.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string RenderText(const MarketView& view, Language language, bool md) {
  const explain::MarketText t = explain::MarketWords(view, language);
  std::string out =
      md ? "# " + MdCell(t.title) + "\n\n" : Clean(t.title) + "\n\n";
  const auto heading = [&](const std::string& title) {
    out += md ? "## " + MdCell(title) + "\n\n" : Clean(title) + "\n";
  };
  heading(t.caveats_title);
  for (const std::string& c : t.caveats) {
    out += "- " + (md ? MdCell(c) : Clean(c)) + "\n";
  }
  for (const explain::MarketSection& s : t.sections) {
    out += "\n";
    heading(s.title);
    for (const std::string& l : s.lines) {
      out += (md ? "" : "  ") + (md ? MdCell(l) : Clean(l)) + "\n";
    }
    if (!s.headings.empty()) {
      if (md) out += "\n";
      out += md ? MdTable(s.headings, s.rows) : TextTable(s.headings, s.rows);
    }
  }
  return out;
}

double R6(double v) { return std::round(v * 1e6) / 1e6; }

Json Opt(const std::optional<double>& v) {
  return v ? Json(R6(*v)) : Json(nullptr);
}

std::string CsvCell(const std::string& c) {
  const bool formula =
      !c.empty() && (c[0] == '=' || c[0] == '+' || c[0] == '-' || c[0] == '@');
  if (c.find_first_of(",\"\n\r") == std::string::npos && !formula) return c;
  std::string out = "\"";
  if (formula) out += '\'';
  for (const char ch : c) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

std::string Plain(const std::optional<double>& v) {
  return v ? Json(R6(*v)).dump() : std::string();
}

std::string RenderCsv(const MarketView& view) {
  std::string out =
      "archive_id,notice,lot,buyer,date,cpv,currency,criteria,price_weight,"
      "price_only,cost_only,environmental,social,circular,objective_"
      "environmental,"
      "objective_social,objective_circular,winning_value,lowest_value,"
      "highest_value,tenders_received,premium\n";
  const auto flag = [](bool b) { return std::string(b ? "1" : "0"); };
  for (const MarketLot& l : view.lots) {
    const std::vector<std::string> cells = {
        std::to_string(l.archive_id),
        l.reference,
        l.lot,
        l.buyer,
        l.date,
        l.cpv,
        l.currency,
        std::to_string(l.criteria),
        Plain(l.price_weight),
        flag(l.price_only),
        flag(l.cost_only),
        flag(l.environmental),
        flag(l.social),
        flag(l.circular),
        flag(l.objective_environmental),
        flag(l.objective_social),
        flag(l.objective_circular),
        Plain(l.winning_value),
        Plain(l.lowest_value),
        Plain(l.highest_value),
        l.tenders_received ? std::to_string(*l.tenders_received) : "",
        Plain(l.premium)};
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvCell(cells[i]);
    }
    out += "\n";
  }
  return out;
}

Json DistributionJson(const MarketDistribution& d) {
  Json j;
  j["count"] = d.count;
  j["min"] = R6(d.min);
  j["p25"] = R6(d.p25);
  j["median"] = R6(d.median);
  j["p75"] = R6(d.p75);
  j["max"] = R6(d.max);
  j["mean"] = R6(d.mean);
  return j;
}

std::string RenderJson(const MarketView& v) {
  Json j;
  j["notices"] = v.notices;
  j["lots"] = v.lots.size();
  j["tenders_skipped"] = v.tenders_skipped;
  j["possible_duplicates"] = v.possible_duplicates;
  j["lots_with_criteria"] = v.lots_with_criteria;
  j["lots_with_weights"] = v.lots_with_weights;
  j["lots_without_weights"] = v.lots_without_weights;
  j["price_weights"] = DistributionJson(v.price_weights);
  Json bands = Json::array();
  static constexpr double kFrom[] = {0, 0, 0.3, 0.5, 0.7, 1};
  static constexpr double kTo[] = {0, 0.3, 0.5, 0.7, 1, 1};
  for (std::size_t b = 0; b < v.price_weight_bands.size() && b < 6; ++b) {
    bands.push_back({{"from", kFrom[b]},
                     {"to", kTo[b]},
                     {"lots", v.price_weight_bands[b]}});
  }
  j["price_weight_bands"] = bands;
  j["price_only"] = v.price_only;
  j["cost_only"] = v.cost_only;
  j["environmental"] = v.environmental;
  j["social"] = v.social;
  j["circular"] = v.circular;
  j["objective_environmental"] = v.objective_environmental;
  j["objective_social"] = v.objective_social;
  j["objective_circular"] = v.objective_circular;
  j["lots_with_results"] = v.lots_with_results;
  j["lots_with_winning_and_lowest"] = v.lots_with_winning_and_lowest;
  j["above_lowest"] = v.above_lowest;
  j["below_lowest"] = v.below_lowest;
  j["premium"] = DistributionJson(v.premium);
  j["tenders_received"] = DistributionJson(v.tenders_received);
  Json currencies = Json::object();
  for (const auto& [code, n] : v.currencies) currencies[code] = n;
  j["currencies"] = currencies;
  j["caveats"] = explain::MarketWords(v, Language::kEnglish).caveats;
  Json lots = Json::array();
  for (const MarketLot& l : v.lots) {
    Json o;
    o["archive_id"] = l.archive_id;
    o["notice"] = l.reference;
    o["lot"] = l.lot;
    o["buyer"] = l.buyer;
    o["date"] = l.date;
    o["cpv"] = l.cpv;
    o["currency"] = l.currency;
    o["criteria"] = l.criteria;
    o["price_weight"] = Opt(l.price_weight);
    o["price_only"] = l.price_only;
    o["cost_only"] = l.cost_only;
    o["environmental"] = l.environmental;
    o["social"] = l.social;
    o["circular"] = l.circular;
    o["objective_environmental"] = l.objective_environmental;
    o["objective_social"] = l.objective_social;
    o["objective_circular"] = l.objective_circular;
    o["winning_value"] = Opt(l.winning_value);
    o["lowest_value"] = Opt(l.lowest_value);
    o["highest_value"] = Opt(l.highest_value);
    o["tenders_received"] =
        l.tenders_received ? Json(*l.tenders_received) : Json(nullptr);
    o["premium"] = Opt(l.premium);
    lots.push_back(std::move(o));
  }
  j["lot_details"] = lots;
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string RenderMarketView(const MarketView& view, MarketFormat format,
                             Language language) {
  switch (format) {
    case MarketFormat::kTable:
      return RenderText(view, language, false);
    case MarketFormat::kMarkdown:
      return RenderText(view, language, true);
    case MarketFormat::kCsv:
      return RenderCsv(view);
    case MarketFormat::kJson:
      return RenderJson(view);
  }
  return {};
}

}  // namespace circa
