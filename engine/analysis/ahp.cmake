# AHP weights (issue 6 item 1): docs/ahp.md.
target_sources(circa_analysis PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/ahp.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/ahp_report.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/ahp_apply.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/ahp_complete.cc)
