// Ids a criterion may not take: the bid file's own columns.
#ifndef CIRCA_ENGINE_IO_RESERVED_IDS_H_
#define CIRCA_ENGINE_IO_RESERVED_IDS_H_

#include <string_view>

namespace circa::io {

// "bid", "id" and "supplier" name a bid file's own columns, so no
// criterion may take them.
inline bool IsReservedId(std::string_view id) {
  return id == "bid" || id == "id" || id == "supplier";
}

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_RESERVED_IDS_H_
