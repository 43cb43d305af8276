// The HTML report (`--format html`, docs/result-format.md, "HTML"): one
// self-contained page (inline CSS and SVG, no script, nothing fetched from
// another host) that prints to PDF with one page per bid. Charts have a
// table equivalent and a text alternative; every word comes from
// explain::DocumentWords and the Explainer.
#ifndef CIRCA_ENGINE_REPORT_HTML_H_
#define CIRCA_ENGINE_REPORT_HTML_H_

#include <string>

#include "circa/report.h"
#include "circa/robustness.h"
#include "circa/smaa.h"
#include "explain/document_words.h"

namespace circa::report {

// What `circa analyze --format html` adds to the page: the headline and the
// charts of the analyses that ran (null: not run).
struct HtmlAnalysis {
  std::string headline;
  const SensitivityResult* sensitivity = nullptr;
  const SmaaResult* smaa = nullptr;
};

// Bids drawn in a chart at most; the tables list every bid.
inline constexpr int kHtmlChartBids = 40;

void RenderHtml(const Report& report, const HtmlAnalysis* analysis,
                const explain::DocumentWords& words, const TextSink& sink);

// Text from an input as HTML content or an attribute value: control and
// bidirectional characters shown escaped (Display), & < > " ' as entities.
std::string HtmlText(std::string_view text);

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_HTML_H_
