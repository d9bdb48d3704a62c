#pragma once
// A directory under $TMPDIR that is removed when the object goes out of scope.
#include <filesystem>
#include <string>
#include <string_view>

namespace benchgate::testing {

class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "benchgate-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, std::string_view content);
std::string read_file(const std::filesystem::path& path);

}  // namespace benchgate::testing
