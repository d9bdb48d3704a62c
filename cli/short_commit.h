#pragma once
// How the gate names a commit in messages and reports: the first 12 hex digits (unambiguous in
// any repository of realistic size, and what the gate's log lines have always used).
#include <string>

namespace benchgate::cli {

inline std::string short_commit(const std::string& sha) {
  return sha.substr(0, 12);
}

}  // namespace benchgate::cli
