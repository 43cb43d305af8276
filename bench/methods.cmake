# Comparison methods (issue 17): 20 x 30 per method, PROMETHEE on 1,000 x 30.
target_sources(circa_bench PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/methods_benchmark.cc)
