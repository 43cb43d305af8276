// Renderers write through a ChunkedWriter: text accumulates in a buffer of
// about 64 KB that is handed to the caller's TextSink whenever it fills, so
// a report's memory does not grow with its length.
#ifndef CIRCA_ENGINE_REPORT_SINK_H_
#define CIRCA_ENGINE_REPORT_SINK_H_

#include <string>
#include <string_view>

#include "circa/report.h"

namespace circa::report {

class ChunkedWriter {
 public:
  static constexpr std::size_t kChunk = 64 * 1024;

  explicit ChunkedWriter(const TextSink& sink) : sink_(sink) {
    buffer_.reserve(kChunk + kChunk / 4);
  }
  // Hands over what is left: a renderer's last text needs no explicit call.
  ~ChunkedWriter() { Flush(); }
  ChunkedWriter(const ChunkedWriter&) = delete;
  ChunkedWriter& operator=(const ChunkedWriter&) = delete;

  ChunkedWriter& operator+=(std::string_view text) {
    buffer_ += text;
    if (buffer_.size() >= kChunk) Flush();
    return *this;
  }
  ChunkedWriter& operator+=(char c) {
    buffer_ += c;
    if (buffer_.size() >= kChunk) Flush();
    return *this;
  }
  void Flush() {
    if (buffer_.empty()) return;
    sink_(buffer_);
    buffer_.clear();
  }

 private:
  const TextSink& sink_;
  std::string buffer_;
};

// A TextSink that appends to `out`.
inline TextSink CollectInto(std::string* out) {
  return [out](std::string_view text) { out->append(text); };
}

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_SINK_H_
