# Robustness analyses (issue 6): rank-reversal probe, weight sensitivity,
# counterfactuals.
target_sources(circa_bench PRIVATE
  ${CMAKE_CURRENT_SOURCE_DIR}/robustness_benchmark.cc)
