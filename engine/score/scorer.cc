// Compile once, score many: the criteria tree becomes a flat list of column
// rules and a weight vector; totals are one matrix-vector product. When the
// set declares requirements, thresholds or max-pass, the award order runs in
// stages, each scoring only the bids still in the evaluation, so relative
// rules measure against valid bids only (CJEU C-546/16 Montte).
#include "circa/scorer.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "circa/validate.h"
#include "io/numbers.h"
#include "rank/rank.h"
#include "score/kernels.h"
#include "score/rules.h"
#include "score/stages.h"
#include "util/number_format.h"
#include "util/round.h"

namespace circa {

struct Scorer::Stages {
  // Per declared tie-break rule: the leaf column ({lower: ...}) and the
  // covered columns ({higher: ...}).
  struct CompiledTie {
    int column = -1;
    Eigen::VectorXd mask;
  };
  std::vector<Requirement> requirements;
  std::vector<ScoreThreshold> thresholds;
  std::optional<int> max_pass;
  Rounding rounding;
  std::vector<TieBreakStep> tie_steps;
  std::vector<CompiledTie> ties;  // parallel to tie_steps
  AbnormallyLowRule abnormal;
  int abnormal_column = -1;
  std::string currency;
  std::vector<bool> money;  // per column: price or cost
  std::vector<std::string> leaf_ids;

  bool Staged() const {
    return !requirements.empty() || !thresholds.empty() || max_pass;
  }
};

namespace {

void CollectThresholds(const Criterion& c, std::vector<const Criterion*>* out) {
  if (c.threshold) out->push_back(&c);
  for (const Criterion& child : c.children) CollectThresholds(child, out);
}

// Leaf -> column, so that marking a group's leaves is linear in them, not
// in them times all leaves (a threshold on a group of 20,000 leaves).
using ColumnOf = std::unordered_map<const Criterion*, Eigen::Index>;

void MarkLeaves(const Criterion& c, const ColumnOf& column_of,
                Eigen::VectorXd* mask) {
  if (!c.is_group()) {
    const auto it = column_of.find(&c);
    if (it != column_of.end()) (*mask)[it->second] = 1.0;
    return;
  }
  for (const Criterion& child : c.children) MarkLeaves(child, column_of, mask);
}

// Rows scored together: a chunk of the totals and subtotals stays in the
// L1 cache while every column's chunk is scored and its points added.
constexpr Eigen::Index kChunkRows = 512;

// A unit of work in a pass: rows [begin, end), begin a multiple of
// score::kSplitRows (every unit but the last holds whole blocks of them).
struct RowRange {
  Eigen::Index begin = 0;
  Eigen::Index end = 0;
};

std::vector<RowRange> SplitRows(Eigen::Index n, int parts) {
  const Eigen::Index blocks = (n + score::kSplitRows - 1) / score::kSplitRows;
  const Eigen::Index per =
      (blocks + parts - 1) / std::max(parts, 1) * score::kSplitRows;
  std::vector<RowRange> out;
  for (Eigen::Index begin = 0; begin < n; begin += per) {
    out.push_back({begin, std::min(n, begin + per)});
  }
  return out;
}

// Threads kept for the scoring pass, started on first use and never
// stopped (the process's end ends them). A pass posts its work; each
// helper that wakes while the pass is still running joins in and takes
// units as they come free; the pass waits only for the helpers that joined
// in, so one the system has not run yet never holds it up.
class Helpers {
 public:
  using Work = std::function<void(int)>;

  static Helpers& Get() {
    static Helpers* const helpers = new Helpers();  // never destroyed
    return *helpers;
  }

  // Runs work(0) here and work(w) on up to `wanted` helpers (w = 1...)
  // that wake before work(0) returns; returns when every one that started
  // is done.
  void Run(int wanted, const Work& work) {
    std::unique_lock<std::mutex> lock(mu_);
    while (static_cast<int>(threads_.size()) < wanted) {
      const int w = static_cast<int>(threads_.size()) + 1;
      threads_.emplace_back([this, w] { Loop(w); });
    }
    // One pass at a time (concurrent Evaluate calls queue here).
    idle_.wait(lock, [this] { return work_ == nullptr && active_ == 0; });
    work_ = &work;
    wanted_ = wanted;
    ++generation_;
    lock.unlock();
    wake_.notify_all();
    work(0);
    lock.lock();
    work_ = nullptr;
    idle_.wait(lock, [this] { return active_ == 0; });
    lock.unlock();
    idle_.notify_all();
  }

 private:
  Helpers() = default;

  void Loop(int w) {
    std::uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      wake_.wait(lock, [&] { return generation_ != seen; });
      seen = generation_;
      if (work_ == nullptr || w > wanted_) continue;
      const Work* work = work_;
      ++active_;
      lock.unlock();
      (*work)(w);
      lock.lock();
      --active_;
      if (active_ == 0) idle_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::vector<std::thread> threads_;
  const Work* work_ = nullptr;
  int wanted_ = 0;
  int active_ = 0;
  std::uint64_t generation_ = 0;
};

// Runs part(u, w) for every unit u < units, on `threads` workers w (0 the
// calling thread, the others Helpers), each taking the next unit not yet
// taken — in reverse order when `backwards` — so that a worker the system
// does not run soon leaves its units to the others.
template <typename Part>
void RunParts(int threads, std::size_t units, bool backwards,
              const Part& part) {
  std::atomic<std::size_t> next{0};
  const auto work = [&](int w) {
    for (std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
         i < units; i = next.fetch_add(1, std::memory_order_relaxed)) {
      part(backwards ? units - 1 - i : i, w);
    }
  };
  if (threads <= 1 || units <= 1) {
    work(0);
    return;
  }
  Helpers::Get().Run(threads - 1, work);
}

// A column's least and greatest value over some rows, and the first rows
// of the blocks (kSplitRows) they were taken from.
struct Extreme {
  double lo = 0;
  double hi = 0;
  Eigen::Index lo_chunk = 0;
  Eigen::Index hi_chunk = 0;
};

// x[begin, end)'s extremes block by block from the last: each is that of
// the earliest block that reaches it (rows [begin, end) as RowRange).
// Backwards, so that the column's first rows, which the scoring pass reads
// first, are the ones still in the cache.
Extreme BlockExtremes(const double* x, Eigen::Index begin, Eigen::Index end) {
  constexpr Eigen::Index kRows = score::kSplitRows;
  Extreme out;
  Eigen::Index r0 = begin + (end - 1 - begin) / kRows * kRows;
  score::Extremes(x + r0, end - r0, &out.lo, &out.hi);
  out.lo_chunk = r0;
  out.hi_chunk = r0;
  for (r0 -= kRows; r0 >= begin; r0 -= kRows) {
    double a = 0;
    double b = 0;
    score::Extremes(x + r0, kRows, &a, &b);
    if (a <= out.lo) {
      out.lo = a;
      out.lo_chunk = r0;
    }
    if (b >= out.hi) {
      out.hi = b;
      out.hi_chunk = r0;
    }
  }
  return out;
}

// The column's extremes from its parts' (in row order), as one backward
// pass over all its blocks finds them, and the first bid holding each.
void Extremes(const double* x, Eigen::Index n,
              const std::vector<Extreme>& parts, double* lo, double* hi,
              Eigen::Index* lo_at, Eigen::Index* hi_at) {
  Extreme all = parts.back();
  for (std::size_t p = parts.size() - 1; p-- > 0;) {
    if (parts[p].lo <= all.lo) {
      all.lo = parts[p].lo;
      all.lo_chunk = parts[p].lo_chunk;
    }
    if (parts[p].hi >= all.hi) {
      all.hi = parts[p].hi;
      all.hi_chunk = parts[p].hi_chunk;
    }
  }
  *lo = all.lo;
  *hi = all.hi;
  // The value a forward scan keeps (x[0] unless a block is strictly
  // beyond it): -0 and +0 compare equal but print differently.
  if (*lo == x[0]) *lo = x[0];
  if (*hi == x[0]) *hi = x[0];
  *lo_at = std::find(x + all.lo_chunk, x + n, *lo) - x;
  *hi_at = std::find(x + all.hi_chunk, x + n, *hi) - x;
}

// Scores, extremes, totals and subtotals in one pass over row chunks (the
// path without stages or rounding). When `split` has two arrays of n (and
// `money` a flag per column), each bid's points on the money columns and on
// the others are added into them too, column by column. Large sets are
// split by rows over threads (score::ScoreThreadsFor): a bid's points and
// sums read only its row and the column extremes, and extremes are exact,
// so the bits are the same for any number of threads.
struct SplitPoints {
  const std::vector<bool>* money = nullptr;
  double* money_points = nullptr;
  double* quality_points = nullptr;
};
void ScoreAndTotal(const std::vector<Column>& columns,
                   const Eigen::VectorXd& weights, Eigen::Index tops,
                   const Eigen::MatrixXd& values, Evaluation* e,
                   std::vector<std::optional<NoteKind>>* notes,
                   const SplitPoints& split = {}) {
  const Eigen::Index n = values.rows();
  const auto m = static_cast<Eigen::Index>(columns.size());
  const auto mm = static_cast<std::size_t>(m);
  e->scores.resize(n, m);
  e->column_min.setZero(m);
  e->column_max.setZero(m);
  e->min_bid.assign(mm, -1);
  e->max_bid.assign(mm, -1);
  notes->assign(mm, std::nullopt);
  if (n == 0) {
    e->totals.setZero(n);
    e->subtotals.setZero(n, tops);
    return;
  }
  // Every chunk of the totals and subtotals is zeroed before its first
  // column is added (in cache), not the whole of them up front.
  e->totals.resize(n);
  e->subtotals.resize(n, tops);
  // On several threads, units of one block of rows each, taken by
  // whichever thread is free.
  const int threads = score::ScoreThreadsFor(n);
  const std::vector<RowRange> ranges = SplitRows(
      n, threads > 1
             ? static_cast<int>((n + score::kSplitRows - 1) / score::kSplitRows)
             : 1);
  const std::size_t parts = ranges.size();
  // Relative rules need their column's extremes before scoring: one pass
  // first, each part over its rows. The others' extremes are taken from
  // each chunk as it is scored.
  bool any_relative = false;
  for (const Column& c : columns) any_relative = any_relative || c.relative;
  // [part][column]
  std::vector<std::vector<Extreme>> found(parts, std::vector<Extreme>(mm));
  if (any_relative) {
    // Backwards, so that the first rows, which the scoring pass reads
    // first, are the ones still in the cache.
    RunParts(threads, parts, true, [&](std::size_t p, int) {
      for (Eigen::Index j = 0; j < m; ++j) {
        if (!columns[static_cast<std::size_t>(j)].relative) continue;
        found[p][static_cast<std::size_t>(j)] =
            BlockExtremes(values.col(j).data(), ranges[p].begin, ranges[p].end);
      }
    });
  }
  std::vector<score::ColumnPlan> plans(mm);
  std::vector<Extreme> column_parts(parts);
  for (Eigen::Index j = 0; j < m; ++j) {
    const auto k = static_cast<std::size_t>(j);
    const double* x = values.col(j).data();
    if (!columns[k].relative) {
      e->column_min[j] = x[0];
      e->column_max[j] = x[0];
    } else {
      for (std::size_t p = 0; p < parts; ++p) column_parts[p] = found[p][k];
      double lo = 0;
      double hi = 0;
      Eigen::Index lo_at = 0;
      Eigen::Index hi_at = 0;
      Extremes(x, n, column_parts, &lo, &hi, &lo_at, &hi_at);
      e->column_min[j] = lo;
      e->column_max[j] = hi;
      e->min_bid[k] = static_cast<int>(lo_at);
      e->max_bid[k] = static_cast<int>(hi_at);
    }
    // The rules that are not relative do not read the extremes (nor the
    // column total, which only share-of-total reads).
    const double column_total =
        columns[k].relative ? score::ColumnTotal(columns[k].rule, values.col(j))
                            : 0.0;
    plans[k] = score::PlanColumn(columns[k].rule, e->column_min[j],
                                 e->column_max[j], column_total);
    (*notes)[k] = plans[k].note;
  }
  // Totals add the points column by column (j = 0, 1, ...), the same order
  // as the subtotals.
  double* totals = e->totals.data();
  double* subtotals = e->subtotals.data();
  // A score matrix well beyond the caches is written past them.
  const bool stream = n * m >= (Eigen::Index{1} << 20);
  // Then a chunk's totals and subtotals are added up in a scratch block that
  // stays in the L1 cache, and copied out past the caches when the chunk is
  // done: their lines are not read from memory only to be overwritten.
  constexpr Eigen::Index kScratchTops = 16;
  const bool scratch = stream && tops <= kScratchTops;
  const bool splitting = split.money != nullptr;
  // Rows of the scratch block: total, subtotals, then money and quality
  // points when splitting.
  const Eigen::Index sums = 1 + tops + (splitting ? 2 : 0);
  // The extremes of the rules that are not relative, per part: those of
  // its earliest chunk that reaches them.
  // A scratch block per worker.
  std::vector<std::vector<double>> blocks(static_cast<std::size_t>(threads));
  RunParts(threads, parts, false, [&](std::size_t p, int w) {
    const Eigen::Index begin = ranges[p].begin;
    const Eigen::Index end = ranges[p].end;
    std::vector<Extreme>& mine = found[p];
    std::vector<double>& block = blocks[static_cast<std::size_t>(w)];
    if (scratch && block.empty()) {
      block.resize(static_cast<std::size_t>(kChunkRows * sums));
    }
    for (Eigen::Index r0 = begin; r0 < end; r0 += kChunkRows) {
      const Eigen::Index len = std::min(kChunkRows, end - r0);
      double* const total = scratch ? block.data() : totals + r0;
      const auto sub = [&](Eigen::Index t) {
        return scratch ? block.data() + (1 + t) * kChunkRows
                       : subtotals + t * n + r0;
      };
      double* const money_points = !splitting ? nullptr
                                   : scratch
                                       ? block.data() + (1 + tops) * kChunkRows
                                       : split.money_points + r0;
      double* const quality_points =
          !splitting ? nullptr
          : scratch  ? block.data() + (2 + tops) * kChunkRows
                     : split.quality_points + r0;
      std::fill(total, total + len, 0.0);
      for (Eigen::Index t = 0; t < tops; ++t) {
        std::fill(sub(t), sub(t) + len, 0.0);
      }
      if (splitting) {
        std::fill(money_points, money_points + len, 0.0);
        std::fill(quality_points, quality_points + len, 0.0);
      }
      for (Eigen::Index j = 0; j < m; ++j) {
        const auto k = static_cast<std::size_t>(j);
        score::ChunkTask task;
        task.x = values.col(j).data() + r0;
        task.out = e->scores.col(j).data() + r0;
        task.len = len;
        task.weight = weights[j];
        task.total = total;
        task.sub = sub(columns[k].top_level);
        if (splitting) {
          task.split = (*split.money)[k] ? money_points : quality_points;
        }
        task.stream = stream;
        task.defer_fence = true;
        if (r0 + 2 * kChunkRows + len <= end)
          task.prefetch = task.x + 2 * kChunkRows;
        double a = 0;
        double b = 0;
        if (!columns[k].relative) {
          task.lo = &a;
          task.hi = &b;
        }
        score::ScoreChunk(plans[k], task);
        if (!columns[k].relative) {
          Extreme& x = mine[k];
          if (r0 == begin || a < x.lo) {
            x.lo = a;
            x.lo_chunk = r0;
          }
          if (r0 == begin || b > x.hi) {
            x.hi = b;
            x.hi_chunk = r0;
          }
        }
      }
      if (scratch) {
        score::StreamCopy(totals + r0, total, len);
        for (Eigen::Index t = 0; t < tops; ++t) {
          score::StreamCopy(subtotals + t * n + r0, sub(t), len);
        }
        if (splitting) {
          std::copy(money_points, money_points + len, split.money_points + r0);
          std::copy(quality_points, quality_points + len,
                    split.quality_points + r0);
        }
      }
    }
    // Each thread orders its own streaming stores (a fence per unit).
    if (stream) score::StreamFence();
  });
  // The parts' extremes in row order, as one forward pass over all chunks
  // from x[0] finds them: a later part only where strictly beyond.
  for (Eigen::Index j = 0; j < m; ++j) {
    const auto k = static_cast<std::size_t>(j);
    if (columns[k].relative) continue;
    Eigen::Index lo_chunk = 0;
    Eigen::Index hi_chunk = 0;
    for (std::size_t p = 0; p < parts; ++p) {
      const Extreme& x = found[p][k];
      if (x.lo < e->column_min[j]) {
        e->column_min[j] = x.lo;
        lo_chunk = x.lo_chunk;
      }
      if (x.hi > e->column_max[j]) {
        e->column_max[j] = x.hi;
        hi_chunk = x.hi_chunk;
      }
    }
    const double* x = values.col(j).data();
    e->min_bid[k] =
        static_cast<int>(std::find(x + lo_chunk, x + n, e->column_min[j]) - x);
    e->max_bid[k] =
        static_cast<int>(std::find(x + hi_chunk, x + n, e->column_max[j]) - x);
  }
}

}  // namespace

namespace {

// Whether every leaf has its rule: the one thing compiling dereferences,
// checked even on a set stamped as validated.
bool EveryLeafHasRule(const std::vector<Criterion>& list) {
  for (const Criterion& c : list) {
    if (c.is_group() ? !EveryLeafHasRule(c.children) : !c.scoring) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<Scorer> Scorer::Compile(const CriteriaSet& criteria) {
  // A set ValidateCriteria accepted (every loader runs it) is not
  // validated again: validating costs about four times the compiling.
  if (criteria.validated && EveryLeafHasRule(criteria.criteria)) {
    Result<Scorer> out;
    out.value = CompileValidated(criteria);
    return out;
  }
  Result<CriteriaSet> valid = ValidateCriteria(criteria);
  Result<Scorer> out;
  out.diagnostics = std::move(valid.diagnostics);
  if (valid.ok()) out.value = CompileValidated(*valid.value);
  return out;
}

Scorer Scorer::CompileValidated(const CriteriaSet& criteria) {
  Scorer s;
  s.scale_ = criteria.scale;
  const std::vector<const Criterion*> leaves = criteria.Leaves();
  const std::vector<int> tops = criteria.LeafTopLevel();
  const auto m = static_cast<Eigen::Index>(leaves.size());
  s.weights_.resize(m);
  ColumnOf column_of;
  for (Eigen::Index j = 0; j < m; ++j) {
    column_of.emplace(leaves[static_cast<std::size_t>(j)], j);
  }
  auto stages = std::make_shared<Stages>();
  for (Eigen::Index j = 0; j < m; ++j) {
    const Criterion& leaf = *leaves[static_cast<std::size_t>(j)];
    Column c;
    c.id = leaf.id;
    c.name = leaf.name;
    c.unit = leaf.unit;
    c.type = leaf.type;
    c.rule = *leaf.scoring;
    c.weight = leaf.effective_weight;
    c.weight_range = leaf.effective_range;
    c.relative = IsRelative(c.rule.rule);
    c.top_level = tops[static_cast<std::size_t>(j)];
    s.weights_[j] = c.weight;
    stages->money.push_back(c.type != CriterionType::kQuality);
    stages->leaf_ids.push_back(c.id);
    s.columns_.push_back(std::move(c));
  }
  for (const Criterion& top : criteria.criteria) {
    s.top_levels_.push_back(
        {top.id, top.name, top.effective_weight, top.effective_range});
  }

  stages->requirements = criteria.requirements;
  stages->max_pass = criteria.max_pass;
  stages->rounding = criteria.rounding;
  stages->abnormal = criteria.abnormally_low;
  stages->currency = criteria.currency;
  std::vector<const Criterion*> with_threshold;
  for (const Criterion& c : criteria.criteria) {
    CollectThresholds(c, &with_threshold);
  }
  for (const Criterion* c : with_threshold) {
    ScoreThreshold t;
    t.id = c->id;
    t.name = c->name;
    t.mask = Eigen::VectorXd::Zero(m);
    MarkLeaves(*c, column_of, &t.mask);
    t.min_points = c->threshold->points;
    t.max_points = c->effective_weight;
    stages->thresholds.push_back(std::move(t));
  }
  for (const TieBreakStep& step : criteria.tie_break) {
    Stages::CompiledTie t;
    if (const Criterion* c = criteria.Find(step.target)) {
      t.mask = Eigen::VectorXd::Zero(m);
      MarkLeaves(*c, column_of, &t.mask);
      if (const auto it = column_of.find(c); it != column_of.end()) {
        t.column = static_cast<int>(it->second);
      }
    }
    stages->tie_steps.push_back(step);
    stages->ties.push_back(std::move(t));
  }
  for (Eigen::Index j = 0; j < m; ++j) {
    if (leaves[static_cast<std::size_t>(j)]->id ==
        criteria.abnormally_low.criterion) {
      stages->abnormal_column = static_cast<int>(j);
    }
  }
  s.stages_ = std::move(stages);
  return s;
}

Eigen::VectorXd Scorer::TopLevelMask(Eigen::Index t) const {
  Eigen::VectorXd mask = Eigen::VectorXd::Zero(size());
  for (std::size_t j = 0; j < columns_.size(); ++j) {
    if (columns_[j].top_level == t) mask[static_cast<Eigen::Index>(j)] = 1.0;
  }
  return mask;
}

Eigen::MatrixXd Scorer::SumByTopLevel(const Eigen::MatrixXd& points) const {
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(
      points.rows(), static_cast<Eigen::Index>(top_levels_.size()));
  for (std::size_t j = 0; j < columns_.size(); ++j) {
    sums.col(columns_[j].top_level) += points.col(static_cast<Eigen::Index>(j));
  }
  return sums;
}

bool Scorer::HasRequirements() const {
  return stages_ && !stages_->requirements.empty();
}
const std::vector<ScoreThreshold>& Scorer::thresholds() const {
  static const std::vector<ScoreThreshold> kNone;
  return stages_ ? stages_->thresholds : kNone;
}
bool Scorer::HasThresholds() const {
  return stages_ && (!stages_->thresholds.empty() || stages_->max_pass);
}
const Rounding& Scorer::rounding() const {
  static const Rounding kNone;
  return stages_ ? stages_->rounding : kNone;
}
double Scorer::Round(double value) const {
  return util::RoundDecimal(value, rounding().decimals);
}

void Scorer::Score(const Eigen::MatrixXd& values, Eigen::MatrixXd* scores,
                   Eigen::VectorXd* min, Eigen::VectorXd* max,
                   std::vector<std::optional<NoteKind>>* notes) const {
  ScoreImpl(values, scores, min, max, nullptr, nullptr, notes);
}

void Scorer::ScoreImpl(const Eigen::MatrixXd& values, Eigen::MatrixXd* scores,
                       Eigen::VectorXd* min, Eigen::VectorXd* max,
                       std::vector<int>* min_bid, std::vector<int>* max_bid,
                       std::vector<std::optional<NoteKind>>* notes) const {
  const Eigen::Index n = values.rows();
  const Eigen::Index m = size();
  scores->resize(n, m);
  min->setZero(m);
  max->setZero(m);
  if (min_bid) min_bid->assign(static_cast<std::size_t>(m), -1);
  if (max_bid) max_bid->assign(static_cast<std::size_t>(m), -1);
  if (notes) notes->assign(static_cast<std::size_t>(m), std::nullopt);
  if (n == 0) return;
  for (Eigen::Index j = 0; j < m; ++j) {
    // Vectorised extremes; the first bid holding each is found by a scan
    // that stops at the first match.
    const auto col = values.col(j);
    const double lo = col.minCoeff();
    const double hi = col.maxCoeff();
    const double* x = col.data();
    const auto lo_at = std::find(x, x + n, lo) - x;
    const auto hi_at = std::find(x, x + n, hi) - x;
    (*min)[j] = lo;
    (*max)[j] = hi;
    const auto k = static_cast<std::size_t>(j);
    if (min_bid) (*min_bid)[k] = static_cast<int>(lo_at);
    if (max_bid) (*max_bid)[k] = static_cast<int>(hi_at);
    score::ColumnOutcome outcome = score::ScoreColumn(
        columns_[k].rule, values.col(j), lo, hi,
        score::ColumnTotal(columns_[k].rule, values.col(j)), scores->col(j));
    if (notes && outcome.note) (*notes)[k] = outcome.note;
  }
}

Evaluation Scorer::Evaluate(const Eigen::MatrixXd& values) const {
  return EvaluateImpl(values, nullptr);
}

Evaluation Scorer::Evaluate(const BidSet& bids) const {
  return EvaluateImpl(bids.values, &bids);
}

Evaluation Scorer::EvaluateImpl(const Eigen::MatrixXd& values,
                                const BidSet* bids) const {
  const Stages& st = *stages_;
  const Eigen::Index n = values.rows();
  const Eigen::Index m = size();
  const auto nn = static_cast<std::size_t>(n);
  Evaluation e;
  e.weights = weights_;
  e.status.assign(nn, BidStatus::kRanked);
  if (st.Staged()) e.exclusion.assign(nn, Exclusion{});
  std::vector<std::optional<NoteKind>> notes;
  const bool rounding = st.rounding.decimals >= 0;
  const bool staged = st.Staged();

  // Each bid's money and quality points, for the set-level check below;
  // added up in the scoring pass when it runs.
  std::vector<double> pm;
  std::vector<double> pq;
  bool split_done = false;
  if (!staged && !rounding) {
    SplitPoints split;
    if (bids != nullptr && n >= 2) {
      pm.resize(nn);
      pq.resize(nn);
      split.money = &st.money;
      split.money_points = pm.data();
      split.quality_points = pq.data();
      split_done = true;
    }
    ScoreAndTotal(columns_, weights_,
                  static_cast<Eigen::Index>(top_levels_.size()), values, &e,
                  &notes, split);
  } else if (!staged) {
    ScoreImpl(values, &e.scores, &e.column_min, &e.column_max, &e.min_bid,
              &e.max_bid, &notes);
  } else {
    e.scores = Eigen::MatrixXd::Zero(n, m);
    e.column_min = Eigen::VectorXd::Zero(m);
    e.column_max = Eigen::VectorXd::Zero(m);
    e.min_bid.assign(static_cast<std::size_t>(m), -1);
    e.max_bid.assign(static_cast<std::size_t>(m), -1);
    notes.assign(static_cast<std::size_t>(m), std::nullopt);
    // Scores `rows` on the columns where `take` holds, measuring relative
    // rules against those rows only.
    const auto score_subset = [&](const std::vector<Eigen::Index>& rows,
                                  auto take) {
      if (rows.empty()) return;
      const Eigen::MatrixXd sub = values(rows, Eigen::all);
      Eigen::MatrixXd s;
      Eigen::VectorXd lo, hi;
      std::vector<int> lo_at, hi_at;
      std::vector<std::optional<NoteKind>> sub_notes;
      ScoreImpl(sub, &s, &lo, &hi, &lo_at, &hi_at, &sub_notes);
      for (Eigen::Index j = 0; j < m; ++j) {
        const auto k = static_cast<std::size_t>(j);
        if (!take(k)) continue;
        for (std::size_t r = 0; r < rows.size(); ++r) {
          e.scores(rows[r], j) = s(static_cast<Eigen::Index>(r), j);
        }
        e.column_min[j] = lo[j];
        e.column_max[j] = hi[j];
        e.min_bid[k] =
            static_cast<int>(rows[static_cast<std::size_t>(lo_at[k])]);
        e.max_bid[k] =
            static_cast<int>(rows[static_cast<std::size_t>(hi_at[k])]);
        notes[k] = sub_notes[k];
      }
    };
    // 1. Minimum requirements (needs the bid file's fields).
    std::vector<Eigen::Index> active;
    for (Eigen::Index i = 0; i < n; ++i) {
      Exclusion& x = e.exclusion[static_cast<std::size_t>(i)];
      if (bids != nullptr) {
        x = score::CheckRequirements(st.requirements, *bids, i, st.leaf_ids);
      }
      if (x.stage == ExclusionStage::kNone) {
        active.push_back(i);
      } else {
        e.status[static_cast<std::size_t>(i)] = BidStatus::kExcluded;
      }
    }
    // 2. Quality scoring among the bids that meet the requirements.
    score_subset(active, [&](std::size_t k) { return !st.money[k]; });
    // 3. Thresholds and max-pass, on (rounded) quality points.
    const auto points_of = [&](Eigen::Index i, const Eigen::VectorXd& mask) {
      double sum = 0;
      for (Eigen::Index j = 0; j < m; ++j) {
        if (mask[j] == 0) continue;
        double p = e.scores(i, j) * weights_[j];
        if (rounding && st.rounding.points)
          p = util::RoundDecimal(p, st.rounding.decimals);
        sum += p;
      }
      return sum;
    };
    std::vector<Eigen::Index> passed;
    for (const Eigen::Index i : active) {
      bool ok = true;
      for (const auto& t : st.thresholds) {
        const double p = points_of(i, t.mask);
        if (p < t.min_points - 1e-9) {
          Exclusion& x = e.exclusion[static_cast<std::size_t>(i)];
          x.stage = ExclusionStage::kThreshold;
          x.rule = t.id;
          x.points = p;
          x.max_points = t.max_points;
          x.min_points = t.min_points;
          e.status[static_cast<std::size_t>(i)] = BidStatus::kExcluded;
          ok = false;
          break;
        }
      }
      if (ok) passed.push_back(i);
    }
    if (st.max_pass && static_cast<int>(passed.size()) > *st.max_pass) {
      Eigen::VectorXd quality = Eigen::VectorXd::Zero(m);
      for (Eigen::Index j = 0; j < m; ++j) {
        quality[j] = st.money[static_cast<std::size_t>(j)] ? 0.0 : 1.0;
      }
      std::vector<std::pair<double, Eigen::Index>> q;
      for (const Eigen::Index i : passed)
        q.emplace_back(-points_of(i, quality), i);
      std::stable_sort(q.begin(), q.end(), [](const auto& a, const auto& b) {
        return a.first < b.first;
      });
      const auto cut = static_cast<std::size_t>(*st.max_pass);
      const double last = q[cut - 1].first;
      std::vector<Eigen::Index> kept;
      bool tie_at_cut = false;
      for (std::size_t r = 0; r < q.size(); ++r) {
        const Eigen::Index i = q[r].second;
        if (r < cut || std::abs(q[r].first - last) <= kTieTolerance) {
          kept.push_back(i);
          tie_at_cut = tie_at_cut || r >= cut;
        } else {
          Exclusion& x = e.exclusion[static_cast<std::size_t>(i)];
          x.stage = ExclusionStage::kMaxPass;
          x.rule = "max-pass";
          x.points = -q[r].first;
          x.place = static_cast<int>(r + 1);
          x.of = static_cast<int>(q.size());
          x.max_pass = static_cast<int>(cut);
          e.status[static_cast<std::size_t>(i)] = BidStatus::kExcluded;
        }
      }
      if (tie_at_cut) {
        Note note;
        note.kind = NoteKind::kMaxPassTie;
        note.max_pass = static_cast<int>(cut);
        note.count = static_cast<int>(kept.size());
        e.notes.push_back(std::move(note));
      }
      std::sort(kept.begin(), kept.end());
      passed = std::move(kept);
    }
    // 4. Price and cost among the bids still in.
    score_subset(passed, [&](std::size_t k) { return st.money[k]; });
    // Columns no bid reached keep 0 and say so.
    for (Eigen::Index j = 0; j < m; ++j) {
      const auto k = static_cast<std::size_t>(j);
      if (e.min_bid[k] < 0 && n > 0) notes[k] = NoteKind::kNotReached;
    }
  }

  // 5. Totals and subtotals, rounded as declared.
  if (!rounding && !staged) {
    // Done by ScoreAndTotal.
  } else if (!rounding) {
    e.totals = Eigen::VectorXd::Zero(n);
    for (Eigen::Index j = 0; j < m; ++j) {
      e.totals += e.scores.col(j) * weights_[j];
    }
    e.subtotals =
        Eigen::MatrixXd::Zero(n, static_cast<Eigen::Index>(top_levels_.size()));
    for (Eigen::Index j = 0; j < m; ++j) {
      e.subtotals.col(columns_[static_cast<std::size_t>(j)].top_level) +=
          e.scores.col(j) * weights_[j];
    }
  } else {
    const int d = st.rounding.decimals;
    Eigen::MatrixXd points = e.scores * weights_.asDiagonal();
    if (st.rounding.points) {
      points =
          points.unaryExpr([d](double x) { return util::RoundDecimal(x, d); });
      e.points = points;
    }
    e.totals = points.rowwise().sum();
    e.subtotals = SumByTopLevel(points);
    if (st.rounding.totals) {
      e.totals = e.totals.unaryExpr(
          [d](double x) { return util::RoundDecimal(x, d); });
      e.subtotals = e.subtotals.unaryExpr(
          [d](double x) { return util::RoundDecimal(x, d); });
    }
  }
  // Validation bounds the scale, weights and rule parameters
  // (docs/criteria-format.md, "Limits") and every rule gives a finite score
  // for any finite value, so a total that is not finite is a bug.
  assert(e.totals.allFinite() && e.subtotals.allFinite());
  for (std::size_t j = 0; j < notes.size() && j < columns_.size(); ++j) {
    if (notes[j]) {
      Note note;
      note.kind = *notes[j];
      note.column = static_cast<int>(j);
      e.notes.push_back(std::move(note));
    }
  }

  // Set-level check (DOMAIN.md §3, "weights are not what they seem"): price
  // always hands out its full points to the best bid, quality rarely does.
  if (bids != nullptr && e.RankedCount() >= 2) {
    double w_money = 0;
    double w_quality = 0;
    for (Eigen::Index j = 0; j < m; ++j) {
      (st.money[static_cast<std::size_t>(j)] ? w_money : w_quality) +=
          weights_[j];
    }
    // Each bid's money and quality points, added column by column as
    // Points gives them (the same sums, in the same order, as bid by bid),
    // reading the scores in memory order; already done by the scoring pass
    // on the path without stages or rounding.
    if (!split_done) {
      pm.assign(nn, 0.0);
      pq.assign(nn, 0.0);
    }
    for (Eigen::Index j = 0; j < m && !split_done; ++j) {
      double* acc =
          st.money[static_cast<std::size_t>(j)] ? pm.data() : pq.data();
      if (e.points.size() > 0) {
        const double* p = e.points.col(j).data();
        for (std::size_t i = 0; i < nn; ++i) acc[i] += p[i];
      } else {
        const double* s = e.scores.col(j).data();
        const double w = e.weights[j];
        for (std::size_t i = 0; i < nn; ++i) acc[i] += s[i] * w;
      }
    }
    double best_money = 0;
    double best_quality = 0;
    for (std::size_t i = 0; i < nn; ++i) {
      if (e.status[i] != BidStatus::kRanked) continue;
      best_money = std::max(best_money, pm[i]);
      best_quality = std::max(best_quality, pq[i]);
    }
    if (w_money > 0 && w_quality > 0 &&
        std::abs(best_money / w_money - best_quality / w_quality) > 0.05) {
      Note note;
      note.kind = NoteKind::kPriceQualitySplit;
      note.money_points = best_money;
      note.money_weight = w_money;
      note.quality_points = best_quality;
      note.quality_weight = w_quality;
      e.notes.push_back(std::move(note));
    }
  }

  // 6. Abnormally low tenders: flagged, never excluded.
  if (st.abnormal_column >= 0) {
    score::FlagAbnormallyLow(st.abnormal, st.abnormal_column, values, &e);
  }

  // 7-8. Ranking and the declared tie-break.
  // The compiled rule of a declared step (the policy is compiled from
  // st.tie_steps, so the step is one of its elements).
  const auto compiled = [&st](const TieBreakStep& step) {
    const auto r = static_cast<std::size_t>(&step - st.tie_steps.data());
    assert(r < st.ties.size());
    return &st.ties[r];
  };
  rank::TieInputs in;
  in.bids = bids;
  in.ids = bids != nullptr ? &bids->ids : nullptr;
  in.higher_points = [&](const TieBreakStep& step) -> rank::TieKeyFn {
    const Eigen::VectorXd mask = compiled(step)->mask;
    return [&e, mask](int i) -> std::optional<double> {
      return -e.PointsOn(i, mask);
    };
  };
  in.lower_value = [&](const TieBreakStep& step) -> rank::TieKeyFn {
    const int j = compiled(step)->column;
    if (j < 0) return {};
    return
        [&values, j](int i) -> std::optional<double> { return values(i, j); };
  };
  const std::vector<rank::TieRule> policy =
      rank::CompilePolicy(st.tie_steps, in);
  rank::Rank(&e, policy);
  return e;
}

}  // namespace circa
