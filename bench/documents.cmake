# The HTML report and the workbook (issue 14 items 3 and 4).
target_sources(circa_bench PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/documents_benchmark.cc)
