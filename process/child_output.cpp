#include "process/child_output.h"

#include <unistd.h>

#include <cerrno>

namespace benchgate::process {

void OutputSink::append(const char* data, std::size_t n) {
  text_.append(data, n);
  if (on_line_) {
    partial_.append(data, n);
    std::size_t start = 0, nl;
    while ((nl = partial_.find('\n', start)) != std::string::npos) {
      on_line_(std::string_view(partial_).substr(start, nl - start));
      start = nl + 1;
    }
    partial_.erase(0, start);
  }
  // Trim in chunks, not per read, so keeping a tail stays linear in the output size.
  if (!keep_all_ && text_.size() > 2 * tail_bytes_) text_.erase(0, text_.size() - tail_bytes_);
}

void OutputSink::finish() {
  if (on_line_ && !partial_.empty()) on_line_(partial_);
  partial_.clear();
}

std::string OutputSink::take() {
  if (!keep_all_ && text_.size() > tail_bytes_) text_.erase(0, text_.size() - tail_bytes_);
  return std::move(text_);
}

bool drain(int fd, OutputSink& sink) {
  char buffer[16384];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      sink.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return true;
    return false;
  }
}

}  // namespace benchgate::process
