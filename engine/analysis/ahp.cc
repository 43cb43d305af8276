// AHP priorities: principal eigenvector or geometric means, consistency
// index and ratio, and the comparisons that disagree most with the weights.
#include "circa/ahp.h"

#include <Eigen/Eigenvalues>
#include <Eigen/LU>
#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>

#include "analysis/ahp_internal.h"

namespace circa {
namespace {

struct MethodName {
  AhpMethod method;
  std::string_view name;
};
constexpr std::array<MethodName, 3> kMethods{{
    {AhpMethod::kEigen, "eigen"},
    {AhpMethod::kGeometric, "geometric"},
    {AhpMethod::kApproximate, "approximate"},
}};

// Principal eigenvalue and eigenvector. Eigen does not sort eigenvalues, so
// the Perron root (real, simple, the largest real part for a positive
// matrix) is picked explicitly. Its eigenvector comes from inverse iteration
// on A - mu I with mu a hair above the root, started from the geometric
// means: one LU factorisation and three solves instead of all n
// eigenvectors (27 instead of 42 us for n = 15, bench/ahp_benchmark.cc).
void Eigenvector(const Eigen::MatrixXd& a, AhpPriorities* p) {
  const Eigen::EigenSolver<Eigen::MatrixXd> solver(a, false);
  const auto& values = solver.eigenvalues();
  Eigen::Index best = 0;
  for (Eigen::Index k = 1; k < values.size(); ++k) {
    if (values[k].real() > values[best].real()) best = k;
  }
  const double lambda = values[best].real();
  const Eigen::Index n = a.rows();
  // The shift keeps A - mu I invertible when lambda is exact; the error
  // shrinks by about 1e-9 / (gap to the next eigenvalue) per solve.
  const double mu = lambda * (1 + 1e-9) + 1e-12;
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(
      a - mu * Eigen::MatrixXd::Identity(n, n));
  Eigen::VectorXd v = a.array().log().rowwise().mean().exp().matrix();
  for (int iteration = 0; iteration < 3; ++iteration) {
    v = lu.solve(v);
    v /= v.sum();  // also fixes the sign
  }
  assert(v.allFinite() && (v.array() > 0).all());
  p->weights = v;
  p->lambda_max = lambda;
}

// Row geometric means; lambda_max estimated as the mean of (A w)_i / w_i
// (Saaty's consistency estimate for an approximate eigenvector).
void GeometricMeans(const Eigen::MatrixXd& a, AhpPriorities* p) {
  const Eigen::VectorXd g = a.array().log().rowwise().mean().exp().matrix();
  p->weights = g / g.sum();
  p->lambda_max = ((a * p->weights).array() / p->weights.array()).mean();
}

// Row means of the column-normalised matrix; lambda_max estimated as for
// the geometric means.
void Approximate(const Eigen::MatrixXd& a, AhpPriorities* p) {
  const Eigen::RowVectorXd column_sums = a.colwise().sum();
  const Eigen::VectorXd w =
      (a.array().rowwise() / column_sums.array()).rowwise().mean().matrix();
  p->weights = w / w.sum();
  p->lambda_max = ((a * p->weights).array() / p->weights.array()).mean();
}

struct TableEntry {
  RandomIndexTable table;
  std::string_view name;
};
constexpr std::array<TableEntry, 4> kTables{{
    {RandomIndexTable::kSaaty, "saaty"},
    {RandomIndexTable::kSaaty2005, "saaty-2005"},
    {RandomIndexTable::kDoneganDodd, "donegan-dodd"},
    {RandomIndexTable::kAlonsoLamata, "alonso-lamata"},
}};

}  // namespace

std::string FormatFixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string_view ToString(AhpMethod method) {
  for (const MethodName& m : kMethods) {
    if (m.method == method) return m.name;
  }
  return "?";
}

std::optional<AhpMethod> AhpMethodFromString(std::string_view text) {
  for (const MethodName& m : kMethods) {
    if (m.name == text) return m.method;
  }
  return std::nullopt;
}

std::string_view ToString(RandomIndexTable table) {
  for (const TableEntry& t : kTables) {
    if (t.table == table) return t.name;
  }
  return "?";
}

std::optional<RandomIndexTable> RandomIndexTableFromString(
    std::string_view text) {
  for (const TableEntry& t : kTables) {
    if (t.name == text) return t.table;
  }
  return std::nullopt;
}

std::string_view ToString(AhpCompletion completion) {
  switch (completion) {
    case AhpCompletion::kNone:
      return "none";
    case AhpCompletion::kLlsm:
      return "llsm";
    case AhpCompletion::kHarker:
      return "harker";
  }
  return "?";
}

std::optional<AhpCompletion> AhpCompletionFromString(std::string_view text) {
  for (const AhpCompletion c :
       {AhpCompletion::kNone, AhpCompletion::kLlsm, AhpCompletion::kHarker}) {
    if (ToString(c) == text) return c;
  }
  return std::nullopt;
}

const std::vector<double>& RandomIndexValues(RandomIndexTable table) {
  // Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill;
  // repeated in Saaty & Vargas (2012), Models, Methods, Concepts &
  // Applications of the AHP, 2nd ed., Springer. Mean CI of
  // random reciprocal matrices.
  static const std::vector<double> kSaaty = {0,    0,    0.58, 0.90, 1.12,
                                             1.24, 1.32, 1.41, 1.45, 1.49,
                                             1.51, 1.48, 1.56, 1.57, 1.59};
  // Saaty (2005), Theory and Applications of the Analytic Network Process,
  // RWS Publications, p. 31: the table AHPy uses with random_index='saaty'.
  static const std::vector<double> kSaaty2005 = {0,    0,    0.52, 0.89, 1.11,
                                                 1.25, 1.35, 1.40, 1.45, 1.49,
                                                 1.52, 1.54, 1.56, 1.58, 1.59};
  // Donegan & Dodd (1991), Mathematical and Computer Modelling 15(10)
  // 135-137, as AHPy (its default) lists it for n = 3 .. 20.
  static const std::vector<double> kDoneganDodd = {
      0,      0,      0.4914, 0.8286, 1.0591, 1.1797, 1.2519,
      1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822,
      1.4969, 1.5078, 1.5153, 1.5262, 1.5313, 1.5371};
  // Alonso & Lamata (2006), International Journal of Uncertainty,
  // Fuzziness and Knowledge-Based Systems 14(4) 445-459 (100,000 random
  // matrices per n).
  static const std::vector<double> kAlonsoLamata = {
      0,      0,      0.5245, 0.8815, 1.1086, 1.2479, 1.3417, 1.4056,
      1.4499, 1.4854, 1.5141, 1.5365, 1.5551, 1.5713, 1.5838};
  switch (table) {
    case RandomIndexTable::kSaaty:
      return kSaaty;
    case RandomIndexTable::kSaaty2005:
      return kSaaty2005;
    case RandomIndexTable::kDoneganDodd:
      return kDoneganDodd;
    case RandomIndexTable::kAlonsoLamata:
      return kAlonsoLamata;
  }
  return kSaaty;
}

std::string_view RandomIndexSource(RandomIndexTable table) {
  switch (table) {
    case RandomIndexTable::kSaaty:
      return "Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill; "
             "Saaty & Vargas (2012), Models, Methods, Concepts & Applications "
             "of the AHP, Springer";
    case RandomIndexTable::kSaaty2005:
      return "Saaty (2005), Theory and Applications of the Analytic Network "
             "Process, RWS Publications, p. 31 (the table of AHPy's "
             "random_index='saaty')";
    case RandomIndexTable::kDoneganDodd:
      return "Donegan & Dodd (1991), A note on Saaty's random indexes, "
             "Mathematical and Computer Modelling 15(10) 135-137 (AHPy's "
             "default table)";
    case RandomIndexTable::kAlonsoLamata:
      return "Alonso & Lamata (2006), Consistency in the analytic hierarchy "
             "process: a new approach, International Journal of Uncertainty, "
             "Fuzziness and Knowledge-Based Systems 14(4) 445-459";
  }
  return "";
}

bool AhpOptions::IsValid(std::string* why) const {
  if (!std::isfinite(cr_threshold) || cr_threshold < 0) {
    *why = "cr_threshold must be a finite number >= 0";
    return false;
  }
  if (worst_pairs < 1) {
    *why = "worst_pairs must be >= 1";
    return false;
  }
  if (!AhpMethodFromString(ToString(method))) {
    *why = "unknown method";
    return false;
  }
  return true;
}

AhpPriorities ComputePriorities(const Eigen::MatrixXd& a, AhpMethod method,
                                RandomIndexTable table) {
  const Eigen::Index n = a.rows();
  const std::vector<double>& ri = RandomIndexValues(table);
  assert(n >= 1 && n == a.cols());
  assert(n <= static_cast<Eigen::Index>(ri.size()));
  assert((a.array() > 0).all());
  AhpPriorities p;
  switch (method) {
    case AhpMethod::kEigen:
      Eigenvector(a, &p);
      break;
    case AhpMethod::kGeometric:
      GeometricMeans(a, &p);
      break;
    case AhpMethod::kApproximate:
      Approximate(a, &p);
      break;
  }
  const double dn = static_cast<double>(n);
  // lambda_max >= n for a positive reciprocal matrix (Saaty 1980);
  // rounding can put it a few ulps below, which would give CI < 0.
  p.ci = n <= 2 ? 0.0 : std::max(0.0, (p.lambda_max - dn) / (dn - 1));
  p.ri = ri[static_cast<std::size_t>(n - 1)];
  p.cr = p.ri > 0 ? p.ci / p.ri : 0.0;
  return p;
}

Result<AhpResult> RunAhp(const AhpJudgements& judgements,
                         const AhpOptions& options) {
  Result<AhpResult> out;
  Diagnostics diag;
  std::string why;
  if (!options.IsValid(&why)) {
    diag.Error({judgements.source, 0, 0}, "", "invalid AHP options: " + why);
    out.diagnostics = diag.Take();
    return out;
  }
  AhpResult result;
  result.source = judgements.source;
  result.criteria_set = judgements.criteria_set;
  result.options = options;
  for (const AhpGroup& g : judgements.groups) {
    AhpGroupResult r;
    r.id = g.id;
    r.where = g.where;
    r.criteria = g.criteria;
    if (!g.missing.empty() && options.completion == AhpCompletion::kNone) {
      diag.Error(g.where, "groups." + g.id,
                 std::to_string(g.missing.size()) +
                     " judgements missing and no completion asked for");
      continue;
    }
    const Eigen::MatrixXd matrix =
        g.missing.empty()
            ? g.matrix
            : CompleteMatrix(g.matrix, g.missing, options.completion);
    for (const auto& [i, j] : g.missing) {
      r.completed.push_back({i, j, matrix(i, j)});
    }
    r.priorities =
        ComputePriorities(matrix, options.method, options.random_index);
    const Eigen::VectorXd& w = r.priorities.weights;
    const int n = static_cast<int>(g.matrix.rows());
    for (int i = 0; i < n; ++i) {
      for (int j = i + 1; j < n; ++j) {
        AhpInconsistency c;
        c.i = i;
        c.j = j;
        c.judged = matrix(i, j);
        c.implied = w[i] / w[j];
        c.error = std::abs(std::log(c.judged / c.implied));
        r.worst.push_back(c);
      }
    }
    std::stable_sort(r.worst.begin(), r.worst.end(),
                     [](const AhpInconsistency& x, const AhpInconsistency& y) {
                       return x.error > y.error;
                     });
    r.consistent = r.priorities.cr <= options.cr_threshold;
    if (!r.consistent) {
      std::string names;
      const std::size_t shown = std::min(
          r.worst.size(), static_cast<std::size_t>(options.worst_pairs));
      for (std::size_t k = 0; k < shown; ++k) {
        const AhpInconsistency& c = r.worst[k];
        if (k > 0) names += "; ";
        names += g.criteria[static_cast<std::size_t>(c.i)] + " vs " +
                 g.criteria[static_cast<std::size_t>(c.j)] + " judged " +
                 FormatJudgement(c.judged) + ", weights imply " +
                 FormatJudgement(c.implied);
      }
      const AhpInconsistency& worst = r.worst.front();
      SourceLocation at = g.written[static_cast<std::size_t>(worst.i)]
                                   [static_cast<std::size_t>(worst.j)];
      if (at.line == 0) {
        at = g.written[static_cast<std::size_t>(worst.j)]
                      [static_cast<std::size_t>(worst.i)];
      }
      if (at.line == 0) at = g.where;
      diag.Warning(
          at, "groups." + g.id,
          "inconsistent judgements: CR = " + FormatFixed(r.priorities.cr, 3) +
              " > " + FormatFixed(options.cr_threshold, 2) +
              "; most inconsistent: " + names);
    }
    result.groups.push_back(std::move(r));
  }
  if (!diag.HasErrors()) out.value = std::move(result);
  out.diagnostics = diag.Take();
  return out;
}

}  // namespace circa
