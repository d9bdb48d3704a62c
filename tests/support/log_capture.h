#pragma once
// Keeps what the code under test logs (core/log.h) instead of printing it, for the duration of
// the object, so a test can check the progress lines and warnings of a library call.
#include <string>
#include <utility>
#include <vector>

#include "core/log.h"

namespace benchgate::testing {

class LogCapture : public LogSink {
 public:
  LogCapture() : scope_(*this) {}

  void write(LogLevel level, std::string_view message) override {
    lines_.emplace_back(level, std::string(message));
    text_ += format_log_line(level, message);
  }

  const std::vector<std::pair<LogLevel, std::string>>& lines() const { return lines_; }
  // Everything as the default sink would have written it to stderr.
  const std::string& text() const { return text_; }

 private:
  std::vector<std::pair<LogLevel, std::string>> lines_;
  std::string text_;
  ScopedLogSink scope_;  // last: installed after the members it writes to exist
};

}  // namespace benchgate::testing
