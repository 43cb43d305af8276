circa_test(analysis_aggregation_test
  ${CMAKE_CURRENT_SOURCE_DIR}/aggregation_test.cc)
# Methods of issue 17 against published worked examples.
circa_test(analysis_methods_test ${CMAKE_CURRENT_SOURCE_DIR}/methods_test.cc)
