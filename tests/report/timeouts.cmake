# Read by ctest after the discovered report_test tests (TEST_INCLUDE_FILES):
# the 100,000-bid money award streams megabytes in every format; it gets an
# explicit timeout and the `big` label, as the CLI's big-input tests do.
set_tests_properties("AwardStream.HundredThousandBidsAreNeverHeldWhole"
  PROPERTIES TIMEOUT 300 LABELS big)
