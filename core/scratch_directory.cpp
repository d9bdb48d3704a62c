#include "core/scratch_directory.h"

#include <stdlib.h>

#include <string>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate {

ScratchDirectory::ScratchDirectory(std::string_view prefix) {
  const std::filesystem::path tmp = std::filesystem::temp_directory_path();
  std::string pattern = (tmp / fmt::format("{}-XXXXXX", prefix)).string();
  if (!mkdtemp(pattern.data()))
    throw EnvironmentError(fmt::format("cannot create a temporary directory in {}", tmp.string()));
  path_ = pattern;
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ignored;  // a destructor must not throw; a leftover temp dir is harmless
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace benchgate
