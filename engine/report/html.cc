// The HTML report (report/html.h). The page is built in document order:
// header, ranking, charts (each an inline SVG with <title>/<desc> and a
// table equivalent), criteria, the analyses' charts when there are any, then
// one <article> per bid, which the print style starts on a new page.
#include "report/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "circa/labels.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa::report {
namespace {

using explain::DocumentWords;

// Colour-blind-safe palettes (Okabe and Ito, then Tol's muted), cycled
// over the criteria.
constexpr std::array<const char*, 14> kPalette = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
    "#D55E00", "#F0E442", "#999999", "#332288", "#882255",
    "#44AA99", "#117733", "#AA4499", "#DDCC77"};

constexpr const char* kStyle = R"(
:root{color-scheme:light}
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11pt;color:#111;margin:2em auto;max-width:60em;padding:0 1em;line-height:1.4}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:1.6em}h3{font-size:1.1em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em;max-width:100%}
th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}
th{overflow-wrap:break-word}td.n{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.winner td{font-weight:bold}
caption{text-align:left;font-weight:bold;padding:.3em 0}
figure{margin:1em 0;break-inside:avoid}
figcaption{font-weight:bold;margin-bottom:.3em}
svg{max-width:100%;height:auto}
svg text{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11px;fill:#111}
.note{border-left:3px solid #E69F00;padding-left:.6em}
.legend span{display:inline-block;white-space:nowrap;margin-right:1em}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:middle}
@page{size:A4;margin:18mm 15mm}
@media print{
 body{margin:0;max-width:none;font-size:10pt}
 article.bid{break-before:page}
 h2,h3{break-after:avoid}
 tr,figure{break-inside:avoid}
 thead{display:table-header-group}
}
)";

std::string Num(double v) {
  if (!std::isfinite(v)) v = 0;
  std::string s = fmt::format("{:.1f}", v);
  if (s == "-0.0") s = "0.0";
  return s;
}

std::string Color(std::size_t j) { return kPalette[j % kPalette.size()]; }

// <svg> with its text alternative; `id` makes the aria ids unique.
std::string SvgOpen(const std::string& id, double width, double height,
                    const std::string& title, const std::string& desc) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
         Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " +
         Num(width) + " " + Num(height) + "\" aria-labelledby=\"" + id + "-t " +
         id + "-d\"><title id=\"" + id + "-t\">" + HtmlText(title) +
         "</title><desc id=\"" + id + "-d\">" + HtmlText(desc) + "</desc>";
}

std::string Text(double x, double y, const std::string& text,
                 const char* anchor = "start", const char* extra = "") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" +
         anchor + "\"" + extra + ">" + text + "</text>";
}

std::string Rect(double x, double y, double w, double h,
                 const std::string& fill, const std::string& extra = "") {
  return "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"" +
         Num(std::max(0.0, w)) + "\" height=\"" + Num(h) + "\" fill=\"" + fill +
         "\"" + extra + "/>";
}

// A label cut to `chars` code points for a chart axis (the tables carry
// the full text).
std::string Short(const std::string& text, int chars) {
  const std::string d = Display(text);
  if (Width(d) <= chars) return HtmlText(d);
  std::string out;
  int n = 0;
  for (std::size_t i = 0; i < d.size() && n < chars - 1; ++n) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(d[i]);
    if (c >= 0xF0) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC0) {
      len = 2;
    }
    out += d.substr(i, len);
    i += len;
  }
  return HtmlText(out) + "…";
}

std::string Th(const std::string& text, bool number = false) {
  return number ? "<th scope=\"col\" class=\"n\">" + text + "</th>"
                : "<th scope=\"col\">" + text + "</th>";
}
std::string Td(const std::string& text, bool number = false) {
  return number ? "<td class=\"n\">" + text + "</td>" : "<td>" + text + "</td>";
}

struct Page {
  const Report& r;
  const DocumentWords& w;
  const CriteriaSet& set;
  const BidSet& bids;
  const Scorer& scorer;
  const Evaluation& e;
  std::vector<int> ranked;  // ranked bids, best first
  std::vector<int> drawn;   // the ones drawn in charts
  // Criterion names in the result language (labels.<lang>, else name).
  std::vector<std::string> top_names;  // by scorer.top_levels()
  std::vector<std::string> col_names;  // by scorer.columns()

  std::string BidLabel(int i) const {
    return bids.ids[static_cast<std::size_t>(i)];
  }
  bool Ranked(int i) const {
    return e.status[static_cast<std::size_t>(i)] == BidStatus::kRanked;
  }
};

std::string Header(const Page& p) {
  const DocumentWords& w = p.w;
  std::string s =
      "<header><h1>" + HtmlText(LocalTitle(p.set, p.r.language)) + "</h1><p>" +
      HtmlText(w.set_line(p.set.id, p.set.version, p.set.publisher)) + " " +
      HtmlText(w.scope_line(static_cast<int>(p.bids.size()),
                            static_cast<int>(p.scorer.size()),
                            p.w.number(p.scorer.scale(), -1))) +
      "</p></header>\n";
  return s;
}

std::string RankingTable(const Page& p) {
  const DocumentWords& w = p.w;
  const Evaluation& e = p.e;
  std::string s = "<section id=\"ranking\"><h2>" + HtmlText(w.ranking) +
                  "</h2>\n<table><thead><tr>" + Th(HtmlText(w.rank), true) +
                  Th(HtmlText(w.bid)) + Th(HtmlText(w.supplier)) +
                  Th(HtmlText(w.total), true);
  const auto& tops = p.scorer.top_levels();
  for (std::size_t t = 0; t < tops.size(); ++t) {
    s += Th(
        HtmlText(p.top_names[t]) + " (" + p.w.number(tops[t].weight, -1) + ")",
        true);
  }
  s += "</tr></thead><tbody>\n";
  const int winner = e.Winner();
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    const bool ranked = p.Ranked(i);
    s += i == winner ? "<tr class=\"winner\">" : "<tr>";
    s += Td(HtmlText(RankLabel(e, k)), true) + Td(HtmlText(p.bids.ids[k])) +
         Td(HtmlText(p.bids.suppliers[k]));
    s += ranked ? Td(p.w.number(e.totals[i], 2), true)
                : Td(HtmlText(w.excluded_by(e.exclusion[k].rule)));
    for (Eigen::Index t = 0; t < e.subtotals.cols(); ++t) {
      s += ranked ? Td(p.w.number(e.subtotals(i, t), 2), true) : Td("");
    }
    s += "</tr>\n";
  }
  s += "</tbody></table>\n";
  if (!e.notes.empty()) {
    const FactContext facts = p.r.Facts();
    s += "<div class=\"note\"><p><strong>" + HtmlText(p.w.notes) +
         "</strong></p><ul>";
    for (const Note& n : e.notes) {
      s += "<li>" + HtmlText(DescribeNote(n, facts)) + "</li>";
    }
    s += "</ul></div>\n";
  }
  return s + "</section>\n";
}

std::string Legend(const Page& p) {
  std::string s = "<p class=\"legend\" aria-hidden=\"true\">";
  const auto& cols = p.scorer.columns();
  for (std::size_t j = 0; j < cols.size(); ++j) {
    s += "<span><i class=\"swatch\" style=\"background:" + Color(j) +
         "\"></i>" + HtmlText(p.col_names[j]) + "</span>";
  }
  return s + "</p>";
}

// Points per criterion stacked per bid, the winner marked.
std::string PointsChart(const Page& p) {
  const DocumentWords& w = p.w;
  const auto& cols = p.scorer.columns();
  const double label = 170, bar = 430, row = 24, top = 10;
  const double width = label + bar + 90;
  const double height = top + row * static_cast<double>(p.drawn.size()) + 30;
  const double scale = std::max(p.scorer.scale(), 1e-300);
  const int winner = p.e.Winner();
  std::string s = "<figure id=\"chart-points\"><figcaption>" +
                  HtmlText(w.chart_points_title) + "</figcaption>\n";
  s += SvgOpen(
      "chart-points", width, height, w.chart_points_title,
      w.chart_points_desc(static_cast<int>(cols.size()),
                          winner < 0 ? "" : Display(p.BidLabel(winner)),
                          winner < 0 ? "" : p.w.number(p.e.totals[winner], 2)));
  double y = top;
  for (const int i : p.drawn) {
    s += Text(label - 6, y + row * 0.65, Short(p.BidLabel(i), 24), "end");
    double x = label;
    for (std::size_t j = 0; j < cols.size(); ++j) {
      const double pts = p.e.Points(i, static_cast<Eigen::Index>(j));
      const double wd = std::max(0.0, pts) / scale * bar;
      s += Rect(x, y + 3, wd, row - 6, Color(j));
      x += wd;
    }
    std::string total = p.w.number(p.e.totals[i], 2);
    if (i == winner) {
      s += Rect(label, y + 1, x - label, row - 2, "none",
                " stroke=\"#111\" stroke-width=\"2\"");
      total = "★ " + total + " (" + HtmlText(w.winner) + ")";
    }
    s += Text(x + 5, y + row * 0.65, total);
    y += row;
  }
  s += "<line x1=\"" + Num(label) + "\" y1=\"" + Num(top) + "\" x2=\"" +
       Num(label) + "\" y2=\"" + Num(y) + "\" stroke=\"#333\"/>";
  for (int t = 0; t <= 4; ++t) {
    const double x = label + bar * t / 4.0;
    s += Text(x, y + 16, p.w.number(scale * t / 4.0, -1), "middle");
  }
  s += "</svg>" + Legend(p) + "\n";
  // Table equivalent: every ranked bid's points per criterion.
  s += "<table><caption>" + HtmlText(w.table_equivalent) +
       "</caption><thead><tr>" + Th(HtmlText(w.bid));
  for (const std::string& name : p.col_names) s += Th(HtmlText(name), true);
  s += Th(HtmlText(w.total), true) + "</tr></thead><tbody>\n";
  for (const int i : p.ranked) {
    s += i == winner ? "<tr class=\"winner\">" : "<tr>";
    s += Td(HtmlText(p.BidLabel(i)));
    for (std::size_t j = 0; j < cols.size(); ++j) {
      s += Td(p.w.number(p.e.Points(i, static_cast<Eigen::Index>(j)), 2), true);
    }
    s += Td(p.w.number(p.e.totals[i], 2), true) + "</tr>\n";
  }
  return s + "</tbody></table></figure>\n";
}

// Each ranked bid's points minus the winner's, per criterion.
std::string GapChart(const Page& p) {
  const int winner = p.e.Winner();
  if (winner < 0 || p.ranked.size() < 2) return "";
  const DocumentWords& w = p.w;
  const auto& cols = p.scorer.columns();
  const auto m = static_cast<Eigen::Index>(cols.size());
  double most = 0;
  for (const int i : p.drawn) {
    for (Eigen::Index j = 0; j < m; ++j) {
      most = std::max(most, std::abs(p.e.Points(i, j) - p.e.Points(winner, j)));
    }
  }
  if (most <= 0 || !std::isfinite(most)) most = 1;
  const double label = 170, half = 210, bar_h = 7, gap = 10, top = 24;
  const double mid = label + half;
  const double width = label + 2 * half + 60;
  double height = top + 20;
  for (const int i : p.drawn) {
    if (i != winner) height += bar_h * static_cast<double>(m) + gap;
  }
  std::string s = "<figure id=\"chart-gap\"><figcaption>" +
                  HtmlText(w.chart_gap_title) + "</figcaption>\n";
  s += SvgOpen("chart-gap", width, height, w.chart_gap_title,
               w.chart_gap_desc(Display(p.BidLabel(winner))));
  s += Text(mid, 14, HtmlText(w.gap_axis), "middle");
  double y = top;
  for (const int i : p.drawn) {
    if (i == winner) continue;
    s += Text(label - 6, y + bar_h * static_cast<double>(m) / 2 + 4,
              Short(p.BidLabel(i), 24), "end");
    for (Eigen::Index j = 0; j < m; ++j) {
      const double d = p.e.Points(i, j) - p.e.Points(winner, j);
      const double len = std::abs(d) / most * half;
      s += Rect(d < 0 ? mid - len : mid, y + bar_h * static_cast<double>(j),
                len, bar_h - 1, Color(static_cast<std::size_t>(j)));
    }
    y += bar_h * static_cast<double>(m) + gap;
    s += "<line x1=\"" + Num(label) + "\" y1=\"" + Num(y - gap / 2) +
         "\" x2=\"" + Num(label + 2 * half) + "\" y2=\"" + Num(y - gap / 2) +
         "\" stroke=\"#ddd\"/>";
  }
  s += "<line x1=\"" + Num(mid) + "\" y1=\"" + Num(top - 4) + "\" x2=\"" +
       Num(mid) + "\" y2=\"" + Num(y) + "\" stroke=\"#333\"/>";
  s += Text(label, y + 14, p.w.number(-most, 2), "start");
  s += Text(mid, y + 14, "0", "middle");
  s += Text(label + 2 * half, y + 14, "+" + p.w.number(most, 2), "end");
  s += "</svg>" + Legend(p) + "\n";
  s += "<table><caption>" + HtmlText(w.table_equivalent) +
       "</caption><thead><tr>" + Th(HtmlText(w.bid));
  for (const std::string& name : p.col_names) s += Th(HtmlText(name), true);
  s += Th(HtmlText(w.total), true) + "</tr></thead><tbody>\n";
  for (const int i : p.ranked) {
    if (i == winner) continue;
    s += "<tr>" + Td(HtmlText(p.BidLabel(i)));
    for (Eigen::Index j = 0; j < m; ++j) {
      s += Td(p.w.number(p.e.Points(i, j) - p.e.Points(winner, j), 2), true);
    }
    s +=
        Td(p.w.number(p.e.totals[i] - p.e.totals[winner], 2), true) + "</tr>\n";
  }
  return s + "</tbody></table></figure>\n";
}

std::string WeightsChart(const Page& p) {
  const DocumentWords& w = p.w;
  const auto& cols = p.scorer.columns();
  double most = 0;
  for (const Column& c : cols) most = std::max(most, c.weight);
  if (most <= 0 || !std::isfinite(most)) most = 1;
  const double label = 170, bar = 430, row = 20, top = 6;
  const double height = top + row * static_cast<double>(cols.size()) + 6;
  std::string s = "<figure id=\"chart-weights\"><figcaption>" +
                  HtmlText(w.chart_weights_title) + "</figcaption>\n";
  s += SvgOpen("chart-weights", label + bar + 90, height, w.chart_weights_title,
               w.chart_weights_desc(static_cast<int>(cols.size()),
                                    p.w.number(p.scorer.scale(), -1)));
  double y = top;
  for (std::size_t j = 0; j < cols.size(); ++j) {
    const double len = cols[j].weight / most * bar;
    s += Text(label - 6, y + row * 0.7, Short(p.col_names[j], 24), "end");
    s += Rect(label, y + 3, len, row - 6, Color(j));
    s += Text(label + len + 5, y + row * 0.7,
              p.w.number(cols[j].weight, 2) + " " + HtmlText(w.weights_axis));
    y += row;
  }
  s += "</svg>\n";
  // The criteria table below is this chart's table equivalent.
  s += "<table><caption>" + HtmlText(w.table_equivalent) +
       "</caption><thead><tr>" + Th(HtmlText(w.criterion)) +
       Th(HtmlText(w.type)) + Th(HtmlText(w.weight), true) +
       Th(HtmlText(w.rule)) + "</tr></thead><tbody>\n";
  for (std::size_t j = 0; j < cols.size(); ++j) {
    const Column& c = cols[j];
    s += "<tr>" + Td(HtmlText(p.col_names[j])) +
         Td(HtmlText(w.type_name(std::string(ToString(c.type))))) +
         Td(p.w.number(c.weight, 2), true) +
         Td(HtmlText(
                DescribeRule(c.rule, p.set.currency, c.unit, p.r.language)) +
            " (" + HtmlText(c.relative ? w.relative : w.absolute) + ")") +
         "</tr>\n";
  }
  return s + "</tbody></table></figure>\n";
}

// Tornado: per criterion, the weight decrease (left) and increase (right)
// that changes the winner, most sensitive first.
std::string Tornado(const Page& p, const SensitivityResult& sens) {
  const DocumentWords& w = p.w;
  if (sens.winner < 0 || sens.leaves.empty()) return "";
  const double scale = p.scorer.scale();
  std::vector<const WeightSensitivity*> rows;
  for (const WeightSensitivity& l : sens.leaves) rows.push_back(&l);
  const auto reach = [scale](const WeightSensitivity& l) {
    const double down =
        l.decrease.changes ? std::abs(l.decrease.delta) : l.weight;
    const double up =
        l.increase.changes ? std::abs(l.increase.delta) : scale - l.weight;
    return std::min(l.decrease.changes ? down : scale * 2,
                    l.increase.changes ? up : scale * 2);
  };
  std::stable_sort(
      rows.begin(), rows.end(),
      [&reach](const WeightSensitivity* a, const WeightSensitivity* b) {
        return reach(*a) < reach(*b);
      });
  const double label = 170, half = 210, row = 22, top = 24;
  const double mid = label + half;
  const double height = top + row * static_cast<double>(rows.size()) + 24;
  const std::string winner = Display(p.BidLabel(sens.winner));
  std::string s = "<figure id=\"chart-tornado\"><figcaption>" +
                  HtmlText(w.sensitivity_title) + "</figcaption>\n";
  s += SvgOpen("chart-tornado", label + 2 * half + 70, height,
               w.sensitivity_title, w.sensitivity_desc(winner));
  s += Text(mid - 4, 14, HtmlText(w.decrease), "end");
  s += Text(mid + 4, 14, HtmlText(w.increase), "start");
  double y = top;
  const auto& cols = p.scorer.columns();
  for (const WeightSensitivity* l : rows) {
    const std::string name =
        l->index >= 0 && static_cast<std::size_t>(l->index) < cols.size()
            ? p.col_names[static_cast<std::size_t>(l->index)]
            : l->id;
    s += Text(label - 6, y + row * 0.65, Short(name, 24), "end");
    const double down =
        l->decrease.changes ? std::abs(l->decrease.delta) : l->weight;
    const double up =
        l->increase.changes ? std::abs(l->increase.delta) : scale - l->weight;
    const double ld = down / scale * half, lu = up / scale * half;
    s += Rect(mid - ld, y + 3, ld, row - 6,
              l->decrease.changes ? "#D55E00" : "#dddddd");
    s += Rect(mid, y + 3, lu, row - 6,
              l->increase.changes ? "#0072B2" : "#dddddd");
    if (l->decrease.changes) {
      s += Text(mid - ld - 3, y + row * 0.65, "-" + p.w.number(down, 2), "end");
    }
    if (l->increase.changes) {
      s += Text(mid + lu + 3, y + row * 0.65, "+" + p.w.number(up, 2));
    }
    y += row;
  }
  s += "<line x1=\"" + Num(mid) + "\" y1=\"" + Num(top - 4) + "\" x2=\"" +
       Num(mid) + "\" y2=\"" + Num(y) + "\" stroke=\"#333\"/>";
  s += Text(label, y + 14, "-" + p.w.number(scale, -1), "start");
  s += Text(mid, y + 14, "0", "middle");
  s += Text(label + 2 * half, y + 14, "+" + p.w.number(scale, -1), "end");
  s += "</svg>\n";
  s += "<table><caption>" + HtmlText(w.table_equivalent) +
       "</caption><thead><tr>" + Th(HtmlText(w.criterion)) +
       Th(HtmlText(w.weight), true) + Th(HtmlText(w.decrease), true) +
       Th(HtmlText(w.new_winner)) + Th(HtmlText(w.increase), true) +
       Th(HtmlText(w.new_winner)) + "</tr></thead><tbody>\n";
  const auto side = [&](const WeightThreshold& t) {
    if (!t.changes) return Td(HtmlText(w.no_change), true) + Td("");
    return Td((t.delta > 0 ? "+" : "") + p.w.number(t.delta, 2), true) +
           Td(t.new_winner >= 0 ? HtmlText(p.BidLabel(t.new_winner)) : "");
  };
  for (const WeightSensitivity* l : rows) {
    const std::string name =
        l->index >= 0 && static_cast<std::size_t>(l->index) < cols.size()
            ? p.col_names[static_cast<std::size_t>(l->index)]
            : l->id;
    s += "<tr>" + Td(HtmlText(name)) + Td(p.w.number(l->weight, 2), true) +
         side(l->decrease) + side(l->increase) + "</tr>\n";
  }
  return s + "</tbody></table></figure>\n";
}

// Heatmap of rank acceptabilities: bids (rows) by ranks (columns).
std::string Heatmap(const Page& p, const SmaaResult& smaa) {
  const DocumentWords& w = p.w;
  const Eigen::MatrixXd& a = smaa.acceptability;
  if (a.rows() == 0 || a.cols() == 0) return "";
  const auto ranks = std::min<Eigen::Index>(a.cols(), kHtmlChartBids);
  const double label = 170, cell = 44, row = 22, top = 22;
  const double height = top + row * static_cast<double>(p.drawn.size()) + 6;
  std::string s = "<figure id=\"chart-smaa\"><figcaption>" +
                  HtmlText(w.smaa_title) + "</figcaption>\n";
  s += SvgOpen("chart-smaa", label + cell * static_cast<double>(ranks) + 10,
               height, w.smaa_title, w.smaa_desc(smaa.samples));
  for (Eigen::Index r = 0; r < ranks; ++r) {
    s += Text(label + cell * (static_cast<double>(r) + 0.5), 14,
              std::to_string(r + 1), "middle");
  }
  double y = top;
  for (const int i : p.drawn) {
    if (i >= a.rows()) continue;
    s += Text(label - 6, y + row * 0.65, Short(p.BidLabel(i), 24), "end");
    for (Eigen::Index r = 0; r < ranks; ++r) {
      const double v = std::clamp(a(i, r), 0.0, 1.0);
      const double x = label + cell * static_cast<double>(r);
      s += Rect(x, y, cell - 1, row - 1, "#0072B2",
                " fill-opacity=\"" + fmt::format("{:.3f}", v) + "\"");
      s += Text(x + cell / 2, y + row * 0.65, p.w.number(100 * v, 0) + "%",
                "middle", v > 0.5 ? " style=\"fill:#fff\"" : "");
    }
    y += row;
  }
  s += "</svg>\n<table><caption>" + HtmlText(w.table_equivalent) +
       "</caption><thead><tr>" + Th(HtmlText(w.bid));
  for (Eigen::Index r = 0; r < a.cols(); ++r) {
    s += Th(HtmlText(w.rank_n(static_cast<int>(r) + 1)), true);
  }
  s += "</tr></thead><tbody>\n";
  for (const int i : p.ranked) {
    if (i >= a.rows()) continue;
    s += "<tr>" + Td(HtmlText(p.BidLabel(i)));
    for (Eigen::Index r = 0; r < a.cols(); ++r) {
      s += Td(p.w.number(100 * a(i, r), 1) + "%", true);
    }
    s += "</tr>\n";
  }
  return s + "</tbody></table></figure>\n";
}

void Bid(const Page& p, int i, std::string* out) {
  const auto k = static_cast<std::size_t>(i);
  const BidExplanation x = p.r.Explanation(i);
  std::string& s = *out;
  s += "<article class=\"bid\" id=\"bid-" + std::to_string(i + 1) + "\"><h3>" +
       HtmlText(RankLabel(p.e, k)) + ". " + HtmlText(p.bids.ids[k]);
  if (!p.bids.suppliers[k].empty()) {
    s += " — " + HtmlText(p.bids.suppliers[k]);
  }
  s += "</h3>\n<p>" + HtmlText(x.summary) + "</p>\n";
  if (!x.award_steps.empty()) {
    s += "<ul>";
    for (const std::string& step : x.award_steps) {
      s += "<li>" + HtmlText(step) + "</li>";
    }
    s += "</ul>\n";
  }
  for (const std::string& v : x.versus_winner) {
    s += "<p>" + HtmlText(v) + "</p>\n";
  }
  if (!x.criteria.empty()) {
    s += "<ul>";
    for (const CriterionExplanation& c : x.criteria) {
      s += "<li>" + HtmlText(c.text) + "</li>";
    }
    s += "</ul>\n";
  }
  if (!x.relative_note.empty()) {
    s += "<p>" + HtmlText(x.relative_note) + "</p>\n";
  }
  s += "</article>\n";
}

}  // namespace

std::string HtmlText(std::string_view text) {
  const std::string d = Display(text);
  std::string out;
  out.reserve(d.size());
  for (const char c : d) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void RenderHtml(const Report& r, const HtmlAnalysis* analysis,
                const DocumentWords& words, const TextSink& sink) {
  Page p{r,  words, *r.criteria,      *r.bids,       *r.scorer, *r.evaluation,
         {}, {},    TopLevelNames(r), ColumnNames(r)};
  for (const int i : p.e.order) {
    if (p.Ranked(i)) p.ranked.push_back(i);
  }
  p.drawn.assign(
      p.ranked.begin(),
      p.ranked.begin() +
          std::min<std::ptrdiff_t>(
              kHtmlChartBids, static_cast<std::ptrdiff_t>(p.ranked.size())));
  ChunkedWriter out(sink);
  out += "<!DOCTYPE html>\n<html lang=\"" + HtmlText(words.language) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
         "content=\"width=device-width, initial-scale=1\">\n<title>" +
         HtmlText(LocalTitle(p.set, p.r.language)) + "</title>\n<style>" +
         kStyle + "</style>\n</head>\n<body>\n";
  out += Header(p);
  out += "<main>\n";
  if (analysis != nullptr && !analysis->headline.empty()) {
    out += "<p class=\"note\"><strong>" + HtmlText(analysis->headline) +
           "</strong></p>\n";
  }
  out += RankingTable(p);
  out += "<section id=\"charts\"><h2>" + HtmlText(words.points) + "</h2>\n";
  if (p.drawn.size() < p.ranked.size()) {
    out += "<p>" +
           HtmlText(words.chart_limit(static_cast<int>(p.drawn.size()),
                                      static_cast<int>(p.ranked.size()))) +
           "</p>\n";
  }
  if (!p.ranked.empty()) {
    out += PointsChart(p);
    out += GapChart(p);
  }
  out += "</section>\n<section id=\"criteria\"><h2>" +
         HtmlText(words.criteria) + "</h2>\n";
  out += WeightsChart(p);
  out += "</section>\n";
  if (analysis != nullptr &&
      (analysis->sensitivity != nullptr || analysis->smaa != nullptr)) {
    out +=
        "<section id=\"analysis\"><h2>" + HtmlText(words.analysis) + "</h2>\n";
    if (analysis->sensitivity != nullptr) {
      out += Tornado(p, *analysis->sensitivity);
    }
    if (analysis->smaa != nullptr) out += Heatmap(p, *analysis->smaa);
    out += "</section>\n";
  }
  out += "<section id=\"bidders\"><h2>" + HtmlText(words.bidders) + "</h2>\n";
  WriteInBlocks(
      p.e.order.size(),
      [&p](std::size_t n, std::string* text) { Bid(p, p.e.order[n], text); },
      out);
  out += "</section>\n</main>\n</body>\n</html>\n";
}

}  // namespace circa::report
