// circa archive add PATH... | list | show ID | export ID DIR | remove ID
// [--archive FILE]: the analysts' archive (docs/archive.md). Calls
// circa/archive.h; no archive logic lives here.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "circa/market.h"
#include "cli/archive_commands.h"
#include "cli/common.h"

namespace circa::cli {
namespace {

struct ArchiveArgs {
  std::string archive;
  std::vector<std::string> paths;
  ArchiveFilter filter;
  std::string format = "table";
  std::int64_t id = 0;
  std::string directory;
  bool quiet = false;
  std::string lang = "en";
};

std::optional<Archive> OpenArchive(const std::string& path, bool must_exist,
                                   int* code) {
  ArchiveOptions options;
  options.must_exist = must_exist;
  Result<Archive> archive = Archive::Open(ArchivePath(path), options);
  if (!archive.ok()) {
    PrintDiagnostics(archive.diagnostics);
    *code = kExitInvalidInput;
    return std::nullopt;
  }
  return std::move(archive.value);
}

int RunAdd(const ArchiveArgs& args) {
  int code = kExitOk;
  std::optional<Archive> archive = OpenArchive(args.archive, false, &code);
  if (!archive) return code;
  const std::vector<std::string> dirs = FindTenderDirectories(args.paths);
  const std::vector<std::string> notices = FindNoticeFiles(args.paths);
  if (dirs.empty() && notices.empty()) {
    std::fprintf(stderr,
                 "circa: no tender directory (holding tender.yaml) and no "
                 "notice (*.xml) under the paths given\n");
    return kExitInvalidInput;
  }
  int added = 0;
  int present = 0;
  int failed = 0;
  const bool progress = !args.quiet && isatty(2) != 0;
  const std::size_t total = dirs.size() + notices.size();
  for (std::size_t k = 0; k < total; ++k) {
    const bool is_notice = k >= dirs.size();
    const std::string& path = is_notice ? notices[k - dirs.size()] : dirs[k];
    Result<AddedTender> r =
        is_notice ? archive->AddNotice(path)
                  : archive->AddTenderDirectory(path, MakeLoadOptions("auto"));
    if (!r.ok()) {
      ++failed;
      if (progress) std::fputs("\r\033[K", stderr);
      std::fprintf(stderr, "circa: %s: not added\n", path.c_str());
      PrintDiagnostics(r.diagnostics);
      continue;
    }
    if (r.value->added) {
      ++added;
    } else {
      ++present;
    }
    if (progress) {
      std::fprintf(stderr, "\r%zu/%zu tenders and notices", k + 1, total);
    }
  }
  if (progress) std::fputs("\r\033[K", stderr);
  if (!args.quiet) {
    std::printf("%d added, %d already archived, %d not added\n", added, present,
                failed);
  }
  return failed > 0 ? kExitSomeFailed : static_cast<int>(kExitOk);
}

int RunList(const ArchiveArgs& args) {
  int code = kExitOk;
  std::optional<Archive> archive = OpenArchive(args.archive, true, &code);
  if (!archive) return code;
  std::string out;
  const auto tenders = archive->List(args.filter);
  if (args.format == "jsonl") {
    for (const ArchivedTender& t : tenders) {
      nlohmann::ordered_json j;
      j["id"] = t.id;
      j["reference"] = t.info.reference;
      j["product_group"] = t.info.product_group;
      j["date"] = t.info.date;
      j["buyer"] = t.info.buyer;
      j["cpv"] = t.info.cpv;
      j["bids"] = t.bids;
      j["criteria"] = t.criteria;
      j["published_winner"] = t.info.published_winner;
      j["kind"] = t.notice ? "notice" : "tender";
      j["path"] = t.path;
      j["hash"] = t.hash;
      out += j.dump() + "\n";
    }
    return WriteOutput(out, "");
  }
  char line[512];
  std::snprintf(line, sizeof line, "%-6s %-24s %-22s %-10s %6s %5s  %s\n", "id",
                "reference", "product group", "date", "bids", "crit", "buyer");
  out += line;
  for (const ArchivedTender& t : tenders) {
    // A notice has no bids: "notice" in their column.
    const std::string bids = t.notice ? "notice" : std::to_string(t.bids);
    std::snprintf(line, sizeof line, "%-6lld %-24s %-22s %-10s %6s %5d  %s\n",
                  static_cast<long long>(t.id), t.info.reference.c_str(),
                  t.info.product_group.c_str(), t.info.date.c_str(),
                  bids.c_str(), t.criteria, t.info.buyer.c_str());
    out += line;
  }
  return WriteDisplayText(out);
}

std::string Value(const std::optional<double>& v) {
  if (!v) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", *v);
  return buffer;
}

// `archive show` of a notice: each lot's criteria as published and its
// results (docs/archive.md, "Notices").
std::string NoticeLotsText(const std::vector<NoticeLot>& lots) {
  std::string out = "lots:\n";
  for (const NoticeLot& lot : lots) {
    out += "  lot " + (lot.lot_id.empty() ? std::string("-") : lot.lot_id);
    if (!lot.currency.empty()) out += " (" + lot.currency + ")";
    out += lot.weights_complete || lot.criteria.empty()
               ? "\n"
               : ", weights incomplete\n";
    for (const NoticeCriterion& c : lot.criteria) {
      out += "    " + (c.type.empty() ? std::string("?") : c.type) + " " +
             (c.name.empty() ? c.description.substr(0, 60) : c.name);
      if (!c.published.empty()) out += " [" + c.published + "]";
      for (const std::string& theme : c.themes) out += " #" + theme;
      out += "\n";
    }
    if (!lot.objectives.empty()) {
      out += "    objectives:";
      for (const std::string& o : lot.objectives) out += " " + o;
      out += "\n";
    }
    if (lot.winning_value || lot.lowest_value || lot.highest_value ||
        lot.tenders_received) {
      out += "    results: winning " + Value(lot.winning_value) + ", lowest " +
             Value(lot.lowest_value) + ", highest " + Value(lot.highest_value) +
             ", tenders " +
             (lot.tenders_received ? std::to_string(*lot.tenders_received)
                                   : std::string("-"));
      if (!lot.result_currency.empty()) out += " " + lot.result_currency;
      out += "\n";
    }
  }
  return out;
}

int RunShow(const ArchiveArgs& args) {
  int code = kExitOk;
  std::optional<Archive> archive = OpenArchive(args.archive, true, &code);
  if (!archive) return code;
  const std::optional<ArchivedTender> t = archive->Find(args.id);
  if (!t) {
    std::fprintf(stderr, "circa: no tender with id %lld in the archive\n",
                 static_cast<long long>(args.id));
    return kExitInvalidInput;
  }
  std::string out;
  const auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += std::string(name) + ": " + value + "\n";
  };
  field("id", std::to_string(t->id));
  field("reference", t->info.reference);
  field("title", t->info.title);
  field("buyer", t->info.buyer);
  field("date", t->info.date);
  field("cpv", t->info.cpv);
  field("product group", t->info.product_group);
  field("published winner", t->info.published_winner);
  if (t->notice) {
    field("kind", "notice");
    field("procedure", t->info.procedure);
  } else {
    field("bids", std::to_string(t->bids));
  }
  field("criteria", std::to_string(t->criteria));
  field("path", t->path);
  field("hash", t->hash);
  field("added", t->added_at);
  if (t->notice) out += NoticeLotsText(archive->NoticeLots(t->id));
  out += "files:\n";
  for (const StoredFile& f : archive->Files(t->id)) {
    out += "  " + f.name + " (" + std::to_string(f.bytes.size()) + " bytes)\n";
  }
  return WriteDisplayText(out);
}

int RunExport(const ArchiveArgs& args) {
  int code = kExitOk;
  std::optional<Archive> archive = OpenArchive(args.archive, true, &code);
  if (!archive) return code;
  Result<std::vector<std::string>> r = archive->Export(args.id, args.directory);
  if (!r.ok()) {
    PrintDiagnostics(r.diagnostics);
    return kExitInvalidInput;
  }
  return kExitOk;
}

int RunRemove(const ArchiveArgs& args) {
  int code = kExitOk;
  std::optional<Archive> archive = OpenArchive(args.archive, true, &code);
  if (!archive) return code;
  if (!archive->Remove(args.id)) {
    std::fprintf(stderr, "circa: no tender with id %lld in the archive\n",
                 static_cast<long long>(args.id));
    return kExitInvalidInput;
  }
  return kExitOk;
}

int RunMarket(const ArchiveArgs& args) {
  int code = kExitOk;
  std::optional<Archive> archive = OpenArchive(args.archive, true, &code);
  if (!archive) return code;
  const std::optional<MarketFormat> format =
      MarketFormatFromString(args.format);
  const std::optional<Language> language = LanguageFromString(args.lang);
  if (!format || !language) return kExitUsage;  // CLI11 checked both
  const MarketView view = ComputeMarketView(*archive, args.filter);
  if (view.notices == 0) {
    std::fprintf(stderr,
                 "circa: no notice in the archive%s; add eForms or TED "
                 "notices with circa archive add\n",
                 args.filter.product_group.empty() &&
                         args.filter.buyer.empty() && args.filter.cpv.empty() &&
                         args.filter.year == 0
                     ? ""
                     : " that the filter takes");
    return kExitInvalidInput;
  }
  const std::string out = RenderMarketView(view, *format, *language);
  if (*format == MarketFormat::kTable) return WriteDisplayText(out);
  return WriteOutput(out, "");
}

}  // namespace

std::string ArchivePath(const std::string& given) {
  if (!given.empty()) return given;
  const char* env = std::getenv("CIRCA_ARCHIVE");
  if (env != nullptr && *env != '\0') return env;
  return "circa-archive.db";
}

void AddArchiveOption(CLI::App* cmd, std::string* path) {
  cmd->add_option("--archive", *path,
                  "The archive file (default: $CIRCA_ARCHIVE, else "
                  "circa-archive.db)")
      ->check(NonEmptyPath());
}

void AddFilterOptions(CLI::App* cmd, ArchiveFilter* filter) {
  cmd->add_option("--product-group", filter->product_group,
                  "Only tenders of this product group");
  cmd->add_option("--year", filter->year, "Only tenders of this year")
      ->check(CLI::Range(1900, 2999));
  cmd->add_option("--buyer", filter->buyer, "Only tenders of this buyer");
  cmd->add_option("--cpv", filter->cpv,
                  "Only tenders whose CPV code starts with this");
}

Runner AddArchiveCommand(CLI::App& app) {
  auto args = std::make_shared<ArchiveArgs>();
  CLI::App* cmd = app.add_subcommand(
      "archive", "Keep past tenders in an archive file (docs/archive.md)");
  cmd->require_subcommand(1);
  AddArchiveOption(cmd, &args->archive);
  CLI::App* add = cmd->add_subcommand(
      "add",
      "Add every tender directory and eForms or TED notice (*.xml) found "
      "under PATH (recursively)");
  add->add_option("PATH", args->paths,
                  "Tender directories, notice files or folders of them")
      ->required()
      ->check(CLI::ExistingPath);
  add->add_flag("-q,--quiet", args->quiet, "No progress and no count");
  AddArchiveOption(add, &args->archive);
  CLI::App* list = cmd->add_subcommand("list", "List the archived tenders");
  AddFilterOptions(list, &args->filter);
  list->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "jsonl"}))
      ->default_str("table");
  AddArchiveOption(list, &args->archive);
  CLI::App* show = cmd->add_subcommand("show", "Show one archived tender");
  show->add_option("ID", args->id, "Tender id (archive list)")->required();
  AddArchiveOption(show, &args->archive);
  CLI::App* exp = cmd->add_subcommand(
      "export", "Write a tender's input files back, byte for byte");
  exp->add_option("ID", args->id, "Tender id (archive list)")->required();
  exp->add_option("DIR", args->directory, "Directory to write into")
      ->required();
  AddArchiveOption(exp, &args->archive);
  CLI::App* remove = cmd->add_subcommand("remove", "Remove a tender");
  remove->add_option("ID", args->id, "Tender id (archive list)")->required();
  AddArchiveOption(remove, &args->archive);
  CLI::App* market = cmd->add_subcommand(
      "market",
      "The market view of the archived notices: price weights, price alone, "
      "environmental, social and circular criteria, premiums paid");
  AddFilterOptions(market, &args->filter);
  market->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "md", "csv", "json"}))
      ->default_str("table");
  market->add_option("--lang", args->lang, "Language of the words: en, nl, fr")
      ->check(CLI::IsMember({"en", "nl", "fr"}))
      ->default_str("en");
  AddArchiveOption(market, &args->archive);
  return [args, add, list, show, exp, remove, market] {
    if (market->parsed()) return RunMarket(*args);
    if (add->parsed()) return RunAdd(*args);
    if (list->parsed()) return RunList(*args);
    if (show->parsed()) return RunShow(*args);
    if (exp->parsed()) return RunExport(*args);
    if (remove->parsed()) return RunRemove(*args);
    return static_cast<int>(kExitUsage);
  };
}

}  // namespace circa::cli
