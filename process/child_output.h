#pragma once
// What run_child does with the bytes a child writes: keeps all of them or only the tail, and
// hands complete lines to a callback as they arrive. Internal to process/.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace benchgate::process {

class OutputSink {
 public:
  OutputSink(bool keep_all, std::size_t tail_bytes, std::function<void(std::string_view)> on_line)
      : keep_all_(keep_all), tail_bytes_(tail_bytes), on_line_(std::move(on_line)) {}

  void append(const char* data, std::size_t n);
  // A last line without a newline is still a line.
  void finish();
  std::string take();

 private:
  bool keep_all_;
  std::size_t tail_bytes_;
  std::function<void(std::string_view)> on_line_;
  std::string text_, partial_;
};

// Reads what is available on the non-blocking `fd` into `sink`; false at end of file (or on
// error), when the descriptor needs no more polling.
bool drain(int fd, OutputSink& sink);

}  // namespace benchgate::process
