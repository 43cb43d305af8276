// Renderers write through a ChunkedWriter: text accumulates in a buffer of
// about 64 KB that is handed to the caller's TextSink whenever it fills, so
// a report's memory does not grow with its length. Every chunk but the
// last is exactly kChunk bytes.
#ifndef CIRCA_ENGINE_REPORT_SINK_H_
#define CIRCA_ENGINE_REPORT_SINK_H_

#include <algorithm>
#include <future>
#include <string>
#include <string_view>
#include <system_error>

#include "circa/report.h"
#include "report/text_util.h"

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

  // Long text is handed over in slices: no chunk is longer than kChunk.
  // Whole chunks of it go to the sink as they stand, without a copy into
  // the buffer (a block of 512 bids' JSON is about 1 MB).
  ChunkedWriter& operator+=(std::string_view text) {
    while (!text.empty()) {
      if (buffer_.empty() && text.size() >= kChunk) {
        sink_(text.substr(0, kChunk));
        text.remove_prefix(kChunk);
        continue;
      }
      const std::size_t take = std::min(kChunk - buffer_.size(), text.size());
      buffer_ += text.substr(0, take);
      text.remove_prefix(take);
      if (buffer_.size() >= kChunk) Flush();
    }
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

// Writes elements 0..count-1 in order, element n appended to a string by
// render(n, &text). Blocks of kBlock elements are rendered two at a time,
// the second on another thread, so both cores render while memory holds at
// most two blocks. `render` must be safe to call from two threads at once
// (renderers only read the report); what it throws reaches the caller.
template <typename Render>
void WriteInBlocks(std::size_t count, const Render& render,
                   ChunkedWriter& out) {
  constexpr std::size_t kBlock = 512;
  // Two texts, one per block of a pair, reused from pair to pair: their
  // capacity is kept, so a block is not grown from nothing (and its pages
  // not mapped afresh) every time.
  std::string texts[2];
  // The thread's number precision holds for the other thread's blocks too
  // (`--precision full` rounded every other block of 512 bids before).
  const bool full_precision = FullPrecisionScope::On();
  const auto block = [&render, count, full_precision](std::size_t from,
                                                      std::string* text) {
    const FullPrecisionScope precision(full_precision);
    text->clear();
    const std::size_t to = std::min(count, from + kBlock);
    for (std::size_t n = from; n < to; ++n) render(n, text);
  };
  for (std::size_t from = 0; from < count; from += 2 * kBlock) {
    std::future<void> second;
    if (from + kBlock < count) {
      try {
        second =
            std::async(std::launch::async, block, from + kBlock, &texts[1]);
      } catch (const std::system_error&) {
        // No thread to be had: the second block is rendered here.
        second =
            std::async(std::launch::deferred, block, from + kBlock, &texts[1]);
      }
    }
    block(from, &texts[0]);
    out += texts[0];
    if (second.valid()) {
      second.get();
      out += texts[1];
    }
  }
}

// A TextSink that appends to `out`.
inline TextSink CollectInto(std::string* out) {
  return [out](std::string_view text) { out->append(text); };
}

}  // namespace circa::report

#endif  // CIRCA_ENGINE_REPORT_SINK_H_
