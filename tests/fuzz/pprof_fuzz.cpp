// pprof profiles (profile/pprof_format.h), gzipped or raw protobuf: read, written as pprof and
// read back with the same total and folded text. Only InputError may escape. Seeded with real
// pprof files (libprotobuf-mutator is not packaged in Debian 12, so mutation is byte-level).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "profile/pprof_format.h"
#include "tests/fuzz/profile_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate::profile;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)looks_like_pprof(bytes);
  FrameTrie trie;
  ProfileInfo info;
  try {
    read_pprof(bytes, "fuzz", trie, kBase, {}, info);
  } catch (const benchgate::InputError&) {
    return 0;
  }
  const std::string written = write_pprof(trie, kBase, info);
  FrameTrie again;
  ProfileInfo again_info;
  read_pprof(written, "written", again, kBase, {}, again_info);  // must not throw
  if (again.total(kBase) != trie.total(kBase) ||
      write_folded(again, kBase, again_info) != write_folded(trie, kBase, info)) {
    std::fprintf(stderr, "pprof_fuzz: a written pprof reads back differently\n");
    std::abort();
  }
  return 0;
}
