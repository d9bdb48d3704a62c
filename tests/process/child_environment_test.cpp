// process/child_environment.h with core/credentials.h: which variables a real child (sh) gets,
// and that a withdrawn value is gone from this process's own environment block.
#include "process/child_environment.h"

#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/credentials.h"
#include "process/launch.h"

namespace benchgate::process {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;

TEST(CredentialNames, FollowTheDocumentedRule) {
  for (const char* name :
       {"GITHUB_TOKEN", "CI_JOB_TOKEN", "CI_JOB_JWT_V2", "ACTIONS_ID_TOKEN_REQUEST_URL",
        "CI_REGISTRY_PASSWORD", "AWS_SECRET_ACCESS_KEY", "my_token", "CI_REPOSITORY_URL"})
    EXPECT_TRUE(is_credential_name(name)) << name;
  for (const char* name : {"PATH", "HOME", "TOKENIZER_THREADS", "GITHUB_SHA", "SECRETARY"})
    EXPECT_FALSE(is_credential_name(name)) << name;
}

// In a forked child, so that this test process stays dumpable for the others.
int dumpable_after_withdrawing(const char* variable) {
  const pid_t pid = fork();
  if (pid == 0) {
    clearenv();  // whatever credentials the test's own environment holds
    if (variable) setenv(variable, "value-1234", 1);
    withdraw_credentials_from_environment();
    _exit(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(CredentialNames, AProcessHoldingOneIsNotDumpableOneWithoutStaysDumpable) {
  EXPECT_EQ(dumpable_after_withdrawing("BENCHGATE_DUMPABLE_TEST_TOKEN"), 0);
  EXPECT_EQ(dumpable_after_withdrawing(nullptr), 1);
}

std::string child_env(bool keeps_credentials = false) {
  ChildSpec spec;
  spec.keeps_credentials = keeps_credentials;
  spec.argv = {"/usr/bin/env"};
  spec.capture_stdout = true;
  return run_child(spec).stdout_text;
}

TEST(ChildEnvironment, CredentialsAndRemovedNamesAreLeftOutPassthroughComesBack) {
  setenv("BENCHGATE_TEST_TOKEN", "tok-1234", 1);
  setenv("BENCHGATE_TEST_PASSWORD", "pw-1234", 1);
  setenv("BENCHGATE_TEST_PLAIN", "plain-1234", 1);
  withdraw_credentials_from_environment();
  EXPECT_EQ(getenv("BENCHGATE_TEST_TOKEN"), nullptr) << "withdrawn from the environment";
  EXPECT_EQ(environment_value("BENCHGATE_TEST_TOKEN"), "tok-1234") << "but still known";

  set_child_environment_policy({{"BENCHGATE_TEST_PASSWORD"}, {"BENCHGATE_TEST_PLAIN"}});
  const std::string env = child_env();
  EXPECT_THAT(env, HasSubstr("PATH="));
  EXPECT_THAT(env, Not(HasSubstr("tok-1234")));
  EXPECT_THAT(env, HasSubstr("BENCHGATE_TEST_PASSWORD=pw-1234\n"));
  EXPECT_THAT(env, Not(HasSubstr("plain-1234")));
  set_child_environment_policy({});
  EXPECT_THAT(child_env(), Not(HasSubstr("pw-1234")));
  // benchgate itself as the child (the pre-push hook's gate) gets them all back.
  EXPECT_THAT(child_env(/*keeps_credentials=*/true), HasSubstr("BENCHGATE_TEST_TOKEN=tok-1234\n"));
}

}  // namespace
}  // namespace benchgate::process
