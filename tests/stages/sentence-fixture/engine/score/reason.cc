// A scoring stage that writes a sentence into a result: the scan
// (scripts/check-no-sentences.py) must find it.
#include <string>

namespace circa {

std::string Reason(double points) {
  if (points < 0) {
    diag.Error({}, "points", "expected a number of points");  // allowed
  }
  return "scored " + std::to_string(points) + " points, below the minimum";
}

}  // namespace circa
