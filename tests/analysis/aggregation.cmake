circa_test(analysis_aggregation_test
  ${CMAKE_CURRENT_SOURCE_DIR}/aggregation_test.cc)
