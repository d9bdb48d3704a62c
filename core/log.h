#pragma once
// Where the application's progress lines, warnings and errors go. The application modules (ab/,
// gate/, prepush/) never print: they log, and the executable decides that the log is stderr,
// while a unit test installs a sink that keeps the lines to check them.
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace benchgate {

enum class LogLevel {
  kInfo,     // progress: "benchgate: fetched baselines from origin"
  kWarning,  // something was skipped or degraded; the run goes on
  kError,    // something failed; the caller decides whether the run goes on
  kText,     // a block of text shown as it is (a table), no prefix
};

class LogSink {
 public:
  virtual ~LogSink() = default;
  virtual void write(LogLevel level, std::string_view message) = 0;
};

// The sink in use: by default one that writes "benchgate: [warning: |error: ]<message>" lines to
// stderr (a kText message as it is).
LogSink& log_sink();
void log_message(LogLevel level, std::string_view message);

template <typename... Args>
void log_info(fmt::format_string<Args...> format, Args&&... args) {
  log_message(LogLevel::kInfo, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void log_warning(fmt::format_string<Args...> format, Args&&... args) {
  log_message(LogLevel::kWarning, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void log_error(fmt::format_string<Args...> format, Args&&... args) {
  log_message(LogLevel::kError, fmt::format(format, std::forward<Args>(args)...));
}

// Routes the log to `sink` while it lives, then back to the previous sink.
class ScopedLogSink {
 public:
  explicit ScopedLogSink(LogSink& sink);
  ~ScopedLogSink();
  ScopedLogSink(const ScopedLogSink&) = delete;
  ScopedLogSink& operator=(const ScopedLogSink&) = delete;

 private:
  LogSink* previous_;
};

// The form the default sink writes, for sinks that want the same lines.
std::string format_log_line(LogLevel level, std::string_view message);

}  // namespace benchgate
