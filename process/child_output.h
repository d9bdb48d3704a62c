#pragma once
// What run_child does with the bytes a child writes: keeps the head or the tail, never more than
// a limit, and hands complete lines to a callback as they arrive. Internal to process/.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace benchgate::process {

// Lines handed to the callback are cut here: a child writing no newline must not grow memory.
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;

class OutputSink {
 public:
  // keep_head: the first `bytes` bytes are kept (captured stdout); otherwise the last `bytes`.
  OutputSink(bool keep_head, std::size_t bytes, std::function<void(std::string_view)> on_line)
      : keep_head_(keep_head), bytes_(bytes), on_line_(std::move(on_line)) {}

  void append(const char* data, std::size_t n);
  // A last line without a newline is still a line.
  void finish();
  std::string take();
  // Keeping the head: more than `bytes` arrived.
  bool truncated() const { return truncated_; }

 private:
  void append_line_text(const char* data, std::size_t n);

  bool keep_head_;
  std::size_t bytes_;
  std::function<void(std::string_view)> on_line_;
  std::string text_, partial_;
  bool truncated_ = false;
};

// Reads what is available on the non-blocking `fd` into `sink`; false at end of file (or on
// error), when the descriptor needs no more polling.
bool drain(int fd, OutputSink& sink);

}  // namespace benchgate::process
