// The words of the market view (docs/archive.md, "Market view").
#include "explain/market_words.h"

#include <string>
#include <vector>

#include "explain/messages.h"

namespace circa::explain {
namespace {

class Writer {
 public:
  explicit Writer(Language language) : m_(Messages::Of(language)) {}

  std::string operator()(std::string_view key,
                         std::initializer_list<Arg> args = {}) const {
    return m_(key, args);
  }
  std::string Int(int n) const { return std::to_string(n); }
  std::string Pct(double fraction) const {
    return m_("market.percent", {{"value", m_.Number(fraction * 100, 1)}});
  }
  std::string Money(double v) const { return m_.Number(v, 2); }
  std::string Num(double v) const { return m_.Number(v, 1); }
  // "3 of 12 (25.0 %)"
  std::string Of(int part, int whole) const {
    const std::string share =
        whole > 0 ? Pct(static_cast<double>(part) / whole) : std::string("-");
    return m_("market.of",
              {{"part", Int(part)}, {"whole", Int(whole)}, {"share", share}});
  }

 private:
  const Messages& m_;
};

std::vector<std::string> Caveats(const MarketView& v, const Writer& w) {
  std::vector<std::string> out;
  const int lots = static_cast<int>(v.lots.size());
  out.push_back(w("market.caveat.sample",
                  {{"notices", v.notices},
                   {"notice_count", w.Int(v.notices)},
                   {"lots", lots},
                   {"lot_count", w.Int(lots)},
                   {"with_criteria", w.Int(v.lots_with_criteria)}}));
  if (v.possible_duplicates > 0) {
    out.push_back(w("market.caveat.duplicates",
                    {{"notices", v.possible_duplicates},
                     {"count", w.Int(v.possible_duplicates)}}));
  }
  if (v.lots_with_criteria < 30) {
    out.push_back(w("market.caveat.small"));
  }
  out.push_back(w("market.caveat.weights",
                  {{"missing", w.Int(v.lots_without_weights)},
                   {"with_criteria", w.Int(v.lots_with_criteria)}}));
  out.push_back(w("market.caveat.results",
                  {{"missing", w.Int(lots - v.lots_with_results)},
                   {"lots", w.Int(lots)},
                   {"both", w.Int(v.lots_with_winning_and_lowest)}}));
  std::string currencies;
  for (const auto& [code, n] : v.currencies) {
    if (!currencies.empty()) currencies += w("list.comma");
    currencies +=
        w("market.currency_count",
          {{"currency", code.empty() ? "?" : code}, {"count", w.Int(n)}});
  }
  out.push_back(currencies.empty()
                    ? w("market.caveat.currency_none")
                    : w("market.caveat.currency", {{"list", currencies}}));
  out.push_back(w("market.caveat.themes"));
  out.push_back(w("market.caveat.price_only"));
  if (v.below_lowest > 0) {
    out.push_back(
        w("market.caveat.below_lowest",
          {{"lots", v.below_lowest}, {"count", w.Int(v.below_lowest)}}));
  }
  if (v.tenders_skipped > 0) {
    out.push_back(w(
        "market.caveat.tenders",
        {{"tenders", v.tenders_skipped}, {"count", w.Int(v.tenders_skipped)}}));
  }
  return out;
}

std::string Distribution(const MarketDistribution& d, const Writer& w,
                         bool percent) {
  const auto f = [&](double x) { return percent ? w.Pct(x) : w.Num(x); };
  return w("market.distribution", {{"min", f(d.min)},
                                   {"p25", f(d.p25)},
                                   {"median", f(d.median)},
                                   {"p75", f(d.p75)},
                                   {"max", f(d.max)},
                                   {"mean", f(d.mean)}});
}

MarketSection PriceWeights(const MarketView& v, const Writer& w) {
  MarketSection s;
  s.title = w("market.section.price_weights",
              {{"count", w.Int(v.lots_with_weights)}});
  if (v.lots_with_weights == 0) {
    s.lines.push_back(w("market.none"));
    return s;
  }
  s.lines.push_back(Distribution(v.price_weights, w, true));
  s.headings = {w("market.head.band"), w("market.head.lots"),
                w("market.head.share")};
  static constexpr const char* kBands[] = {
      "market.band.zero",   "market.band.under30", "market.band.from30",
      "market.band.from50", "market.band.from70",  "market.band.all"};
  for (std::size_t b = 0; b < v.price_weight_bands.size() && b < 6; ++b) {
    const int n = v.price_weight_bands[b];
    s.rows.push_back({w(kBands[b]), w.Int(n),
                      w.Pct(static_cast<double>(n) / v.lots_with_weights)});
  }
  return s;
}

MarketSection Criteria(const MarketView& v, const Writer& w) {
  MarketSection s;
  const int n = v.lots_with_criteria;
  s.title = w("market.section.criteria", {{"count", w.Int(n)}});
  s.lines.push_back(w("market.price_only", {{"share", w.Of(v.price_only, n)}}));
  s.lines.push_back(w("market.cost_only", {{"share", w.Of(v.cost_only, n)}}));
  s.lines.push_back(
      w("market.environmental", {{"share", w.Of(v.environmental, n)}}));
  s.lines.push_back(w("market.social", {{"share", w.Of(v.social, n)}}));
  s.lines.push_back(w("market.circular", {{"share", w.Of(v.circular, n)}}));
  const int lots = static_cast<int>(v.lots.size());
  s.lines.push_back(w("market.objectives",
                      {{"lots", w.Int(lots)},
                       {"environmental", w.Of(v.objective_environmental, lots)},
                       {"social", w.Of(v.objective_social, lots)},
                       {"circular", w.Of(v.objective_circular, lots)}}));
  return s;
}

MarketSection Results(const MarketView& v, const Writer& w) {
  MarketSection s;
  s.title =
      w("market.section.results", {{"count", w.Int(v.lots_with_results)}});
  s.lines.push_back(
      w("market.both", {{"count", w.Int(v.lots_with_winning_and_lowest)}}));
  if (v.above_lowest > 0) {
    s.lines.push_back(
        w("market.above",
          {{"share", w.Of(v.above_lowest, v.lots_with_winning_and_lowest)},
           {"median", w.Pct(v.premium.median)},
           {"mean", w.Pct(v.premium.mean)},
           {"max", w.Pct(v.premium.max)}}));
  } else if (v.lots_with_winning_and_lowest > 0) {
    s.lines.push_back(w("market.above_none"));
  }
  if (v.tenders_received.count > 0) {
    s.lines.push_back(
        w("market.received", {{"count", w.Int(v.tenders_received.count)},
                              {"median", w.Num(v.tenders_received.median)},
                              {"mean", w.Num(v.tenders_received.mean)},
                              {"min", w.Num(v.tenders_received.min)},
                              {"max", w.Num(v.tenders_received.max)}}));
  }
  return s;
}

MarketSection Premiums(const MarketView& v, const Writer& w) {
  MarketSection s;
  s.title = w("market.section.premium", {{"count", w.Int(v.above_lowest)}});
  s.headings = {w("market.head.notice"),   w("market.head.lot"),
                w("market.head.currency"), w("market.head.winning"),
                w("market.head.lowest"),   w("market.head.premium")};
  for (const MarketLot& lot : v.lots) {
    if (!lot.premium || *lot.premium <= 1e-6) continue;
    s.rows.push_back({lot.reference, lot.lot, lot.currency,
                      w.Money(*lot.winning_value), w.Money(*lot.lowest_value),
                      w.Pct(*lot.premium)});
  }
  return s;
}

}  // namespace

MarketText MarketWords(const MarketView& view, Language language) {
  const Writer w(language);
  MarketText t;
  const int lots = static_cast<int>(view.lots.size());
  t.title = w("market.title", {{"notices", view.notices},
                               {"notice_count", w.Int(view.notices)},
                               {"lots", lots},
                               {"lot_count", w.Int(lots)}});
  t.caveats_title = w("market.section.caveats");
  t.caveats = Caveats(view, w);
  t.sections.push_back(PriceWeights(view, w));
  t.sections.push_back(Criteria(view, w));
  t.sections.push_back(Results(view, w));
  if (view.above_lowest > 0) t.sections.push_back(Premiums(view, w));
  return t;
}

}  // namespace circa::explain
