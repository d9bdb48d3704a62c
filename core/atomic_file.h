#pragma once
// Atomic replacement of a file (git's lockfile pattern, docs/design.md#atomic-writes): write
// `<path>.lock` exclusively, fsync, rename over `path`. Readers see the old or the new content,
// never half; a second writer that finds the lock waits briefly or fails, it never interleaves.
#include <filesystem>
#include <string_view>

namespace benchgate {

void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace benchgate
