// `benchgate gate publish --from DIR`: the trusted half of the fork PR pattern. The files come
// from an untrusted run, so publish must refuse whatever it can check and finds wrong.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/gate/github_fixture.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using namespace testing;
namespace fs = std::filesystem;

class GatePublish : public GateGithub {
 protected:
  // A fork PR's run leaves its hand-off files behind; returns their directory.
  fs::path fork_run() {
    auto r = run(github_, "pull_request", pr(kPr, "mallory/widgets"), slow_);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    return report_dir_;
  }

  // The trusted job: GitHub Actions in the base repository, with a write token.
  ProcessResult publish(const fs::path& from, std::map<std::string, std::string> env = {}) {
    ProcessOptions options;
    options.cwd = dir_.path();
    options.unset_env = ci_variables();
    options.env = {{"GITHUB_ACTIONS", "true"},
                   {"GITHUB_API_URL", github_.api_base()},
                   {"GITHUB_REPOSITORY", "octo/widgets"},
                   {"GITHUB_TOKEN", github_.options().token}};
    for (auto& [k, v] : env) options.env[k] = v;
    return run_benchgate({"gate", "publish", "--allow-insecure-http", "--from", from.string()},
                         options);
  }
};

TEST_F(GatePublish, PostsTheForkReportWhenThePrHeadMatches) {
  const fs::path from = fork_run();
  github_.set_pull_request(kPr, c2_);
  auto r = publish(from);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto comments = github_.comments(kPr);
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_THAT(comments[0].body, HasSubstr("BM\\_Work"));
  EXPECT_THAT(comments[0].body, HasSubstr("FAIL"));
  // Publishing twice edits the same comment.
  ASSERT_EQ(publish(from).exit_code, 0);
  EXPECT_EQ(github_.comments(kPr).size(), 1u);
}

// The fork controls every byte of the hand-off. Its report.md is never posted, and what it puts in
// the results (benchmark names, labels, warnings, notes, errors) is escaped by our reporter.
TEST_F(GatePublish, RendersTheCommentFromTheResultsAndNeverPostsTheForksMarkdown) {
  const fs::path from = fork_run();
  github_.set_pull_request(kPr, c2_);
  write_file(from / "report.md",
             "FORK_MARKDOWN [click](https://evil.example) @octocat <img src=x onerror=alert(1)>");
  const std::string hostile =
      "x](https://evil.example) [click](http://evil.example) @octocat #1 <img src=x> "
      "<!-- \n# heading\n| a | b |` www.evil.example";
  auto results = nlohmann::json::parse(read_file(from / "results.json"));
  auto& comparison = results["suites"][0]["comparison"];
  for (auto& row : comparison["benchmarks"]) {
    row["name"] = hostile + row["name"].get<std::string>();
    row["note"] = hostile;
    row["errors"] = {hostile};
  }
  comparison["base"] = hostile;
  comparison["head"] = hostile;
  comparison["method"] = hostile;
  comparison["warnings"] = {hostile};
  comparison["settings"]["metric"] = hostile;
  write_file(from / "results.json", results.dump());
  auto r = publish(from);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto comments = github_.comments(kPr);
  ASSERT_EQ(comments.size(), 1u);
  const std::string& body = comments[0].body;
  EXPECT_THAT(body, HasSubstr("FAIL"));
  EXPECT_THAT(body, HasSubstr("BM\\_Work"));
  EXPECT_THAT(body, HasSubstr("\\[click\\]"));  // the names are there, escaped
  for (const char* raw : {"FORK_MARKDOWN", "@octocat", "<img", "://", "www.evil", "[click](", "x](",
                          "#1", "\n# heading", "| a | b |`"})
    EXPECT_THAT(body, ::testing::Not(HasSubstr(raw))) << raw;
  EXPECT_EQ(body.find("<!--"), body.rfind("<!--")) << "an HTML comment besides our marker";
}

TEST_F(GatePublish, RefusesMalformedResultsNamingFileAndField) {
  const fs::path from = fork_run();
  github_.set_pull_request(kPr, c2_);
  auto results = nlohmann::json::parse(read_file(from / "results.json"));
  results["suites"][0]["comparison"]["benchmarks"][0]["verdict"] = "approved";
  write_file(from / "results.json", results.dump());
  auto r = publish(from);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("benchgate: error: "));
  EXPECT_THAT(r.err, HasSubstr("results.json"));
  EXPECT_THAT(r.err, HasSubstr("suites[0].comparison.benchmarks[0].verdict"));
  EXPECT_TRUE(github_.comments(kPr).empty());
  fs::remove(from / "results.json");
  r = publish(from);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("results.json"));
}

TEST_F(GatePublish, RefusesAForgedPrNumber) {
  const fs::path from = fork_run();
  // The fork claims its report belongs on PR #12, whose head is another commit.
  auto event = nlohmann::json::parse(read_file(from / "event.json"));
  event["pr_number"] = 12;
  write_file(from / "event.json", event.dump());
  github_.set_pull_request(12, std::string(40, 'a'));
  auto r = publish(from);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("refusing to publish"));
  EXPECT_THAT(r.err, HasSubstr("forged PR number"));
  EXPECT_TRUE(github_.comments(12).empty());
  EXPECT_EQ(github_.request_count("POST", "/comments"), 0u);
}

TEST_F(GatePublish, RefusesFilesForAnotherHeadThanTheWorkflowRunBuilt) {
  const fs::path from = fork_run();
  github_.set_pull_request(kPr, c2_);
  const fs::path payload = dir_ / "workflow_run.json";
  write_file(payload, nlohmann::json{{"workflow_run", {{"head_sha", c3_}}}}.dump());
  auto r = publish(
      from, {{"GITHUB_EVENT_NAME", "workflow_run"}, {"GITHUB_EVENT_PATH", payload.string()}});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("the workflow run that produced it built " + c3_));
  EXPECT_TRUE(github_.comments(kPr).empty());
}

TEST_F(GatePublish, RefusesFilesForAnotherRepository) {
  const fs::path from = fork_run();
  github_.set_pull_request(kPr, c2_);
  auto r = publish(from, {{"GITHUB_REPOSITORY", "octo/other"}});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("is for repository octo/widgets"));
}

}  // namespace
}  // namespace benchgate
