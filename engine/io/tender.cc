#include <filesystem>

#include "circa/load.h"

namespace circa {

Result<TenderPaths> ResolveTenderDirectory(const std::string& directory) {
  namespace fs = std::filesystem;
  Diagnostics diag;
  const fs::path dir(directory);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diag.Error({directory, 0, 0}, "", "not a tender directory");
    return {std::nullopt, diag.Take()};
  }
  TenderPaths paths;
  if (fs::is_regular_file(dir / "tender.yaml", ec)) {
    paths.criteria = (dir / "tender.yaml").string();
  } else {
    diag.Error({directory, 0, 0}, "",
               "a tender directory needs tender.yaml (the criteria set)");
  }
  for (const char* name : {"bids.csv", "bids.yaml", "bids.yml", "bids.json"}) {
    if (fs::is_regular_file(dir / name, ec)) {
      paths.bids = (dir / name).string();
      break;
    }
  }
  if (paths.bids.empty()) {
    diag.Error({directory, 0, 0}, "",
               "a tender directory needs bids.csv, bids.yaml or bids.json");
  }
  if (diag.HasErrors()) return {std::nullopt, diag.Take()};
  return {paths, diag.Take()};
}

}  // namespace circa
