# Evaluator panels (issue 3 item 3): the panel scores reader and
# aggregation (the panel policy reader is io/policy_reader.cc). Included from
# engine/CMakeLists.txt, where CMAKE_CURRENT_SOURCE_DIR is engine/.
target_sources(circa_panel PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/panel/panel.cc)
