// Scored tenders shared by the renderer tests: the Negometrix example
// (DOMAIN.md §7 T1) and the office-furniture sample.
#ifndef CIRCA_TESTS_REPORT_FIXTURES_H_
#define CIRCA_TESTS_REPORT_FIXTURES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "circa/circa.h"
#include "test_util.h"

namespace circa_test {

// Every chunk a renderer hands to its TextSink: joined, counted, and the
// largest measured (the streamed-output tests).
struct Chunks {
  std::string text;
  std::size_t count = 0;
  std::size_t largest = 0;
  circa::TextSink Sink() {
    return [this](std::string_view chunk) {
      text.append(chunk);
      ++count;
      if (chunk.size() > largest) largest = chunk.size();
    };
  }
};

// Experience 60, QA 40, Time 30 (points awarded directly: linear 0..max),
// Price 70 by lowest-ratio; 200 points.
inline constexpr char kT1Criteria[] = R"(circa: 1
id: negometrix-t1
version: "1"
title: Negometrix low-bid example
currency: USD
scale: 200
criteria:
  - {id: experience, name: Experience, type: quality, weight: 60,
     scoring: {rule: linear, worst: 0, best: 60}}
  - {id: qa, name: QA, type: quality, weight: 40,
     scoring: {rule: linear, worst: 0, best: 40}}
  - {id: time, name: Time, type: quality, weight: 30,
     scoring: {rule: linear, worst: 0, best: 30}}
  - {id: price, name: Price, type: price, weight: 70,
     scoring: {rule: lowest-ratio}}
)";
inline constexpr char kT1Bids[] =
    "bid,experience,qa,time,price\nA,40,30,20,10000\nB,32,20,22,8000\n";

// Owns everything a Report points to.
struct Scored {
  circa::CriteriaSet criteria;
  circa::BidSet bids;
  std::unique_ptr<circa::Scorer> scorer;
  circa::Evaluation evaluation;
  circa::Report report;
};

inline std::unique_ptr<Scored> Score(circa::CriteriaSet criteria,
                                     circa::BidSet bids) {
  auto s = std::make_unique<Scored>();
  s->criteria = std::move(criteria);
  s->bids = std::move(bids);
  s->scorer =
      std::make_unique<circa::Scorer>(circa_test::CompileOk(s->criteria));
  s->evaluation = s->scorer->Evaluate(s->bids);
  s->report =
      circa::MakeReport(s->criteria, s->bids, *s->scorer, s->evaluation);
  return s;
}

inline std::unique_ptr<Scored> ScoreText(std::string_view criteria,
                                         std::string_view bids_csv) {
  circa::CriteriaSet set = ParseCriteriaOk(criteria);
  circa::BidSet bids = ParseBidsOk(bids_csv, set);
  return Score(std::move(set), std::move(bids));
}

inline std::string SampleCriteriaPath() {
  return SourcePath("samples/office-furniture/tender.yaml");
}
inline std::string SampleBidsPath() {
  return SourcePath("samples/office-furniture/bids.csv");
}

inline std::unique_ptr<Scored> ScoreSample() {
  circa::Result<circa::CriteriaSet> set =
      circa::LoadCriteriaFile(SampleCriteriaPath());
  if (!set.ok()) throw std::runtime_error(Describe(set.diagnostics));
  circa::Result<circa::BidSet> bids =
      circa::LoadBidsFile(SampleBidsPath(), *set.value);
  if (!bids.ok()) throw std::runtime_error(Describe(bids.diagnostics));
  return Score(std::move(*set.value), std::move(*bids.value));
}

}  // namespace circa_test

#endif  // CIRCA_TESTS_REPORT_FIXTURES_H_
