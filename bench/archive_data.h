// Synthetic tenders for the archive and batch tests and benchmarks: a
// price criterion (lowest-ratio) and quality criteria (linear 0..10, each
// with a circular strategy), bids with prices and quality values drawn from
// a seeded generator. The same tender as files (tender.yaml, bids.csv,
// record.yaml) and as a loaded Tender built in code (no YAML parse).
#ifndef CIRCA_BENCH_ARCHIVE_DATA_H_
#define CIRCA_BENCH_ARCHIVE_DATA_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "circa/archive.h"
#include "circa/validate.h"

namespace circa::bench {

struct SyntheticTender {
  std::vector<StoredFile> files;  // tender.yaml, bids.csv, record.yaml
  Tender tender;
  TenderInfo info;
};

inline std::string SyntheticNumber(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}

// Tender `n` (deterministic in n): `bids` bids, `criteria` leaves.
inline SyntheticTender MakeSyntheticTender(int n, int bids = 8,
                                           int criteria = 15) {
  std::mt19937_64 rng(static_cast<std::uint64_t>(n) * 7919 + 17);
  std::uniform_real_distribution<double> price(80000, 150000);
  std::uniform_real_distribution<double> quality(0, 10);
  const std::vector<Strategy>& strategies = AllStrategies();
  const char* groups[] = {"office-furniture", "ict-hardware", "cleaning",
                          "workwear-textiles"};
  SyntheticTender out;
  out.info.reference = "T" + std::to_string(n);
  out.info.product_group = groups[n % 4];
  out.info.date = std::to_string(2020 + n % 5) + "-06-01";
  out.info.buyer = "Buyer " + std::to_string(n % 7);
  out.info.cpv = n % 2 == 0 ? "39130000" : "30213100";
  const int price_points = 30 + 10 * (n % 4);  // 30, 40, 50, 60
  const int quality_leaves = criteria - 1;
  // Quality points split evenly, the remainder on the first.
  const int q_total = 100 - price_points;
  std::string yaml = "circa: 1\nid: synthetic-" + std::to_string(n) +
                     "\nversion: 1.0.0\ntitle: Synthetic tender " +
                     std::to_string(n) +
                     "\nproduct-group: " + out.info.product_group +
                     "\nscale: 100\ncriteria:\n";
  CriteriaSet set;
  set.id = "synthetic-" + std::to_string(n);
  set.version = "1.0.0";
  set.title = "Synthetic tender " + std::to_string(n);
  set.product_group = out.info.product_group;
  set.source = "tender.yaml";
  Criterion p;
  p.id = "price";
  p.name = "price";
  p.type = CriterionType::kPrice;
  p.weight = price_points;
  p.scoring = ScoringRule{};
  p.scoring->rule = Rule::kLowestRatio;
  p.scoring->better = Direction::kLowerIsBetter;
  set.criteria.push_back(p);
  yaml += "  - id: price\n    type: price\n    weight: " +
          std::to_string(price_points) +
          "\n    scoring: {rule: lowest-ratio}\n";
  for (int j = 0; j < quality_leaves; ++j) {
    const int w =
        q_total / quality_leaves + (j == 0 ? q_total % quality_leaves : 0);
    Criterion q;
    q.id = "q" + std::to_string(j + 1);
    q.name = q.id;
    q.type = CriterionType::kQuality;
    q.weight = w;
    q.scoring = ScoringRule{};
    q.scoring->rule = Rule::kLinear;
    q.scoring->worst = 0;
    q.scoring->best = 10;
    const Strategy s =
        strategies[static_cast<std::size_t>(j) % strategies.size()];
    if (j % 3 != 2) q.doc.strategies.push_back(s);
    set.criteria.push_back(q);
    yaml += "  - id: " + q.id +
            "\n    type: quality\n    weight: " + std::to_string(w) +
            "\n    scoring: {rule: linear, worst: 0, best: 10}\n";
    if (j % 3 != 2) {
      yaml += "    strategies: [" + std::string(ToString(s)) + "]\n";
    }
  }
  Result<CriteriaSet> valid = ValidateCriteria(std::move(set));
  out.tender.criteria = std::move(*valid.value);
  BidSet& b = out.tender.bids;
  b.values.resize(bids, criteria);
  std::string csv = "bid,supplier,price";
  for (int j = 0; j < quality_leaves; ++j) csv += ",q" + std::to_string(j + 1);
  csv += "\n";
  b.criteria.push_back("price");
  for (int j = 0; j < quality_leaves; ++j)
    b.criteria.push_back("q" + std::to_string(j + 1));
  for (int i = 0; i < bids; ++i) {
    const std::string id = "B" + std::to_string(i + 1);
    b.ids.push_back(id);
    b.suppliers.push_back("Supplier " + std::to_string(i + 1));
    csv += id + ",Supplier " + std::to_string(i + 1);
    for (int j = 0; j < criteria; ++j) {
      // Two decimals, as written in the file.
      const double raw = j == 0 ? price(rng) : quality(rng);
      const std::string text = SyntheticNumber(raw);
      b.values(i, j) = std::stod(text);
      b.text.push_back(text);
      csv += "," + text;
    }
    csv += "\n";
    b.rows.push_back(SourceLocation{"bids.csv", i + 2, 1});
  }
  b.locale = "auto";
  b.source = "bids.csv";
  std::string record = "reference: " + out.info.reference +
                       "\nbuyer: " + out.info.buyer +
                       "\ndate: " + out.info.date + "\ncpv: \"" + out.info.cpv +
                       "\"\nproduct-group: " + out.info.product_group + "\n";
  out.files = {StoredFile{"bids.csv", csv}, StoredFile{"record.yaml", record},
               StoredFile{"tender.yaml", yaml}};
  return out;
}

}  // namespace circa::bench

#endif  // CIRCA_BENCH_ARCHIVE_DATA_H_
