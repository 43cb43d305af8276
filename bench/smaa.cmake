target_sources(circa_bench PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/smaa_benchmark.cc)
