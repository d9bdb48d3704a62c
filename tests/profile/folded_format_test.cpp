// Folded stacks from other profilers (FlameGraph, py-spy raw, async-profiler) and round trips.
#include "profile/folded_format.h"

#include "profile/perf_script_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/profile/profile_test_util.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::stacks_of;
using Stacks = std::map<std::string, std::uint64_t>;

Stacks read(const std::string& text, ProfileInfo* info_out = nullptr) {
  FrameTrie trie;
  ProfileInfo info;
  LineReader lines(text, "input.folded");
  read_folded(lines, trie, kBase, info);
  if (info_out) *info_out = info;
  return stacks_of(trie, kBase);
}

TEST(FoldedFormat, PySpyRawNamesWithSpaces) {
  const std::string text =
      "process 123:\"python app.py\";<module> (app.py:10);main (app.py:5);parse (lib.py:3) 17\n"
      "process 123:\"python app.py\";<module> (app.py:10);main (app.py:5) 3\n";
  EXPECT_EQ(read(text),
            (Stacks{{"process 123:\"python app.py\";<module> (app.py:10);main (app.py:5);"
                     "parse (lib.py:3)",
                     17},
                    {"process 123:\"python app.py\";<module> (app.py:10);main (app.py:5)", 3}}));
}

TEST(FoldedFormat, AsyncProfilerCollapsedWithAnnotations) {
  const std::string text =
      "java/lang/Thread.run_[j];com/example/App.work_[j];__memmove_avx_unaligned_erms_[k] 5\n"
      "java/lang/Thread.run_[j];com/example/App.work_[j] 7\n";
  EXPECT_EQ(read(text), (Stacks{{"java/lang/Thread.run_[j];com/example/App.work_[j];"
                                 "__memmove_avx_unaligned_erms_[k]",
                                 5},
                                {"java/lang/Thread.run_[j];com/example/App.work_[j]", 7}}));
}

TEST(FoldedFormat, RepeatedAndUnsortedLinesAddUp) {
  // Consecutive lines that share a byte prefix but not a frame ("a;bc" then "a;b;x") must not
  // reuse the previous line's frame.
  const std::string text = "a;bc 1\na;b;x 2\na;b 3\na;bc 4\nz;b;x 5\na;b;x 6\n";
  EXPECT_EQ(read(text), (Stacks{{"a;bc", 5}, {"a;b;x", 8}, {"a;b", 3}, {"z;b;x", 5}}));
}

TEST(FoldedFormat, MalformedLinesAreCountedNotFatal) {
  ProfileInfo info;
  const auto stacks = read("a;b 2\nno count here\na;b 1.5\n 7\na;;b 4\n;;; 3\n\r\n", &info);
  EXPECT_EQ(stacks, (Stacks{{"a;b", 6}}));
  EXPECT_EQ(info.warnings.malformed_lines, 4u);
  EXPECT_THAT(info.warnings.examples[0], ::testing::HasSubstr("input.folded:2:"));
}

TEST(FoldedFormat, MetadataAndRoundTrip) {
  ProfileInfo info;
  FrameTrie trie;
  const std::string text = "# event: cycles\n# unit: samples\nmain;b 2\nmain;a;x 3\nmain 1\n";
  LineReader lines(text, "in");
  read_folded(lines, trie, kBase, info);
  EXPECT_EQ(info.event, "cycles");
  EXPECT_EQ(info.samples, 6u);
  const std::string written = write_folded(trie, kBase, info);
  EXPECT_EQ(written, "# event: cycles\n# unit: samples\nmain 1\nmain;a;x 3\nmain;b 2\n");
}

// Found by fuzzing: a folded input's root frame "# x" was written at the start of a line and read
// back as a comment; it is named " # x", as a perf symbol would be.
TEST(FoldedFormat, AFoldedRootFrameNamedLikeACommentSurvivesTheRoundTrip) {
  FrameTrie trie;
  ProfileInfo info;
  LineReader lines(";# event: x;work 8\n", "in");
  read_folded(lines, trie, kBase, info);
  EXPECT_EQ(stacks_of(trie, kBase), (Stacks{{" # event: x;work", 8}}));
  ProfileInfo read_back;
  EXPECT_EQ(read(write_folded(trie, kBase, info), &read_back), (Stacks{{" # event: x;work", 8}}));
  EXPECT_EQ(read_back.event, "");
}

// Found by fuzzing: "main; 1" folds to a frame "main " that was written as "main  1" and read
// back as "main", so a second round trip differed from the first.
TEST(FoldedFormat, ANameEndingInASpaceKeepsItThroughWriteAndRead) {
  FrameTrie trie;
  ProfileInfo info;
  LineReader lines("bad ; 1\nbad 2\n", "in");
  read_folded(lines, trie, kBase, info);
  EXPECT_EQ(stacks_of(trie, kBase), (Stacks{{"bad ", 1}, {"bad", 2}}));
  EXPECT_EQ(read(write_folded(trie, kBase, info)), (Stacks{{"bad ", 1}, {"bad", 2}}));
}

TEST(FoldedFormat, SemicolonsInNamesAreReplaced) {
  EXPECT_EQ(sanitize_frame_name("f<';'>"), "f<':'>");
}

// Found by fuzzing: a perf symbol "# unit: x20" as a root frame was written at the start of a
// line, read back as a comment (the unit changed) and its samples were lost.
TEST(FoldedFormat, AFrameNamedLikeACommentSurvivesTheRoundTrip) {
  FrameTrie trie;
  const NodeId root = trie.child(kRootNode, trie.intern(perf_frame_name("# unit: x20", "a.out")));
  trie.add_samples(trie.child(root, trie.intern("work")), kBase, 5);
  ProfileInfo info;
  info.unit = "samples";
  ProfileInfo read_back;
  const auto stacks = read(write_folded(trie, kBase, info), &read_back);
  EXPECT_EQ(read_back.unit, "samples");
  EXPECT_EQ(stacks, (Stacks{{" # unit: x20;work", 5}}));
}

}  // namespace
}  // namespace benchgate::profile
