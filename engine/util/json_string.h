// A JSON string literal written straight into an output buffer, for the
// streaming JSON writers (report/json.cc, archive/batch_render.cc).
#ifndef CIRCA_ENGINE_UTIL_JSON_STRING_H_
#define CIRCA_ENGINE_UTIL_JSON_STRING_H_

#include <string>
#include <string_view>

namespace circa::util {

// Appends `text` as a quoted JSON string, byte for byte what
// nlohmann::json(text).dump() writes: ASCII is escaped here, and text with
// any other byte goes through nlohmann, which checks its UTF-8.
void AppendJsonString(std::string* out, std::string_view text);

}  // namespace circa::util

#endif  // CIRCA_ENGINE_UTIL_JSON_STRING_H_
