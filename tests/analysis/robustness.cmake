# Robustness analyses (engine/analysis/{rank_reversal,sensitivity,
# counterfactual}.cc).
circa_test(analysis_robustness_test
  ${CMAKE_CURRENT_LIST_DIR}/rank_reversal_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/sensitivity_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/counterfactual_test.cc
  ${CMAKE_CURRENT_LIST_DIR}/eligibility_test.cc)
