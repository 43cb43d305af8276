# Read by ctest after the discovered cli_test tests (TEST_INCLUDE_FILES):
# the big-input tests get an explicit timeout, so a hanging circa fails
# instead of stalling the suite. (Every test also stops circa itself after
# RunOptions::timeout.)
foreach(_test
    CliBigInput.HundredMegabyteBidsFileEndsQuickly
    CliBigInput.HundredMegabytesOfNulBytes
    CliBigInput.HundredMegabyteCriteriaFileIsRefusedUnread)
  set_tests_properties("${_test}" PROPERTIES TIMEOUT 300 LABELS big)
endforeach()
