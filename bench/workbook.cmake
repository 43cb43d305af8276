# Workbook bid files (issue 15): a 10,000-row .xlsx loaded.
target_sources(circa_bench PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/workbook_benchmark.cc)
target_link_libraries(circa_bench PRIVATE PkgConfig::libzip)
