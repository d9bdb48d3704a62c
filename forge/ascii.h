#pragma once
// Small ASCII helpers shared by forge/ (header names, hosts, commit ids).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace benchgate::forge {

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

inline std::string ascii_upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// A full SHA-1 (40) or SHA-256 (64) commit id in hex.
inline bool is_commit_sha(std::string_view sha) {
  return (sha.size() == 40 || sha.size() == 64) &&
         std::all_of(sha.begin(), sha.end(), [](unsigned char c) { return std::isxdigit(c); });
}

}  // namespace benchgate::forge
