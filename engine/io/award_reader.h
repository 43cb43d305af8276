// The criteria set's `award:` block (docs/criteria-format.md, "Money-based
// award"): read with positions by the criteria reader's YamlReader, and
// checked against the set it belongs to.
#ifndef CIRCA_ENGINE_IO_AWARD_READER_H_
#define CIRCA_ENGINE_IO_AWARD_READER_H_

#include "circa/criteria.h"
#include "io/yaml_node.h"

namespace circa::money {

// Reads root["award"] (if present) into set->award. Call it after the rest
// of the set has been read: it checks that award.price names a price or
// cost leaf, that the method's bid-file columns do not clash with
// criteria, and that the set declares no points-only rule (min-score,
// max-pass, abnormally-low, panel, a {higher: ...} tie-break).
void ReadAward(const io::YamlReader& r, const io::YamlNode& root,
               CriteriaSet* set);

// Reads a criterion's `from:` key: `from: lcc` on a cost leaf takes the
// value from each bid's life-cycle cost (docs/lcc.md).
void ReadFrom(const io::YamlReader& r, const io::YamlNode& node,
              const std::string& path, Criterion* criterion);

}  // namespace circa::money

#endif  // CIRCA_ENGINE_IO_AWARD_READER_H_
