// circa score CRITERIA BIDS | TENDER_DIR [--format] [-o FILE]
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>

#include "circa/award.h"
#include "circa/robustness.h"
#include "cli/commands.h"
#include "cli/common.h"

namespace circa::cli {
namespace {

struct ScoreArgs {
  std::string first;
  std::string second;
  std::string format = "table";
  std::string output;
  std::string locale;
  std::string panel;
  std::string costs;
  int width = 0;
};

ReportFormat FormatFromName(std::string name) {
  for (char& c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (name == "json") return ReportFormat::kJson;
  if (name == "csv") return ReportFormat::kCsv;
  if (name == "md") return ReportFormat::kMarkdown;
  return ReportFormat::kTable;
}

// The rank-reversal probe runs by itself whenever a relative rule is used
// (issue 6): a withdrawal or an added dominated bid that would change the
// winner becomes a note (a warning on stderr and a line in every output).
// Bids excluded by a requirement are left out, as in `circa analyze`.
void AddReversalNotes(const Scorer& scorer, const BidSet& bids,
                      Evaluation* evaluation) {
  const bool relative =
      std::any_of(scorer.columns().begin(), scorer.columns().end(),
                  [](const Column& c) { return c.relative; });
  if (!relative || evaluation->RankedCount() < 2) return;
  // Each probe re-scores every bid: quadratic in the bids. Above this many
  // (an analyst's batch, not a tender) the probe is left to circa analyze.
  constexpr int kAutomaticProbeLimit = 500;
  if (bids.size() > kAutomaticProbeLimit) {
    spdlog::info(
        "rank-reversal probe skipped for {} bids (more than {}); run "
        "circa analyze --reversal",
        bids.size(), kAutomaticProbeLimit);
    return;
  }
  const BidSet valid = BidsMeetingRequirements(bids, *evaluation, false);
  const Evaluation base = scorer.Evaluate(valid);
  const RankReversalResult r = ProbeRankReversal(scorer, valid.values, base);
  for (const ReversalProbe& p : r.probes) {
    if (!p.winner_changed || p.old_winner < 0 || p.new_winner < 0) continue;
    Note note;
    note.kind = NoteKind::kRankReversal;
    note.old_winner = valid.ids[static_cast<std::size_t>(p.old_winner)];
    note.new_winner = valid.ids[static_cast<std::size_t>(p.new_winner)];
    if (p.kind == ReversalProbe::Kind::kRemoved) {
      note.reversal = ReversalChange::kRemoved;
      note.removed_bid = valid.ids[static_cast<std::size_t>(p.removed_bid)];
    } else {
      note.reversal = ReversalChange::kAddedDominated;
    }
    evaluation->notes.push_back(std::move(note));
  }
}

int RunScore(const ScoreArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  int failure = kExitUsage;
  std::unique_ptr<io::OutputTarget> out;
  const std::optional<Tender> tender =
      LoadTenderArgs(args.first, args.second, args.panel, args.locale, &failure,
                     args.costs, args.output, &out);
  if (!tender) return failure;
  const CriteriaSet& criteria = tender->criteria;
  const BidSet& bids = tender->bids;
  const ReportFormat format = FormatFromName(args.format);
  const int width = args.width > 0 ? args.width : TerminalWidth();

  if (criteria.award) {
    // A money-based award: requirements, then the lowest evaluated price.
    const Result<AwardResult> award = EvaluateAward(criteria, bids);
    if (PrintDiagnostics(award.diagnostics) || !award.ok()) {
      return kExitInvalidInput;
    }
    std::vector<std::string> notes;
    for (const TieBreakRecord& t : award.value->tie_breaks) {
      std::string ids;
      for (const int k : t.bids) {
        ids += (ids.empty() ? "" : ", ") +
               award.value->ranking.bids[static_cast<std::size_t>(k)].id;
      }
      notes.push_back(
          fmt::format("bids {} tie on evaluated price; {}", ids,
                      criteria.tie_break.empty()
                          ? "the criteria set declares no tie-break, so the "
                            "tie stands"
                      : t.resolved ? "the declared tie-break decided it"
                                   : "the declared tie-break did not "
                                     "separate all of them"));
    }
    WarnNotes(notes);
    // Money awards are rendered whole, then written.
    const std::string text = RenderAward(
        AwardReport{&criteria, &bids, &*award.value, width}, format);
    if (const int code = FinishOutput(out.get(), text); code != kExitOk) {
      return code;
    }
  } else {
    // Loading validated the set and printed its warnings; compiling checks
    // it again and can only fail on an error loading already reported.
    const Result<Scorer> compiled = Scorer::Compile(criteria);
    if (!compiled.ok()) {
      PrintDiagnostics(compiled.diagnostics);
      return kExitInvalidInput;
    }
    const Scorer& scorer = *compiled.value;
    Evaluation evaluation = scorer.Evaluate(bids);
    AddReversalNotes(scorer, bids, &evaluation);
    Report report = MakeReport(criteria, bids, scorer, evaluation,
                               format != ReportFormat::kCsv,
                               tender->panel ? &*tender->panel : nullptr,
                               tender->lcc ? &*tender->lcc : nullptr);
    report.width = width;
    std::vector<std::string> notes;
    notes.reserve(evaluation.notes.size());
    const FactContext words = report.Facts();
    for (const Note& note : evaluation.notes) {
      notes.push_back(DescribeNote(note, words));
    }
    WarnNotes(notes);
    // Streamed: each chunk goes out as it is rendered.
    Render(report, format, SinkInto(out.get()));
    if (const int code = FinishOutput(out.get(), ""); code != kExitOk) {
      return code;
    }
  }

  spdlog::info("scored in {:.1f} ms",
               std::chrono::duration<double, std::milli>(
                   std::chrono::steady_clock::now() - start)
                   .count());
  return kExitOk;
}

}  // namespace

Runner AddScoreCommand(CLI::App& app) {
  auto args = std::make_shared<ScoreArgs>();
  CLI::App* cmd = app.add_subcommand(
      "score",
      "Score bids against a criteria set and print the ranking with reasons");
  cmd->add_option("CRITERIA", args->first,
                  "Criteria set (YAML), or a tender directory holding "
                  "tender.yaml and bids.csv/.yaml/.json")
      ->required();
  cmd->add_option("BIDS", args->second, "Bids (CSV, YAML or JSON)");
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "csv", "md"}, CLI::ignore_case))
      ->default_str("table");
  cmd->add_option("-o,--output", args->output,
                  "Write to FILE (a regular file is replaced atomically; a "
                  "device or FIFO is written into) instead of stdout")
      ->check(NonEmptyPath());
  AddTenderFileOptions(cmd, &args->locale, &args->panel, &args->costs);
  cmd->add_option("--width", args->width,
                  "Table width in columns (default: the terminal, or 100)")
      ->check(CLI::Range(40, 1000));
  return [args] { return RunScore(*args); };
}

}  // namespace circa::cli
