target_sources(circa_engine PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/report/analysis_report.cc)
