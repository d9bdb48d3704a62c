// `benchgate baseline ...` end to end: the real binary on real repositories.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/run_record_json.h"
#include "store/record_lines.h"
#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;

class BaselineCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_repo(repo_);
    c1_ = commit(repo_, "one");
    c2_ = commit(repo_, "two");
  }
  ProcessResult bg(std::vector<std::string> args) {
    args.insert(args.begin(), "baseline");
    return run_benchgate(args, in_dir(repo_));
  }
  TempDir dir_;
  std::filesystem::path repo_ = dir_ / "repo";
  std::string c1_, c2_;
};

TEST_F(BaselineCliTest, SaveShowListFindPrune) {
  auto file = write_record(dir_ / "r.json", make_record("", "a"));
  ProcessResult saved = bg({"save", "--testbed", "ci", "--commit", "HEAD~1", file.string()});
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  EXPECT_THAT(saved.out, HasSubstr(c1_));
  ProcessResult shown = bg({"show", "--commit", c1_, "--format", "json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  nlohmann::json records = nlohmann::json::parse(shown.out);
  ASSERT_EQ(records.size(), 1u);
  RunRecord r = run_record_from_json(records[0]);
  EXPECT_EQ(r.testbed, "ci");
  EXPECT_EQ(r.commit, c1_);
  ProcessResult listed = bg({"list"});
  EXPECT_THAT(listed.out, HasSubstr(c1_));
  ProcessResult found = bg({"find", "--base", "HEAD", "--testbed", "ci"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_THAT(found.out, HasSubstr("baseline: " + c1_ + " (1 commit before the merge-base"));
  ProcessResult missing = bg({"find", "--base", "HEAD", "--testbed", "arm"});
  EXPECT_EQ(missing.exit_code, kExitInputError);
  EXPECT_THAT(missing.err, HasSubstr("no baseline for testbed arm"));
  EXPECT_EQ(bg({"prune", "--keep", "0"}).exit_code, 0);
  EXPECT_EQ(bg({"show", "--commit", c1_}).exit_code, kExitInputError);
}

TEST_F(BaselineCliTest, InvalidRecordFileIsRefusedWithExitTwoAndNothingWritten) {
  write_file(dir_ / "bad.json",
             R"({"schema":"benchgate.run/1","processes":[],"benchmarks":[{"name":""}]})");
  ProcessResult r = bg({"save", "--testbed", "ci", (dir_ / "bad.json").string()});
  EXPECT_EQ(r.exit_code, kExitInputError);
  EXPECT_THAT(r.err, HasSubstr("bad.json"));
  EXPECT_NE(try_git(repo_, {"rev-parse", "--verify", "-q", "refs/notes/benchgate"}).exit_code, 0);
}

// `benchgate run` without --testbed records this machine's fingerprint; `baseline find`,
// `baseline show`, `baseline save` and `compare --base-commit` without --testbed mean the same
// testbed, so they meet those records, and a testbed named explicitly still selects.
TEST_F(BaselineCliTest, WithoutTestbedCommandsMeanThisMachineAsRunRecordsIt) {
  const std::filesystem::path run_file = dir_ / "run.json";
  ProcessResult ran = run_benchgate(
      {"run", "--runs", "2", "--warmup", "0", "-q", "-o", run_file.string(), "--", "/bin/true"},
      in_dir(repo_));
  ASSERT_EQ(ran.exit_code, 0) << ran.err;
  const std::string this_machine = read_run_record_file(run_file).testbed;
  ASSERT_FALSE(this_machine.empty());
  ProcessResult saved = bg({"save", "--commit", c1_, run_file.string()});
  ASSERT_EQ(saved.exit_code, 0) << saved.err;

  ProcessResult found = bg({"find", "--base", "main"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_THAT(found.out, HasSubstr("(testbed " + this_machine + ")"));
  EXPECT_THAT(found.out, HasSubstr("baseline: " + c1_ + " (1 commit before the merge-base"));
  ProcessResult elsewhere = bg({"find", "--base", "main", "--testbed", "elsewhere"});
  EXPECT_EQ(elsewhere.exit_code, kExitInputError);
  EXPECT_THAT(elsewhere.err, HasSubstr("no baseline for testbed elsewhere"));

  ProcessResult shown = bg({"show", "--commit", c1_, "--format", "json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  RunRecord stored = run_record_from_json(nlohmann::json::parse(shown.out).at(0));
  EXPECT_EQ(stored.commit, c1_);
  EXPECT_EQ(stored.testbed, this_machine);
  EXPECT_EQ(bg({"show", "--commit", c1_, "--testbed", "elsewhere"}).exit_code, kExitInputError);

  // A record that names no testbed is saved as this machine's, as the gate takes --results.
  auto no_testbed = write_record(dir_ / "nt.json", make_record("", "x"));
  ASSERT_EQ(bg({"save", "--commit", c2_, no_testbed.string()}).exit_code, 0);
  ProcessResult second = bg({"show", "--commit", c2_, "--testbed", this_machine});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("1 record(s) on " + c2_));

  // Google Benchmark results carry no testbed: the stored base is this machine's.
  write_file(dir_ / "head.json",
             R"({"benchmarks": [{"name": "true", "iterations": 1, "real_time": 3.5,)"
             R"( "cpu_time": 0.2, "time_unit": "ms"}]})");
  const std::string head = (dir_ / "head.json").string();
  ProcessResult compared = run_benchgate({"compare", "--base-commit", c1_, head}, in_dir(repo_));
  EXPECT_EQ(compared.exit_code, 0) << compared.err;
  EXPECT_THAT(compared.out, HasSubstr("true"));
  ProcessResult other = run_benchgate(
      {"compare", "--base-commit", c1_, "--testbed", "elsewhere", head}, in_dir(repo_));
  EXPECT_EQ(other.exit_code, kExitInputError);
  EXPECT_THAT(other.err, HasSubstr("no baseline for testbed \"elsewhere\""));
}

TEST_F(BaselineCliTest, CorruptNoteIsReportedWithCommitAndLineOnStderr) {
  std::string line = store::record_to_line(make_record("ci", "ok"));
  git(repo_, {"notes", "--ref", "benchgate", "add", "-m", "{\"truncated\": \n" + line, c2_});
  ProcessResult r = bg({"show"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("commit " + c2_ + ", line 1"));
  EXPECT_THAT(r.out, HasSubstr("1 record(s)"));
}

TEST_F(BaselineCliTest, DirectoryStoreWorksOutsideGit) {
  TempDir outside;
  auto file = write_record(outside / "r.json", make_record("ci", "a"));
  std::string store = "dir:" + (outside / "store").string();
  ProcessResult saved =
      run_benchgate({"baseline", "save", "--store", store, "--commit", "release-1", file.string()},
                    in_dir(outside.path()));
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  EXPECT_TRUE(std::filesystem::exists(outside / "store" / "release-1.jsonl"));
  EXPECT_EQ(run_benchgate({"baseline", "push", "--store", store}, in_dir(outside.path())).exit_code,
            kExitInputError);
}

TEST_F(BaselineCliTest, HelpAndUsageErrors) {
  ProcessResult help = bg({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("push"));
  EXPECT_THAT(bg({"push", "--help"}).out, HasSubstr("BENCHGATE_GIT_TOKEN"));
  EXPECT_EQ(bg({"find", "--testbed", "ci"}).exit_code, kExitInputError);  // --base missing
  EXPECT_THAT(bg({"find", "--help"}).out, HasSubstr("--testbed TEXT "));
  EXPECT_THAT(bg({"find", "--help"}).out, Not(HasSubstr("--testbed TEXT REQUIRED")));
  EXPECT_EQ(run_benchgate({"baseline", "list", "--repo", dir_.path().string()}).exit_code,
            kExitInputError);
}

}  // namespace
}  // namespace benchgate::testing
