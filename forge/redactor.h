#pragma once
// Removes secrets from text before it leaves the process (exception messages, log lines,
// anything a server echoed back). Every message built by forge/ passes through one.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "forge/secret.h"

namespace benchgate::forge {

class Redactor {
 public:
  static constexpr std::string_view kMask = "***";

  // Registers a secret; empty secrets and very short ones (which would mangle ordinary text and
  // are not real tokens) are ignored.
  void add(const Secret& secret);
  std::string redact(std::string_view text) const;

 private:
  // Each secret in the forms a server or URL might show it: raw and percent-encoded.
  std::vector<std::string> needles_;
};

// Where forge/ sends its progress lines ("GET /user -> 200"). Receives already-redacted text.
using LogSink = std::function<void(std::string_view line)>;

}  // namespace benchgate::forge
