// Fuzz target: ImportNotice on arbitrary bytes (eForms UBL XML, a bare
// cac:AwardingTerms fragment, TED XML R2.0.x; anything else, such as OCDS
// JSON, must be refused with a diagnostic). For an imported notice: every
// lot has a valid set id and title, unique criterion ids, finite weights and
// report entries with a position in the notice; each lot's skeleton
// (ToCriteriaYaml) is non-empty valid UTF-8 and ParseCriteria reads it
// without breaking an invariant, and loads it whenever the importer says the
// lot's weights are complete; RenderImportReport is non-empty valid UTF-8.
// The procedure's facts and the lots' published results (read for the
// archive) are valid UTF-8, and every result is a finite number >= 0.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "circa/circa.h"
#include "fuzz/fuzz_check.h"
#include "io/file.h"

namespace {

constexpr const char* kFile = "notice.xml";
constexpr const char* kSkeleton = "skeleton.yaml";

bool Utf8(const std::string& text) {
  int line = 0;
  int column = 0;
  return circa::io::CheckUtf8(text, &line, &column);
}

// circa's id syntax: a letter or digit, then letters, digits, _ . -; at
// most 64 characters.
bool ValidId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char ch = id[i];
    const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                       (ch >= '0' && ch <= '9');
    if (!alnum && (i == 0 || (ch != '_' && ch != '.' && ch != '-'))) {
      return false;
    }
  }
  return true;
}

void CheckCriterion(const circa::ImportedCriterion& c,
                    std::set<std::string>* ids) {
  FUZZ_CHECK(ValidId(c.id), "criterion id \"" + c.id + "\"");
  FUZZ_CHECK(ids->insert(c.id).second, "duplicate criterion id " + c.id);
  FUZZ_CHECK(!c.name.empty(), "criterion " + c.id + " has no name");
  FUZZ_CHECK(Utf8(c.name) && Utf8(c.description),
             "name or description of " + c.id + " is not valid UTF-8");
  for (const auto& v : {c.weight, c.min_score, c.fixed}) {
    FUZZ_CHECK(!v || std::isfinite(*v), "a number of " + c.id);
  }
  for (const circa::ImportedCriterion& child : c.children) {
    FUZZ_CHECK(child.children.empty(), "sub-criteria of a sub-criterion");
    CheckCriterion(child, ids);
  }
}

void CheckLot(const circa::ImportedLot& lot) {
  FUZZ_CHECK(ValidId(lot.set_id), "set id \"" + lot.set_id + "\"");
  FUZZ_CHECK(!lot.title.empty(), "lot " + lot.id + " has no title");
  FUZZ_CHECK(lot.source == kFile, "lot source");
  FUZZ_CHECK(std::isfinite(lot.scale) && lot.scale > 0,
             "scale of lot " + lot.id);
  const circa::LotResults& r = lot.results;
  for (const auto& v : {r.winning_value, r.lowest_value, r.highest_value}) {
    FUZZ_CHECK(!v || (std::isfinite(*v) && *v >= 0),
               "a result of lot " + lot.id);
  }
  FUZZ_CHECK(!r.tenders_received || *r.tenders_received >= 0,
             "tenders received of lot " + lot.id);
  FUZZ_CHECK(Utf8(r.currency), "result currency of lot " + lot.id);
  for (const std::string& o : lot.objectives) {
    FUZZ_CHECK(Utf8(o), "an objective code of lot " + lot.id);
  }
  std::set<std::string> ids;
  for (const circa::ImportedCriterion& c : lot.criteria) {
    CheckCriterion(c, &ids);
  }
  for (const circa::ImportReportEntry& e : lot.report) {
    const std::string text = e.ToString();
    FUZZ_CHECK(e.where.file == kFile && e.where.line > 0 && e.where.column > 0,
               "report entry without a position: " + text);
    FUZZ_CHECK(!e.code.empty() && !e.message.empty(), text);
  }

  const std::string yaml = circa::ToCriteriaYaml(lot);
  FUZZ_CHECK(!yaml.empty(), "empty skeleton");
  FUZZ_CHECK(Utf8(yaml), "skeleton of lot " + lot.id + " is not valid UTF-8");
  const circa::Result<circa::CriteriaSet> set =
      circa::ParseCriteria(yaml, kSkeleton);
  circa_fuzz::CheckResult(set, kSkeleton);
  if (lot.weights_complete) {
    std::string why;
    for (const circa::Diagnostic& d : set.diagnostics) {
      why += "\n  " + d.ToString();
    }
    FUZZ_CHECK(set.ok(), "lot " + lot.id +
                             " is complete but its skeleton does not load:" +
                             why + "\n" + yaml);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const circa::Result<circa::ImportedNotice> result =
      circa::ImportNotice(text, kFile);
  circa_fuzz::CheckResult(result, kFile);
  if (!result.ok()) return 0;
  const circa::ImportedNotice& notice = *result.value;
  FUZZ_CHECK(notice.file == kFile, "notice file");
  for (const std::string* f : {&notice.buyer, &notice.reference, &notice.date,
                               &notice.cpv, &notice.procedure}) {
    FUZZ_CHECK(Utf8(*f), "a fact of the procedure is not valid UTF-8");
  }
  for (const circa::ImportedLot& lot : notice.lots) CheckLot(lot);
  const std::string report = circa::RenderImportReport(notice);
  FUZZ_CHECK(!report.empty() && Utf8(report),
             "RenderImportReport is empty or not valid UTF-8");
  return 0;
}
