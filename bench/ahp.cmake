# AHP weights: priorities of a 15 x 15 comparison matrix.
target_sources(circa_bench PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ahp_benchmark.cc)
