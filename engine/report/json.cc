// JSON result, schema circa.result/2 (docs/result-format.md). Numbers are
// rounded to 6 decimals so that output is byte-identical across builds.
#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "circa/panel.h"
#include "circa/report.h"
#include "circa/version.h"
#include "report/json_util.h"
#include "report/lcc_report.h"
#include "report/sink.h"
#include "report/text_util.h"
#include "util/criteria_index.h"
#include "util/json_string.h"

namespace circa {
namespace report {

nlohmann::ordered_json CriteriaSetJson(const CriteriaSet& set,
                                       bool with_scale) {
  nlohmann::ordered_json j = {{"id", set.id},
                              {"version", set.version},
                              {"title", set.title},
                              {"description", set.description},
                              {"publisher", set.publisher},
                              {"currency", set.currency}};
  if (with_scale) j["scale"] = Round6(set.scale);
  if (!set.model_id.empty()) {
    // The model version resolved, and `extends:` as written (an id without
    // @version resolves to the library's newest).
    j["model"] = {{"id", set.model_id},
                  {"version", set.model_version},
                  {"extends", set.extends}};
  }
  return j;
}

nlohmann::ordered_json InputsJson(const CriteriaSet& set, const BidSet& bids,
                                  const PanelResult* panel,
                                  const LccEvaluation* lcc) {
  using nlohmann::ordered_json;
  ordered_json inputs = ordered_json::array(
      {{{"role", "criteria"}, {"path", set.source}, {"sha256", set.sha256}},
       {{"role", "bids"}, {"path", bids.source}, {"sha256", bids.sha256}}});
  if (panel != nullptr && !panel->source.empty()) {
    inputs.push_back({{"role", "panel"},
                      {"path", panel->source},
                      {"sha256", panel->sha256}});
  }
  if (lcc != nullptr) {
    inputs.push_back(
        {{"role", "costs"}, {"path", lcc->source}, {"sha256", lcc->sha256}});
  }
  if (!set.model_id.empty()) {
    // A derived set: its model too, so the bytes of both criteria files
    // are on record.
    inputs.push_back({{"role", "model"},
                      {"path", set.model_source},
                      {"sha256", set.model_sha256}});
  }
  return inputs;
}

}  // namespace report

namespace {

// True when every byte of text[0, size) is written as it is between a JSON
// string's quotes and needs no sanitising (JsonText): printable ASCII
// (0x20..0x7E) other than '"' and '\\'. Eight bytes at a time: nearly every
// string of a report is such text.
bool PlainJsonText(const char* text, std::size_t size) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text + i, 8);
    const std::uint64_t quote = w ^ (kOnes * '"');
    const std::uint64_t backslash = w ^ (kOnes * '\\');
    // A byte's high bit in `special` is set when it is >= 0x7F, below 0x20,
    // '"' or '\\' (exact whenever a word holds none of the first kind: a
    // carry or borrow only runs on from a byte that is itself flagged).
    const std::uint64_t special = (w + kOnes) | w | ((w - kOnes * 0x20) & ~w) |
                                  ((quote - kOnes) & ~quote) |
                                  ((backslash - kOnes) & ~backslash);
    if ((special & kHigh) != 0) return false;
  }
  for (; i < size; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x20 || b >= 0x7F || b == '"' || b == '\\') return false;
  }
  return true;
}

// Writes JSON exactly as nlohmann's dump(2) lays it out (the layout of
// every circa.result document), straight into a string: a million bids
// are written without building a DOM per bid. Scalars follow nlohmann:
// strings escaped as its serializer does (non-ASCII text goes through it,
// so that invalid UTF-8 is refused the same way), numbers through its
// shortest round-trip conversion, non-finite numbers as null.
class PrettyJson {
 public:
  // Lines inside the value start with `indent` spaces plus two per level.
  PrettyJson(std::string* out, std::size_t indent)
      : out_(out), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // The next value is member `key` of the current object.
  void Key(std::string_view key) {
    NextLine();
    AppendString(key);
    out_->append(": ");
    pending_key_ = true;
  }
  // The same for a key written in the code (a literal: a plain identifier,
  // which needs no escape), without looking at its characters.
  template <std::size_t N>
  void Key(const char (&key)[N]) {
    NextLine();
    out_->push_back('"');
    out_->append(key, N - 1);
    out_->append("\": ");
    pending_key_ = true;
  }
  void String(std::string_view value) {
    Value();
    AppendString(value);
  }
  void Number(double value) {
    Value();
    if (!std::isfinite(value)) {
      out_->append("null");
      return;
    }
    // The text of a double, remembered per thread by its bits: a report
    // writes the same weights, marks, prices and scores again and again,
    // and nlohmann's shortest conversion is the writer's dearest step.
    struct Seen {
      std::uint64_t bits = 0;
      std::size_t size = 0;  // 0: empty
      char text[32];
    };
    constexpr std::size_t kSlots = 1024;  // a power of two
    thread_local std::array<Seen, kSlots> seen;
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    Seen& slot = seen[(bits * 0x9E3779B97F4A7C15ULL) >> 54];
    static_assert(kSlots == std::size_t{1} << (64 - 54));
    if (slot.size != 0 && slot.bits == bits) {
      out_->append(slot.text, slot.size);
      return;
    }
    char buffer[64];
    const char* end =
        nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
    const auto size = static_cast<std::size_t>(end - buffer);
    if (size <= sizeof slot.text) {
      slot.bits = bits;
      slot.size = size;
      std::memcpy(slot.text, buffer, size);
    }
    out_->append(buffer, size);
  }
  void Integer(long long value) {
    Value();
    char buffer[24];
    const auto done = std::to_chars(buffer, buffer + sizeof buffer, value);
    out_->append(buffer, static_cast<std::size_t>(done.ptr - buffer));
  }
  void Bool(bool value) {
    Value();
    out_->append(value ? "true" : "false");
  }
  void Null() {
    Value();
    out_->append("null");
  }
  // A string value whose text the caller appends to the output itself;
  // EndString(start) with what BeginString returned then escapes it where
  // needed and closes it, as String would have written it.
  std::size_t BeginString() {
    Value();
    out_->push_back('"');
    return out_->size();
  }
  void EndString(std::size_t start) {
    if (PlainJsonText(out_->data() + start, out_->size() - start)) {
      out_->push_back('"');
      return;
    }
    const std::string text = out_->substr(start);
    out_->resize(start - 1);
    util::AppendJsonString(out_, text);
    plain_ = false;
  }
  // True when every string written was plain (PlainJsonText): what this
  // writer wrote is then printable ASCII, with nothing to sanitise.
  bool plain() const { return plain_; }
  void StringArray(const std::vector<std::string>& values) {
    BeginArray();
    for (const std::string& v : values) String(v);
    EndArray();
  }

 private:
  // Starts a line for the next member or element: ",\n" or "\n" and the
  // indentation, in one append.
  void NextLine() {
    const std::size_t spaces = indent_ + 2 * depth_;
    const bool first = counts_[depth_ - 1]++ == 0;
    if (spaces > kMaxIndent) {  // deeper than any writer here goes
      if (!first) out_->push_back(',');
      out_->push_back('\n');
      out_->append(spaces, ' ');
      return;
    }
    out_->append(kLines + (first ? 1 : 0), spaces + (first ? 1 : 2));
  }
  // A value: after its key, or as the next element of an array.
  void Value() {
    if (pending_key_) {
      pending_key_ = false;
    } else if (depth_ != 0) {
      NextLine();
    }
  }
  void Open(char bracket) {
    Value();
    out_->push_back(bracket);
    assert(depth_ < kMaxDepth);
    counts_[depth_++] = 0;
  }
  void Close(char bracket) {
    const std::size_t members = counts_[--depth_];
    if (members > 0) {
      out_->push_back('\n');
      out_->append(indent_ + 2 * depth_, ' ');
    }
    out_->push_back(bracket);
  }
  void AppendString(std::string_view text) {
    if (PlainJsonText(text.data(), text.size())) {
      out_->push_back('"');
      out_->append(text);
      out_->push_back('"');
    } else {
      util::AppendJsonString(out_, text);
      plain_ = false;
    }
  }

  // ",\n" and the most spaces a line starts with.
  static constexpr std::size_t kMaxIndent = 2 * 32 + 8;
  static constexpr char kLines[] =
      ",\n                                                                 "
      "        ";
  static_assert(sizeof kLines >= kMaxIndent + 3);

  std::string* out_;
  std::size_t indent_;
  // Members written, per open container (counts_[0 .. depth_)); the
  // writers nest a few levels only, so no allocation per value written.
  static constexpr std::size_t kMaxDepth = 32;
  std::array<std::size_t, kMaxDepth> counts_{};
  std::size_t depth_ = 0;
  bool pending_key_ = false;
  bool plain_ = true;
};

// "explanation": each sentence appended by the explainer straight into the
// output between its quotes (ExplanationSink), escaped there only if it
// needs it, in the layout String and StringArray give a BidExplanation.
class JsonExplanation final : public ExplanationSink {
 public:
  JsonExplanation(PrettyJson* j, std::string* out) : j_(j), out_(out) {
    j_->BeginObject();
  }
  std::string* Begin(Part part, std::string_view criterion) override {
    Enter(static_cast<int>(part));
    if (part == Part::kCriterion) {
      j_->BeginObject();
      j_->Key("id");
      j_->String(criterion);
      j_->Key("text");
    }
    start_ = j_->BeginString();
    return out_;
  }
  void End() override {
    j_->EndString(start_);
    if (part_ == static_cast<int>(Part::kCriterion)) j_->EndObject();
  }
  // Writes the parts not given (an empty text or list: no explainer) and
  // closes the object.
  void Finish() {
    Enter(kParts);
    j_->EndObject();
  }

 private:
  static constexpr int kParts = 5;
  static constexpr const char* kKeys[kParts] = {
      "summary", "award_steps", "versus_winner", "criteria", "relative_note"};
  static bool IsList(int part) { return part >= 1 && part <= 3; }

  // Moves on to part `part` (an element of the list being written, or a
  // later part), writing the keys of the parts in between as empty.
  void Enter(int part) {
    if (part == part_ && IsList(part)) return;
    assert(part > part_);
    if (part_ >= 0 && IsList(part_)) j_->EndArray();
    for (int p = part_ + 1; p < part; ++p) {
      j_->Key(std::string_view(kKeys[p]));
      if (IsList(p)) {
        j_->BeginArray();
        j_->EndArray();
      } else {
        j_->String("");
      }
    }
    part_ = part;
    if (part == kParts) return;
    j_->Key(std::string_view(kKeys[part]));
    if (IsList(part)) j_->BeginArray();
  }

  PrettyJson* j_;
  std::string* out_;
  int part_ = -1;          // the part being written (-1: none yet)
  std::size_t start_ = 0;  // where the open sentence's text starts
};

// A requirement's declared bound: a number (min, max, numeric equals), the
// text (equals, pattern) or the options (one-of).
void WriteBound(const Condition& c, PrettyJson* j) {
  switch (c.op) {
    case Condition::Op::kMin:
    case Condition::Op::kMax:
      j->Number(c.number);
      return;
    case Condition::Op::kEquals:
      if (c.numeric) {
        j->Number(c.number);
      } else {
        j->String(c.text);
      }
      return;
    case Condition::Op::kOneOf:
      j->StringArray(c.one_of);
      return;
    case Condition::Op::kPattern:
      j->String(c.text);
      return;
  }
}

// "exclusion": the stage, the rule, the sentence and the numbers of the
// stage (docs/result-format.md).
void WriteExclusion(const Exclusion& x, const FactContext& facts,
                    PrettyJson* j) {
  j->Key("exclusion");
  j->BeginObject();
  j->Key("stage");
  j->String(ToString(x.stage));
  j->Key("rule");
  j->String(x.rule);
  j->Key("reason");
  j->String(DescribeExclusion(x, facts));
  switch (x.stage) {
    case ExclusionStage::kRequirement:
      j->Key("failed");
      j->BeginArray();
      for (const FailedCondition& f : x.failed) {
        j->BeginObject();
        j->Key("option");
        j->Integer(f.group + 1);
        j->Key("field");
        j->String(f.declared.field);
        j->Key("value");
        j->String(f.value);
        j->Key("number");
        if (f.number) {
          j->Number(report::Round6(*f.number));
        } else {
          j->Null();
        }
        j->Key("condition");
        j->String(ToString(f.declared.op));
        j->Key("bound");
        WriteBound(f.declared, j);
        j->EndObject();
      }
      j->EndArray();
      break;
    case ExclusionStage::kThreshold:
      j->Key("points");
      j->Number(report::Round6(x.points));
      j->Key("max_points");
      j->Number(report::Round6(x.max_points));
      j->Key("min_points");
      j->Number(report::Round6(x.min_points));
      break;
    case ExclusionStage::kMaxPass:
      j->Key("place");
      j->Integer(x.place);
      j->Key("of");
      j->Integer(x.of);
      j->Key("points");
      j->Number(report::Round6(x.points));
      j->Key("max_pass");
      j->Integer(x.max_pass);
      break;
    case ExclusionStage::kNone:
      break;
  }
  j->EndObject();
}

// "abnormally_low": the rule, what the price was compared with, the
// numbers and the sentence.
void WriteAbnormallyLow(const AbnormallyLowFlag& f, const FactContext& facts,
                        PrettyJson* j) {
  j->BeginObject();
  j->Key("rule");
  j->String(ToString(f.rule));
  j->Key("basis");
  j->String(ToString(f.basis));
  j->Key("price");
  j->Number(report::Round6(f.price));
  j->Key("reference");
  j->Number(report::Round6(f.reference));
  j->Key("below_percent");
  j->Number(report::Round6(100.0 * f.below));
  j->Key("threshold_percent");
  j->Number(report::Round6(f.threshold));
  if (f.basis == AbnormallyLowBasis::kMeanOfOthers) {
    j->Key("limit");
    j->Number(report::Round6(f.limit));
  }
  j->Key("count");
  j->Integer(f.count);
  j->Key("of");
  j->Integer(f.of);
  if (f.paragraph > 0) {
    j->Key("paragraph");
    j->Integer(f.paragraph);
  }
  j->Key("text");
  j->String(DescribeAbnormallyLow(f, facts));
  j->EndObject();
}

// One element of "notes": the criterion, the kind, its values and the
// sentence.
void WriteNote(const Note& note, const FactContext& facts, PrettyJson* w) {
  const Scorer& scorer = *facts.scorer;
  w->BeginObject();
  w->Key("criterion");
  if (note.column >= 0) {
    w->String(scorer.columns()[static_cast<std::size_t>(note.column)].id);
  } else {
    w->Null();
  }
  w->Key("kind");
  w->String(ToString(note.kind));
  switch (note.kind) {
    case NoteKind::kMaxPassTie:
      w->Key("max_pass");
      w->Integer(note.max_pass);
      w->Key("bids");
      w->Integer(note.count);
      break;
    case NoteKind::kPriceQualitySplit:
      w->Key("money_points");
      w->Number(report::Round6(note.money_points));
      w->Key("money_weight");
      w->Number(report::Round6(note.money_weight));
      w->Key("quality_points");
      w->Number(report::Round6(note.quality_points));
      w->Key("quality_weight");
      w->Number(report::Round6(note.quality_weight));
      break;
    case NoteKind::kTie:
      w->Key("tie_break");
      w->Integer(note.record);
      break;
    case NoteKind::kAbnormallyLowNoNumber:
      w->Key("contract");
      w->String(ToString(note.contract));
      break;
    case NoteKind::kAbnormallyLowPriceShare:
    case NoteKind::kAbnormallyLowIndicative:
      w->Key("price_share_percent");
      w->Number(report::Round6(100.0 * note.share));
      break;
    case NoteKind::kAbnormallyLowTooFewBids:
      w->Key("bids");
      w->Integer(note.count);
      break;
    case NoteKind::kRankReversal:
      w->Key("change");
      w->String(ToString(note.reversal));
      if (note.reversal == ReversalChange::kRemoved) {
        w->Key("removed_bid");
        w->String(note.removed_bid);
      }
      w->Key("old_winner");
      w->String(note.old_winner);
      w->Key("new_winner");
      w->String(note.new_winner);
      break;
    default:
      break;
  }
  w->Key("text");
  w->String(DescribeNote(note, facts));
  w->EndObject();
}

// One rule that separated tied bids: which rule and each bid's key.
void WriteTieStep(const TieBreakStepRecord& step, const FactContext& facts,
                  PrettyJson* w) {
  const std::vector<std::string>& ids = *facts.ids;
  w->BeginObject();
  w->Key("rule");
  w->Integer(step.rule + 1);
  w->Key("kind");
  w->String(ToString(step.step.kind));
  if (step.step.kind == TieBreakStep::Kind::kDraw) {
    w->Key("seed");
    w->Integer(static_cast<long long>(step.step.seed));
  } else {
    w->Key("target");
    w->String(step.step.target);
  }
  w->Key("keys");
  w->BeginArray();
  for (const TieKey& key : step.keys) {
    w->BeginObject();
    w->Key("bid");
    w->String(ids[static_cast<std::size_t>(key.bid)]);
    w->Key("value");
    if (!key.key) {
      w->Null();
    } else if (step.step.kind == TieBreakStep::Kind::kHigherPoints) {
      w->Number(report::Round6(-*key.key));
    } else if (step.step.kind == TieBreakStep::Kind::kEarlier) {
      w->String(key.as_written);
    } else if (step.step.kind == TieBreakStep::Kind::kDraw) {
      w->Integer(static_cast<long long>(*key.key));
    } else {
      w->Number(report::Round6(*key.key));
    }
    w->EndObject();
  }
  w->EndArray();
  w->Key("text");
  w->String(DescribeTieStep(step, facts));
  w->EndObject();
}

// One element of "bids", appended to `out` as dump(2) would write it at
// depth 2 (the first line not indented): the bid in rank order with its
// points and explanation.
// The panel's cells by bid-set cell (row * columns + column): their "raw" is
// worded from the panel's facts (PanelCellText), not from the bid set.
using PanelCells = std::unordered_map<std::size_t, const PanelCell*>;

PanelCells IndexPanelCells(const Report& r) {
  PanelCells cells;
  if (r.panel == nullptr || r.panel->cells.empty()) return cells;
  const BidSet& bids = *r.bids;
  std::unordered_map<std::string_view, std::size_t> row;
  for (std::size_t i = 0; i < bids.ids.size(); ++i) row.emplace(bids.ids[i], i);
  std::unordered_map<std::string_view, std::size_t> column;
  for (std::size_t j = 0; j < bids.criteria.size(); ++j) {
    column.emplace(bids.criteria[j], j);
  }
  for (const PanelCell& cell : r.panel->cells) {
    const auto i = row.find(cell.bid);
    const auto j = column.find(cell.criterion);
    if (i == row.end() || j == column.end()) continue;
    cells.emplace(i->second * bids.criteria.size() + j->second, &cell);
  }
  return cells;
}

// Returns true when what it wrote is plain ASCII (PrettyJson::plain).
bool AppendBidJson(const Report& r, const PanelCells& panel, int i,
                   std::string* out) {
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;
  const auto k = static_cast<std::size_t>(i);
  PrettyJson j(out, 4);
  j.BeginObject();
  j.Key("id");
  j.String(bids.ids[k]);
  j.Key("supplier");
  j.String(bids.suppliers[k]);
  if (!bids.field_names.empty()) {
    // Columns that are not criteria, as written: fields requirements and the
    // tie-break read, and columns kept out of scoring (bids: ignore:).
    j.Key("fields");
    j.BeginObject();
    for (std::size_t f = 0; f < bids.field_names.size(); ++f) {
      j.Key(bids.field_names[f]);
      j.String(bids.fields[f][k]);
    }
    j.EndObject();
  }
  j.Key("rank");
  j.Integer(e.rank[k]);
  j.Key("status");
  j.String(e.status[k] == BidStatus::kRanked ? "ranked" : "excluded");
  j.Key("tied");
  j.Bool(static_cast<bool>(e.tied[k]));
  const FactContext facts = r.Facts();
  if (!e.exclusion.empty() && e.exclusion[k].stage != ExclusionStage::kNone) {
    WriteExclusion(e.exclusion[k], facts, &j);
  }
  if (!e.abnormally_low.empty() && e.abnormally_low[k].flagged()) {
    j.Key("abnormally_low");
    WriteAbnormallyLow(e.abnormally_low[k], facts, &j);
  }
  j.Key("total");
  j.Number(report::Round6(e.totals[i]));
  j.Key("subtotals");
  j.BeginObject();
  for (std::size_t t = 0; t < scorer.top_levels().size(); ++t) {
    j.Key(scorer.top_levels()[t].id);
    j.Number(report::Round6(e.subtotals(i, static_cast<Eigen::Index>(t))));
  }
  j.EndObject();
  j.Key("criteria");
  j.BeginArray();
  for (std::size_t c = 0; c < scorer.columns().size(); ++c) {
    const auto cc = static_cast<Eigen::Index>(c);
    const Column& col = scorer.columns()[c];
    j.BeginObject();
    j.Key("id");
    j.String(col.id);
    j.Key("raw");
    const auto cell = panel.find(k * bids.criteria.size() + c);
    if (cell != panel.end()) {
      j.String(PanelCellText(*cell->second));
    } else {
      j.String(bids.text.empty() ? std::string() : bids.Text(i, cc));
    }
    j.Key("value");
    j.Number(report::Round6(bids.values(i, cc)));
    j.Key("score");
    j.Number(report::Round6(e.scores(i, cc)));
    j.Key("weight");
    j.Number(report::Round6(col.weight));
    j.Key("points");
    j.Number(report::Round6(e.Points(i, cc)));
    j.Key("relative");
    j.Bool(col.relative);
    j.EndObject();
  }
  j.EndArray();
  j.Key("explanation");
  JsonExplanation explanation(&j, out);
  if (r.explainer != nullptr) r.explainer->Explain(i, explanation);
  explanation.Finish();
  j.EndObject();
  return j.plain();
}

}  // namespace

void RenderJson(const Report& r, const TextSink& sink) {
  using nlohmann::ordered_json;
  const CriteriaSet& set = *r.criteria;
  const BidSet& bids = *r.bids;
  const Scorer& scorer = *r.scorer;
  const Evaluation& e = *r.evaluation;

  ordered_json j;
  j["schema"] = kResultSchema;
  j["circa_version"] = kVersion;
  j["criteria_set"] = report::CriteriaSetJson(set, true);
  j["inputs"] = report::InputsJson(set, bids, r.panel, r.lcc);
  ordered_json criteria = ordered_json::array();
  const util::CriteriaIndex index(set);
  for (const Column& c : scorer.columns()) {
    criteria.push_back(
        {{"id", c.id},
         {"name", c.name},
         {"type", ToString(c.type)},
         {"unit", c.unit},
         {"group",
          scorer.top_levels()[static_cast<std::size_t>(c.top_level)].id},
         {"rule", ToString(c.rule.rule)},
         {"rule_text", DescribeRule(c.rule, set.currency, c.unit, r.language)},
         {"relative", c.relative},
         {"weight", report::Round6(c.weight)}});
    if (!set.model_id.empty()) {
      if (const Criterion* found = index.Find(c.id)) {
        criteria.back()["origin"] =
            found->origin.kind == Origin::Kind::kLocal ? "local" : "model";
        criteria.back()["changed"] = found->origin.changed;
      }
    }
  }
  j["criteria"] = criteria;
  const int winner = e.Winner();
  j["winner"] = winner >= 0
                    ? ordered_json(bids.ids[static_cast<std::size_t>(winner)])
                    : ordered_json(nullptr);
  // Placeholders: the bids, notes and tie records are written one at a
  // time where they stand, without a DOM of them.
  j["bids"] = ordered_json::array();
  if (r.lcc != nullptr) j["lcc"] = report::LccJson(*r.lcc);
  j["notes"] = ordered_json::array();
  if (!e.tie_breaks.empty()) j["tie_breaks"] = ordered_json::array();
  const std::string doc = report::JsonText(j.dump(2));

  report::ChunkedWriter out(sink);
  std::size_t done = 0;  // doc is written up to here
  // Fills the placeholder array `key` with `count` elements, element `n`
  // appended by write(n, writer). Top-level keys are the only lines that
  // start with exactly two spaces and a quote.
  const auto fill = [&](std::string_view key, std::size_t count,
                        const auto& write) {
    const std::string placeholder = "\n  \"" + std::string(key) + "\": []";
    const std::size_t at = doc.find(placeholder, done);
    if (at == std::string::npos || count == 0) return;
    const std::size_t open = at + placeholder.size() - 1;  // just after '['
    out += std::string_view(doc).substr(done, open - done);
    report::WriteInBlocks(
        count,
        [&write](std::size_t n, std::string* text) {
          // Written in place at the end of the block's text; only an
          // element that is not plain ASCII is copied out to be checked.
          const std::size_t start = text->size();
          if (n != 0) text->push_back(',');
          text->append("\n    ");
          // `write` returns true when it knows its text is plain ASCII.
          if (write(n, text)) return;
          const auto plain = std::all_of(
              text->begin() + static_cast<std::ptrdiff_t>(start), text->end(),
              [](char c) { return static_cast<unsigned char>(c) < 0x7F; });
          if (!plain) {
            std::string element = report::JsonText(text->substr(start));
            text->resize(start);
            *text += element;
          }
        },
        out);
    out += "\n  ";
    done = open;
  };
  const PanelCells panel = IndexPanelCells(r);
  fill("bids", e.order.size(), [&](std::size_t n, std::string* text) {
    return AppendBidJson(r, panel, e.order[n], text);
  });
  const FactContext facts = r.Facts();
  fill("notes", e.notes.size(), [&](std::size_t n, std::string* text) {
    PrettyJson w(text, 4);
    WriteNote(e.notes[n], facts, &w);
    return false;
  });
  fill("tie_breaks", e.tie_breaks.size(),
       [&](std::size_t n, std::string* text) {
         const TieBreakRecord& t = e.tie_breaks[n];
         PrettyJson w(text, 4);
         w.BeginObject();
         w.Key("total");
         w.Number(report::Round6(t.total));
         w.Key("rank");
         w.Integer(t.rank);
         w.Key("bids");
         w.BeginArray();
         for (const int b : t.bids)
           w.String(bids.ids[static_cast<std::size_t>(b)]);
         w.EndArray();
         w.Key("order");
         w.BeginArray();
         for (const int b : t.order)
           w.String(bids.ids[static_cast<std::size_t>(b)]);
         w.EndArray();
         w.Key("resolved");
         w.Bool(t.resolved);
         w.Key("policy_rules");
         w.Integer(t.policy_rules);
         w.Key("steps");
         w.BeginArray();
         for (const TieBreakStepRecord& step : t.steps) {
           WriteTieStep(step, facts, &w);
         }
         w.EndArray();
         w.EndObject();
         return false;
       });
  out += std::string_view(doc).substr(done);
  out += '\n';
}

}  // namespace circa
