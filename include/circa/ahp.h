// Analytic Hierarchy Process: criterion weights from pairwise comparison
// matrices (Saaty's 1-9 scale), with the consistency ratio. File format and
// method: docs/ahp.md.
#ifndef CIRCA_AHP_H_
#define CIRCA_AHP_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa {

// How priorities are derived from a comparison matrix.
enum class AhpMethod {
  kEigen,      // principal right eigenvector (Saaty 1980)
  kGeometric,  // normalised row geometric means (Crawford & Williams 1985)
};

// Random-index tables for the consistency ratio CR = CI / RI(n).
enum class RandomIndexTable {
  kSaaty,  // Saaty (1980; 2012), n = 1..15
};

std::string_view ToString(AhpMethod method);
std::string_view ToString(RandomIndexTable table);
std::optional<AhpMethod> AhpMethodFromString(std::string_view text);
std::optional<RandomIndexTable> RandomIndexTableFromString(
    std::string_view text);
// RI(1..n) of a table, index 0 holding n = 1.
const std::vector<double>& RandomIndexValues(RandomIndexTable table);
// Bibliographic source of a table.
std::string_view RandomIndexSource(RandomIndexTable table);

struct AhpOptions {
  // Eigenvector (Saaty's definition) unless geometric means are asked for.
  AhpMethod method = AhpMethod::kEigen;
  // Table that gives RI(n); it limits groups to its largest n.
  RandomIndexTable random_index = RandomIndexTable::kSaaty;
  // A group whose CR exceeds this gets a warning (Saaty's 10 % rule).
  double cr_threshold = 0.10;
  // Comparisons named in that warning, most inconsistent first.
  int worst_pairs = 3;

  // False (with a reason) when a field is out of range.
  bool IsValid(std::string* why) const;
};

// One group's comparisons as read from the file: a positive reciprocal
// matrix (a(i, j) = 1 / a(j, i), a(i, i) = 1), rows in `criteria` order.
struct AhpGroup {
  std::string id;  // a group id of the criteria set, or "_top"
  std::vector<std::string> criteria;
  Eigen::MatrixXd matrix;
  SourceLocation where;  // the group's key
  // Where a(i, j) was written (i, j in either order; 0:0 if derived).
  std::vector<std::vector<SourceLocation>> written;
};

struct AhpJudgements {
  std::string source;        // file read
  std::string criteria_set;  // the set these judgements are for ("" = any)
  std::vector<AhpGroup> groups;
};

// Priorities of one matrix.
struct AhpPriorities {
  Eigen::VectorXd weights;  // sum 1, all > 0
  double lambda_max = 0;    // principal eigenvalue (estimate for geometric)
  double ci = 0;            // (lambda_max - n) / (n - 1); 0 for n <= 2
  double ri = 0;            // RI(n) of the table used
  double cr = 0;            // CI / RI; 0 when RI = 0 (n <= 2)
};

// A comparison and how far the weights are from it:
// error = |ln(a(i, j) * w(j) / w(i))|.
struct AhpInconsistency {
  int i = 0;
  int j = 0;
  double judged = 0;   // a(i, j)
  double implied = 0;  // w(i) / w(j)
  double error = 0;
};

struct AhpGroupResult {
  std::string id;
  SourceLocation where;  // the group's key in the judgements file
  std::vector<std::string> criteria;
  AhpPriorities priorities;
  std::vector<AhpInconsistency> worst;  // largest error first, n(n-1)/2 pairs
  bool consistent = true;               // cr <= options.cr_threshold
};

struct AhpResult {
  std::string source;
  std::string criteria_set;
  AhpOptions options;
  std::vector<AhpGroupResult> groups;
};

// Reads judgements (YAML). Every problem is reported with its position.
Result<AhpJudgements> ParseAhp(
    std::string_view text, const std::string& file,
    RandomIndexTable table = RandomIndexTable::kSaaty);
Result<AhpJudgements> LoadAhpFile(
    const std::string& path, RandomIndexTable table = RandomIndexTable::kSaaty);

// Priorities of a positive reciprocal matrix of size 1..15 (asserted).
AhpPriorities ComputePriorities(const Eigen::MatrixXd& matrix, AhpMethod method,
                                RandomIndexTable table);

// Priorities of every group; a warning per group whose CR is too high,
// naming its worst comparisons.
Result<AhpResult> RunAhp(const AhpJudgements& judgements,
                         const AhpOptions& options = {});

// Reports (fixed precision): a text table, or JSON.
std::string RenderAhpTable(const AhpResult& result);
std::string RenderAhpJson(const AhpResult& result);

// Rewrites a criteria set's text so that every group named in `result` gets
// the computed weights as percent of its parent (`weights: percent`; other
// weights are converted to percent of their parent). Comments and layout
// are kept: only weight values and the `weights` key change. The output is
// checked by loading it again.
Result<std::string> ApplyAhpWeights(std::string_view criteria_text,
                                    const std::string& criteria_file,
                                    const AhpResult& result);

}  // namespace circa

#endif  // CIRCA_AHP_H_
