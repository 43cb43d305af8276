// The terminal table: ranked bids with subtotals per top-level criterion,
// fitted to the terminal width, followed by the reasons in words. Input
// text goes through PadLeft/PadRight/Wrap or Display, which show control
// characters escaped. Words from the message catalogues (report.language).
#include <algorithm>

#include "circa/labels.h"
#include "circa/report.h"
#include "explain/messages.h"
#include "report/lcc_report.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa {

void RenderTable(const Report& r, const TextSink& sink) {
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  const explain::Messages& m = explain::Messages::Of(r.language);
  using report::PadLeft;
  using report::PadRight;
  using report::Width;

  report::ChunkedWriter out(sink);
  out += report::Wrap(LocalTitle(set, r.language), r.width, "");
  out += report::Wrap(m("table.head",
                        {{"id", set.id},
                         {"version", set.version},
                         {"bids", bids.size()},
                         {"bid_count", std::to_string(bids.size())},
                         {"criteria", scorer.size()},
                         {"criterion_count", std::to_string(scorer.size())},
                         {"scale", m.Number(scorer.scale(), -1)}}),
                      r.width, "") +
         "\n";

  const std::vector<std::string> top_names = report::TopLevelNames(r);
  const std::string rank_head = m("table.rank");
  const std::string bid_head = m("table.bid");
  const std::string supplier_head = m("table.supplier");
  const std::string total_head = m("table.total");
  const std::string excluded = m("table.excluded");
  int bid_w = std::max(3, Width(bid_head));
  int supplier_w = std::max(8, Width(supplier_head));
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    bid_w = std::max(bid_w, Width(bids.ids[i]));
    supplier_w = std::max(supplier_w, Width(bids.suppliers[i]));
  }
  bid_w = std::min(bid_w, 16);
  supplier_w = std::min(supplier_w, 28);
  const int rank_w = std::max(4, Width(rank_head));
  const int total_w = std::max({7, Width(total_head), Width(excluded)});
  std::vector<int> sub_w;
  for (const std::string& name : top_names) {
    sub_w.push_back(std::clamp(Width(name), 6, 14));
  }
  const auto line_width = [&](std::size_t subs) {
    int w = rank_w + 2 + bid_w + 2 + supplier_w + 2 + total_w;
    for (std::size_t k = 0; k < subs; ++k) w += 2 + sub_w[k];
    return w;
  };
  std::size_t subs = sub_w.size();
  while (subs > 0 && line_width(subs) > r.width) --subs;
  while (supplier_w > 8 && line_width(subs) > r.width) --supplier_w;

  out += PadLeft(rank_head, rank_w) + "  " + PadRight(bid_head, bid_w) + "  " +
         PadRight(supplier_head, supplier_w) + "  " +
         PadLeft(total_head, total_w);
  for (std::size_t k = 0; k < subs; ++k) {
    out += "  " + PadLeft(top_names[k], sub_w[k]);
  }
  out += "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    const bool is_excluded = e.status[k] != BidStatus::kRanked;
    std::string line =
        PadLeft(report::RankLabel(e, k), rank_w) + "  " +
        PadRight(bids.ids[k], bid_w) + "  " +
        PadRight(bids.suppliers[k], supplier_w) + "  " +
        PadLeft(is_excluded ? excluded : m.Number(e.totals[i], 2), total_w);
    if (is_excluded) {
      line += "  (" + report::Display(e.exclusion[k].rule) + ")\n";
      out += line;
      continue;
    }
    for (std::size_t t = 0; t < subs; ++t) {
      line += "  " +
              PadLeft(m.Number(e.subtotals(i, static_cast<Eigen::Index>(t)), 2),
                      sub_w[t]);
    }
    line += '\n';
    out += line;
  }
  std::string items;
  for (std::size_t t = 0; t < scorer.top_levels().size(); ++t) {
    const TopLevel& top = scorer.top_levels()[t];
    items += (t ? m("list.comma") : "") + top_names[t] + " " +
             m.Number(top.weight, -1);
  }
  std::string legend = m("table.legend", {{"items", items}});
  if (subs < sub_w.size()) legend += m("table.legend_cut");
  out += "\n" + report::Wrap(legend + ".", r.width, "");
  const FactContext facts = r.Facts();
  for (const Note& note : e.notes) {
    out += report::Wrap(m("report.note", {{"note", DescribeNote(note, facts)}}),
                        r.width, "");
  }
  if (r.lcc != nullptr) out += report::LccTable(*r.lcc, r.width, r.language);
  out += "\n" + m("table.why") + "\n";
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
