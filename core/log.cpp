#include "core/log.h"

#include <cstdio>
#include <mutex>

namespace benchgate {
namespace {

class StderrSink : public LogSink {
 public:
  void write(LogLevel level, std::string_view message) override {
    const std::string line = format_log_line(level, message);
    // Worker threads (parallel comparisons, streamed child output) may log at once: whole lines.
    std::lock_guard lock(mutex_);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
  }

 private:
  std::mutex mutex_;
};

StderrSink& stderr_sink() {
  static StderrSink sink;
  return sink;
}

LogSink* current = nullptr;  // nullptr: stderr

}  // namespace

std::string format_log_line(LogLevel level, std::string_view message) {
  switch (level) {
    case LogLevel::kText:
      return std::string(message);
    case LogLevel::kWarning:
      return fmt::format("benchgate: warning: {}\n", message);
    case LogLevel::kError:
      return fmt::format("benchgate: error: {}\n", message);
    case LogLevel::kInfo:
      break;
  }
  return fmt::format("benchgate: {}\n", message);
}

LogSink& log_sink() {
  return current ? *current : stderr_sink();
}

void log_message(LogLevel level, std::string_view message) {
  log_sink().write(level, message);
}

ScopedLogSink::ScopedLogSink(LogSink& sink) : previous_(current) {
  current = &sink;
}

ScopedLogSink::~ScopedLogSink() {
  current = previous_;
}

}  // namespace benchgate
