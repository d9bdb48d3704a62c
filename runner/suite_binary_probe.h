#pragma once
// What a program file reveals without running it: whether it links Google Benchmark or Catch2 (so
// that `benchgate run -- ./x` drives it through its own flags) and which compiler built it.
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate::runner {

struct BinaryProbe {
  std::filesystem::path resolved;       // argv[0] looked up in PATH; empty when not found
  bool links_google_benchmark = false;  // mentions benchmark::Initialize or its flags
  bool links_catch2 = false;            // a Catch2 test binary with its benchmark options
  std::string compiler;  // from the ELF .comment string, e.g. "GCC: (Debian ...) 12.2.0"
};

// Finds `program` like the shell does (PATH unless it contains a '/').
std::optional<std::filesystem::path> find_program(const std::string& program);
BinaryProbe probe_binary(const std::string& program);

}  // namespace benchgate::runner
