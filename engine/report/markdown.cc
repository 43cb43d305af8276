// Markdown award report: the ranking, then one section per bidder with every
// criterion's value, formula and points.
#include "circa/report.h"
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
  report::ChunkedWriter out(sink);
  out += "# " + MdText(set.title) + "\n\n";
  out += "Criteria set " + report::MdCode(set.id) + " version " +
         MdText(set.version);
  if (!set.publisher.empty()) out += ", published by " + MdText(set.publisher);
  if (!set.model_id.empty()) {
    out += ", derived from model " + MdText(set.model_id) + " version " +
           MdText(set.model_version);
  }
  out += ". " + std::to_string(bids.size()) + " bids scored on " +
         std::to_string(scorer.size()) + " criteria out of " +
         FormatNumber(scorer.scale(), -1) + " points.\n\n";

  out += "## Ranking\n\n| Rank | Bid | Supplier | Total |";
  std::string rule = "|---:|---|---|---:|";
  for (const TopLevel& t : scorer.top_levels()) {
    out += " " + MdText(t.name) + " (" + FormatNumber(t.weight, -1) + ") |";
    rule += "---:|";
  }
  out += "\n" + rule + "\n";
  for (const int i : e.order) {
    const auto k = static_cast<std::size_t>(i);
    std::string row = "| " + report::RankLabel(e, k) + " | " +
                      MdText(bids.ids[k]) + " | " + MdText(bids.suppliers[k]) +
                      " | " +
                      (e.status[k] != BidStatus::kRanked
                           ? "excluded (" + MdText(e.exclusion[k].rule) + ")"
                           : FormatNumber(e.totals[i], 2)) +
                      " |";
    for (Eigen::Index t = 0; t < e.subtotals.cols(); ++t) {
      row += e.status[k] != BidStatus::kRanked
                 ? std::string(" |")
                 : " " + FormatNumber(e.subtotals(i, t), 2) + " |";
    }
    row += '\n';
    out += row;
  }
  if (!e.notes.empty()) {
    out += "\n";
    const FactContext facts = r.Facts();
    for (const Note& n : e.notes) {
      out += "> Note: " + MdText(DescribeNote(n, facts)) + ".\n";
    }
  }
  out +=
      "\n## Criteria\n\n| Criterion | Type | Weight | Rule "
      "|\n|---|---|---:|---|\n";
  for (const Column& c : scorer.columns()) {
    out += "| " + MdText(c.name) + " | " + std::string(ToString(c.type)) +
           " | " + FormatNumber(c.weight, 2) + " | " +
           MdText(DescribeRule(c.rule, set.currency, c.unit)) +
           (c.relative ? " (relative)" : " (absolute)") + " |\n";
  }
  if (r.lcc != nullptr) out += report::LccMarkdown(*r.lcc);
  out += "\n## Bidders\n";
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
