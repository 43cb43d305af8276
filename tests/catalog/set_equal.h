// Field-by-field comparison of two criteria sets for the writer's round
// trip: every field the reader fills, except positions, the file name and
// hash, and a derived set's origin and model (the writer turns those into
// comments).
#ifndef CIRCA_TESTS_CATALOG_SET_EQUAL_H_
#define CIRCA_TESTS_CATALOG_SET_EQUAL_H_

#include <string>
#include <vector>

#include "circa/criteria.h"

namespace circa_test {

// The paths where `a` and `b` differ ("criteria[1].scoring.best: 60 vs
// 80"); empty when they are equal.
std::vector<std::string> SetDifferences(const circa::CriteriaSet& a,
                                        const circa::CriteriaSet& b);

}  // namespace circa_test

#endif  // CIRCA_TESTS_CATALOG_SET_EQUAL_H_
