// Builds an archive of N synthetic tenders (bench/archive_data.h: 8 bids x
// 15 criteria each) through the public API, one transaction per tender, and
// prints the time it took. bench/archive_e2e.sh then runs a batch over it.
//   circa_archive_e2e ARCHIVE N
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "archive_data.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: circa_archive_e2e ARCHIVE N\n");
    return 2;
  }
  const int n = std::atoi(argv[2]);
  const auto start = std::chrono::steady_clock::now();
  circa::Result<circa::Archive> archive = circa::Archive::Open(argv[1]);
  if (!archive.ok()) {
    std::fprintf(stderr, "cannot open %s\n", argv[1]);
    return 1;
  }
  // 500 tenders per transaction.
  constexpr int kGroup = 500;
  for (int k = 0; k < n; ++k) {
    if (k % kGroup == 0) archive.value->BeginGroup();
    circa::bench::SyntheticTender s = circa::bench::MakeSyntheticTender(k);
    const auto added = archive.value->AddTender(
        s.tender, s.info, s.files, "synthetic/" + std::to_string(k));
    if (!added.ok()) {
      std::fprintf(stderr, "tender %d not added\n", k);
      return 1;
    }
    if (k % kGroup == kGroup - 1 || k == n - 1) archive.value->CommitGroup();
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("built %d tenders in %.2f s (%.0f tenders/s)\n", n, secs,
              n / secs);
  return 0;
}
