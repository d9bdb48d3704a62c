// perf script text -> stacks: on text recorded from real perf runs (tests/data/profile/) and on
// hand-written edge cases. Expected stacks are written out by hand from the input text.
#include "profile/perf_script_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "tests/profile/profile_test_util.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::profile_data;
using benchgate::testing::stacks_of;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Pair;

Profile fold_file(const std::string& name, FoldOptions options = {}) {
  Profile profile;
  LineReader lines(profile_data(name));
  fold_perf_script(lines, profile.trie, kBase, options, profile.info);
  return profile;
}

// Sample headers in recorded text, counted with a regex independent of the parser.
std::uint64_t count_headers(const std::string& name) {
  std::ifstream in(profile_data(name));
  const std::regex header(R"(^\S.* \d+\.\d+: +\d+ cpu-clock:.*)");
  std::uint64_t count = 0;
  for (std::string line; std::getline(in, line);) count += std::regex_match(line, header) ? 1 : 0;
  return count;
}

TEST(PerfScriptParser, RecordedDwarfProfileHasTheKnownHotFunctionOnTop) {
  const auto profile = fold_file("perf_script_dwarf_known_hotspot.txt");
  EXPECT_EQ(profile.info.event, "cpu-clock");
  EXPECT_EQ(profile.info.samples, count_headers("perf_script_dwarf_known_hotspot.txt"));
  EXPECT_EQ(profile.info.warnings.malformed_lines, 0u);
  const auto stacks = stacks_of(profile.trie, kBase);
  // Root first, offsets gone, the inlined libc frame marked.
  EXPECT_THAT(stacks, Contains(Pair("_start;__libc_start_main_impl_[i];__libc_start_call_main;main;"
                                    "work::run_round;work::hash_rows<unsigned long>",
                                    ::testing::Gt(20u))));
}

TEST(PerfScriptParser, RecordedKernelFramesAreMarked) {
  const auto profile = fold_file("perf_script_kernel_dd.txt");
  EXPECT_EQ(profile.info.samples, count_headers("perf_script_kernel_dd.txt"));
  EXPECT_EQ(profile.info.warnings.malformed_lines, 0u);
  EXPECT_THAT(
      stacks_of(profile.trie, kBase),
      Contains(Pair("read;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];ksys_read_[k];"
                    "vfs_read_[k];get_random_bytes_user_[k];chacha_block_generic_[k];"
                    "chacha_permute_[k]",
                    ::testing::Gt(0u))));
}

TEST(PerfScriptParser, HandWrittenEdgeCases) {
  const auto profile = fold_file("perf_script_edge_cases.txt");
  const std::map<std::string, std::uint64_t> expected{
      {"main;std::map<std::string, int, std::less<std::string> >::find(std::string const&);"
       "do_syscall_64_[k];chacha_permute_[k]",
       1},
      {"main;[unknown];[libc.so.6]", 1},
      // ';' inside a name becomes ':'; the raw _Z symbol is demangled; inlined frame marked.
      {"main;work::outer();helper_inlined_[i];parse<Sep<':'>, Quote<'\"'> >", 1},
      // the garbage frame line is dropped, the sample kept
      {"main", 2},
  };
  EXPECT_EQ(stacks_of(profile.trie, kBase), expected);
  EXPECT_EQ(profile.info.event, "cpu-clock");
  EXPECT_EQ(profile.info.samples, 5u);
  // orphan frame line, the frame line without an address, the header without an event
  EXPECT_EQ(profile.info.warnings.malformed_lines, 3u);
  EXPECT_THAT(profile.info.warnings.examples[0], HasSubstr("perf_script_edge_cases.txt:1:"));
  EXPECT_THAT(profile.info.warnings.summary("x"),
              HasSubstr("skipped 1 samples of other events (cycles)"));
}

TEST(PerfScriptParser, ProcessNameAndEventSelection) {
  FoldOptions options;
  options.include_process_name = true;
  options.event = "cycles";
  const auto profile = fold_file("perf_script_edge_cases.txt", options);
  EXPECT_EQ(stacks_of(profile.trie, kBase),
            (std::map<std::string, std::uint64_t>{{"app;main", 1}}));
  EXPECT_EQ(profile.info.event, "cycles");
}

TEST(PerfScriptParser, CommWithSpacesIsKept) {
  FoldOptions options;
  options.include_process_name = true;
  const auto profile = fold_file("perf_script_edge_cases.txt", options);
  EXPECT_THAT(stacks_of(profile.trie, kBase),
              Contains(Pair("Web Content;main;[unknown];[libc.so.6]", 1u)));
}

TEST(PerfScriptParser, FrameNames) {
  EXPECT_EQ(perf_frame_name("_ZNSt6vectorIiSaIiEE9push_backERKi+0x1f", "/bin/x"),
            "std::vector<int, std::allocator<int> >::push_back(int const&)");
  EXPECT_EQ(perf_frame_name("_Znot_really_mangled", "/bin/x"), "_Znot_really_mangled");
  EXPECT_EQ(perf_frame_name("operator+", "/bin/x"), "operator+");  // not an offset
  EXPECT_EQ(perf_frame_name("", ""), "[unknown]");
  EXPECT_EQ(perf_frame_name("schedule+0x10", "[guest.kernel.kallsyms]"), "schedule_[k]");
}

TEST(PerfScriptParser, BinaryGarbageNeverCrashes) {
  std::string garbage;
  unsigned state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245u + 12345u;
    const char c = static_cast<char>((state >> 16) & 0xff);
    garbage += (c == 0) ? '\n' : c;
    if (i % 97 == 0) garbage += "\n\t 1a2b ";
  }
  FrameTrie trie;
  ProfileInfo info;
  LineReader lines(garbage, "garbage");
  fold_perf_script(lines, trie, kBase, {}, info);
  EXPECT_GT(info.warnings.malformed_lines, 0u);
}

}  // namespace
}  // namespace benchgate::profile
