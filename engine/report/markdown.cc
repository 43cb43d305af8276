// Markdown award report: the ranking, then one section per bidder with every
// criterion's value, formula and points. Words from the message catalogues
// (report.language).
#include "circa/labels.h"
#include "circa/report.h"
#include "explain/messages.h"
#include "report/lcc_report.h"
#include "report/sink.h"
#include "report/text_util.h"

namespace circa {

using report::MdText;

void RenderMarkdown(const Report& r, const TextSink& sink) {
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  const explain::Messages& m = explain::Messages::Of(r.language);
  report::ChunkedWriter out(sink);
  out += "# " + MdText(LocalTitle(set, r.language)) + "\n\n";
  std::string intro = m("md.set", {{"id", report::MdCode(set.id)},
                                   {"version", MdText(set.version)}});
  if (!set.publisher.empty()) {
    m.Append(&intro, "md.published", {{"publisher", MdText(set.publisher)}});
  }
  if (!set.model_id.empty()) {
    m.Append(&intro, "md.derived",
             {{"model", MdText(set.model_id)},
              {"model_version", MdText(set.model_version)}});
  }
  m.Append(&intro, "md.scored",
           {{"bids", bids.size()},
            {"bid_count", std::to_string(bids.size())},
            {"criteria", scorer.size()},
            {"criterion_count", std::to_string(scorer.size())},
            {"scale", m.Number(scorer.scale(), -1)}});
  out += intro + "\n\n";

  out += "## " + m("md.ranking") + "\n\n| " + m("table.rank") + " | " +
         m("table.bid") + " | " + m("table.supplier") + " | " +
         m("table.total") + " |";
  std::string rule = "|---:|---|---|---:|";
  const std::vector<std::string> top_names = report::TopLevelNames(r);
  for (std::size_t t = 0; t < top_names.size(); ++t) {
    out += " " + MdText(top_names[t]) + " (" +
           m.Number(scorer.top_levels()[t].weight, -1) + ") |";
    rule += "---:|";
  }
  out += "\n" + rule + "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    std::string row =
        "| " + report::RankLabel(e, k) + " | " + MdText(bids.ids[k]) + " | " +
        MdText(bids.suppliers[k]) + " | " +
        (e.status[k] != BidStatus::kRanked
             ? m("md.excluded", {{"rule", MdText(e.exclusion[k].rule)}})
             : m.Number(e.totals[i], 2)) +
        " |";
    for (Eigen::Index t = 0; t < e.subtotals.cols(); ++t) {
      row += e.status[k] != BidStatus::kRanked
                 ? std::string(" |")
                 : " " + m.Number(e.subtotals(i, t), 2) + " |";
    }
    row += '\n';
    out += row;
  }
  if (!e.notes.empty()) {
    out += "\n";
    const FactContext facts = r.Facts();
    for (const Note& n : e.notes) {
      out += "> " +
             MdText(m("report.note", {{"note", DescribeNote(n, facts)}})) +
             "\n";
    }
  }
  out += "\n## " + m("md.criteria") + "\n\n| " + m("md.criterion") + " | " +
         m("md.type") + " | " + m("md.weight") + " | " + m("md.rule") +
         " |\n|---|---|---:|---|\n";
  const std::vector<std::string> names = report::ColumnNames(r);
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    const Column& c = scorer.columns()[j];
    out += "| " + MdText(names[j]) + " | " +
           m("criterion.type", {{"type", std::string(ToString(c.type))}}) +
           " | " + m.Number(c.weight, 2) + " | " +
           MdText(DescribeRule(c.rule, set.currency, c.unit, r.language)) +
           m(c.relative ? "criterion.relative" : "criterion.absolute") + " |\n";
  }
  if (r.lcc != nullptr) out += report::LccMarkdown(*r.lcc, r.language);
  out += "\n## " + m("md.bidders") + "\n";
  report::WriteInBlocks(
      e.order.size(),
      [&r, &e, &bids](std::size_t n, std::string* text) {
        const int i = e.order[n];
        const auto k = static_cast<std::size_t>(i);
        std::string& md = *text;
        const BidExplanation x = r.Explanation(i);
        std::string head =
            "\n### " + report::RankLabel(e, k) + ". " + MdText(bids.ids[k]);
        if (!bids.suppliers[k].empty())
          head += " — " + MdText(bids.suppliers[k]);
        md += head + "\n\n" + MdText(x.summary) + "\n";
        if (!x.award_steps.empty()) {
          md += "\n";
          for (const std::string& s : x.award_steps)
            md += "- " + MdText(s) + "\n";
        }
        for (const std::string& s : x.versus_winner) {
          md += "\n" + MdText(s) + "\n";
        }
        md += "\n";
        for (const CriterionExplanation& c : x.criteria)
          md += "- " + MdText(c.text) + "\n";
        if (!x.relative_note.empty()) {
          md += "\n" + MdText(x.relative_note) + "\n";
        }
      },
      out);
}

}  // namespace circa
