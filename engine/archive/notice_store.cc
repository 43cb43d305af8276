// Published notices in the archive (docs/archive.md, "Notices"): a notice
// is imported (circa/exchange.h) and stored in one transaction as a row of
// `tenders` (kind 'notice'), its file byte for byte, its lots and their
// award criteria with the published results.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "archive/sqlite.h"
#include "circa/archive.h"
#include "circa/exchange.h"

namespace circa {
namespace fs = std::filesystem;

namespace {

using archive_sql::Stmt;
using archive_sql::Transaction;

Diagnostic NoticeError(const std::string& file, const std::string& message) {
  Diagnostic d;
  d.where.file = file;
  d.where.line = 1;
  d.where.column = 1;
  d.message = message;
  return d;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The lot's criteria as stored: top-level criteria as published (a
// double-counted parent stands for its children), with their share of the
// lot's weights when every weight could be read.
std::vector<NoticeCriterion> Criteria(const ImportedLot& lot) {
  std::vector<NoticeCriterion> out;
  double total = 0;
  for (const ImportedCriterion& c : lot.criteria) {
    if (c.weight) total += *c.weight;
  }
  const bool shares =
      lot.weights_complete && lot.weights != WeightMode::kOrder && total > 0;
  for (const ImportedCriterion& c : lot.criteria) {
    NoticeCriterion n;
    n.name = c.name;
    n.description = c.description;
    n.type = c.type ? std::string(ToString(*c.type)) : std::string();
    n.published = c.published;
    if (shares && c.weight) n.share = *c.weight / total;
    std::string text = c.name + " " + c.description;
    for (const ImportedCriterion& child : c.children) {
      text += " " + child.name + " " + child.description;
    }
    n.themes = NoticeThemes(text);
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

Result<AddedTender> Archive::AddNotice(const std::string& path) {
  Result<AddedTender> result;
  Result<ImportedNotice> imported = ImportNoticeFile(path);
  result.diagnostics = imported.diagnostics;
  if (!imported.ok()) return result;
  const ImportedNotice& notice = *imported.value;
  if (notice.format == NoticeFormat::kEformsFragment) {
    result.diagnostics.push_back(NoticeError(
        path, "a bare " + notice.kind +
                  " fragment is not a notice (no buyer, date or results); "
                  "expected an eForms or TED notice"));
    return result;
  }
  StoredFile file;
  file.name = fs::path(path).filename().string();
  {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    file.bytes = s.str();
    if (!in && !in.eof()) {
      result.diagnostics.push_back(NoticeError(path, "cannot read the file"));
      return result;
    }
  }
  std::vector<std::vector<NoticeCriterion>> criteria;
  int criterion_count = 0;
  for (const ImportedLot& lot : notice.lots) {
    criteria.push_back(Criteria(lot));
    criterion_count += static_cast<int>(criteria.back().size());
  }
  TenderInfo info;
  info.reference = !notice.reference.empty()   ? notice.reference
                   : !notice.notice_id.empty() ? notice.notice_id
                                               : fs::path(path).stem().string();
  info.buyer = notice.buyer;
  info.date = notice.date;
  if (info.Year() == 0) info.date.clear();
  info.cpv = notice.cpv;
  info.title = notice.title;
  info.procedure = notice.procedure;
  if (notice.lots.size() == 1) {
    const LotResults& r = notice.lots[0].results;
    info.winning_value = r.winning_value;
    info.lowest_value = r.lowest_value;
    info.highest_value = r.highest_value;
    info.tenders_received = r.tenders_received.value_or(0);
  }
  const std::string hash = archive_sql::HashFiles({file});
  sqlite3* db = impl_->db;
  try {
    Transaction tx(db);
    {
      Stmt find(db, "SELECT id FROM tenders WHERE hash = ?");
      find.Bind(1, hash);
      if (find.Step()) {
        result.value = AddedTender{find.Int(0), false, path};
        return result;
      }
    }
    std::int64_t id = 0;
    {
      Stmt s(db,
             "INSERT INTO tenders (path, hash, reference, buyer, date, cpv, "
             "title, criterion_count, added_at, year, winning_value, "
             "lowest_value, highest_value, tenders_received, kind, procedure) "
             "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'notice',?)");
      s.Bind(1, path)
          .Bind(2, hash)
          .Bind(3, info.reference)
          .Bind(4, info.buyer)
          .Bind(5, info.date)
          .Bind(6, info.cpv)
          .Bind(7, info.title)
          .Bind(8, static_cast<std::int64_t>(criterion_count))
          .Bind(9, archive_sql::NowUtc())
          .Bind(10, static_cast<std::int64_t>(info.Year()))
          .Bind(11, info.winning_value)
          .Bind(12, info.lowest_value)
          .Bind(13, info.highest_value)
          .Bind(14, static_cast<std::int64_t>(info.tenders_received))
          .Bind(15, info.procedure);
      s.Step();
      id = sqlite3_last_insert_rowid(db);
    }
    {
      Stmt s(db, "INSERT INTO files (tender_id, name, bytes) VALUES (?,?,?)");
      s.Bind(1, id)
          .Bind(2, file.name)
          .Blob(3, file.bytes.data(), file.bytes.size());
      s.Step();
    }
    Stmt lot_row(db,
                 "INSERT INTO notice_lots (tender_id, position, lot_id, "
                 "title, currency, weights_complete, objectives, "
                 "winning_value, lowest_value, highest_value, "
                 "tenders_received, result_currency) VALUES "
                 "(?,?,?,?,?,?,?,?,?,?,?,?)");
    Stmt criterion_row(db,
                       "INSERT INTO notice_criteria (tender_id, lot, "
                       "position, name, description, type, published, "
                       "share, themes) VALUES (?,?,?,?,?,?,?,?,?)");
    for (std::size_t k = 0; k < notice.lots.size(); ++k) {
      const ImportedLot& lot = notice.lots[k];
      const LotResults& r = lot.results;
      lot_row.Bind(1, id)
          .Bind(2, static_cast<std::int64_t>(k))
          .Bind(3, lot.id)
          .Bind(4, lot.title)
          .Bind(5, lot.currency)
          .Bind(6, static_cast<std::int64_t>(lot.weights_complete ? 1 : 0))
          .Bind(7, Join(lot.objectives))
          .Bind(8, r.winning_value)
          .Bind(9, r.lowest_value)
          .Bind(10, r.highest_value);
      if (r.tenders_received) {
        lot_row.Bind(11, static_cast<std::int64_t>(*r.tenders_received));
      }
      lot_row.Bind(12, r.currency);
      lot_row.Step();
      lot_row.Reset();
      for (std::size_t j = 0; j < criteria[k].size(); ++j) {
        const NoticeCriterion& c = criteria[k][j];
        criterion_row.Bind(1, id)
            .Bind(2, static_cast<std::int64_t>(k))
            .Bind(3, static_cast<std::int64_t>(j))
            .Bind(4, c.name)
            .Bind(5, c.description)
            .Bind(6, c.type)
            .Bind(7, c.published)
            .Bind(8, c.share)
            .Bind(9, Join(c.themes));
        criterion_row.Step();
        criterion_row.Reset();
      }
    }
    tx.Commit();
    result.value = AddedTender{id, true, path};
  } catch (const std::exception& e) {
    result.diagnostics.push_back(NoticeError(impl_->path, e.what()));
  }
  return result;
}

std::vector<NoticeLot> Archive::NoticeLots(std::int64_t id) const {
  std::vector<NoticeLot> lots;
  {
    Stmt s(impl_->db,
           "SELECT lot_id, title, currency, weights_complete, objectives, "
           "winning_value, lowest_value, highest_value, tenders_received, "
           "result_currency FROM notice_lots WHERE tender_id = ? ORDER BY "
           "position");
    s.Bind(1, id);
    while (s.Step()) {
      NoticeLot lot;
      lot.lot_id = s.Text(0);
      lot.title = s.Text(1);
      lot.currency = s.Text(2);
      lot.weights_complete = s.Int(3) != 0;
      lot.objectives = Split(s.Text(4));
      if (!s.Null(5)) lot.winning_value = s.Real(5);
      if (!s.Null(6)) lot.lowest_value = s.Real(6);
      if (!s.Null(7)) lot.highest_value = s.Real(7);
      if (!s.Null(8)) lot.tenders_received = static_cast<int>(s.Int(8));
      lot.result_currency = s.Text(9);
      lots.push_back(std::move(lot));
    }
  }
  Stmt s(impl_->db,
         "SELECT lot, name, description, type, published, share, themes "
         "FROM notice_criteria WHERE tender_id = ? ORDER BY lot, position");
  s.Bind(1, id);
  while (s.Step()) {
    const std::int64_t lot = s.Int(0);
    if (lot < 0 || static_cast<std::size_t>(lot) >= lots.size()) continue;
    NoticeCriterion c;
    c.name = s.Text(1);
    c.description = s.Text(2);
    c.type = s.Text(3);
    c.published = s.Text(4);
    if (!s.Null(5)) c.share = s.Real(5);
    c.themes = Split(s.Text(6));
    lots[static_cast<std::size_t>(lot)].criteria.push_back(std::move(c));
  }
  return lots;
}

std::vector<std::string> FindNoticeFiles(
    const std::vector<std::string>& paths) {
  const auto is_xml = [](const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& ch : ext) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return ext == ".xml";
  };
  std::set<std::string> found;
  for (const std::string& root : paths) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      if (is_xml(root)) found.insert(root);
      continue;
    }
    if (!fs::is_directory(root, ec)) continue;
    for (fs::recursive_directory_iterator
             it(root, fs::directory_options::skip_permission_denied, ec),
         end;
         it != end; it.increment(ec)) {
      if (ec) break;
      // A tender directory's files are the tender's.
      if (it->is_directory(ec) &&
          fs::is_regular_file(it->path() / "tender.yaml", ec)) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_xml(it->path()) &&
          !fs::is_regular_file(it->path().parent_path() / "tender.yaml", ec)) {
        found.insert(it->path().string());
      }
    }
  }
  return {found.begin(), found.end()};
}

}  // namespace circa
