// A reader that reaches a later stage through "..": the scan
// (scripts/check-stage-includes.py) must find it.
#include "../score/stages.h"
#include "io/csv.h"  // allowed: the stage's own folder
