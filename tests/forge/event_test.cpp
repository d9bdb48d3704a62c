#include "forge/event.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "forge/tokens.h"
#include "tests/support/temp_dir.h"

namespace benchgate::forge {
namespace {

using ::testing::HasSubstr;

const std::string kHead(40, 'a');
const std::string kBase(40, 'b');

nlohmann::json pull_request_payload(const std::string& head_repo = "octo/widgets") {
  return {
      {"action", "synchronize"},
      {"number", 17},
      {"pull_request",
       {{"number", 17},
        {"head", {{"sha", kHead}, {"ref", "feature"}, {"repo", {{"full_name", head_repo}}}}},
        {"base", {{"sha", kBase}, {"ref", "main"}, {"repo", {{"full_name", "octo/widgets"}}}}}}}};
}

std::string input_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

TEST(GithubEvent, PullRequestGivesHeadAndBaseFromThePayload) {
  GithubEvent event = parse_github_event("pull_request", pull_request_payload(), "event.json");
  ASSERT_TRUE(event.pull_request);
  EXPECT_FALSE(event.push);
  EXPECT_EQ(event.pull_request->number, 17);
  EXPECT_EQ(event.pull_request->head_sha, kHead);
  EXPECT_EQ(event.pull_request->base_sha, kBase);
  EXPECT_EQ(event.pull_request->base_ref, "main");
  EXPECT_FALSE(event.pull_request->from_fork());
}

TEST(GithubEvent, ForkIsDetectedByHeadRepoIncludingADeletedFork) {
  EXPECT_TRUE(parse_github_event("pull_request", pull_request_payload("someone/widgets"), "e")
                  .pull_request->from_fork());
  auto payload = pull_request_payload();
  payload["pull_request"]["head"]["repo"] = nullptr;
  EXPECT_TRUE(parse_github_event("pull_request_target", payload, "e").pull_request->from_fork());
}

TEST(GithubEvent, PushToTheDefaultBranch) {
  nlohmann::json payload = {
      {"ref", "refs/heads/main"},
      {"before", std::string(40, '0')},
      {"after", kHead},
      {"repository", {{"full_name", "octo/widgets"}, {"default_branch", "main"}}}};
  GithubEvent event = parse_github_event("push", payload, "e");
  ASSERT_TRUE(event.push);
  EXPECT_TRUE(event.push->to_default_branch());
  payload["ref"] = "refs/heads/feature";
  EXPECT_FALSE(parse_github_event("push", payload, "e").push->to_default_branch());
}

TEST(GithubEvent, OtherEventsCarryNeitherPart) {
  GithubEvent event = parse_github_event("workflow_dispatch", nlohmann::json::object(), "e");
  EXPECT_FALSE(event.pull_request);
  EXPECT_FALSE(event.push);
}

TEST(GithubEvent, MalformedPayloadsNameTheFileAndField) {
  auto missing_sha = pull_request_payload();
  missing_sha["pull_request"]["head"].erase("sha");
  EXPECT_THAT(
      input_error([&] { parse_github_event("pull_request", missing_sha, "/tmp/ev.json"); }),
      AllOf(HasSubstr("/tmp/ev.json"), HasSubstr("pull_request.head.sha"), HasSubstr("missing")));

  auto string_number = pull_request_payload();
  string_number["pull_request"]["number"] = "17";
  EXPECT_THAT(input_error([&] { parse_github_event("pull_request", string_number, "e"); }),
              HasSubstr("pull_request.number"));

  auto bad_sha = pull_request_payload();
  bad_sha["pull_request"]["base"]["sha"] = "not-a-sha";
  EXPECT_THAT(input_error([&] { parse_github_event("pull_request", bad_sha, "e"); }),
              AllOf(HasSubstr("pull_request.base.sha"), HasSubstr("not a commit id")));

  EXPECT_THAT(input_error([&] { parse_github_event("push", nlohmann::json::array(), "e"); }),
              HasSubstr("expected an object"));
  EXPECT_THAT(input_error([&] {
                parse_github_event("push", {{"ref", "refs/heads/x"}}, "e");
              }),
              HasSubstr("before"));
}

TEST(GithubContext, ReadsTheEventFileAndVariables) {
  testing::TempDir dir;
  testing::write_file(dir / "event.json", pull_request_payload().dump());
  auto env = map_environment({{"GITHUB_ACTIONS", "true"},
                              {"GITHUB_REPOSITORY", "octo/widgets"},
                              {"GITHUB_EVENT_NAME", "pull_request"},
                              {"GITHUB_EVENT_PATH", (dir / "event.json").string()},
                              {"GITHUB_SHA", std::string(40, 'c')},
                              {"GITHUB_STEP_SUMMARY", (dir / "summary.md").string()}});
  EXPECT_EQ(detect_ci(env), CiKind::kGithubActions);
  GithubContext context = read_github_context(env);
  EXPECT_EQ(context.api_url, "https://api.github.com");
  ASSERT_TRUE(context.event.pull_request);
  EXPECT_EQ(context.event.pull_request->head_sha, kHead);  // not GITHUB_SHA, the merge commit
  EXPECT_EQ(context.step_summary, dir / "summary.md");
}

TEST(GithubContext, TruncatedEventFileIsAnInputErrorNamingIt) {
  testing::TempDir dir;
  testing::write_file(dir / "event.json", R"({"pull_request": {"number": 1,)");
  auto env = map_environment({{"GITHUB_REPOSITORY", "o/r"},
                              {"GITHUB_EVENT_NAME", "pull_request"},
                              {"GITHUB_EVENT_PATH", (dir / "event.json").string()}});
  EXPECT_THAT(input_error([&] { read_github_context(env); }), HasSubstr("event.json"));
  EXPECT_THAT(input_error([&] {
                read_github_context(
                    map_environment({{"GITHUB_REPOSITORY", "o/r"}, {"GITHUB_EVENT_NAME", "push"}}));
              }),
              HasSubstr("GITHUB_EVENT_PATH"));
}

TEST(GitlabContext, MergeRequestPipeline) {
  auto env = map_environment({{"GITLAB_CI", "true"},
                              {"CI_API_V4_URL", "https://gitlab.example/api/v4"},
                              {"CI_PROJECT_ID", "42"},
                              {"CI_COMMIT_SHA", kHead},
                              {"CI_DEFAULT_BRANCH", "main"},
                              {"CI_MERGE_REQUEST_IID", "9"},
                              {"CI_MERGE_REQUEST_DIFF_BASE_SHA", kBase},
                              {"CI_MERGE_REQUEST_PROJECT_ID", "42"},
                              {"CI_MERGE_REQUEST_SOURCE_PROJECT_ID", "77"}});
  EXPECT_EQ(detect_ci(env), CiKind::kGitlabCi);
  GitlabContext context = read_gitlab_context(env);
  ASSERT_TRUE(context.merge_request);
  EXPECT_EQ(context.merge_request->iid, 9);
  EXPECT_EQ(context.merge_request->diff_base_sha, kBase);
  EXPECT_TRUE(context.merge_request->from_fork());
  EXPECT_FALSE(context.on_default_branch());
}

TEST(GitlabContext, BranchPipelineAndBadValues) {
  auto branch = map_environment({{"CI_API_V4_URL", "u"},
                                 {"CI_PROJECT_ID", "42"},
                                 {"CI_COMMIT_SHA", kHead},
                                 {"CI_COMMIT_BRANCH", "main"},
                                 {"CI_DEFAULT_BRANCH", "main"}});
  GitlabContext context = read_gitlab_context(branch);
  EXPECT_FALSE(context.merge_request);
  EXPECT_TRUE(context.on_default_branch());
  EXPECT_THAT(input_error([&] {
                read_gitlab_context(map_environment({{"CI_API_V4_URL", "u"},
                                                     {"CI_PROJECT_ID", "42"},
                                                     {"CI_COMMIT_SHA", kHead},
                                                     {"CI_MERGE_REQUEST_IID", "9x"}}));
              }),
              HasSubstr("CI_MERGE_REQUEST_IID"));
  EXPECT_THAT(input_error([&] {
                read_gitlab_context(map_environment({{"CI_PROJECT_ID", "42"}}));
              }),
              HasSubstr("CI_API_V4_URL"));
  EXPECT_EQ(detect_ci(map_environment({})), CiKind::kLocal);
}

TEST(Tokens, MissingGitlabTokenIsExplainedAndJobTokenCalledOut) {
  auto only_job_token =
      map_environment({{"CI_JOB_TOKEN", "job-token-value-123"}, {"BENCHGATE_GITLAB_TOKEN", ""}});
  EXPECT_FALSE(token_from_env(only_job_token, kGitlabTokenEnv));
  std::string why = explain_missing_gitlab_token(only_job_token);
  EXPECT_THAT(why, AllOf(HasSubstr("BENCHGATE_GITLAB_TOKEN"), HasSubstr("CI_JOB_TOKEN"),
                         HasSubstr("cannot post merge request notes"), HasSubstr("api")));
  EXPECT_THAT(why, Not(HasSubstr("job-token-value-123")));
  EXPECT_THAT(explain_missing_gitlab_token(map_environment({}), "MY_TOKEN"),
              AllOf(HasSubstr("MY_TOKEN"), Not(HasSubstr("CI_JOB_TOKEN"))));
  EXPECT_TRUE(token_from_env(map_environment({{"GITHUB_TOKEN", "x"}}), kGithubTokenEnv));
}

}  // namespace
}  // namespace benchgate::forge
