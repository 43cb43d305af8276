// circa batch [--archive FILE | --input -] [--scenarios FILE] [filters]
//   [-f table|md|csv|jsonl] [--smaa N] [--threads N] [--quiet] [--resume]
// Re-scores archived tenders (or JSON lines on stdin) under their
// published rules and under scenarios (docs/batch.md), on every core, with
// a progress bar on a terminal; Ctrl-C stops cleanly and --resume carries
// on. Calls circa/batch.h and circa/archive.h.
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "circa/batch.h"
#include "cli/archive_commands.h"
#include "cli/common.h"

namespace circa::cli {
namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

struct BatchArgs {
  std::string archive;
  std::string input;
  std::string scenarios;
  ArchiveFilter filter;
  std::string format = "table";
  int smaa = 0;
  std::uint64_t seed = 1;
  bool no_reversal = false;
  int threads = 0;
  bool quiet = false;
  bool resume = false;
};

// A stable 64-bit FNV-1a of the run's parameters (the resume key).
std::string Fnv(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

class Progress {
 public:
  Progress(bool on, std::size_t total)
      : on_(on), total_(total), start_(std::chrono::steady_clock::now()) {}
  void Update(std::size_t done, bool force = false) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
    const double left =
        rate > 0 ? static_cast<double>(total_ - std::min(done, total_)) / rate
                 : 0;
    constexpr int kWidth = 30;
    const int filled =
        total_ > 0 ? static_cast<int>(kWidth * static_cast<double>(done) /
                                      static_cast<double>(total_))
                   : 0;
    std::string bar(static_cast<std::size_t>(filled), '=');
    bar.resize(kWidth, ' ');
    std::fprintf(stderr, "\r[%s] %zu/%zu  %.0f/s  %d:%02d left ", bar.c_str(),
                 done, total_, rate, static_cast<int>(left) / 60,
                 static_cast<int>(left) % 60);
  }
  void Clear() {
    if (on_) std::fputs("\r\033[K", stderr);
  }

 private:
  bool on_;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
};

// Lines of standard input as std::getline splits them ('\n'; a last line
// without one), read with read(2), up to 1 MB at a time, rather than a
// character at a time through std::cin. read(2) returns what has arrived,
// so a producer that writes a few lines and waits gets their results.
class StdinLines {
 public:
  // Whether Next would return without waiting for the producer: a whole
  // line is buffered, input has ended, or standard input has bytes ready.
  bool Ready() const {
    if (eof_ ||
        std::memchr(buffer_.data() + pos_, '\n', end_ - pos_) != nullptr)
      return true;
    pollfd fd{0, POLLIN, 0};
    return ::poll(&fd, 1, 0) > 0;
  }

  bool Next(std::string* line) {
    for (;;) {
      const char* begin = buffer_.data() + pos_;
      const auto* nl =
          static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
      if (nl != nullptr) {
        line->assign(begin, nl);
        pos_ = static_cast<std::size_t>(nl - buffer_.data()) + 1;
        return true;
      }
      if (eof_) {
        if (pos_ == end_) return false;
        line->assign(begin, end_ - pos_);
        pos_ = end_;
        return true;
      }
      // Keep the start of a line, then fill the rest of the buffer (grown
      // only for a line longer than it).
      std::memmove(buffer_.data(), begin, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
      if (buffer_.size() - end_ < kBlock / 2)
        buffer_.resize(2 * buffer_.size());
      ssize_t got = 0;
      do {
        got = ::read(0, buffer_.data() + end_, buffer_.size() - end_);
      } while (got < 0 && errno == EINTR);
      if (got <= 0) {
        eof_ = true;
      } else {
        end_ += static_cast<std::size_t>(got);
      }
    }
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 20;
  std::vector<char> buffer_ = std::vector<char>(kBlock);
  std::size_t pos_ = 0;  // the next line starts here
  std::size_t end_ = 0;  // bytes read
  bool eof_ = false;
};

// The pipeline of `circa batch` (see RunBatch), for the archive and for
// JSON lines on standard input alike. Three stages overlap: a reader
// thread cuts the input into chunks of up to kChunk items, `workers`
// threads score whole chunks, and the calling thread takes each chunk's
// results in input order — independent of the thread count — and ends it
// (records, output). At most kInFlight chunks exist at once, so memory
// stays constant whatever the length of the input.
template <typename Item>
class ChunkPipeline {
 public:
  static constexpr std::size_t kChunk = 64;

  explicit ChunkPipeline(int workers) : workers_(std::max(1, workers)) {}

  // On the reader thread, fill(items) appends the next chunk's items (at
  // most kChunk) to the empty `items` and returns false once the input has
  // ended (`items` may still hold a last chunk). On a worker,
  // work(item, out, result) scores one item and appends its output to
  // `out`; keep(result) says whether `result` must reach take(result).
  // On this thread, take(result) for each kept result in input order, then
  // end(out) with the chunk's output.
  template <typename Fill, typename Work, typename Keep, typename Take,
            typename End>
  void Run(const Fill& fill, const Work& work, const Keep& keep,
           const Take& take, const End& end) {
    std::thread reader([this, &fill] { Read(fill); });
    std::vector<std::thread> pool;
    for (int t = 0; t < workers_; ++t) {
      pool.emplace_back([this, &work, &keep] { Score(work, keep); });
    }
    for (;;) {
      std::shared_ptr<Chunk> chunk;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] {
          return (!order_.empty() && order_.front()->scored) ||
                 (order_.empty() && read_all_);
        });
        if (order_.empty()) break;
        chunk = std::move(order_.front());
        order_.pop_front();
      }
      changed_.notify_all();  // room for the reader
      for (const TenderBatchResult& r : chunk->kept) take(r);
      end(chunk->out);
    }
    reader.join();
    for (std::thread& t : pool) t.join();
  }

 private:
  struct Chunk {
    std::vector<Item> items;
    std::string out;
    std::vector<TenderBatchResult> kept;
    bool scored = false;
  };

  template <typename Fill>
  void Read(const Fill& fill) {
    bool more = true;
    while (more && !g_interrupted.load()) {
      auto chunk = std::make_shared<Chunk>();
      more = fill(&chunk->items);
      if (chunk->items.empty()) continue;
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return order_.size() < kInFlight(); });
      order_.push_back(chunk);
      queue_.push_back(std::move(chunk));
      lock.unlock();
      changed_.notify_all();
    }
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      read_all_ = true;
    }
    changed_.notify_all();
  }

  template <typename Work, typename Keep>
  void Score(const Work& work, const Keep& keep) {
    for (;;) {
      std::shared_ptr<Chunk> chunk;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return !queue_.empty() || read_all_; });
        if (queue_.empty()) return;
        chunk = std::move(queue_.front());
        queue_.pop_front();
      }
      chunk->out.reserve(chunk->items.size() * 512);
      for (const Item& item : chunk->items) {
        if (g_interrupted.load()) break;  // what is done is still taken
        TenderBatchResult r;
        work(item, &chunk->out, &r);
        if (keep(r)) chunk->kept.push_back(std::move(r));
      }
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        chunk->scored = true;
      }
      changed_.notify_all();
    }
  }

  std::size_t kInFlight() const {
    return 4 * static_cast<std::size_t>(workers_);
  }

  int workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::shared_ptr<Chunk>> order_;  // read, in input order
  std::deque<std::shared_ptr<Chunk>> queue_;  // read, not yet taken
  bool read_all_ = false;
};

RunResultRecord ToRecord(const TenderBatchResult& r,
                         const std::string& scenario, const ScenarioResult* s) {
  RunResultRecord rec;
  rec.tender_id = r.tender_id;
  rec.scenario = scenario;
  rec.input_hash = r.hash;
  rec.error = r.error;
  if (s == nullptr) {
    rec.method = "weighted-sum";
    rec.winner = r.winner;
    rec.margin = r.margin;
    rec.ranks = r.ranks;
    rec.totals = r.totals;
    rec.points = r.points;
  } else {
    rec.winner = s->winner;
    rec.margin = s->margin;
    rec.flip = s->flip;
    rec.ranks = s->ranks;
    rec.totals = s->totals;
    if (!s->error.empty()) rec.error = s->error;
  }
  return rec;
}

void ReportFailure(const TenderBatchResult& r, Progress* progress) {
  progress->Clear();
  std::fprintf(stderr, "circa: %s: %s\n",
               (r.path.empty() ? r.info.reference : r.path).c_str(),
               r.error.c_str());
}

int RunBatch(const BatchArgs& args) {
  // Scenarios.
  std::vector<Scenario> scenarios;
  std::string scenario_text;
  if (!args.scenarios.empty()) {
    std::ifstream in(args.scenarios, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    scenario_text = s.str();
    Result<std::vector<Scenario>> parsed =
        ParseScenarios(scenario_text, args.scenarios);
    if (!parsed.ok()) {
      PrintDiagnostics(parsed.diagnostics);
      return kExitInvalidInput;
    }
    scenarios = std::move(*parsed.value);
  }
  std::vector<std::string> names;
  for (const Scenario& s : scenarios) names.push_back(s.name);
  const BatchFormat format = *BatchFormatFromString(args.format);
  BatchOptions options;
  options.reversal = !args.no_reversal;
  options.smaa = args.smaa;
  options.smaa_seed = args.seed;
  const int threads =
      args.threads > 0
          ? args.threads
          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  g_interrupted.store(false);
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  const bool tty = !args.quiet && isatty(2) != 0;
  std::fputs(RenderBatchHeader(format, names).c_str(), stdout);
  BatchSummariser summariser(names);
  int failed = 0;
  if (args.input == "-") {
    // Streaming: JSON lines in, one result line out per tender, in input
    // order (ChunkPipeline), in constant memory; each chunk is written and
    // flushed as soon as it and every chunk before it are done.
    Progress progress(false, 0);
    using Line = std::pair<int, std::string>;  // line number, text
    ChunkPipeline<Line> pipeline(threads);
    StdinLines input;  // the reader thread's only
    int line_number = 0;
    pipeline.Run(
        // A chunk is full, or holds what has arrived when the producer
        // pauses (its results are written without waiting for more).
        [&](std::vector<Line>* lines) {
          std::string line;
          while (lines->size() < ChunkPipeline<Line>::kChunk &&
                 (lines->empty() || input.Ready())) {
            if (!input.Next(&line)) return false;
            ++line_number;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            lines->emplace_back(line_number, std::move(line));
          }
          return true;
        },
        [&](const Line& line, std::string* out, TenderBatchResult* r) {
          const auto& [number, text] = line;
          TenderInfo info;
          Result<TenderLine> t = ReadTenderLine(text, number, &info);
          if (!t.ok()) {
            r->info = info;
            r->path = "stdin:" + std::to_string(number);
            for (const Diagnostic& d : t.diagnostics) {
              if (d.severity == Severity::kError) {
                r->error = d.ToString();
                break;
              }
            }
          } else {
            *r = ScoreTender(t.value->criteria, t.value->bids, scenarios,
                             options);
            r->info = std::move(info);
            r->path = "stdin:" + std::to_string(number);
            r->mismatch = !r->info.published_winner.empty() &&
                          r->error.empty() &&
                          r->info.published_winner != r->winner;
          }
          *out += RenderBatchTender(format, *r);
        },
        // Kept for this thread only when it needs them: a failure to
        // report, or the summary of a format that has one.
        [&](const TenderBatchResult& r) {
          return !r.error.empty() || format != BatchFormat::kJsonLines;
        },
        [&](const TenderBatchResult& r) {
          if (!r.error.empty()) {
            ++failed;
            ReportFailure(r, &progress);
          }
          if (format != BatchFormat::kJsonLines) summariser.Add(r);
        },
        [](const std::string& out) {
          std::fwrite(out.data(), 1, out.size(), stdout);
          std::fflush(stdout);
        });
    if (format != BatchFormat::kJsonLines) {
      std::fputs(RenderBatchSummary(format, summariser.Summary()).c_str(),
                 stdout);
    }
    if (g_interrupted.load()) return kExitInterrupted;
    return failed > 0 ? kExitSomeFailed : static_cast<int>(kExitOk);
  }

  ArchiveOptions ao;
  ao.must_exist = true;
  Result<Archive> opened = Archive::Open(ArchivePath(args.archive), ao);
  if (!opened.ok()) {
    PrintDiagnostics(opened.diagnostics);
    return kExitInvalidInput;
  }
  Archive& archive = *opened.value;
  const std::vector<ArchivedTender> tenders = archive.List(args.filter);
  nlohmann::ordered_json params;
  params["scenarios"] = scenario_text;
  params["product_group"] = args.filter.product_group;
  params["year"] = args.filter.year;
  params["buyer"] = args.filter.buyer;
  params["cpv"] = args.filter.cpv;
  params["reversal"] = options.reversal;
  params["smaa"] = options.smaa;
  params["seed"] = options.smaa_seed;
  const std::string parameters = params.dump();
  const std::string key = Fnv(parameters);
  std::int64_t run = 0;
  std::set<std::int64_t> skip;
  if (args.resume) {
    if (const auto found = archive.FindUnfinishedRun(key)) {
      run = found->id;
      for (const std::int64_t id : archive.DoneTenders(run)) skip.insert(id);
    }
  }
  if (run == 0) run = archive.BeginRun(key, parameters);
  std::vector<const ArchivedTender*> todo;
  std::size_t notices = 0;
  for (const ArchivedTender& t : tenders) {
    if (t.notice) {
      ++notices;  // not scored, not a failure: said once below
    } else if (skip.count(t.id) == 0) {
      todo.push_back(&t);
    }
  }
  if (notices > 0) {
    std::fprintf(stderr, "circa: %zu archived notice%s skipped: %s\n", notices,
                 notices == 1 ? "" : "s", kNoticeNotScorable);
  }
  // The tenders are read on the pipeline's reader thread through a
  // connection of its own, a block at a time (CompactForms: one
  // transaction, one statement), and decoded there; sets that the compact
  // form does not carry are loaded there too. The workers only score;
  // this thread records each chunk's results in one transaction while
  // the next chunks are scored.
  Result<Archive> read_opened = Archive::Open(archive.path(), ao);
  if (!read_opened.ok()) {
    PrintDiagnostics(read_opened.diagnostics);
    return kExitInvalidInput;
  }
  const Archive& reading = *read_opened.value;
  struct Loaded {
    const ArchivedTender* archived = nullptr;
    std::optional<Tender> tender;
    std::string error;
  };
  using Pipeline = ChunkPipeline<Loaded>;
  Progress progress(tty, todo.size());
  std::size_t next = 0;
  std::size_t finished = 0;
  std::vector<RunResultRecord> records;
  Pipeline pipeline(threads);
  pipeline.Run(
      [&](std::vector<Loaded>* items) {
        const std::size_t n = std::min(Pipeline::kChunk, todo.size() - next);
        std::vector<std::int64_t> ids(n);
        for (std::size_t i = 0; i < n; ++i) ids[i] = todo[next + i]->id;
        // A failing read (a damaged file) becomes each tender's error: a
        // throw would end the process from this thread.
        std::vector<std::string> compact(n);
        try {
          compact = reading.CompactForms(ids);
        } catch (const std::exception&) {
          // `compact` stays empty: each tender is tried again below.
        }
        items->resize(n);
        for (std::size_t i = 0; i < n; ++i) {
          Loaded& item = (*items)[i];
          item.archived = todo[next + i];
          if (!compact[i].empty())
            item.tender = DecodeCompactTender(compact[i]);
          if (!item.tender || item.tender->criteria.award) {
            item.tender.reset();
            try {
              Result<Tender> loaded = reading.LoadTender(ids[i]);
              if (loaded.ok()) {
                item.tender = std::move(loaded.value);
              } else {
                item.error = loaded.diagnostics.empty()
                                 ? std::string("cannot be loaded")
                                 : loaded.diagnostics.front().ToString();
              }
            } catch (const std::exception& e) {
              item.error = e.what();
            }
          }
        }
        next += n;
        return next < todo.size();
      },
      [&](const Loaded& item, std::string* out, TenderBatchResult* r) {
        const ArchivedTender& t = *item.archived;
        if (item.tender) {
          *r = ScoreTender(*item.tender, scenarios, options);
        } else {
          r->error = item.error;
        }
        r->tender_id = t.id;
        r->path = t.path;
        r->hash = t.hash;
        r->info = t.info;
        r->mismatch = !t.info.published_winner.empty() && r->error.empty() &&
                      t.info.published_winner != r->winner;
        *out += RenderBatchTender(format, *r);
      },
      [](const TenderBatchResult&) { return true; },
      [&](const TenderBatchResult& r) {
        if (!r.error.empty()) {
          ++failed;
          ReportFailure(r, &progress);
        }
        records.push_back(ToRecord(r, "", nullptr));
        for (std::size_t s = 0; s < r.scenarios.size(); ++s) {
          RunResultRecord rec = ToRecord(r, scenarios[s].name, &r.scenarios[s]);
          rec.method = scenarios[s].method.empty() ? "weighted-sum"
                                                   : scenarios[s].method;
          records.push_back(std::move(rec));
        }
        summariser.Add(r);
        ++finished;
      },
      [&](const std::string& out) {
        archive.RecordResults(run, records);
        records.clear();
        std::fwrite(out.data(), 1, out.size(), stdout);
        progress.Update(finished);
      });
  progress.Clear();
  if (g_interrupted.load()) {
    std::fflush(stdout);
    std::fprintf(stderr,
                 "circa: interrupted after %zu of %zu tenders; the results "
                 "so far are in the archive (run %lld); run the same command "
                 "with --resume to finish\n",
                 finished, todo.size(), static_cast<long long>(run));
    return kExitInterrupted;
  }
  archive.FinishRun(run);
  std::fputs(RenderBatchSummary(format, summariser.Summary()).c_str(), stdout);
  if (failed > 0) {
    std::fprintf(stderr, "circa: %d of %zu tenders could not be scored\n",
                 failed, todo.size());
    return kExitSomeFailed;
  }
  return kExitOk;
}

}  // namespace

Runner AddBatchCommand(CLI::App& app) {
  auto args = std::make_shared<BatchArgs>();
  CLI::App* cmd = app.add_subcommand(
      "batch",
      "Re-score archived tenders under their published rules and under "
      "scenarios, and sum up (docs/batch.md)");
  AddArchiveOption(cmd, &args->archive);
  cmd->add_option("--input", args->input,
                  "'-': read tenders as JSON lines on stdin instead of the "
                  "archive")
      ->check(CLI::IsMember({"-"}));
  cmd->add_option("--scenarios", args->scenarios, "Scenarios file (YAML)")
      ->check(CLI::ExistingFile);
  AddFilterOptions(cmd, &args->filter);
  cmd->add_option("-f,--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "md", "csv", "jsonl"}, CLI::ignore_case))
      ->default_str("table");
  cmd->add_option("--smaa", args->smaa,
                  "SMAA samples for the winner's first-rank acceptability")
      ->check(CLI::Range(0, 1000000));
  cmd->add_option("--seed", args->seed, "SMAA seed");
  cmd->add_flag("--no-reversal", args->no_reversal,
                "Skip the rank-reversal probe");
  cmd->add_option("--threads", args->threads, "Threads (default: every core)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("-q,--quiet", args->quiet, "No progress bar");
  cmd->add_flag("--resume", args->resume,
                "Carry on the last unfinished run with the same parameters");
  return [args] { return RunBatch(*args); };
}

}  // namespace circa::cli
