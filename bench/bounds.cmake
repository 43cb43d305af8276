# Bounded cost (issue 12, item 4): flat criteria, tied pairs, capped
# analyses, one-line notices, many scale levels.
target_sources(circa_bench PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/bounds_benchmark.cc)
