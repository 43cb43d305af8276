// Builds an archive of N synthetic tenders (bench/archive_data.h: 8 bids x
// 15 criteria each) through the public API, one transaction per tender, and
// prints the time it took. bench/archive_e2e.sh then runs a batch over it.
//   circa_archive_e2e ARCHIVE N
// With --jsonl, writes N synthetic tenders as the JSON lines `circa batch
// --input -` reads (docs/batch.md, "Streaming") on standard output instead:
// the tenders of four frameworks (four criteria texts, as in
// MakeSyntheticTender(n % 4)), each with its own bids.
//   circa_archive_e2e --jsonl N
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "archive_data.h"

namespace {

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

int WriteLines(int n) {
  std::string criteria[4];
  for (int k = 0; k < 4; ++k) {
    criteria[k] = circa::bench::MakeSyntheticTender(k).files[2].bytes;
  }
  std::string out;
  for (int k = 0; k < n; ++k) {
    const circa::bench::SyntheticTender s =
        circa::bench::MakeSyntheticTender(k);
    out += "{\"id\": \"" + s.info.reference +
           "\", \"criteria\": " + JsonString(criteria[k % 4]) +
           ", \"bids\": " + JsonString(s.files[0].bytes) +
           ", \"record\": {\"date\": \"" + s.info.date + "\", \"buyer\": \"" +
           s.info.buyer + "\", \"cpv\": \"" + s.info.cpv + "\"}}\n";
    if (out.size() > (1 << 16)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr,
                 "usage: circa_archive_e2e ARCHIVE N\n"
                 "       circa_archive_e2e --jsonl N\n");
    return 2;
  }
  const int n = std::atoi(argv[2]);
  if (std::strcmp(argv[1], "--jsonl") == 0) return WriteLines(n);
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
