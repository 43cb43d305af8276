# Evaluator panels (issue 3 item 3): the panel scores reader, aggregation
# and the panel policy reader used by io/criteria_reader.cc. Included from
# engine/CMakeLists.txt, where CMAKE_CURRENT_SOURCE_DIR is engine/.
target_sources(circa_engine PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/panel/panel.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/panel/policy_reader.cc)
