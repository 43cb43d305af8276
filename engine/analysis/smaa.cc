// SMAA-2 by batched matrix products: weight vectors are drawn a block at a
// time into a criteria x block matrix W, the totals of the whole block are
// one product T = W^T S^T (block x bids), and each row of T is ranked.
// Memory is bounded by the block, not by the number of samples.
#include "circa/smaa.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace circa {
namespace {

// Relative slack when the sums of the range bounds are compared with the
// scale: absorbs rounding in bounds such as 33.33 + 33.33 + 33.34.
constexpr double kShareSlack = 1e-12;

Result<SmaaResult> Fail(std::string path, std::string message) {
  Result<SmaaResult> r;
  r.diagnostics.push_back(
      {Severity::kError, {}, std::move(path), std::move(message)});
  return r;
}

// Draws weight vectors (shares adding up to 1), uniform on the simplex or on
// its part within ranges. Only the engine's own arithmetic turns the
// generator's integers into numbers (no std:: distributions, whose output
// differs between standard libraries).
class WeightSampler {
 public:
  // How the candidates are drawn when ranges are given: the uniform simplex
  // scaled into the corner where every weight is at least its lower bound
  // (then draws above an upper bound are rejected), or into the corner where
  // every weight is at most its upper bound (then draws below a lower bound
  // are rejected). The smaller corner wastes fewer draws.
  enum class Mode { kSimplex, kFromLower, kFromUpper };

  WeightSampler(Eigen::Index n, std::uint64_t seed) : n_(n), rng_(seed) {}

  // Ranges as shares, which some weight vector fits (sum of lo <= 1 <= sum of
  // hi).
  void SetRanges(const Eigen::VectorXd& lo, const Eigen::VectorXd& hi,
                 std::int64_t max_draws) {
    lo_ = lo;
    hi_ = hi;
    max_draws_ = max_draws;
    const double lo_sum = lo.sum();
    const double hi_sum = hi.sum();
    const double lower_room = std::max(0.0, 1 - lo_sum);
    const double upper_room = std::max(0.0, hi_sum - 1);
    if (lower_room <= upper_room) {
      mode_ = Mode::kFromLower;
      room_ = lower_room;
    } else {
      mode_ = Mode::kFromUpper;
      room_ = upper_room;
    }
  }

  // Group constraints (shares): the sum of each group's columns within
  // [lo, hi]. Checked on every candidate, after the column bounds.
  void SetGroups(std::vector<std::vector<Eigen::Index>> columns,
                 std::vector<double> lo, std::vector<double> hi) {
    group_columns_ = std::move(columns);
    group_lo_ = std::move(lo);
    group_hi_ = std::move(hi);
  }

  // Fills `w` (n x its columns) with accepted weight vectors. False if the
  // rejection budget ran out.
  bool Fill(Eigen::MatrixXd* w) {
    const Eigen::Index want = w->cols();
    Eigen::Index filled = 0;
    while (filled < want) {
      Draw(want - filled);
      if (mode_ == Mode::kSimplex) {
        w->middleCols(filled, want - filled) = candidates_;
        accepted_ += want - filled;
        return true;
      }
      for (Eigen::Index s = 0; s < candidates_.cols() && filled < want; ++s) {
        if (draws_ >= max_draws_) return false;
        ++draws_;
        const auto c = candidates_.col(s);
        const bool inside =
            (mode_ == Mode::kFromLower ? (c.array() <= hi_.array()).all()
                                       : (c.array() >= lo_.array()).all()) &&
            InsideGroups(c.data());
        if (inside) {
          w->col(filled++) = c;
          ++accepted_;
        }
      }
    }
    return true;
  }

  std::int64_t draws() const {
    return mode_ == Mode::kSimplex ? accepted_ : draws_;
  }
  bool ranged() const { return mode_ != Mode::kSimplex; }
  std::int64_t accepted() const { return accepted_; }

 private:
  bool InsideGroups(const double* w) const {
    for (std::size_t g = 0; g < group_columns_.size(); ++g) {
      double sum = 0;
      for (const Eigen::Index j : group_columns_[g]) sum += w[j];
      if (sum < group_lo_[g] - kShareSlack ||
          sum > group_hi_[g] + kShareSlack) {
        return false;
      }
    }
    return true;
  }

  // A uniform double in the open interval (0, 1): the top 53 bits of one
  // 64-bit output, centred in their cell so 0 and 1 never occur.
  double OpenUniform() {
    return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53;
  }

  // `count` candidates into candidates_. Uniform on the simplex: normalised
  // i.i.d. Exponential(1) variables, E = -log U (Devroye 1986, ch. V.2;
  // Rubinstein 1982), then mapped affinely into the range corner, which
  // keeps the distribution uniform.
  void Draw(Eigen::Index count) {
    candidates_.resize(n_, count);
    for (Eigen::Index s = 0; s < count; ++s) {
      double* e = candidates_.col(s).data();
      double sum = 0;
      for (Eigen::Index j = 0; j < n_; ++j) {
        e[j] = -std::log(OpenUniform());
        sum += e[j];
      }
      const double inv = 1 / sum;
      for (Eigen::Index j = 0; j < n_; ++j) e[j] *= inv;
    }
    if (mode_ == Mode::kFromLower) {
      candidates_ = (candidates_ * room_).colwise() + lo_;
    } else if (mode_ == Mode::kFromUpper) {
      candidates_ = (-room_ * candidates_).colwise() + hi_;
    }
  }

  Eigen::Index n_;
  std::mt19937_64 rng_;
  Mode mode_ = Mode::kSimplex;
  Eigen::VectorXd lo_;
  Eigen::VectorXd hi_;
  double room_ = 1;
  std::int64_t max_draws_ = 0;
  std::int64_t draws_ = 0;
  std::int64_t accepted_ = 0;
  Eigen::MatrixXd candidates_;
  std::vector<std::vector<Eigen::Index>> group_columns_;
  std::vector<double> group_lo_;
  std::vector<double> group_hi_;
};

// Validates the options against the criteria and prepares a sampler.
// Returns the error as (path, message), or an empty path and message.
std::pair<std::string, std::string> MakeSampler(Eigen::Index columns,
                                                double scale,
                                                const SmaaOptions& options,
                                                WeightSampler* sampler) {
  std::string why;
  if (!options.IsValid(&why)) return {"smaa", why};
  if (columns <= 0) return {"smaa", "the scorer has no criteria"};
  if (!(scale > 0)) {
    return {"smaa", fmt::format("the scale must be > 0, found {}", scale)};
  }
  if (options.ranges.empty() && options.group_ranges.empty()) return {};
  if (!options.ranges.empty() &&
      static_cast<Eigen::Index>(options.ranges.size()) != columns) {
    return {"smaa.ranges",
            fmt::format("expected one range per criterion ({}), found {}",
                        columns, options.ranges.size())};
  }
  // Without column ranges every column is free: [0, scale].
  std::vector<WeightRange> ranges = options.ranges;
  if (ranges.empty()) {
    ranges.assign(static_cast<std::size_t>(columns), WeightRange{0, scale});
  }
  Eigen::VectorXd lo(columns);
  Eigen::VectorXd hi(columns);
  for (Eigen::Index j = 0; j < columns; ++j) {
    const WeightRange& r = ranges[static_cast<std::size_t>(j)];
    lo[j] = r.lo / scale;
    hi[j] = r.hi / scale;
  }
  const std::int64_t budget = std::int64_t{options.samples} *
                              std::int64_t{options.max_draws_per_sample};
  // Sums in points, as written, so the message shows the user's numbers.
  double lo_points = 0;
  double hi_points = 0;
  for (const WeightRange& r : ranges) {
    lo_points += r.lo;
    hi_points += r.hi;
  }
  if (lo_points > scale * (1 + kShareSlack)) {
    return {"smaa.ranges",
            fmt::format("the lower bounds add up to {} points, more than the "
                        "scale {}: no weight vector fits the ranges",
                        lo_points, scale)};
  }
  if (hi_points < scale * (1 - kShareSlack)) {
    return {"smaa.ranges",
            fmt::format("the upper bounds add up to {} points, less than the "
                        "scale {}: no weight vector fits the ranges",
                        hi_points, scale)};
  }
  // Groups: disjoint sets of existing columns. Within a group the sum can
  // be anything in [max(lo, sum of its columns' lo), min(hi, sum of their
  // hi)]; across groups and free columns the weights must add up to the
  // scale. Both conditions together are exact for disjoint groups.
  std::vector<int> owner(static_cast<std::size_t>(columns), -1);
  std::vector<std::vector<Eigen::Index>> group_columns;
  std::vector<double> group_lo;
  std::vector<double> group_hi;
  double need_lo = 0;  // points: the least the whole vector can add up to
  double need_hi = 0;  // and the most
  for (std::size_t g = 0; g < options.group_ranges.size(); ++g) {
    const SmaaGroupRange& group = options.group_ranges[g];
    const std::string path = fmt::format("smaa.group_ranges[{}]", g);
    if (group.columns.empty()) {
      return {path, fmt::format("group {} has no criteria", group.id)};
    }
    double sum_lo = 0;
    double sum_hi = 0;
    std::vector<Eigen::Index> cols;
    for (const int j : group.columns) {
      if (j < 0 || j >= columns) {
        return {path, fmt::format("group {}: criterion index {} is not one of "
                                  "the {} criteria",
                                  group.id, j, columns)};
      }
      if (owner[static_cast<std::size_t>(j)] >= 0) {
        return {path, fmt::format("group {}: criterion index {} is already in "
                                  "group {}",
                                  group.id, j,
                                  options
                                      .group_ranges[static_cast<std::size_t>(
                                          owner[static_cast<std::size_t>(j)])]
                                      .id)};
      }
      owner[static_cast<std::size_t>(j)] = static_cast<int>(g);
      sum_lo += ranges[static_cast<std::size_t>(j)].lo;
      sum_hi += ranges[static_cast<std::size_t>(j)].hi;
      cols.push_back(j);
    }
    const double least = std::max(group.range.lo, sum_lo);
    const double most = std::min(group.range.hi, sum_hi);
    if (least > most * (1 + kShareSlack)) {
      return {path, fmt::format("the range {}-{} points of group {} does not "
                                "fit the ranges of its criteria, which add up "
                                "to {}-{} points",
                                group.range.lo, group.range.hi, group.id,
                                sum_lo, sum_hi)};
    }
    need_lo += least;
    need_hi += most;
    group_columns.push_back(std::move(cols));
    group_lo.push_back(group.range.lo / scale);
    group_hi.push_back(group.range.hi / scale);
  }
  for (Eigen::Index j = 0; j < columns; ++j) {
    if (owner[static_cast<std::size_t>(j)] >= 0) continue;
    need_lo += ranges[static_cast<std::size_t>(j)].lo;
    need_hi += ranges[static_cast<std::size_t>(j)].hi;
  }
  if (!group_columns.empty()) {
    if (need_lo > scale * (1 + kShareSlack)) {
      return {"smaa.group_ranges",
              fmt::format("with the group ranges, the weights add up to at "
                          "least {} points, more than the scale {}: no weight "
                          "vector fits the ranges",
                          need_lo, scale)};
    }
    if (need_hi < scale * (1 - kShareSlack)) {
      return {"smaa.group_ranges",
              fmt::format("with the group ranges, the weights add up to at "
                          "most {} points, less than the scale {}: no weight "
                          "vector fits the ranges",
                          need_hi, scale)};
    }
  }
  sampler->SetRanges(lo, hi, budget);
  sampler->SetGroups(std::move(group_columns), std::move(group_lo),
                     std::move(group_hi));
  return {};
}

std::string BudgetMessage(const WeightSampler& sampler) {
  return fmt::format(
      "only {} of {} weight vectors drawn fell inside the ranges; they "
      "cover too small a part of the possible weights to sample (raise "
      "max_draws_per_sample or widen the ranges)",
      sampler.accepted(), sampler.draws());
}

// Ranks one sample's totals t[0..m) the way rank::Rank does (best first,
// equal within tol chained in sorted order) and calls credit(bid, rank0,
// share) for every rank a bid holds: a group of k tied bids spanning ranks
// r..r+k-1 gives each bid 1/k of each of those ranks.
template <typename Credit>
void RankWithTies(const double* t, Eigen::Index m, double tol,
                  std::vector<Eigen::Index>* order, Credit&& credit) {
  order->resize(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < m; ++i) {
    (*order)[static_cast<std::size_t>(i)] = i;
  }
  std::sort(order->begin(), order->end(), [t](Eigen::Index a, Eigen::Index b) {
    return t[a] != t[b] ? t[a] > t[b] : a < b;
  });
  const auto size = static_cast<std::size_t>(m);
  for (std::size_t i = 0; i < size;) {
    std::size_t j = i + 1;
    while (j < size && std::abs(t[(*order)[j - 1]] - t[(*order)[j]]) <= tol) {
      ++j;
    }
    const double share = 1.0 / static_cast<double>(j - i);
    for (std::size_t k = i; k < j; ++k) {
      for (std::size_t r = i; r < j; ++r) {
        credit((*order)[k], static_cast<Eigen::Index>(r), share);
      }
    }
    i = j;
  }
}

}  // namespace

bool SmaaOptions::IsValid(std::string* why) const {
  const auto fail = [why](std::string text) {
    if (why) *why = std::move(text);
    return false;
  };
  if (samples < 1)
    return fail(fmt::format("samples = {}: must be >= 1", samples));
  if (block_size < 1) {
    return fail(fmt::format("block_size = {}: must be >= 1", block_size));
  }
  if (max_draws_per_sample < 1) {
    return fail(fmt::format("max_draws_per_sample = {}: must be >= 1",
                            max_draws_per_sample));
  }
  for (std::size_t j = 0; j < ranges.size(); ++j) {
    const WeightRange& r = ranges[j];
    if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || r.lo < 0 ||
        r.lo > r.hi) {
      return fail(fmt::format(
          "ranges[{}] = [{}, {}]: must satisfy 0 <= lo <= hi", j, r.lo, r.hi));
    }
  }
  for (std::size_t g = 0; g < group_ranges.size(); ++g) {
    const WeightRange& r = group_ranges[g].range;
    if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || r.lo < 0 ||
        r.lo > r.hi) {
      return fail(
          fmt::format("group_ranges[{}] = [{}, {}]: must satisfy 0 <= lo <= hi",
                      g, r.lo, r.hi));
    }
  }
  return true;
}

Result<Eigen::MatrixXd> SampleSmaaWeights(Eigen::Index columns, double scale,
                                          const SmaaOptions& options) {
  Result<Eigen::MatrixXd> r;
  WeightSampler sampler(columns, options.seed);
  auto [path, message] = MakeSampler(columns, scale, options, &sampler);
  if (!path.empty()) {
    r.diagnostics.push_back(
        {Severity::kError, {}, std::move(path), std::move(message)});
    return r;
  }
  // Block by block, as Smaa draws them, so both see the same stream.
  Eigen::MatrixXd w(columns, options.samples);
  Eigen::MatrixXd block;
  for (Eigen::Index done = 0; done < options.samples;) {
    const Eigen::Index b =
        std::min<Eigen::Index>(options.block_size, options.samples - done);
    block.resize(columns, b);
    if (!sampler.Fill(&block)) {
      r.diagnostics.push_back(
          {Severity::kError, {}, "smaa.ranges", BudgetMessage(sampler)});
      return r;
    }
    w.middleCols(done, b) = block;
    done += b;
  }
  r.value = std::move(w);
  return r;
}

bool UsePublishedRanges(const Scorer& scorer, SmaaOptions* options) {
  const std::vector<Column>& columns = scorer.columns();
  const std::vector<TopLevel>& tops = scorer.top_levels();
  std::vector<WeightRange> ranges;
  std::vector<SmaaGroupRange> groups;
  bool any = false;
  for (const Column& c : columns) {
    ranges.push_back(c.weight_range.value_or(WeightRange{0, scorer.scale()}));
    any = any || c.weight_range.has_value();
  }
  for (std::size_t t = 0; t < tops.size(); ++t) {
    if (!tops[t].weight_range) continue;
    std::vector<int> members;
    for (std::size_t j = 0; j < columns.size(); ++j) {
      if (columns[j].top_level == static_cast<int>(t)) {
        members.push_back(static_cast<int>(j));
      }
    }
    if (members.empty()) continue;
    const auto first = static_cast<std::size_t>(members.front());
    if (members.size() == 1 && columns[first].id == tops[t].id) {
      // A top-level leaf: its range is the column's own.
      if (!columns[first].weight_range) ranges[first] = *tops[t].weight_range;
    } else {
      groups.push_back({tops[t].id, std::move(members), *tops[t].weight_range});
    }
    any = true;
  }
  if (!any) return false;
  options->ranges = std::move(ranges);
  options->group_ranges = std::move(groups);
  return true;
}

Result<SmaaResult> Smaa(const Scorer& scorer, const Evaluation& evaluation,
                        const SmaaOptions& options) {
  const Eigen::Index n = scorer.size();
  const double scale = scorer.scale();
  const Eigen::Index bids = evaluation.scores.rows();
  if (evaluation.scores.cols() != n) {
    return Fail("smaa", fmt::format("the evaluation has {} score columns but "
                                    "the scorer has {} criteria",
                                    evaluation.scores.cols(), n));
  }
  WeightSampler sampler(n, options.seed);
  if (auto [path, message] = MakeSampler(n, scale, options, &sampler);
      !path.empty()) {
    return Fail(std::move(path), std::move(message));
  }

  // Only ranked bids compete; excluded bids keep zero rows.
  std::vector<Eigen::Index> in;
  for (Eigen::Index i = 0; i < bids; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (k >= evaluation.status.size() ||
        evaluation.status[k] == BidStatus::kRanked) {
      in.push_back(i);
    }
  }
  const auto m = static_cast<Eigen::Index>(in.size());
  Eigen::MatrixXd s(m, n);
  for (Eigen::Index i = 0; i < m; ++i) {
    s.row(i) = evaluation.scores.row(in[static_cast<std::size_t>(i)]);
  }
  // Totals are in shares of the scale; the tie tolerance is in points.
  const double tol = kTieTolerance / scale;

  Eigen::MatrixXd accept = Eigen::MatrixXd::Zero(m, m);   // credits
  Eigen::MatrixXd central = Eigen::MatrixXd::Zero(n, m);  // sum of wins' w
  Eigen::VectorXd wins = Eigen::VectorXd::Zero(m);
  Eigen::MatrixXd w;
  Eigen::MatrixXd t;      // samples x bids: totals
  Eigen::MatrixXd ahead;  // samples x bids: bids ahead by more than tol
  Eigen::VectorXd near;   // per sample: pairs within tol (ties)
  Eigen::VectorXd one(m);
  std::vector<Eigen::Index> order;
  for (Eigen::Index done = 0; done < options.samples;) {
    const Eigen::Index b =
        std::min<Eigen::Index>(options.block_size, options.samples - done);
    w.resize(n, b);
    if (!sampler.Fill(&w)) {
      return Fail("smaa.ranges", BudgetMessage(sampler));
    }
    done += b;
    if (m == 0) continue;
    t.noalias() = w.transpose() * s.transpose();
    // A bid's rank is 1 + the number of bids ahead of it, valid when no two
    // totals are within the tie tolerance. The pairwise comparisons run down
    // contiguous columns, vectorised over the block's samples.
    ahead.setZero(b, m);
    near.setZero(b);
    double* tie = near.data();
    for (Eigen::Index i = 0; i < m; ++i) {
      const double* ti = t.col(i).data();
      double* ai = ahead.col(i).data();
      for (Eigen::Index k = i + 1; k < m; ++k) {
        const double* tk = t.col(k).data();
        double* ak = ahead.col(k).data();
        for (Eigen::Index c = 0; c < b; ++c) {
          const double d = tk[c] - ti[c];
          ai[c] += d > tol ? 1.0 : 0.0;
          ak[c] += d < -tol ? 1.0 : 0.0;
          tie[c] += std::abs(d) <= tol ? 1.0 : 0.0;
        }
      }
    }
    for (Eigen::Index c = 0; c < b; ++c) {
      if (tie[c] == 0) {
        for (Eigen::Index i = 0; i < m; ++i) {
          const auto r = static_cast<Eigen::Index>(ahead(c, i));
          accept(i, r) += 1;
          if (r == 0) {
            wins[i] += 1;
            central.col(i) += w.col(c);
          }
        }
        continue;
      }
      one = t.row(c).transpose();
      RankWithTies(one.data(), m, tol, &order,
                   [&](Eigen::Index bid, Eigen::Index r, double share) {
                     accept(bid, r) += share;
                     if (r == 0) {
                       wins[bid] += share;
                       central.col(bid) += share * w.col(c);
                     }
                   });
    }
  }

  SmaaResult out;
  out.seed = options.seed;
  out.samples = options.samples;
  out.within_ranges = sampler.ranged();
  out.draws = sampler.draws();
  out.acceptability = Eigen::MatrixXd::Zero(bids, bids);
  out.central_weights = Eigen::MatrixXd::Zero(bids, n);
  out.has_central_weight.assign(static_cast<std::size_t>(bids), false);
  out.confidence = Eigen::VectorXd::Zero(bids);
  const double total = static_cast<double>(options.samples);
  Eigen::VectorXd at_central(m);
  for (Eigen::Index i = 0; i < m; ++i) {
    const Eigen::Index bid = in[static_cast<std::size_t>(i)];
    out.acceptability.row(bid).head(m) = accept.row(i) / total;
    if (wins[i] <= 0) continue;
    const Eigen::VectorXd wc = central.col(i) / wins[i];
    out.central_weights.row(bid) = (wc * scale).transpose();
    out.has_central_weight[static_cast<std::size_t>(bid)] = true;
    at_central.noalias() = s * wc;
    double first = 0;
    RankWithTies(at_central.data(), m, tol, &order,
                 [&](Eigen::Index who, Eigen::Index r, double share) {
                   if (who == i && r == 0) first += share;
                 });
    out.confidence[bid] = first;
  }
  Result<SmaaResult> r;
  r.value = std::move(out);
  return r;
}

}  // namespace circa
