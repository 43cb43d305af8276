// The compact form of a loaded tender (docs/archive.md, "Compact form"):
// the resolved criteria set's scoring content and the bids, in a flat
// little-endian binary layout, so that loading a tender from the archive is
// a copy of numbers, not a YAML parse. Documentation, labels, panel
// policies and the money award are not in it: a set with a money award is
// read back from its resolved YAML (Archive::LoadTender).
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "circa/archive.h"

namespace circa {
namespace {

constexpr std::uint32_t kMagic = 0x31414343;  // "CCA1"

class Writer {
 public:
  void U8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(std::uint32_t v) { Raw(&v, sizeof v); }
  void I32(std::int32_t v) { Raw(&v, sizeof v); }
  void U64(std::uint64_t v) { Raw(&v, sizeof v); }
  void F64(double v) { Raw(&v, sizeof v); }
  void Str(std::string_view s) {
    U32(static_cast<std::uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void Raw(const void* p, std::size_t n) {
    out_.append(static_cast<const char*>(p), n);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  std::uint8_t U8() {
    std::uint8_t v = 0;
    Raw(&v, 1);
    return v;
  }
  std::uint32_t U32() {
    std::uint32_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  std::int32_t I32() {
    std::int32_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  std::uint64_t U64() {
    std::uint64_t v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  double F64() {
    double v = 0;
    Raw(&v, sizeof v);
    return v;
  }
  std::string Str() {
    const std::uint32_t n = U32();
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of items, each at least `min_bytes` long: refused when the
  // rest of the input cannot hold them (a corrupt blob allocates nothing).
  std::uint32_t Count(std::size_t min_bytes) {
    const std::uint32_t n = U32();
    if (ok_ && min_bytes > 0 && n > (in_.size() - pos_) / min_bytes) {
      ok_ = false;
    }
    return ok_ ? n : 0;
  }
  void Raw(void* p, std::size_t n) {
    if (n == 0) return;  // p may be an empty vector's null data()
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      std::memset(p, 0, n);
      return;
    }
    std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
  }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

void PutRange(Writer& w, const std::optional<WeightRange>& r) {
  w.U8(r ? 1 : 0);
  if (r) {
    w.F64(r->lo);
    w.F64(r->hi);
  }
}
std::optional<WeightRange> GetRange(Reader& r) {
  if (r.U8() == 0) return std::nullopt;
  WeightRange range;
  range.lo = r.F64();
  range.hi = r.F64();
  return range;
}

void PutThreshold(Writer& w, const std::optional<Threshold>& t) {
  w.U8(t ? 1 : 0);
  if (t) {
    w.F64(t->value);
    w.U8(t->percent ? 1 : 0);
    w.F64(t->points);
  }
}
std::optional<Threshold> GetThreshold(Reader& r) {
  if (r.U8() == 0) return std::nullopt;
  Threshold t;
  t.value = r.F64();
  t.percent = r.U8() != 0;
  t.points = r.F64();
  return t;
}

void PutCriterion(Writer& w, const Criterion& c) {
  w.Str(c.id);
  w.Str(c.name);
  w.Str(c.unit);
  w.U8(static_cast<std::uint8_t>(c.type));
  w.F64(c.weight);
  w.F64(c.effective_weight);
  PutRange(w, c.weight_range);
  PutRange(w, c.effective_range);
  w.I32(c.order);
  PutThreshold(w, c.threshold);
  w.U32(static_cast<std::uint32_t>(c.doc.strategies.size()));
  for (const Strategy s : c.doc.strategies) w.U8(static_cast<std::uint8_t>(s));
  w.U8(c.scoring ? 1 : 0);
  if (c.scoring) {
    const ScoringRule& s = *c.scoring;
    w.U8(static_cast<std::uint8_t>(s.rule));
    w.U8(static_cast<std::uint8_t>(s.better));
    w.F64(s.worst);
    w.F64(s.best);
    w.F64(s.ceiling);
    w.F64(s.zero_at);
    w.U8(s.allow_negative ? 1 : 0);
    w.U32(static_cast<std::uint32_t>(s.steps.size()));
    for (const Step& step : s.steps) {
      w.F64(step.threshold);
      w.F64(step.score);
    }
    w.U32(static_cast<std::uint32_t>(s.levels.size()));
    for (const ScaleLevel& level : s.levels) {
      w.F64(level.value);
      w.Str(level.descriptor);
    }
  }
  w.U32(static_cast<std::uint32_t>(c.children.size()));
  for (const Criterion& child : c.children) PutCriterion(w, child);
}

bool GetCriterion(Reader& r, Criterion* c, int depth) {
  if (depth > 32) return false;
  c->id = r.Str();
  c->name = r.Str();
  c->unit = r.Str();
  c->type = static_cast<CriterionType>(r.U8() % 3);
  c->weight = r.F64();
  c->effective_weight = r.F64();
  c->weight_range = GetRange(r);
  c->effective_range = GetRange(r);
  c->order = r.I32();
  c->threshold = GetThreshold(r);
  const std::uint32_t strategies = r.Count(1);
  for (std::uint32_t i = 0; i < strategies; ++i) {
    c->doc.strategies.push_back(static_cast<Strategy>(r.U8() % 6));
  }
  if (r.U8() != 0) {
    ScoringRule s;
    const std::uint8_t rule = r.U8();
    // kBelowHighest: the last value of Rule (include/circa/criteria.h).
    if (rule > static_cast<std::uint8_t>(Rule::kBelowHighest)) return false;
    s.rule = static_cast<Rule>(rule);
    s.better = static_cast<Direction>(r.U8() % 2);
    s.worst = r.F64();
    s.best = r.F64();
    s.ceiling = r.F64();
    s.zero_at = r.F64();
    s.allow_negative = r.U8() != 0;
    const std::uint32_t steps = r.Count(16);
    for (std::uint32_t i = 0; i < steps; ++i) {
      Step step;
      step.threshold = r.F64();
      step.score = r.F64();
      s.steps.push_back(step);
    }
    const std::uint32_t levels = r.Count(12);
    for (std::uint32_t i = 0; i < levels; ++i) {
      ScaleLevel level;
      level.value = r.F64();
      level.descriptor = r.Str();
      s.levels.push_back(std::move(level));
    }
    c->scoring = std::move(s);
  }
  const std::uint32_t children = r.Count(8);
  c->children.resize(children);
  for (Criterion& child : c->children) {
    if (!GetCriterion(r, &child, depth + 1)) return false;
  }
  return r.ok();
}

void PutStrings(Writer& w, const std::vector<std::string>& v) {
  w.U32(static_cast<std::uint32_t>(v.size()));
  for (const std::string& s : v) w.Str(s);
}
std::vector<std::string> GetStrings(Reader& r) {
  const std::uint32_t n = r.Count(4);
  std::vector<std::string> v(n);
  for (std::string& s : v) s = r.Str();
  return v;
}

}  // namespace

std::string EncodeCompactTender(const Tender& tender) {
  Writer w;
  w.U32(kMagic);
  const CriteriaSet& set = tender.criteria;
  w.I32(set.format);
  w.Str(set.id);
  w.Str(set.version);
  w.Str(set.title);
  w.Str(set.publisher);
  w.Str(set.currency);
  w.F64(set.scale);
  w.U8(static_cast<std::uint8_t>(set.weights));
  w.Str(set.product_group);
  w.Str(set.model_id);
  w.Str(set.model_version);
  w.Str(set.source);
  w.Str(set.sha256);
  w.U32(static_cast<std::uint32_t>(set.criteria.size()));
  for (const Criterion& c : set.criteria) PutCriterion(w, c);
  // Award order.
  w.U32(static_cast<std::uint32_t>(set.requirements.size()));
  for (const Requirement& q : set.requirements) {
    w.Str(q.id);
    w.Str(q.name);
    w.U8(static_cast<std::uint8_t>(q.kind));
    w.U32(static_cast<std::uint32_t>(q.groups.size()));
    for (const RequirementGroup& g : q.groups) {
      w.U32(static_cast<std::uint32_t>(g.conditions.size()));
      for (const Condition& k : g.conditions) {
        w.Str(k.field);
        w.U8(static_cast<std::uint8_t>(k.op));
        w.Str(k.text);
        w.F64(k.number);
        w.U8(k.numeric ? 1 : 0);
        PutStrings(w, k.one_of);
      }
    }
  }
  w.I32(set.max_pass ? *set.max_pass : -1);
  w.I32(set.rounding.decimals);
  w.U8(set.rounding.points ? 1 : 0);
  w.U8(set.rounding.totals ? 1 : 0);
  w.U32(static_cast<std::uint32_t>(set.tie_break.size()));
  for (const TieBreakStep& t : set.tie_break) {
    w.U8(static_cast<std::uint8_t>(t.kind));
    w.Str(t.target);
    w.U64(t.seed);
  }
  const AbnormallyLowRule& al = set.abnormally_low;
  w.U8(static_cast<std::uint8_t>(al.kind));
  w.Str(al.criterion);
  w.F64(al.percent);
  w.U8(al.budget ? 1 : 0);
  w.F64(al.budget.value_or(0));
  w.U8(static_cast<std::uint8_t>(al.contract));
  w.U8(set.award ? 1 : 0);

  // Bids.
  const BidSet& b = tender.bids;
  PutStrings(w, b.ids);
  PutStrings(w, b.suppliers);
  PutStrings(w, b.criteria);
  w.U32(static_cast<std::uint32_t>(b.values.rows()));
  w.U32(static_cast<std::uint32_t>(b.values.cols()));
  w.Raw(b.values.data(),
        sizeof(double) * static_cast<std::size_t>(b.values.size()));
  w.U32(static_cast<std::uint32_t>(b.text.size()));
  for (std::size_t k = 0; k < b.text.size(); ++k) w.Str(b.text[k]);
  w.U32(static_cast<std::uint32_t>(b.rows.size()));
  for (const SourceLocation& row : b.rows) {
    w.I32(row.line);
    w.I32(row.column);
  }
  PutStrings(w, b.field_names);
  w.U32(static_cast<std::uint32_t>(b.fields.size()));
  for (const auto& f : b.fields) PutStrings(w, f);
  w.U32(static_cast<std::uint32_t>(b.field_numbers.size()));
  for (const auto& f : b.field_numbers) {
    w.U32(static_cast<std::uint32_t>(f.size()));
    w.Raw(f.data(), sizeof(double) * f.size());
  }
  w.Str(b.locale);
  w.Str(b.source);
  w.Str(b.sha256);
  return w.Take();
}

std::optional<Tender> DecodeCompactTender(std::string_view bytes) {
  Reader r(bytes);
  if (r.U32() != kMagic) return std::nullopt;
  Tender tender;
  CriteriaSet& set = tender.criteria;
  set.format = r.I32();
  set.id = r.Str();
  set.version = r.Str();
  set.title = r.Str();
  set.publisher = r.Str();
  set.currency = r.Str();
  set.scale = r.F64();
  set.weights = static_cast<WeightMode>(r.U8() % 3);
  set.product_group = r.Str();
  set.model_id = r.Str();
  set.model_version = r.Str();
  set.source = r.Str();
  set.sha256 = r.Str();
  set.criteria.resize(r.Count(8));
  for (Criterion& c : set.criteria) {
    if (!GetCriterion(r, &c, 0)) return std::nullopt;
  }
  set.requirements.resize(r.Count(13));
  for (Requirement& q : set.requirements) {
    q.id = r.Str();
    q.name = r.Str();
    q.kind = static_cast<CriterionKind>(r.U8() % 4);
    q.groups.resize(r.Count(4));
    for (RequirementGroup& g : q.groups) {
      g.conditions.resize(r.Count(22));
      for (Condition& k : g.conditions) {
        k.field = r.Str();
        k.op = static_cast<Condition::Op>(r.U8() % 5);
        k.text = r.Str();
        k.number = r.F64();
        k.numeric = r.U8() != 0;
        k.one_of = GetStrings(r);
      }
    }
  }
  const std::int32_t max_pass = r.I32();
  if (max_pass >= 0) set.max_pass = max_pass;
  set.rounding.decimals = r.I32();
  set.rounding.points = r.U8() != 0;
  set.rounding.totals = r.U8() != 0;
  set.tie_break.resize(r.Count(13));
  for (TieBreakStep& t : set.tie_break) {
    t.kind = static_cast<TieBreakStep::Kind>(r.U8() % 4);
    t.target = r.Str();
    t.seed = r.U64();
  }
  AbnormallyLowRule& al = set.abnormally_low;
  al.kind = static_cast<AbnormallyLowRule::Kind>(r.U8() % 4);
  al.criterion = r.Str();
  al.percent = r.F64();
  const bool has_budget = r.U8() != 0;
  const double budget = r.F64();
  if (has_budget) al.budget = budget;
  al.contract = static_cast<AbnormallyLowContract>(r.U8() % 4);
  const bool money_award = r.U8() != 0;
  if (money_award) {
    // Not in the compact form: the caller reads the resolved set.
    set.award = MoneyAward{};
  }

  BidSet& b = tender.bids;
  b.ids = GetStrings(r);
  b.suppliers = GetStrings(r);
  b.criteria = GetStrings(r);
  const std::uint32_t rows = r.U32();
  const std::uint32_t cols = r.U32();
  const std::uint64_t cells = std::uint64_t{rows} * cols;
  if (!r.ok() || cells > bytes.size() / sizeof(double)) return std::nullopt;
  b.values.resize(rows, cols);
  r.Raw(b.values.data(), sizeof(double) * cells);
  {
    const std::uint32_t n = r.Count(4);
    b.text.reserve(n, 0);
    for (std::uint32_t k = 0; k < n; ++k) b.text.push_back(r.Str());
  }
  b.rows.resize(r.Count(8));
  for (SourceLocation& row : b.rows) {
    row.line = r.I32();
    row.column = r.I32();
  }
  b.field_names = GetStrings(r);
  b.fields.resize(r.Count(4));
  for (auto& f : b.fields) f = GetStrings(r);
  b.field_numbers.resize(r.Count(4));
  for (auto& f : b.field_numbers) {
    f.resize(r.Count(8));
    r.Raw(f.data(), sizeof(double) * f.size());
  }
  b.locale = r.Str();
  b.source = r.Str();
  b.sha256 = r.Str();
  for (SourceLocation& row : b.rows) row.file = b.source;
  if (!r.ok() || b.ids.size() != rows || b.criteria.size() != cols ||
      b.text.size() != cells || b.rows.size() != rows ||
      (!b.suppliers.empty() && b.suppliers.size() != rows) ||
      b.fields.size() != b.field_names.size() ||
      b.field_numbers.size() != b.field_names.size()) {
    return std::nullopt;
  }
  for (std::size_t f = 0; f < b.fields.size(); ++f) {
    if (b.fields[f].size() != rows || b.field_numbers[f].size() != rows) {
      return std::nullopt;
    }
  }
  // Every value finite, as every bid reader requires (a damaged form with a
  // NaN gave NaN totals: fuzz_batch, crash-compact-nan-bid-value.bin).
  if (!b.values.allFinite()) return std::nullopt;
  // The bids' columns are the set's leaves, in order (a damaged form that
  // disagrees is refused, never scored).
  const auto leaves = set.Leaves();
  if (leaves.size() != cols) return std::nullopt;
  for (std::size_t j = 0; j < cols; ++j) {
    if (leaves[j]->id != b.criteria[j] || leaves[j]->is_group()) {
      return std::nullopt;
    }
  }
  return tender;
}

}  // namespace circa
