#pragma once
// For parsers whose production entry point takes a path (result files, speedscope, the hand-off
// directory): the fuzz input written to a file in one scratch directory per fuzzing process, so
// the target calls exactly what production calls.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/scratch_directory.h"

namespace benchgate::fuzz {

inline const std::filesystem::path& scratch_dir() {
  static const ScratchDirectory dir("benchgate-fuzz");
  return dir.path();
}

// Writes `size` bytes to `name` in the scratch directory and returns its path.
inline std::filesystem::path write_input(const std::string& name, const std::uint8_t* data,
                                         std::size_t size) {
  const std::filesystem::path path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace benchgate::fuzz
