#include "report/lcc_report.h"

#include <algorithm>
#include <cmath>

#include "circa/money.h"
#include "explain/messages.h"
#include "explain/money_words.h"
#include "report/text_util.h"

namespace circa::report {
namespace {

// Components with a non-zero present value for some offer, in column order.
std::vector<int> UsedComponents(const LccEvaluation& lcc) {
  std::vector<int> out;
  for (int c = 0; c < kLccComponents; ++c) {
    for (const LccOfferResult& o : lcc.offers) {
      if (o.present_value.size() > c && o.present_value(c) != 0) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

std::string Name(int c, Language language) {
  return LccComponentName(static_cast<LccComponent>(c), language);
}

// Column headers of the terminal table, short enough for 100 columns.
std::string Short(int c, Language language) {
  return LccComponentShort(static_cast<LccComponent>(c), language);
}

std::string Rank(const LccOfferResult& o) {
  return std::to_string(o.rank) + (o.tied ? "=" : "");
}

}  // namespace

std::string LccClause(const LccEvaluation& lcc, const LccOfferResult& o,
                      Language language) {
  return LccClauseText(lcc, o, language);
}

std::string LccTable(const LccEvaluation& lcc, int width, Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  const std::vector<int> used = UsedComponents(lcc);
  int id_w = Width(m("lcc.offer"));
  for (const LccOfferResult& o : lcc.offers) {
    id_w = std::max(id_w, Width(o.id));
  }
  id_w = std::min(id_w, 16);
  std::vector<int> col_w;
  for (const int c : used) {
    int w = Width(Short(c, language));
    for (const LccOfferResult& o : lcc.offers) {
      w = std::max(w, Width(m.Number(o.present_value(c), 2)));
    }
    col_w.push_back(std::min(w, 14));
  }
  int lcc_w = Width(m("lcc.lcc"));
  for (const LccOfferResult& o : lcc.offers) {
    lcc_w = std::max(lcc_w, Width(m.Number(o.lcc_rounded, 2)));
  }
  // Components that do not fit the width are left out (Markdown and JSON
  // have them all); the LCC column always stays.
  std::size_t shown = used.size();
  const auto line_width = [&](std::size_t columns) {
    int w = 4 + 2 + id_w + 2 + lcc_w;
    for (std::size_t k = 0; k < columns; ++k) w += 2 + col_w[k];
    return w;
  };
  while (shown > 0 && line_width(shown) > width) --shown;
  std::string out = "\n" + Wrap(LccHeadingText(lcc, language), width, "");
  out += PadLeft(m("lcc.rank"), 4) + "  " + PadRight(m("lcc.offer"), id_w);
  for (std::size_t k = 0; k < shown; ++k) {
    out += "  " + PadLeft(Short(used[k], language), col_w[k]);
  }
  out += "  " + PadLeft(m("lcc.lcc"), lcc_w) + "\n";
  for (const std::size_t i : lcc.order) {
    const LccOfferResult& o = lcc.offers[i];
    out += PadLeft(Rank(o), 4) + "  " + PadRight(o.id, id_w);
    for (std::size_t k = 0; k < shown; ++k) {
      out += "  " + PadLeft(m.Number(o.present_value(used[k]), 2), col_w[k]);
    }
    out += "  " + PadLeft(m.Number(o.lcc_rounded, 2), lcc_w) + "\n";
  }
  if (shown < used.size()) out += Wrap(m("lcc.not_all"), width, "");
  return out;
}

std::string LccMarkdown(const LccEvaluation& lcc, Language language) {
  const explain::Messages& m = explain::Messages::Of(language);
  const std::vector<int> used = UsedComponents(lcc);
  std::string out = "\n## " + MdText(LccHeadingText(lcc, language)) + "\n\n| " +
                    m("lcc.rank") + " | " + m("lcc.offer") + " |";
  std::string rule = "|---:|---|";
  for (const int c : used) {
    out += " " + Name(c, language) + " |";
    rule += "---:|";
  }
  out += " " + m("lcc.lcc") + " |\n" + rule + "---:|\n";
  for (const std::size_t i : lcc.order) {
    const LccOfferResult& o = lcc.offers[i];
    out += "| " + Rank(o) + " | " + MdText(o.id) + " |";
    for (const int c : used) {
      out += " " + m.Number(o.present_value(c), 2) + " |";
    }
    out += " " + m.Number(o.lcc_rounded, 2) + " |\n";
  }
  for (const std::size_t i : lcc.order) {
    const LccOfferResult& o = lcc.offers[i];
    out +=
        "\n### " +
        MdText(m("lcc.by_year", {{"id", o.id}, {"currency", lcc.currency}})) +
        "\n\n" + MdText(LccOfferSentence(lcc, i, language));
    out +=
        " " + MdText(m("lcc.residual_line",
                       {{"basis", ResidualBasisText(o.residual_basis,
                                                    lcc.currency, language)}}));
    out += "\n\n| " + m("lcc.year") + " |";
    std::string r = "|---:|";
    for (const int c : used) {
      out += " " + Name(c, language) + " |";
      r += "---:|";
    }
    out += " " + m("lcc.total") + " | " + m("lcc.discounted") + " |\n" + r +
           "---:|---:|\n";
    for (Eigen::Index t = 0; t < o.nominal.rows(); ++t) {
      out += "| " + std::to_string(t) + " |";
      for (const int c : used) {
        out += " " + m.Number(o.nominal(t, c), 2) + " |";
      }
      out += " " + m.Number(o.nominal.row(t).sum(), 2) + " | " +
             m.Number(o.discounted.row(t).sum(), 2) + " |\n";
    }
  }
  return out;
}

nlohmann::ordered_json LccJson(const LccEvaluation& lcc) {
  using nlohmann::ordered_json;
  ordered_json offers = ordered_json::array();
  for (const std::size_t i : lcc.order) {
    const LccOfferResult& o = lcc.offers[i];
    ordered_json pv = ordered_json::object();
    for (int c = 0; c < kLccComponents; ++c) {
      pv[std::string(ToString(static_cast<LccComponent>(c)))] =
          report::Round6(o.present_value(c));
    }
    ordered_json years = ordered_json::array();
    for (Eigen::Index t = 0; t < o.nominal.rows(); ++t) {
      ordered_json y;
      y["year"] = static_cast<int>(t);
      for (int c = 0; c < kLccComponents; ++c) {
        y[std::string(ToString(static_cast<LccComponent>(c)))] =
            report::Round6(o.nominal(t, c));
      }
      y["total"] = report::Round6(o.nominal.row(t).sum());
      y["discounted"] = report::Round6(o.discounted.row(t).sum());
      years.push_back(y);
    }
    const LccResidual& how = o.residual_basis;
    ordered_json from = {{"basis", ToString(how.basis)}};
    if (how.basis == ResidualBasis::kEndOfLife ||
        how.basis == ResidualBasis::kLinear) {
      from["life"] = how.life;
    }
    if (how.basis == ResidualBasis::kLinear) {
      from["years_left"] = how.years_left;
      from["price"] = report::Round6(how.price);
    }
    offers.push_back({{"id", o.id},
                      {"supplier", o.supplier},
                      {"kind", ToString(o.kind)},
                      {"price", report::Round6(o.price)},
                      {"lcc", report::Round6(o.lcc_rounded)},
                      {"rank", o.rank},
                      {"tied", o.tied},
                      {"replacement_years", o.replacement_years},
                      {"residual", report::Round6(o.residual)},
                      {"residual_basis", ResidualBasisText(how, lcc.currency)},
                      {"residual_from", from},
                      {"present_value", pv},
                      {"years", years},
                      {"sentence", LccOfferSentence(lcc, i)}});
  }
  return {{"currency", lcc.currency},
          {"horizon", lcc.horizon},
          {"discount_rate", report::Round6(lcc.discount_rate)},
          {"offers", offers}};
}

}  // namespace circa::report
