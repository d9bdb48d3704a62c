#include "process/child_output.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace benchgate::process {

void OutputSink::append(const char* data, std::size_t n) {
  if (keep_head_) {
    const std::size_t room = bytes_ - std::min(bytes_, text_.size());
    text_.append(data, std::min(n, room));
    truncated_ = truncated_ || n > room;
  } else {
    text_.append(data, n);
    // Trim in chunks, not per read, so keeping a tail stays linear in the output size.
    if (text_.size() > 2 * bytes_) text_.erase(0, text_.size() - bytes_);
  }
  if (on_line_) append_line_text(data, n);
}

void OutputSink::append_line_text(const char* data, std::size_t n) {
  partial_.append(data, n);
  std::size_t start = 0, nl;
  while ((nl = partial_.find('\n', start)) != std::string::npos) {
    on_line_(std::string_view(partial_).substr(start, nl - start));
    start = nl + 1;
  }
  partial_.erase(0, start);
  // An endless line is handed over in pieces of kMaxLineBytes.
  while (partial_.size() >= kMaxLineBytes) {
    on_line_(std::string_view(partial_).substr(0, kMaxLineBytes));
    partial_.erase(0, kMaxLineBytes);
  }
}

void OutputSink::finish() {
  if (on_line_ && !partial_.empty()) on_line_(partial_);
  partial_.clear();
}

std::string OutputSink::take() {
  if (!keep_head_ && text_.size() > bytes_) text_.erase(0, text_.size() - bytes_);
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
