#pragma once
// Helpers shared by the profile tests: test data paths, reading a folded profile back as a map,
// and the test-program locations.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "profile/frame_trie.h"

namespace benchgate::testing {

std::filesystem::path profile_data(const std::string& name);
std::filesystem::path test_program(const std::string& name);
// Every stack of `side` as "a;b;c" -> self count, built from trie paths.
std::map<std::string, std::uint64_t> stacks_of(const profile::FrameTrie& trie, profile::Side side);
// Why perf cannot record here, or empty when it can (checked with a tiny real perf record).
std::string perf_unavailable_reason();

}  // namespace benchgate::testing
