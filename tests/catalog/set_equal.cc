#include "catalog/set_equal.h"

#include <sstream>

namespace circa_test {
namespace {

using namespace circa;

class Comparer {
 public:
  std::vector<std::string> out;

  template <typename T>
  void Eq(const std::string& path, const T& a, const T& b) {
    if (a == b) return;
    std::ostringstream s;
    s << path << ": ";
    Print(s, a);
    s << " vs ";
    Print(s, b);
    out.push_back(s.str());
  }

  void Opt(const std::string& path, const std::optional<double>& a,
           const std::optional<double>& b) {
    Eq(path + ".has", a.has_value(), b.has_value());
    if (a && b) Eq(path, *a, *b);
  }

  void Doc(const std::string& p, const Documentation& a,
           const Documentation& b) {
    Eq(p + ".labels", a.labels, b.labels);
    Eq(p + ".descriptions", a.descriptions, b.descriptions);
    Eq(p + ".evidence", a.evidence, b.evidence);
    Eq(p + ".level", a.level, b.level);
    Eq(p + ".source", a.source, b.source);
    Eq(p + ".anchor_source", a.anchor_source, b.anchor_source);
    Eq(p + ".strategies", a.strategies, b.strategies);
  }

  void Panel(const std::string& p, const std::optional<PanelPolicy>& a,
             const std::optional<PanelPolicy>& b) {
    Eq(p + ".has", a.has_value(), b.has_value());
    if (!a || !b) return;
    Eq(p + ".aggregate", a->aggregate, b->aggregate);
    Eq(p + ".rationale", a->rationale_required, b->rationale_required);
    Eq(p + ".complete", a->complete, b->complete);
    Opt(p + ".disagreement", a->disagreement_limit, b->disagreement_limit);
  }

  void Rule(const std::string& p, const ScoringRule& a, const ScoringRule& b) {
    Eq(p + ".rule", a.rule, b.rule);
    Eq(p + ".better", a.better, b.better);
    Eq(p + ".worst", a.worst, b.worst);
    Eq(p + ".best", a.best, b.best);
    Eq(p + ".ceiling", a.ceiling, b.ceiling);
    Eq(p + ".zero_at", a.zero_at, b.zero_at);
    Eq(p + ".allow_negative", a.allow_negative, b.allow_negative);
    Eq(p + ".steps.size", a.steps.size(), b.steps.size());
    for (std::size_t i = 0; i < a.steps.size() && i < b.steps.size(); ++i) {
      Eq(p + ".steps[" + std::to_string(i) + "].threshold",
         a.steps[i].threshold, b.steps[i].threshold);
      Eq(p + ".steps[" + std::to_string(i) + "].score", a.steps[i].score,
         b.steps[i].score);
    }
    Eq(p + ".levels.size", a.levels.size(), b.levels.size());
    for (std::size_t i = 0; i < a.levels.size() && i < b.levels.size(); ++i) {
      Eq(p + ".levels[" + std::to_string(i) + "].value", a.levels[i].value,
         b.levels[i].value);
      Eq(p + ".levels[" + std::to_string(i) + "].descriptor",
         a.levels[i].descriptor, b.levels[i].descriptor);
      Eq(p + ".levels[" + std::to_string(i) + "].labels", a.levels[i].labels,
         b.levels[i].labels);
    }
  }

  void Criteria(const std::string& p, const std::vector<Criterion>& a,
                const std::vector<Criterion>& b) {
    Eq(p + ".size", a.size(), b.size());
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
      One(p + "[" + std::to_string(i) + "]", a[i], b[i]);
    }
  }

  void One(const std::string& p, const Criterion& a, const Criterion& b) {
    Eq(p + ".id", a.id, b.id);
    Eq(p + ".name", a.name, b.name);
    Eq(p + ".description", a.description, b.description);
    Eq(p + ".unit", a.unit, b.unit);
    Eq(p + ".type", a.type, b.type);
    Eq(p + ".weight", a.weight, b.weight);
    Eq(p + ".effective_weight", a.effective_weight, b.effective_weight);
    Eq(p + ".range.has", a.weight_range.has_value(),
       b.weight_range.has_value());
    if (a.weight_range && b.weight_range) {
      Eq(p + ".range.lo", a.weight_range->lo, b.weight_range->lo);
      Eq(p + ".range.hi", a.weight_range->hi, b.weight_range->hi);
      Eq(p + ".effective_range.lo", a.effective_range->lo,
         b.effective_range->lo);
      Eq(p + ".effective_range.hi", a.effective_range->hi,
         b.effective_range->hi);
    }
    Eq(p + ".order", a.order, b.order);
    Panel(p + ".panel", a.panel, b.panel);
    Eq(p + ".threshold.has", a.threshold.has_value(), b.threshold.has_value());
    if (a.threshold && b.threshold) {
      Eq(p + ".threshold.value", a.threshold->value, b.threshold->value);
      Eq(p + ".threshold.percent", a.threshold->percent, b.threshold->percent);
      Eq(p + ".threshold.points", a.threshold->points, b.threshold->points);
    }
    Eq(p + ".scoring.has", a.scoring.has_value(), b.scoring.has_value());
    if (a.scoring && b.scoring) Rule(p + ".scoring", *a.scoring, *b.scoring);
    Doc(p + ".doc", a.doc, b.doc);
    Eq(p + ".from_lcc", a.from_lcc, b.from_lcc);
    Eq(p + ".draft", a.draft, b.draft);
    Criteria(p + ".criteria", a.children, b.children);
  }

  void Levels(const std::string& p, const std::vector<ValueLevel>& a,
              const std::vector<ValueLevel>& b) {
    Eq(p + ".size", a.size(), b.size());
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
      Eq(p + "[" + std::to_string(i) + "].name", a[i].name, b[i].name);
      Eq(p + "[" + std::to_string(i) + "].value", a[i].value, b[i].value);
    }
  }

  void Award(const std::optional<MoneyAward>& a,
             const std::optional<MoneyAward>& b) {
    Eq("award.has", a.has_value(), b.has_value());
    if (!a || !b) return;
    Eq("award.method", a->method, b->method);
    Eq("award.price", a->price, b->price);
    Eq("award.decimals", a->options.decimals, b->options.decimals);
    Eq("award.currency", a->options.currency, b->options.currency);
    const auto& fa = a->fictitious.criteria;
    const auto& fb = b->fictitious.criteria;
    Eq("award.criteria.size", fa.size(), fb.size());
    for (std::size_t i = 0; i < fa.size() && i < fb.size(); ++i) {
      const std::string p = "award.criteria[" + std::to_string(i) + "]";
      Eq(p + ".id", fa[i].id, fb[i].id);
      Eq(p + ".name", fa[i].name, fb[i].name);
      Eq(p + ".value", fa[i].value, fb[i].value);
      Eq(p + ".kind", fa[i].kind, fb[i].kind);
      Levels(p + ".levels", fa[i].levels, fb[i].levels);
    }
    Eq("award.ladder.column", a->ladder.criterion, b->ladder.criterion);
    Eq("award.ladder.name", a->ladder.name, b->ladder.name);
    Eq("award.ladder.kind", a->ladder.kind, b->ladder.kind);
    Levels("award.ladder.levels", a->ladder.levels, b->ladder.levels);
    Eq("award.environmental.column", a->environmental.criterion,
       b->environmental.criterion);
    Eq("award.environmental.name", a->environmental.name,
       b->environmental.name);
    Eq("award.environmental.factor", a->environmental.factor,
       b->environmental.factor);
    Eq("award.prozorro.cap", a->prozorro.cap, b->prozorro.cap);
    const auto& pa = a->prozorro.features;
    const auto& pb = b->prozorro.features;
    Eq("award.features.size", pa.size(), pb.size());
    for (std::size_t i = 0; i < pa.size() && i < pb.size(); ++i) {
      const std::string p = "award.features[" + std::to_string(i) + "]";
      Eq(p + ".code", pa[i].code, pb[i].code);
      Eq(p + ".title", pa[i].title, pb[i].title);
      Levels(p + ".enum", pa[i].options, pb[i].options);
    }
  }

  void Requirements(const std::vector<Requirement>& a,
                    const std::vector<Requirement>& b) {
    Eq("requirements.size", a.size(), b.size());
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
      const std::string p = "requirements[" + std::to_string(i) + "]";
      Eq(p + ".id", a[i].id, b[i].id);
      Eq(p + ".name", a[i].name, b[i].name);
      Eq(p + ".description", a[i].description, b[i].description);
      Eq(p + ".evidence", a[i].evidence, b[i].evidence);
      Eq(p + ".kind", a[i].kind, b[i].kind);
      Doc(p + ".doc", a[i].doc, b[i].doc);
      Eq(p + ".groups.size", a[i].groups.size(), b[i].groups.size());
      for (std::size_t g = 0; g < a[i].groups.size() && g < b[i].groups.size();
           ++g) {
        const auto& ca = a[i].groups[g].conditions;
        const auto& cb = b[i].groups[g].conditions;
        const std::string q = p + ".groups[" + std::to_string(g) + "]";
        Eq(q + ".size", ca.size(), cb.size());
        for (std::size_t k = 0; k < ca.size() && k < cb.size(); ++k) {
          const std::string r = q + "[" + std::to_string(k) + "]";
          Eq(r + ".field", ca[k].field, cb[k].field);
          Eq(r + ".op", ca[k].op, cb[k].op);
          Eq(r + ".text", ca[k].text, cb[k].text);
          Eq(r + ".number", ca[k].number, cb[k].number);
          Eq(r + ".numeric", ca[k].numeric, cb[k].numeric);
          Eq(r + ".one_of", ca[k].one_of, cb[k].one_of);
        }
      }
    }
  }

  void Set(const CriteriaSet& a, const CriteriaSet& b) {
    Eq("format", a.format, b.format);
    Eq("id", a.id, b.id);
    Eq("version", a.version, b.version);
    Eq("title", a.title, b.title);
    Eq("description", a.description, b.description);
    Eq("publisher", a.publisher, b.publisher);
    Eq("currency", a.currency, b.currency);
    Eq("scale", a.scale, b.scale);
    Eq("weights", a.weights, b.weights);
    Criteria("criteria", a.criteria, b.criteria);
    Requirements(a.requirements, b.requirements);
    Eq("max_pass", a.max_pass, b.max_pass);
    Eq("rounding.decimals", a.rounding.decimals, b.rounding.decimals);
    Eq("rounding.points", a.rounding.points, b.rounding.points);
    Eq("rounding.totals", a.rounding.totals, b.rounding.totals);
    Eq("tie_break.size", a.tie_break.size(), b.tie_break.size());
    for (std::size_t i = 0; i < a.tie_break.size() && i < b.tie_break.size();
         ++i) {
      const std::string p = "tie_break[" + std::to_string(i) + "]";
      Eq(p + ".kind", a.tie_break[i].kind, b.tie_break[i].kind);
      Eq(p + ".target", a.tie_break[i].target, b.tie_break[i].target);
      Eq(p + ".seed", a.tie_break[i].seed, b.tie_break[i].seed);
    }
    Eq("abnormally_low.kind", a.abnormally_low.kind, b.abnormally_low.kind);
    Eq("abnormally_low.criterion", a.abnormally_low.criterion,
       b.abnormally_low.criterion);
    Eq("abnormally_low.percent", a.abnormally_low.percent,
       b.abnormally_low.percent);
    Opt("abnormally_low.budget", a.abnormally_low.budget,
        b.abnormally_low.budget);
    Panel("panel", a.panel, b.panel);
    Award(a.award, b.award);
    Eq("product_group", a.product_group, b.product_group);
    Eq("labels", a.labels, b.labels);
    Eq("descriptions", a.descriptions, b.descriptions);
    Eq("sources.size", a.sources.size(), b.sources.size());
    for (std::size_t i = 0; i < a.sources.size() && i < b.sources.size(); ++i) {
      const std::string p = "sources[" + std::to_string(i) + "]";
      Eq(p + ".id", a.sources[i].id, b.sources[i].id);
      Eq(p + ".title", a.sources[i].title, b.sources[i].title);
      Eq(p + ".publisher", a.sources[i].publisher, b.sources[i].publisher);
      Eq(p + ".year", a.sources[i].year, b.sources[i].year);
      Eq(p + ".url", a.sources[i].url, b.sources[i].url);
    }
    Eq("clauses.size", a.clauses.size(), b.clauses.size());
    for (std::size_t i = 0; i < a.clauses.size() && i < b.clauses.size(); ++i) {
      const std::string p = "clauses[" + std::to_string(i) + "]";
      Eq(p + ".id", a.clauses[i].id, b.clauses[i].id);
      Eq(p + ".name", a.clauses[i].name, b.clauses[i].name);
      Eq(p + ".description", a.clauses[i].description,
         b.clauses[i].description);
      Doc(p + ".doc", a.clauses[i].doc, b.clauses[i].doc);
    }
  }

 private:
  template <typename T>
  static void Print(std::ostream& s, const T& v) {
    if constexpr (std::is_arithmetic_v<T>) {
      s.precision(17);
      s << v;
    } else if constexpr (std::is_convertible_v<T, std::string>) {
      s << '"' << v << '"';
    } else {
      s << "(differs)";
    }
  }
};

}  // namespace

std::vector<std::string> SetDifferences(const circa::CriteriaSet& a,
                                        const circa::CriteriaSet& b) {
  Comparer c;
  c.Set(a, b);
  return c.out;
}

}  // namespace circa_test
