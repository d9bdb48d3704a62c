// `benchgate pre-push` fed by hand the lines git writes to the hook: malformed input names its
// line, the skip variable wins before anything is read, and nothing to push means no gate.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/prepush/git_fixture.h"

namespace benchgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kZero(40, '0');
const std::string kSha(40, 'a');

TEST(PrePushStdin, MalformedLineIsAnInputErrorNamingTheLine) {
  GitFixture repo;
  ProcessResult r = repo.benchgate(
      {"pre-push", "origin", "/elsewhere"},
      "refs/heads/a " + kSha + " refs/heads/a " + kZero + "\nrefs/heads/b not-a-sha\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("stdin line 2"));
  EXPECT_THAT(r.err, HasSubstr("refs/heads/b not-a-sha"));
}

TEST(PrePushStdin, ShortShaIsRejected) {
  GitFixture repo;
  ProcessResult r =
      repo.benchgate({"pre-push"}, "refs/heads/a abc123 refs/heads/a " + kZero + "\n");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("stdin line 1: local sha \"abc123\" is not 40 hex digits"));
}

TEST(PrePushStdin, SkipVariableExitsAtOnceWithOneLine) {
  GitFixture repo;
  ProcessOptions options;
  options.cwd = repo.work();
  options.env = repo.env();
  options.env["BENCHGATE_SKIP"] = "1";
  options.stdin_text = "garbage that would be an error\n";
  ProcessResult r = run_benchgate({"pre-push"}, options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "benchgate pre-push: BENCHGATE_SKIP is set: this push is not gated\n");
}

TEST(PrePushStdin, OnlyDeletionsAndUnchangedRefsGateNothing) {
  GitFixture repo;
  const std::string head = repo.commit_file("benchgate.toml", sleep_suite_config("0.01"), "cfg");
  ProcessResult r = repo.benchgate(
      {"pre-push", "origin"}, "(delete) " + kZero + " refs/heads/gone " + kSha + "\n" +
                                  "refs/heads/main " + head + " refs/heads/main " + head + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("refs/heads/gone: not gated: deletes the remote ref"));
  EXPECT_THAT(r.err, HasSubstr("refs/heads/main: not gated: the remote already has this commit"));
  EXPECT_THAT(r.err, Not(HasSubstr("gating ")));
}

TEST(PrePushStdin, NewBranchWithoutAnyRemoteTrackingBranchIsSkippedWithAReason) {
  GitFixture repo;  // origin exists but nothing was ever fetched from or pushed to it
  const std::string head = repo.commit_file("benchgate.toml", sleep_suite_config("0.01"), "cfg");
  ProcessResult r = repo.benchgate({"pre-push", "origin"},
                                   "refs/heads/main " + head + " refs/heads/main " + kZero + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("no target to compare with"));
  EXPECT_THAT(r.err, HasSubstr("origin/HEAD"));
}

TEST(PrePushStdin, TagsAreNotGated) {
  GitFixture repo;
  const std::string head = repo.commit_file("benchgate.toml", sleep_suite_config("0.01"), "cfg");
  ProcessResult r = repo.benchgate({"pre-push", "origin"},
                                   "refs/tags/v1 " + head + " refs/tags/v1 " + kZero + "\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("refs/tags/v1: not gated: not a branch"));
}

}  // namespace
}  // namespace benchgate::testing
