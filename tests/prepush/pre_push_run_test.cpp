// The pre-push check as a library call on real repositories, for the pushes it does not gate:
// what it says and that it lets them through. (Gated pushes run the real binary in push_test.)
#include "prepush/pre_push_run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "tests/store/git_fixture.h"
#include "tests/support/log_capture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::prepush {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

std::string line(const std::string& local_ref, const std::string& local_sha,
                 const std::string& remote_ref, const std::string& remote_sha) {
  return local_ref + " " + local_sha + " " + remote_ref + " " + remote_sha + "\n";
}

class PrePushRun : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = dir_ / "repo";
    testing::init_repo(repo_);
    head_ = testing::commit(repo_, "first");
    settings_.repository = repo_;
    settings_.benchgate = "/nonexistent/benchgate";  // never started by these tests
  }
  testing::TempDir dir_;
  fs::path repo_;
  std::string head_;
  PrePushSettings settings_;
};

TEST_F(PrePushRun, WithoutAConfigNothingIsGated) {
  testing::LogCapture log;
  const auto outcome =
      run_pre_push(settings_, line("refs/heads/main", head_, "refs/heads/main", head_));
  EXPECT_EQ(outcome, PrePushOutcome::kPass);
  EXPECT_THAT(log.text(), HasSubstr("benchgate pre-push: no benchgate.toml in"));
}

TEST_F(PrePushRun, AGivenConfigMustExist) {
  settings_.config = dir_ / "missing.toml";
  EXPECT_THROW(run_pre_push(settings_, ""), InputError);
}

TEST_F(PrePushRun, DeletionsAndNoOpsAreSkippedWithAReason) {
  testing::write_file(repo_ / "benchgate.toml", "");
  testing::LogCapture log;
  const std::string zero(40, '0');
  const auto outcome =
      run_pre_push(settings_, line("(delete)", zero, "refs/heads/old", head_) +
                                  line("refs/heads/main", head_, "refs/heads/main", head_));
  EXPECT_EQ(outcome, PrePushOutcome::kPass);
  EXPECT_THAT(log.text(), HasSubstr("refs/heads/old"));
  EXPECT_THAT(log.text(), HasSubstr("refs/heads/main"));
  EXPECT_THAT(log.text(), ::testing::Not(HasSubstr("gating")));
}

TEST_F(PrePushRun, MalformedStdinIsAnInputError) {
  EXPECT_THROW(run_pre_push(settings_, "not four fields\n"), InputError);
}

TEST(PrePushBudget, IsWrittenAsTheHookPassesItBack) {
  EXPECT_EQ(format_budget(60), "60s");
  EXPECT_EQ(format_budget(1.5), "1.5s");
  EXPECT_EQ(format_budget(0), "0s");
}

}  // namespace
}  // namespace benchgate::prepush
