# Robustness analyses (issue 6): rank reversal, weight sensitivity,
# counterfactuals. Public API: include/circa/robustness.h (and
# include/circa/direction.h, which direction a rule's value improves).
target_sources(circa_analysis PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/rank_reversal.cc
  ${CMAKE_CURRENT_LIST_DIR}/sensitivity.cc
  ${CMAKE_CURRENT_LIST_DIR}/counterfactual.cc
  ${CMAKE_CURRENT_LIST_DIR}/direction.cc)
