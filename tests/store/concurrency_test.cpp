// 8 concurrent writer processes x 100 rounds, each round `baseline save` + `baseline push` from its
// own clone to one bare remote: afterwards the remote holds every record. Once with each writer on
// its own commit (the ref races), once with all on the same commit (the note itself races).
#include <cstdlib>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "store/git_notes_store.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

constexpr int kWriters = 8;
// The 100 rounds; the asan preset sets BENCHGATE_CONCURRENCY_ROUNDS lower because 1,600
// sanitized process launches take longer than a test may.
const int kRounds = [] {
  const char* rounds = std::getenv("BENCHGATE_CONCURRENCY_ROUNDS");
  return rounds && std::atoi(rounds) > 0 ? std::atoi(rounds) : 100;
}();

void run_writers(bool same_commit) {
  TempDir dir;
  std::filesystem::path seed = dir / "seed", origin = dir / "origin.git";
  init_repo(seed);
  std::vector<std::string> commits;
  for (int w = 0; w < kWriters; ++w) commits.push_back(commit(seed, "c" + std::to_string(w)));
  git(dir.path(), {"clone", "-q", "--bare", seed.string(), origin.string()});
  std::vector<std::unique_ptr<BackgroundProcess>> writers;
  for (int w = 0; w < kWriters; ++w) {
    std::filesystem::path clone = dir / fmt::format("w{}", w);
    git(dir.path(), {"clone", "-q", origin.string(), clone.string()});
    std::string target = same_commit ? commits[0] : commits[w];
    for (int i = 0; i < kRounds; ++i)
      write_record(dir / fmt::format("w{}-{}.json", w, i),
                   make_record("ci", fmt::format("w{}r{}", w, i)));
    std::string script = fmt::format(
        "for i in $(seq 0 {}); do \"$BG\" baseline save --repo {} --commit {} {}/w{}-$i.json "
        ">/dev/null && "
        "\"$BG\" baseline push --repo {} >/dev/null || exit 1; done",
        kRounds - 1, clone.string(), target, dir.path().string(), w, clone.string());
    writers.push_back(std::make_unique<BackgroundProcess>(
        std::vector<std::string>{"sh", "-c", script},
        std::vector<std::pair<std::string, std::string>>{{"BG", benchgate_binary().string()}}));
  }
  for (auto& writer : writers) EXPECT_EQ(writer->wait(), 0) << "a writer failed";

  // Count with the store reading the bare remote, and check a sample with git itself.
  store::GitNotesStore remote(origin);
  std::set<std::string> present;
  for (const auto& c : commits) {
    store::CommitRecords loaded = remote.load(c);
    EXPECT_TRUE(loaded.problems.empty());
    for (const auto& r : loaded.records) present.insert(r.benchmarks[0].name);
  }
  for (int w = 0; w < kWriters; ++w)
    for (int i = 0; i < kRounds; ++i)
      EXPECT_TRUE(present.count(fmt::format("BM_Store/w{}r{}", w, i)))
          << "lost w" << w << " r" << i;
  EXPECT_EQ(present.size(), static_cast<std::size_t>(kWriters * kRounds));
  std::string note = git(origin, {"notes", "--ref", "benchgate", "show", commits[0]});
  EXPECT_EQ(std::count(note.begin(), note.end(), '\n') + 1,
            same_commit ? kWriters * kRounds : kRounds);
}

TEST(ConcurrentWriters, EightWritersOnDifferentCommitsPushingToOneRemoteLoseNothing) {
  run_writers(false);
}
TEST(ConcurrentWriters, EightWritersOnTheSameCommitPushingToOneRemoteLoseNothing) {
  run_writers(true);
}

}  // namespace
}  // namespace benchgate::testing
