#pragma once
// A private temporary directory that is removed, with everything in it, when the object goes out
// of scope: where the processes of a run or an A/B job write their JSON files.
#include <filesystem>
#include <string_view>

namespace benchgate {

class ScratchDirectory {
 public:
  // $TMPDIR/<prefix>-XXXXXX; EnvironmentError when it cannot be created.
  explicit ScratchDirectory(std::string_view prefix);
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace benchgate
