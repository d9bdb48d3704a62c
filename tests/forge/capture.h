#pragma once
// What a forge client said during a test: its log lines and the waits it asked for. Tests that are
// not about waiting record the waits instead of sleeping, which keeps the suite fast.
#include <chrono>
#include <string>
#include <vector>

#include "forge/http_client.h"

namespace benchgate::testing {

struct Capture {
  std::vector<std::string> lines;
  std::vector<std::chrono::milliseconds> sleeps;

  // Options whose log goes to `lines`; waits are recorded (and skipped) unless `really_sleep`.
  forge::HttpOptions options(bool really_sleep = false) {
    forge::HttpOptions options;
    options.log = [this](std::string_view line) { lines.emplace_back(line); };
    if (!really_sleep) options.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); };
    options.connect_timeout = std::chrono::seconds(5);
    options.read_timeout = std::chrono::seconds(5);
    options.allow_insecure_http = true;  // the fake servers speak plain http unless given TLS
    return options;
  }

  std::string all_lines() const {
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    return text;
  }
};

}  // namespace benchgate::testing
