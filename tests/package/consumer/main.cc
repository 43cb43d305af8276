// Loads a tender directory, evaluates it and writes the result as JSON on
// standard output and, given a second argument, as Markdown to that file:
// `circa score DIR -f json` and `-f md` through the public API alone.
// docs/api.md shows this file; tests/package builds it against an installed
// circa and compares its output with the CLI's for every sample.
#include <circa/circa.h>

#include <cstdio>
#include <fstream>
#include <utility>

namespace {

// Prints every diagnostic ("file:line:col: path: message"); true on error.
bool Failed(const std::vector<circa::Diagnostic>& diagnostics) {
  for (const circa::Diagnostic& d : diagnostics) {
    std::fprintf(stderr, "%s\n", d.ToString().c_str());
  }
  return circa::HasErrors(diagnostics);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: consumer TENDER_DIR [REPORT.md]\n");
    return 2;
  }
  // 1. Load the tender: tender.yaml, the bids, a panel or cost profile.
  const auto paths = circa::ResolveTenderDirectory(argv[1]);
  if (Failed(paths.diagnostics) || !paths.ok()) return 1;
  auto tender = circa::LoadTender(*paths.value, circa::LoadOptions{});
  if (Failed(tender.diagnostics) || !tender.ok()) return 1;

  // 2. Evaluate: points or money award, with the rank-reversal findings.
  const auto outcome = circa::Evaluate(std::move(*tender.value));
  if (Failed(outcome.diagnostics) || !outcome.ok()) return 1;

  // 3. Render: JSON streamed to stdout in chunks, Markdown as one string.
  circa::Render(*outcome.value, circa::ReportFormat::kJson,
                [](std::string_view chunk) {
                  std::fwrite(chunk.data(), 1, chunk.size(), stdout);
                });
  if (argc > 2) {
    std::ofstream(argv[2], std::ios::binary)
        << circa::Render(*outcome.value, circa::ReportFormat::kMarkdown);
  }
  return 0;
}
