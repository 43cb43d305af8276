// Analytic Hierarchy Process: criterion weights from pairwise comparison
// matrices (Saaty's 1-9 scale), with the consistency ratio. File format and
// method: docs/ahp.md.
#ifndef CIRCA_AHP_H_
#define CIRCA_AHP_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "circa/diagnostics.h"

namespace circa {

// How priorities are derived from a comparison matrix.
enum class AhpMethod {
  kEigen,        // principal right eigenvector (Saaty 1980)
  kGeometric,    // normalised row geometric means (Crawford & Williams 1985)
  kApproximate,  // row means of the column-normalised matrix (Saaty 1980's
                 // approximation, "normalised column sums, row means")
};

// Random-index tables for the consistency ratio CR = CI / RI(n).
enum class RandomIndexTable {
  kSaaty,         // Saaty (1980; 2012), n = 1..15
  kSaaty2005,     // Saaty (2005), the table AHPy uses with 'saaty', n = 1..15
  kDoneganDodd,   // Donegan & Dodd (1991), AHPy's default, n = 1..20
  kAlonsoLamata,  // Alonso & Lamata (2006), n = 1..15
};

// How a missing judgement of an incomplete matrix is completed.
enum class AhpCompletion {
  kNone,    // every judgement is required (the default)
  kLlsm,    // logarithmic least squares (Bozoki, Fulop & Ronyai 2010)
  kHarker,  // Harker (1987): eigenvector of the matrix with 1 + (missing in
            // the row) on the diagonal
};

std::string_view ToString(AhpMethod method);
std::string_view ToString(RandomIndexTable table);
std::optional<AhpMethod> AhpMethodFromString(std::string_view text);
std::optional<RandomIndexTable> RandomIndexTableFromString(
    std::string_view text);
std::string_view ToString(AhpCompletion completion);
std::optional<AhpCompletion> AhpCompletionFromString(std::string_view text);
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
  // Missing judgements: refused (the default) or completed; the completed
  // values are reported (AhpGroupResult::completed).
  AhpCompletion completion = AhpCompletion::kNone;

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
  // Pairs (i < j) not judged, when the file was read with a completion;
  // their cells of `matrix` are 0 until RunAhp completes them.
  std::vector<std::pair<int, int>> missing;
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

// A judgement the completion supplied: a(i, j) = w(i) / w(j).
struct AhpCompleted {
  int i = 0;
  int j = 0;
  double value = 0;
};

struct AhpGroupResult {
  std::string id;
  SourceLocation where;  // the group's key in the judgements file
  std::vector<std::string> criteria;
  AhpPriorities priorities;
  std::vector<AhpInconsistency> worst;  // largest error first, n(n-1)/2 pairs
  bool consistent = true;               // cr <= options.cr_threshold
  std::vector<AhpCompleted> completed;  // missing judgements, completed
};

struct AhpResult {
  std::string source;
  std::string criteria_set;
  AhpOptions options;
  std::vector<AhpGroupResult> groups;
};

// Reads judgements (YAML). Every problem is reported with its position.
// With a completion, a group may leave judgements out as long as the
// judged pairs connect all its criteria (AhpGroup::missing).
Result<AhpJudgements> ParseAhp(
    std::string_view text, const std::string& file,
    RandomIndexTable table = RandomIndexTable::kSaaty,
    AhpCompletion completion = AhpCompletion::kNone);
Result<AhpJudgements> LoadAhpFile(
    const std::string& path, RandomIndexTable table = RandomIndexTable::kSaaty,
    AhpCompletion completion = AhpCompletion::kNone);

// Completes the cells `missing` (i < j, 0 in `matrix`) of a matrix whose
// judged pairs connect all its rows: a(i, j) = w(i) / w(j), w from the
// method. Returns the completed matrix.
Eigen::MatrixXd CompleteMatrix(const Eigen::MatrixXd& matrix,
                               const std::vector<std::pair<int, int>>& missing,
                               AhpCompletion completion);

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
