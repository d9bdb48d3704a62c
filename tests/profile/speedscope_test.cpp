// speedscope import (sampled and evented) and export, checked against hand-computed stacks.
#include "profile/speedscope_format.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "profile/profile_loader.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::stacks_of;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;
using Stacks = std::map<std::string, std::uint64_t>;

TEST(Speedscope, SampledAndEventedProfilesAreLoaded) {
  TempDir dir;
  write_file(dir / "p.speedscope.json", R"({
    "$schema": "https://www.speedscope.app/file-format-schema.json",
    "shared": {"frames": [{"name": "main"}, {"name": "parse;x"}, {"name": "emit"}]},
    "profiles": [
      {"type": "sampled", "name": "t1", "unit": "milliseconds", "startValue": 0, "endValue": 3,
       "samples": [[0, 1], [0, 2], [0]], "weights": [1.5, 1, 0.25]},
      {"type": "evented", "name": "t2", "unit": "milliseconds", "startValue": 0, "endValue": 10,
       "events": [{"type": "O", "frame": 0, "at": 0}, {"type": "O", "frame": 2, "at": 2},
                  {"type": "C", "frame": 2, "at": 5}, {"type": "C", "frame": 0, "at": 10}]}
    ]})");
  const auto profile = load_profile(dir / "p.speedscope.json");
  EXPECT_EQ(profile.info.format, "speedscope");
  EXPECT_EQ(profile.info.unit, "nanoseconds");
  // main self: 0.25 ms (sampled) + 2 ms + 5 ms (evented); emit: 1 ms + 3 ms.
  EXPECT_EQ(stacks_of(profile.trie, kBase),
            (Stacks{{"main", 7250000}, {"main;parse:x", 1500000}, {"main;emit", 4000000}}));
}

TEST(Speedscope, BadFilesNameTheField) {
  TempDir dir;
  write_file(dir / "bad.json", R"({"shared": {"frames": [{"name": "a"}]},
    "profiles": [{"type": "sampled", "unit": "none", "samples": [[0, 5]], "weights": [1]}]})");
  try {
    load_profile(dir / "bad.json");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("profiles[0].samples[0][1]"));
  }
  write_file(dir / "unbalanced.json", R"({"shared": {"frames": [{"name": "a"}, {"name": "b"}]},
    "profiles": [{"type": "evented", "unit": "none", "events": [{"type": "O", "frame": 0, "at": 0},
    {"type": "C", "frame": 1, "at": 1}]}]})");
  EXPECT_THROW(load_profile(dir / "unbalanced.json"), InputError);
}

TEST(Speedscope, ExportThenImportGivesTheSameStacks) {
  FrameTrie trie;
  const auto main_id = trie.child(kRootNode, trie.intern("main"));
  trie.add_samples(trie.child(main_id, trie.intern("a")), kBase, 3);
  trie.add_samples(main_id, kBase, 2);
  trie.add_samples(trie.child(main_id, trie.intern("b")), kHead, 4);
  const auto text =
      write_speedscope(trie, {{kBase, "base", "samples"}, {kHead, "head", "samples"}}, "x");
  const auto document = nlohmann::json::parse(text);
  ASSERT_EQ(document["profiles"].size(), 2u);
  EXPECT_EQ(document["profiles"][1]["weights"], nlohmann::json::array({4}));
  TempDir dir;
  write_file(dir / "x.json", text);
  // Both exported profiles land on one side when read back: 3 + 2 + 4.
  const auto again = load_profile(dir / "x.json");
  EXPECT_EQ(stacks_of(again.trie, kBase), (Stacks{{"main", 2}, {"main;a", 3}, {"main;b", 4}}));
}

}  // namespace
}  // namespace benchgate::profile
