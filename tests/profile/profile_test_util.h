#pragma once
// Helpers shared by the profile tests: test data paths, reading a folded profile back as a map,
// and the test-program locations.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "profile/frame_trie.h"

namespace benchgate::testing {

std::filesystem::path profile_data(const std::string& name);
std::filesystem::path test_program(const std::string& name);
// Adds `count` samples of the stack `frames` (outermost first) to `side` of `trie`.
void add_stack(profile::FrameTrie& trie, const std::vector<std::string>& frames, profile::Side side,
               std::uint64_t count);
// Every stack of `side` as "a;b;c" -> self count, built from trie paths.
std::map<std::string, std::uint64_t> stacks_of(const profile::FrameTrie& trie, profile::Side side);
// Why perf cannot record here, or empty when it can (checked with a tiny real perf record).
std::string perf_unavailable_reason();

// pprof oracles that share no code with profile/pprof_format.cpp: protoc (text format <-> binary
// perftools.profiles.Profile, from profile/proto/profile.proto) and gzip, as real processes.
// Inputs must stay small (a pipe's worth): stdin is written before the output is read.
std::string protoc_encode_profile(const std::string& text_format);
std::string protoc_decode_profile(const std::string& binary);
std::string gzip_file(const std::filesystem::path& path);    // `gzip -c`: compressed bytes
std::string gunzip_file(const std::filesystem::path& path);  // `gzip -dc`: decompressed bytes

}  // namespace benchgate::testing
