# Streamed reports (issue 12 item 4, issue 16 item 4): every format rendered
# bid by bid into a sink.
target_sources(circa_bench PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/stream_benchmark.cc)
