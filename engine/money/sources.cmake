# Money-based award methods and life-cycle cost (issue 5):
# docs/money-methods.md and docs/lcc.md.
target_sources(circa_money PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/money/methods.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/money/lcc.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/money/award.cc)
# Their reports: pure renderers, in the report stage.
target_sources(circa_report PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/report/award_report.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/report/lcc_report.cc)
