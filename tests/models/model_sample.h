// Shared helpers for the model-library tests: load a sample tender (which
// derives from a model set), find bids and columns by id, and check that a
// bid was knocked out by a requirement.
#ifndef CIRCA_TESTS_MODELS_MODEL_SAMPLE_H_
#define CIRCA_TESTS_MODELS_MODEL_SAMPLE_H_

#include <gtest/gtest.h>

#include <cstddef>
#include <stdexcept>
#include <string>

#include "circa/circa.h"
#include "test_util.h"

namespace circa_test::models {

// Loads samples/<name> (a path relative to the source tree) as a tender.
// Throws, and so fails the calling test with every diagnostic, when it does
// not load without errors.
inline circa::Tender LoadSample(const std::string& name) {
  circa::Result<circa::TenderPaths> paths =
      circa::ResolveTenderDirectory(SourcePath(name));
  if (!paths.ok()) throw std::runtime_error(Describe(paths.diagnostics));
  circa::Result<circa::Tender> tender = circa::LoadTender(*paths.value, {});
  if (!tender.ok() || circa::HasErrors(tender.diagnostics)) {
    throw std::runtime_error(Describe(tender.diagnostics));
  }
  return std::move(*tender.value);
}

// The bid's index in input order, or -1.
inline int IndexOf(const circa::BidSet& bids, const std::string& id) {
  for (std::size_t i = 0; i < bids.ids.size(); ++i) {
    if (bids.ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

// The leaf criterion's column, or -1.
inline int ColumnOf(const circa::Scorer& scorer, const std::string& id) {
  for (std::size_t j = 0; j < scorer.columns().size(); ++j) {
    if (scorer.columns()[j].id == id) return static_cast<int>(j);
  }
  return -1;
}

// Bid `id` is excluded, unranked, by the requirement `rule`.
inline void ExpectExcludedByRequirement(const circa::Evaluation& e,
                                        const circa::BidSet& bids,
                                        const std::string& id,
                                        const std::string& rule) {
  const int i = IndexOf(bids, id);
  ASSERT_GE(i, 0) << "no bid " << id;
  const auto k = static_cast<std::size_t>(i);
  EXPECT_EQ(e.status[k], circa::BidStatus::kExcluded) << id;
  EXPECT_EQ(e.rank[k], 0) << id;
  ASSERT_LT(k, e.exclusion.size());
  EXPECT_EQ(e.exclusion[k].stage, circa::ExclusionStage::kRequirement) << id;
  EXPECT_EQ(e.exclusion[k].rule, rule) << id;
}

}  // namespace circa_test::models

#endif  // CIRCA_TESTS_MODELS_MODEL_SAMPLE_H_
