// util::CriteriaIndex gives the criterion CriteriaSet::Find gives, for
// every id of a nested set, a repeated id and a missing one.
#include "util/criteria_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace circa::util {
namespace {

Criterion Node(const std::string& id, std::vector<Criterion> children = {}) {
  Criterion c;
  c.id = id;
  c.children = std::move(children);
  return c;
}

TEST(CriteriaIndex, FindsWhatFindFinds) {
  CriteriaSet set;
  // "dup" twice: first as a child of g1 (depth first), then at the top.
  set.criteria = {Node("price"),
                  Node("g1", {Node("a"), Node("dup", {Node("deep")})}),
                  Node("dup"), Node("g2", {Node("b")})};
  const CriteriaIndex index(set);
  for (const std::string id :
       {"price", "g1", "a", "dup", "deep", "g2", "b", "none", ""}) {
    SCOPED_TRACE(id);
    EXPECT_EQ(index.Find(id), set.Find(id));
  }
  EXPECT_EQ(index.Find("dup"), &set.criteria[1].children[1]);
  EXPECT_EQ(index.Find("deep"), &set.criteria[1].children[1].children[0]);
  EXPECT_EQ(index.Find("none"), nullptr);
}

TEST(CriteriaIndex, EmptySetFindsNothing) {
  const CriteriaSet set;
  EXPECT_EQ(CriteriaIndex(set).Find("price"), nullptr);
}

}  // namespace
}  // namespace circa::util
