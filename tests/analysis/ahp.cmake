# AHP weights (engine/analysis/ahp*.cc); data in data/ahp/.
circa_test(analysis_ahp_test ${CMAKE_CURRENT_SOURCE_DIR}/ahp_test.cc)
# The discovered tests are named Ahp*.*; this whole-file run lets the
# lower-case `ctest -R ahp` select them too.
add_test(NAME analysis_ahp_test COMMAND analysis_ahp_test
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
# Issue 17: approximate method, completion of incomplete matrices, tables.
circa_test(analysis_ahp_extras_test ${CMAKE_CURRENT_SOURCE_DIR}/ahp_extras_test.cc)
