circa_test(analysis_smaa_test ${CMAKE_CURRENT_SOURCE_DIR}/smaa_test.cc)
