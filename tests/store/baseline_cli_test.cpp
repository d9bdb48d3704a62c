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
  auto no_testbed = write_record(dir_ / "nt.json", make_record("", "x"));
  EXPECT_EQ(bg({"save", no_testbed.string()}).exit_code, kExitInputError);
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
  EXPECT_EQ(run_benchgate({"baseline", "list", "--repo", dir_.path().string()}).exit_code,
            kExitInputError);
}

}  // namespace
}  // namespace benchgate::testing
