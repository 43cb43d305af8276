// The workbook (report/workbook.h). Sheets, in order:
//   Criteria     one row per leaf: id, name, type, weight, rule (in words),
//                direction, unit, and the lowest and highest value among the
//                bids scored (MINIFS / MAXIFS formulas over Values);
//   Values       one row per bid: id, supplier, whether it reached the
//                quality and the price stage (circa's decision, 1 or 0),
//                then the value on every criterion;
//   Scores       the score of every cell (a formula implementing the rule),
//                its points (score x weight, rounded as the set declares)
//                and the total (their sum);
//   Ranking      rank (RANK formula), bid, supplier, total, in circa's order;
//   Explanations circa's sentences for every bid.
#include "report/workbook.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "circa/labels.h"
#include "explain/messages.h"
#include "report/text_util.h"
#include "util/criteria_index.h"

namespace circa::report {
namespace {

using explain::DocumentWords;

constexpr lxw_row_t kFirst = 1;  // first data row (row 0: the heads)
constexpr lxw_col_t kValueCol = 4;

std::string Cell(lxw_row_t row, lxw_col_t col, bool absolute = false) {
  char name[LXW_MAX_CELL_NAME_LENGTH];
  if (absolute) {
    lxw_rowcol_to_cell_abs(name, row, col, 1, 1);
  } else {
    lxw_rowcol_to_cell(name, row, col);
  }
  return name;
}

std::string Range(const std::string& sheet, lxw_row_t from, lxw_row_t to,
                  lxw_col_t col) {
  return sheet + "!" + Cell(from, col, true) + ":" + Cell(to, col, true);
}

std::string N(double v) { return fmt::format("{}", v); }

// A sheet name as a formula reference: quoted when not a plain word.
std::string SheetRef(const std::string& name) {
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '_';
    if (!plain) return "'" + name + "'";
  }
  return name;
}

// Text from an input as a cell shows it: control characters escaped (an
// XML 1.0 file cannot hold most of them).
std::string CellText(std::string_view text) { return Display(text); }

class Book {
 public:
  // Constant memory: each row is written out when the next one starts (the
  // sheets are filled row by row), so 100,000 bids do not hold every cell.
  Book(const std::string& path, std::string tmpdir)
      : tmpdir_(std::move(tmpdir)) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir_.data();
    wb_ = workbook_new_opt(path.c_str(), &options);
  }
  ~Book() {
    if (wb_ != nullptr && !closed_) workbook_close(wb_);
  }
  Book(const Book&) = delete;
  Book& operator=(const Book&) = delete;
  lxw_workbook* get() const { return wb_; }
  lxw_error Close() {
    closed_ = true;
    return workbook_close(wb_);
  }

 private:
  std::string tmpdir_;
  lxw_workbook* wb_ = nullptr;
  bool closed_ = false;
};

}  // namespace

std::string ScoreFormula(const ScoringRule& r, const std::string& x,
                         const std::string& lo, const std::string& hi,
                         const std::string& values, const std::string& flags) {
  const bool lower = r.better == Direction::kLowerIsBetter;
  // Every ratio rule degenerates the same way when the lowest is 0.
  const auto zero_lowest = [&](const std::string& f) {
    return "IF(" + lo + "<=0,IF(" + x + "=0,1,0)," + f + ")";
  };
  switch (r.rule) {
    case Rule::kLowestRatio:
      return "=" + zero_lowest(lo + "/" + x);
    case Rule::kPercentOfLowest:
      return "=" + zero_lowest("MAX(0,1-(" + x + "-" + lo + ")/" + lo + ")");
    case Rule::kLogarithmic: {
      const std::string f =
          "1-LN(" + x + "/" + lo + ")/LN(" + N(r.zero_at) + ")";
      return "=" + zero_lowest(r.allow_negative ? f : "MAX(0," + f + ")");
    }
    case Rule::kLinearRange:
      return "=IF(" + hi + "=" + lo + ",1," +
             (lower ? "(" + hi + "-" + x + ")/(" + hi + "-" + lo + ")"
                    : "(" + x + "-" + lo + ")/(" + hi + "-" + lo + ")") +
             ")";
    case Rule::kLinearCeiling:
      return "=IF(" + lo + ">=" + N(r.ceiling) + ",0,MAX(0,(" + N(r.ceiling) +
             "-" + x + ")/(" + N(r.ceiling) + "-" + lo + ")))";
    case Rule::kLinear:
      return "=MIN(1,MAX(0,(" + x + "-(" + N(r.worst) + "))/(" + N(r.best) +
             "-(" + N(r.worst) + "))))";
    case Rule::kRatioToBest:
      if (lower) return "=" + zero_lowest(lo + "/" + x);
      return "=IF(" + hi + "<=0,0," + x + "/" + hi + ")";
    case Rule::kShareOfTotal:
      // The sum over the scored bids (flag 1); an unscored row adds 0 to the
      // reciprocals whatever its value (F<>1 keeps its divisor >= 1).
      if (lower) {
        return "=" + zero_lowest("(1/" + x + ")/SUMPRODUCT((" + flags +
                                 "=1)/(" + values + "+(" + flags + "<>1)))");
      }
      return "=IF(" + hi + "<=0,0," + x + "/SUMIF(" + flags + ",1," + values +
             "))";
    case Rule::kBelowHighest:
      return "=IF(" + hi + "<=0,1,1-" + x + "/" + hi + ")";
    case Rule::kSteps: {
      // "At most" steps: the first threshold met; "at least": the last.
      std::string f = "0";
      if (lower) {
        for (auto it = r.steps.rbegin(); it != r.steps.rend(); ++it) {
          f = "IF(" + x + "<=" + N(it->threshold) + "," + N(it->score) + "," +
              f + ")";
        }
      } else {
        for (const Step& st : r.steps) {
          f = "IF(" + x + ">=" + N(st.threshold) + "," + N(st.score) + "," + f +
              ")";
        }
      }
      return "=" + f;
    }
    case Rule::kYesNo:
      return "=" + x;
    case Rule::kScale:
      return "=" + x + "/" + N(r.levels.back().value);
  }
  return "=0";
}

bool RenderWorkbook(const Report& rep, const DocumentWords& w,
                    const TextSink& sink, std::string* why) {
  const CriteriaSet& set = *rep.criteria;
  const BidSet& bids = *rep.bids;
  const Scorer& scorer = *rep.scorer;
  const Evaluation& e = *rep.evaluation;
  const auto& cols = scorer.columns();
  const std::vector<std::string> names = ColumnNames(rep);  // in the language
  // A sheet holds 1,048,576 rows and 16,384 columns.
  if (cols.size() > (LXW_COL_MAX - 3) / 2 || bids.size() >= LXW_ROW_MAX - 1) {
    if (why != nullptr) {
      *why = fmt::format(
          "{} bids and {} criteria do not fit a worksheet (at most {} bids "
          "and {} criteria)",
          bids.size(), cols.size(), LXW_ROW_MAX - 2, (LXW_COL_MAX - 3) / 2);
    }
    return false;
  }
  const auto m = static_cast<lxw_col_t>(cols.size());
  const auto n = static_cast<lxw_row_t>(bids.size());
  const lxw_row_t last = n == 0 ? kFirst : kFirst + n - 1;

  namespace fs = std::filesystem;
  // $TMPDIR when it names a directory, else /tmp.
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec);
  if (ec || tmp.empty()) tmp = "/tmp";
  std::string path = (tmp / "circa-workbook-XXXXXX.xlsx").string();
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) {
    if (why != nullptr) {
      *why = "cannot create a temporary file in " + tmp.string();
    }
    return false;
  }
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove_on_exit{path};

  Book book(path, tmp.string());
  lxw_workbook* wb = book.get();
  if (wb == nullptr) {
    if (why != nullptr) *why = "libxlsxwriter could not start " + path;
    return false;
  }
  std::string title = CellText(LocalTitle(set, rep.language));
  lxw_doc_properties props{};
  props.title = title.data();
  props.created = static_cast<time_t>(kWorkbookCreated);
  workbook_set_properties(wb, &props);

  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  lxw_format* num = workbook_add_format(wb);
  format_set_num_format(num, "0.00");
  lxw_format* score = workbook_add_format(wb);
  format_set_num_format(score, "0.0000");

  lxw_worksheet* crit = workbook_add_worksheet(wb, w.sheet_criteria.c_str());
  lxw_worksheet* vals = workbook_add_worksheet(wb, w.sheet_values.c_str());
  lxw_worksheet* sc = workbook_add_worksheet(wb, w.sheet_scores.c_str());
  lxw_worksheet* rank = workbook_add_worksheet(wb, w.sheet_ranking.c_str());
  lxw_worksheet* expl =
      workbook_add_worksheet(wb, w.sheet_explanations.c_str());
  const std::string crit_ref = SheetRef(w.sheet_criteria);
  const std::string vals_ref = SheetRef(w.sheet_values);
  const std::string sc_ref = SheetRef(w.sheet_scores);

  // Criteria.
  const char* crit_heads[] = {
      w.id.c_str(),     w.criterion.c_str(), w.type.c_str(),
      w.weight.c_str(), w.rule.c_str(),      w.direction.c_str(),
      w.unit.c_str(),   w.lowest.c_str(),    w.highest.c_str()};
  for (lxw_col_t c = 0; c < 9; ++c) {
    worksheet_write_string(crit, 0, c, crit_heads[c], bold);
  }
  worksheet_set_column(crit, 0, 1, 24, nullptr);
  worksheet_set_column(crit, 4, 4, 60, nullptr);
  constexpr lxw_col_t kWeight = 3, kLowest = 7, kHighest = 8;
  for (lxw_col_t j = 0; j < m; ++j) {
    const Column& c = cols[j];
    const auto row = static_cast<lxw_row_t>(kFirst + j);
    const bool money = c.type != CriterionType::kQuality;
    worksheet_write_string(crit, row, 0, CellText(c.id).c_str(), nullptr);
    worksheet_write_string(crit, row, 1, CellText(names[j]).c_str(), nullptr);
    worksheet_write_string(crit, row, 2,
                           w.type_name(std::string(ToString(c.type))).c_str(),
                           nullptr);
    worksheet_write_number(crit, row, kWeight, c.weight, nullptr);
    worksheet_write_string(
        crit, row, 4,
        CellText(DescribeRule(c.rule, set.currency, c.unit, rep.language) +
                 " (" + (c.relative ? w.relative : w.absolute) + ")")
            .c_str(),
        nullptr);
    worksheet_write_string(
        crit, row, 5, std::string(ToString(c.rule.better)).c_str(), nullptr);
    worksheet_write_string(
        crit, row, 6,
        CellText(explain::Messages::Of(rep.language).UnitName(c.unit)).c_str(),
        nullptr);
    const std::string values =
        Range(vals_ref, kFirst, last, static_cast<lxw_col_t>(kValueCol + j));
    const std::string flags =
        Range(vals_ref, kFirst, last, money ? lxw_col_t{3} : lxw_col_t{2});
    const auto jj = static_cast<Eigen::Index>(j);
    worksheet_write_formula_num(
        crit, row, kLowest,
        ("=_xlfn.MINIFS(" + values + "," + flags + ",1)").c_str(), nullptr,
        e.column_min.size() > jj ? e.column_min[jj] : 0.0);
    worksheet_write_formula_num(
        crit, row, kHighest,
        ("=_xlfn.MAXIFS(" + values + "," + flags + ",1)").c_str(), nullptr,
        e.column_max.size() > jj ? e.column_max[jj] : 0.0);
  }

  // Scores' columns: score 2..m+1, points m+2..2m+1, total 2m+2, then the
  // quality points and whether every minimum score is met (1/0).
  const auto points0 = static_cast<lxw_col_t>(2 + m);
  const auto total_col = static_cast<lxw_col_t>(2 + 2 * m);
  const auto qpts_col = static_cast<lxw_col_t>(total_col + 1);
  const auto thr_col = static_cast<lxw_col_t>(total_col + 2);
  const bool staged_money = !scorer.thresholds().empty() || set.max_pass;

  // Values.
  worksheet_write_string(vals, 0, 0, w.bid.c_str(), bold);
  worksheet_write_string(vals, 0, 1, w.supplier.c_str(), bold);
  worksheet_write_string(vals, 0, 2, w.scored_quality.c_str(), bold);
  worksheet_write_string(vals, 0, 3, w.scored_price.c_str(), bold);
  worksheet_write_comment(vals, 0, 2, w.comment_exclusion.c_str());
  worksheet_write_comment(
      vals, 0, 3,
      (staged_money ? w.comment_thresholds : w.comment_exclusion).c_str());
  worksheet_set_column(vals, 0, 1, 20, nullptr);
  // Looked up once, not per column (20,000 columns).
  const util::CriteriaIndex index(set);
  std::unordered_set<std::string_view> panel_criteria;
  if (rep.panel != nullptr) {
    for (const PanelCell& cell : rep.panel->cells) {
      panel_criteria.insert(cell.criterion);
    }
  }
  for (lxw_col_t j = 0; j < m; ++j) {
    worksheet_write_string(vals, 0, static_cast<lxw_col_t>(kValueCol + j),
                           CellText(cols[j].id).c_str(), bold);
    const Criterion* leaf = index.Find(cols[j].id);
    if (leaf != nullptr && leaf->from_lcc) {
      worksheet_write_comment(vals, 0, static_cast<lxw_col_t>(kValueCol + j),
                              w.comment_lcc.c_str());
    } else if (panel_criteria.contains(cols[j].id)) {
      worksheet_write_comment(vals, 0, static_cast<lxw_col_t>(kValueCol + j),
                              w.comment_panel.c_str());
    }
  }
  for (lxw_row_t i = 0; i < n; ++i) {
    const lxw_row_t row = kFirst + i;
    const auto ii = static_cast<Eigen::Index>(i);
    worksheet_write_string(vals, row, 0, CellText(bids.ids[i]).c_str(),
                           nullptr);
    worksheet_write_string(vals, row, 1, CellText(bids.suppliers[i]).c_str(),
                           nullptr);
    worksheet_write_number(vals, row, 2, e.Scored(ii, false) ? 1 : 0, nullptr);
    if (!staged_money) {
      worksheet_write_number(vals, row, 3, e.Scored(ii, true) ? 1 : 0, nullptr);
    } else {
      // Minimum scores and max-pass as formulas over the quality points
      // (Scores sheet); the requirements stay circa's decision.
      const std::string q = sc_ref + "!" + Cell(row, qpts_col);
      std::string f = "=IF(AND(" + Cell(row, 2) + "=1," + sc_ref + "!" +
                      Cell(row, thr_col) + "=1";
      if (set.max_pass) {
        f += ",COUNTIFS(" + Range(sc_ref, kFirst, last, thr_col) + ",1," +
             Range(sc_ref, kFirst, last, qpts_col) + ",\">\"&" + q + ")<" +
             std::to_string(*set.max_pass);
      }
      f += "),1,0)";
      worksheet_write_formula_num(vals, row, 3, f.c_str(), nullptr,
                                  e.Scored(ii, true) ? 1 : 0);
    }
    for (lxw_col_t j = 0; j < m; ++j) {
      const double v = bids.values(ii, static_cast<Eigen::Index>(j));
      if (std::isfinite(v)) {
        worksheet_write_number(vals, row, static_cast<lxw_col_t>(kValueCol + j),
                               v, nullptr);
      }
    }
  }

  // Scores.
  const Rounding& rounding = scorer.rounding();
  worksheet_write_string(sc, 0, 0, w.bid.c_str(), bold);
  worksheet_write_string(sc, 0, 1, w.supplier.c_str(), bold);
  worksheet_write_string(sc, 0, total_col, w.total.c_str(), bold);
  if (staged_money) {
    worksheet_write_string(sc, 0, qpts_col, w.quality_points.c_str(), bold);
    worksheet_write_string(sc, 0, thr_col, w.thresholds_met.c_str(), bold);
  }
  worksheet_set_column(sc, 0, 1, 20, nullptr);
  for (lxw_col_t j = 0; j < m; ++j) {
    worksheet_write_string(sc, 0, static_cast<lxw_col_t>(2 + j),
                           w.column_of(w.score, CellText(names[j])).c_str(),
                           bold);
    worksheet_write_string(sc, 0, static_cast<lxw_col_t>(points0 + j),
                           w.column_of(w.points, CellText(names[j])).c_str(),
                           bold);
  }
  for (lxw_row_t i = 0; i < n; ++i) {
    const lxw_row_t row = kFirst + i;
    const auto ii = static_cast<Eigen::Index>(i);
    worksheet_write_formula_str(sc, row, 0,
                                ("=" + vals_ref + "!" + Cell(row, 0)).c_str(),
                                nullptr, CellText(bids.ids[i]).c_str());
    worksheet_write_formula_str(sc, row, 1,
                                ("=" + vals_ref + "!" + Cell(row, 1)).c_str(),
                                nullptr, CellText(bids.suppliers[i]).c_str());
    for (lxw_col_t j = 0; j < m; ++j) {
      const Column& c = cols[j];
      const auto crow = static_cast<lxw_row_t>(kFirst + j);
      const std::string flag =
          vals_ref + "!" +
          Cell(row,
               c.type != CriterionType::kQuality ? lxw_col_t{3} : lxw_col_t{2});
      const lxw_col_t flag_col =
          c.type != CriterionType::kQuality ? lxw_col_t{3} : lxw_col_t{2};
      std::string f = ScoreFormula(
          c.rule,
          vals_ref + "!" + Cell(row, static_cast<lxw_col_t>(kValueCol + j)),
          crit_ref + "!" + Cell(crow, kLowest, true),
          crit_ref + "!" + Cell(crow, kHighest, true),
          Range(vals_ref, kFirst, last, static_cast<lxw_col_t>(kValueCol + j)),
          Range(vals_ref, kFirst, last, flag_col));
      f = "=IF(" + flag + "=1," + f.substr(1) + ",0)";
      const auto jj = static_cast<Eigen::Index>(j);
      worksheet_write_formula_num(sc, row, static_cast<lxw_col_t>(2 + j),
                                  f.c_str(), score, e.scores(ii, jj));
      std::string p = Cell(row, static_cast<lxw_col_t>(2 + j)) + "*" +
                      crit_ref + "!" + Cell(crow, kWeight, true);
      if (rounding.decimals >= 0 && rounding.points) {
        p = "ROUND(" + p + "," + std::to_string(rounding.decimals) + ")";
      }
      worksheet_write_formula_num(sc, row, static_cast<lxw_col_t>(points0 + j),
                                  ("=" + p).c_str(), num, e.Points(ii, jj));
    }
    std::string t =
        m == 0 ? std::string("0")
               : "SUM(" + Cell(row, points0) + ":" +
                     Cell(row, static_cast<lxw_col_t>(points0 + m - 1)) + ")";
    if (rounding.decimals >= 0 && rounding.totals) {
      t = "ROUND(" + t + "," + std::to_string(rounding.decimals) + ")";
    }
    worksheet_write_formula_num(sc, row, total_col, ("=" + t).c_str(), num,
                                e.totals[ii]);
    if (!staged_money) continue;
    // Quality points, and the minimum scores met (as the scorer compares,
    // to 1e-9).
    std::string qp = "0";
    double quality = 0;
    for (lxw_col_t j = 0; j < m; ++j) {
      if (cols[j].type != CriterionType::kQuality) continue;
      qp += "+" + Cell(row, static_cast<lxw_col_t>(points0 + j));
      quality += e.Points(ii, static_cast<Eigen::Index>(j));
    }
    worksheet_write_formula_num(sc, row, qpts_col, ("=" + qp).c_str(), num,
                                quality);
    std::string ok = "=IF(AND(TRUE";
    bool met = true;
    for (const ScoreThreshold& th : scorer.thresholds()) {
      std::string sum = "0";
      for (lxw_col_t j = 0; j < m; ++j) {
        if (th.mask[static_cast<Eigen::Index>(j)] == 0) continue;
        sum += "+" + Cell(row, static_cast<lxw_col_t>(points0 + j));
      }
      ok += "," + sum + ">=" + N(th.min_points) + "-1E-9";
      met = met && e.PointsOn(ii, th.mask) >= th.min_points - 1e-9;
    }
    ok += "),1,0)";
    worksheet_write_formula_num(sc, row, thr_col, ok.c_str(), nullptr,
                                met ? 1 : 0);
  }

  // Ranking, in circa's order: RANK among the bids that reached the price
  // stage (excluded bids: 0, as in the JSON result).
  worksheet_write_string(rank, 0, 0, w.rank.c_str(), bold);
  worksheet_write_string(rank, 0, 1, w.bid.c_str(), bold);
  worksheet_write_string(rank, 0, 2, w.supplier.c_str(), bold);
  worksheet_write_string(rank, 0, 3, w.total.c_str(), bold);
  worksheet_write_comment(rank, 0, 0, w.comment_rank.c_str());
  worksheet_set_column(rank, 1, 2, 20, nullptr);
  const std::string totals = Range(sc_ref, kFirst, last, total_col);
  const std::string in_price = Range(vals_ref, kFirst, last, 3);
  for (std::size_t o = 0; o < e.order.size(); ++o) {
    const int i = e.order[o];
    const auto bid_row = kFirst + static_cast<lxw_row_t>(i);
    const lxw_row_t row = kFirst + static_cast<lxw_row_t>(o);
    const std::string total = sc_ref + "!" + Cell(bid_row, total_col);
    const std::string flag = vals_ref + "!" + Cell(bid_row, 3);
    const std::string f = "=IF(" + flag + "=1,RANK(" + total + "," + totals +
                          ")-COUNTIFS(" + in_price + ",0," + totals +
                          ",\">\"&" + total + "),0)";
    worksheet_write_formula_num(rank, row, 0, f.c_str(), nullptr,
                                e.rank[static_cast<std::size_t>(i)]);
    worksheet_write_string(
        rank, row, 1, CellText(bids.ids[static_cast<std::size_t>(i)]).c_str(),
        nullptr);
    worksheet_write_string(
        rank, row, 2,
        CellText(bids.suppliers[static_cast<std::size_t>(i)]).c_str(), nullptr);
    worksheet_write_formula_num(rank, row, 3, ("=" + total).c_str(), num,
                                e.totals[i]);
  }

  // Explanations: one row per sentence.
  worksheet_write_string(expl, 0, 0, w.bid.c_str(), bold);
  worksheet_write_string(expl, 0, 1, w.explanation.c_str(), bold);
  worksheet_set_column(expl, 0, 0, 20, nullptr);
  worksheet_set_column(expl, 1, 1, 120, wrap);
  lxw_row_t row = kFirst;
  for (const int i : e.order) {
    const BidExplanation x = rep.Explanation(i);
    std::vector<std::string> lines{x.summary};
    lines.insert(lines.end(), x.award_steps.begin(), x.award_steps.end());
    lines.insert(lines.end(), x.versus_winner.begin(), x.versus_winner.end());
    for (const CriterionExplanation& c : x.criteria) lines.push_back(c.text);
    if (!x.relative_note.empty()) lines.push_back(x.relative_note);
    const std::string id = CellText(bids.ids[static_cast<std::size_t>(i)]);
    for (const std::string& line : lines) {
      if (line.empty()) continue;
      worksheet_write_string(expl, row, 0, id.c_str(), nullptr);
      worksheet_write_string(expl, row, 1, CellText(line).c_str(), nullptr);
      ++row;
    }
  }

  if (const lxw_error err = book.Close(); err != LXW_NO_ERROR) {
    if (why != nullptr) *why = lxw_strerror(err);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in),
                          std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) {
    if (why != nullptr) *why = "cannot read back " + path;
    return false;
  }
  sink(bytes);
  return true;
}

}  // namespace circa::report
