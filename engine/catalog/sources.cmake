# The facilitator catalogue (include/circa/catalog.h, docs/catalog.md):
# writing sets back as YAML, diff, lint, the library list and summaries.
target_sources(circa_catalog PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/catalog/text_util.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/catalog/yaml_out.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/catalog/diff.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/catalog/lint.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/catalog/legal_floors.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/catalog/library_list.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/catalog/summary.cc)
