#pragma once
// Streams the lines of a file (or of text already in memory) without holding the whole input:
// the render target is a 0.9 GB folded file in 1.5 GB, so files are read in 4 MiB blocks and
// each line is a view into the current block.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace benchgate::profile {

class LineReader {
 public:
  // Throws InputError naming the file when it cannot be opened.
  explicit LineReader(const std::filesystem::path& path);
  // Reads from `text`, which must outlive the reader; `source` names it in messages.
  LineReader(std::string_view text, std::string source);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its "\n" (or "\r\n"); false at the end. Valid until the next call.
  bool next(std::string_view& line);
  std::uint64_t line_number() const { return line_number_; }
  const std::string& source() const { return source_; }

 private:
  bool refill();

  std::string source_;
  int fd_ = -1;
  std::string buffer_;
  std::string_view pending_;  // unread part of the block (or of the in-memory text)
  bool at_end_ = false;
  std::uint64_t line_number_ = 0;
};

}  // namespace benchgate::profile
