// The terminal table: ranked bids with subtotals per top-level criterion,
// fitted to the terminal width, followed by the reasons in words. Input
// text goes through PadLeft/PadRight/Wrap or Display, which show control
// characters escaped.
#include <algorithm>

#include "circa/report.h"
#include "report/lcc_report.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa {

void RenderTable(const Report& r, const TextSink& sink) {
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  using report::PadLeft;
  using report::PadRight;
  using report::Width;

  report::ChunkedWriter out(sink);
  out += report::Wrap(set.title, r.width, "");
  out += report::Wrap(set.id + " " + set.version + " | " +
                          std::to_string(bids.size()) + " bids | " +
                          std::to_string(scorer.size()) + " criteria | " +
                          FormatNumber(scorer.scale(), -1) + " points",
                      r.width, "") +
         "\n";

  int bid_w = 3;
  int supplier_w = 8;
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    bid_w = std::max(bid_w, Width(bids.ids[i]));
    supplier_w = std::max(supplier_w, Width(bids.suppliers[i]));
  }
  bid_w = std::min(bid_w, 16);
  supplier_w = std::min(supplier_w, 28);
  const int total_w = 7;
  std::vector<int> sub_w;
  for (const TopLevel& t : scorer.top_levels()) {
    sub_w.push_back(std::clamp(Width(t.name), 6, 14));
  }
  const auto line_width = [&](std::size_t subs) {
    int w = 4 + 2 + bid_w + 2 + supplier_w + 2 + total_w;
    for (std::size_t k = 0; k < subs; ++k) w += 2 + sub_w[k];
    return w;
  };
  std::size_t subs = sub_w.size();
  while (subs > 0 && line_width(subs) > r.width) --subs;
  while (supplier_w > 8 && line_width(subs) > r.width) --supplier_w;

  out += PadLeft("Rank", 4) + "  " + PadRight("Bid", bid_w) + "  " +
         PadRight("Supplier", supplier_w) + "  " + PadLeft("Total", total_w);
  for (std::size_t k = 0; k < subs; ++k) {
    out += "  " + PadLeft(scorer.top_levels()[k].name, sub_w[k]);
  }
  out += "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    const bool excluded = e.status[k] != BidStatus::kRanked;
    std::string line =
        PadLeft(report::RankLabel(e, k), 4) + "  " +
        PadRight(bids.ids[k], bid_w) + "  " +
        PadRight(bids.suppliers[k], supplier_w) + "  " +
        PadLeft(excluded ? "excl." : FormatNumber(e.totals[i], 2), total_w);
    if (excluded) {
      line += "  (" + report::Display(e.exclusion[k].rule) + ")\n";
      out += line;
      continue;
    }
    for (std::size_t t = 0; t < subs; ++t) {
      line +=
          "  " +
          PadLeft(FormatNumber(e.subtotals(i, static_cast<Eigen::Index>(t)), 2),
                  sub_w[t]);
    }
    line += '\n';
    out += line;
  }
  std::string legend = "Points per criterion (maximum):";
  for (std::size_t t = 0; t < scorer.top_levels().size(); ++t) {
    const TopLevel& top = scorer.top_levels()[t];
    legend += (t ? ", " : " ") + top.name + " " + FormatNumber(top.weight, -1);
  }
  if (subs < sub_w.size())
    legend += " (not all fit this width; see --format md)";
  out += "\n" + report::Wrap(legend + ".", r.width, "");
  const FactContext facts = r.Facts();
  for (const Note& note : e.notes) {
    out +=
        report::Wrap("Note: " + DescribeNote(note, facts) + ".", r.width, "");
  }
  if (r.lcc != nullptr) out += report::LccTable(*r.lcc, r.width);
  out += "\nWhy\n";
  report::WriteInBlocks(
      e.order.size(),
      [&r, &e](std::size_t n, std::string* text) {
        const BidExplanation x = r.Explanation(e.order[n]);
        *text += "\n";
        *text += report::Wrap(x.summary, r.width, "  ");
        for (const std::string& s : x.award_steps)
          *text += report::Wrap(s, r.width, "    ");
        for (const std::string& s : x.versus_winner)
          *text += report::Wrap(s, r.width, "    ");
      },
      out);
  // The note on relative rules, as the first bid's explanation gives it.
  if (r.explainer != nullptr && !bids.ids.empty()) {
    const std::string note = r.Explanation(0).relative_note;
    if (!note.empty()) {
      out += "\n";
      out += report::Wrap(note, r.width, "");
    }
  }
}

}  // namespace circa
