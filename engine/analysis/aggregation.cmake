# Comparison methods (issues 6 and 17): docs/aggregation.md.
target_sources(circa_analysis PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/aggregation.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/normalisation.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/vikor.cc
  ${CMAKE_CURRENT_SOURCE_DIR}/analysis/promethee.cc)
# The words describing these methods (engine/explain, read by the reports).
target_sources(circa_explain PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/explain/method_words.cc)
