target_sources(circa_analysis PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/analysis/smaa.cc)
