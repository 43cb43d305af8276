target_sources(circa_report PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/report/analysis_report.cc)
