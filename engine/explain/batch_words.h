// Internal: the words of a batch comparison (docs/batch.md) — column
// headings and the summary's sentences, written from the summary's numbers.
#ifndef CIRCA_ENGINE_EXPLAIN_BATCH_WORDS_H_
#define CIRCA_ENGINE_EXPLAIN_BATCH_WORDS_H_

#include <string>
#include <vector>

#include "circa/batch.h"

namespace circa::explain {

// Headings of the per-tender table: reference, group, year, bids, winner,
// published, margin, lowest price won, premium, price share, circular
// share, fragile, then one per scenario.
std::vector<std::string> BatchTenderHeadings(
    const std::vector<std::string>& scenarios);
// The cells of one tender's row, in the headings' order.
std::vector<std::string> BatchTenderCells(const TenderBatchResult& result);
// "every tender" or "office-furniture, 2024".
std::string BatchGroupTitle(const BatchGroup& group);
// The summary of one group, one sentence per line.
std::vector<std::string> BatchGroupLines(
    const BatchGroup& group, const std::vector<std::string>& scenarios);
// A tender that could not be scored: "PATH: ERROR".
std::string BatchFailure(const TenderBatchResult& result);

}  // namespace circa::explain

#endif  // CIRCA_ENGINE_EXPLAIN_BATCH_WORDS_H_
