// `benchgate calibrate` end to end: the real binary as a child process in a real git repository
// with recorded jobs (tests/gate/calibrate_fixture.h), and an interleaved A/A against a fake
// Google Benchmark program whose second process of a round runs 10% slower.
#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/store_factory.h"
#include "tests/gate/calibrate_fixture.h"
#include "tests/store/git_fixture.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A fake Google Benchmark binary: lists BM_A, BM_B, BM_C; each measured launch (one that writes
// --benchmark_out) counts itself in $COUNTER, and every even launch, the second process of a
// round, is 10% slower. Timings carry ±0.1% of noise. $FAIL makes every measured launch fail.
constexpr const char* kFakeBench = R"(#!/bin/sh
out=""; reps=1
for a in "$@"; do case "$a" in
  --benchmark_out=*) out="${a#--benchmark_out=}";;
  --benchmark_repetitions=*) reps="${a#--benchmark_repetitions=}";;
  --benchmark_list_tests*) echo BM_A; echo BM_B; echo BM_C; exit 0;;
  --help) echo "usage: fake [--benchmark_list_tests] [--benchmark_filter=REGEX]"; exit 0;;
esac; done
[ -n "$out" ] || exit 0
[ -n "$FAIL" ] && { echo "injected failure" >&2; exit 1; }
n=$(( $(cat "$COUNTER" 2>/dev/null || echo 0) + 1 )); echo $n > "$COUNTER"
awk -v n=$n -v reps=$reps 'BEGIN {
  srand(n); slow = (n % 2 == 0) ? 1.10 : 1.0; split("BM_A BM_B BM_C", names, " ")
  printf "{\"context\":{\"date\":\"x\",\"executable\":\"fake\",\"num_cpus\":2},\"benchmarks\":["
  sep = ""
  for (b = 1; b <= 3; b++) for (r = 0; r < reps; r++) {
    t = 1000 * b * slow * (1 + 0.002 * (rand() - 0.5))
    printf "%s{\"name\":\"%s\",\"run_name\":\"%s\",\"run_type\":\"iteration\",\"repetitions\":%d,", sep, names[b], names[b], reps
    printf "\"repetition_index\":%d,\"threads\":1,\"iterations\":1000,\"real_time\":%f,\"cpu_time\":%f,\"time_unit\":\"ns\"}", r, t, t
    sep = ","
  }
  print "]}"
}' > "$out"
)";

class CalibrateCli : public ::testing::Test {
 protected:
  void SetUp() override {
    init_repo(repo_);
    write_file(bench_, kFakeBench);
    fs::permissions(bench_, fs::perms::owner_all);
    write_file(repo_ / "benchgate.toml", R"([gate]
rounds = 8

[[suite]]
name = "core"
command = [")" + bench_.string() + R"("]
format = "gbench"
repetitions = 2
)");
  }

  void record_history(int jobs) {
    const auto store = store::open_store("git", repo_);
    std::mt19937 rng(7);
    for (int i = 0; i < jobs; ++i) {
      const std::string c = commit(repo_, "c" + std::to_string(i));
      store->save(c, {synthetic_job(c, rng, 0.01)});
    }
  }

  ProcessResult calibrate(std::vector<std::string> args,
                          std::map<std::string, std::string> env = {}) {
    std::vector<std::string> all = {"calibrate", "--branch", "HEAD"};
    if (std::find(args.begin(), args.end(), "--testbed") == args.end())
      all.insert(all.end(), {"--testbed", "tb"});
    all.insert(all.end(), args.begin(), args.end());
    env["COUNTER"] = (dir_ / "count").string();
    return run_benchgate(all, in_dir(repo_, env));
  }

  TempDir dir_;
  fs::path repo_ = dir_ / "repo";
  fs::path bench_ = dir_ / "fake_bench";
};

TEST_F(CalibrateCli, FromHistoryPrintsStoresAndWritesTheCalibration) {
  record_history(12);
  const auto r = calibrate({"-o", (dir_ / "cal.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("σ_job"));
  EXPECT_THAT(r.out, HasSubstr("stored: 12 recorded jobs"));
  EXPECT_THAT(r.out, HasSubstr("successive HEAD jobs on this testbed"));
  EXPECT_THAT(r.out, HasSubstr("an upper bound"));
  EXPECT_THAT(r.err, HasSubstr("stored the calibration of testbed tb"));
  const nlohmann::json doc = nlohmann::json::parse(read_file(dir_ / "cal.json"));
  EXPECT_EQ(doc["schema"], "benchgate.calibration/1");
  EXPECT_EQ(doc["suites"][0]["stored"]["jobs"], 12);
  const std::string notes = git(repo_, {"notes", "--ref", "benchgate-calibration", "list"});
  EXPECT_FALSE(notes.empty());
}

TEST_F(CalibrateCli, ShowPrintsTheStoredOneAndACorruptLineIsExitTwo) {
  record_history(12);
  ASSERT_EQ(calibrate({}).exit_code, 0);
  const std::string later = commit(repo_, "later");
  auto r = calibrate({"--show"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("stored: 12 recorded jobs"));
  EXPECT_THAT(r.err, HasSubstr("1 commit(s) below"));
  r = calibrate({"--show", "--testbed", "elsewhere"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no calibration of testbed elsewhere"));
  git(repo_, {"notes", "--ref", "benchgate-calibration", "add", "-m", "{\"schema\": 1}", later});
  r = calibrate({"--show"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("unreadable calibration"));
  EXPECT_THAT(r.err, HasSubstr("line 1"));
}

TEST_F(CalibrateCli, PushSharesTheCalibrationNotesWithTheRemote) {
  const fs::path remote = dir_ / "remote.git";
  init_repo(remote, /*bare=*/true);
  git(repo_, {"remote", "add", "origin", remote.string()});
  record_history(12);
  git(repo_, {"push", "-q", "origin", "main"});
  auto r = calibrate({"--no-push"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(try_git(remote, {"rev-parse", "-q", "--verify", "refs/notes/benchgate-calibration"})
                .exit_code,
            0);
  r = calibrate({"--push"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("pushed the calibration to origin"));
  EXPECT_EQ(try_git(remote, {"rev-parse", "-q", "--verify", "refs/notes/benchgate-calibration"})
                .exit_code,
            0);
  // A fresh clone (a CI job) fetches the calibration notes before reading them.
  git(dir_.path(), {"clone", "-q", remote.string(), (dir_ / "clone").string()});
  const auto shown = run_benchgate(
      {"calibrate", "--show", "--testbed", "tb", "--config", (repo_ / "benchgate.toml").string()},
      in_dir(dir_ / "clone"));
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.err, HasSubstr("fetched calibrations from origin"));
  EXPECT_THAT(shown.out, HasSubstr("stored: 12 recorded jobs"));
}

TEST_F(CalibrateCli, NoStoreOnlyPrints) {
  record_history(3);
  const auto r = calibrate({"--no-store"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("the gate cannot block on this history yet"));
  EXPECT_FALSE(try_git(repo_, {"rev-parse", "-q", "--verify", "refs/notes/benchgate-calibration"})
                   .exit_code == 0);
}

TEST_F(CalibrateCli, BadInputIsExitTwo) {
  commit(repo_, "c0");
  auto r = calibrate({"--no-store"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("nothing to calibrate"));
  r = calibrate({"--suite", "nosuch"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("nosuch"));
  r = calibrate({"--branch", "no-such-branch"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
}

TEST_F(CalibrateCli, InterleavedAAReportsThePositionEffect) {
  commit(repo_, "c0");
  const auto r = calibrate({"--interleaved", "--no-store", "-o", (dir_ / "cal.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("interleaved A/A: 8 of 8 rounds complete, second-run penalty +10"));
  EXPECT_THAT(r.out, HasSubstr("A/A whole job (8 rounds): pass"));
  EXPECT_THAT(r.out, HasSubstr("first half"));
  const nlohmann::json doc = nlohmann::json::parse(read_file(dir_ / "cal.json"));
  const auto& rows = doc["suites"][0]["benchmarks"];
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) {
    EXPECT_NEAR(row["second_run_effect"].get<double>(), 0.10, 0.01) << row.dump();
    EXPECT_LT(row["round_sd"].get<double>(), 0.01) << row.dump();
    EXPECT_TRUE(row["interleaved_gateable"].is_number()) << row.dump();
  }
  EXPECT_EQ(doc["interleaved_splits"], 3);
  EXPECT_EQ(doc["interleaved_failed_splits"], 0);
}

TEST_F(CalibrateCli, AnAAWhereNothingRunsIsExitThree) {
  commit(repo_, "c0");
  const auto r = calibrate({"--interleaved", "--no-store"}, {{"FAIL", "1"}});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no round completed"));
}

TEST_F(CalibrateCli, HelpHasExamples) {
  const auto r = run_benchgate({"calibrate", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("benchgate calibrate --interleaved"));
}

}  // namespace
}  // namespace benchgate::testing
