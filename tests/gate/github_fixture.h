#pragma once
// The GitHub scenario shared by the GitHub and publish tests: a repository whose bare remote holds
// a baseline recorded by a push run on main, a feature branch for PR #7, and a fake GitHub API.
#include <map>
#include <string>
#include <vector>

#include "tests/forge/fake_github.h"
#include "tests/gate/gate_fixture.h"

namespace benchgate::testing {
namespace fs = std::filesystem;

constexpr long long kPr = 7;

class GateGithub : public ::testing::Test {
 protected:
  // main: c0 -- c1 (baseline recorded by a push run) -- c3; feature (PR #7): c3 -- c2.
  void SetUp() override {
    c0_ = git(repo_.work(), {"rev-parse", "HEAD"});
    c1_ = repo_.commit("c1");
    git(repo_.work(), {"push", "-q", "origin", "main"});
    push_run_ = run(github_, "push", push_payload("refs/heads/main", c0_, c1_, "main"), fast_);
    c3_ = repo_.commit("c3");
    git(repo_.work(), {"push", "-q", "origin", "main"});
    git(repo_.work(), {"checkout", "-q", "-b", "feature"});
    c2_ = repo_.commit("c2");
    git(repo_.work(), {"push", "-q", "origin", "feature"});
  }

  nlohmann::json pr(long long number = kPr, const std::string& head_repo = "octo/widgets") {
    return pull_request_payload(number, c2_, c3_, head_repo, "octo/widgets");
  }

  // One gate run: `results` as the suite `bench` on testbed `tb`, reports in a fresh directory.
  ProcessResult run(FakeGithub& server, const std::string& event, const nlohmann::json& payload,
                    const fs::path& results, std::vector<std::string> extra = {},
                    std::map<std::string, std::string> env = {}, const fs::path& cwd = {}) {
    report_dir_ = dir_ / ("report-" + std::to_string(++runs_));
    ProcessOptions options = github_job(server.api_base(), "octo/widgets", event, payload,
                                        dir_ / ("event-" + std::to_string(runs_) + ".json"),
                                        server.options().token, cwd.empty() ? repo_.work() : cwd);
    for (auto& [k, v] : env) options.env[k] = v;
    std::vector<std::string> args = {"gate", "--allow-insecure-http", "--results", results.string(),
                                     "--suite", "bench", "--testbed", "tb", "--report-dir",
                                     report_dir_.string(),
                                     // The forge plumbing is under test, not the spread between
                                     // jobs: the synthetic jobs are trusted as they are.
                                     "--trust-single-job"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_benchgate(args, options);
  }

  // The hidden marker of our sticky comment, as a first run posts it.
  std::string learn_marker() {
    auto r = run(github_, "pull_request", pr(), fast_);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto comments = github_.comments(kPr);
    EXPECT_EQ(comments.size(), 1u);
    return comments.empty() ? "" : comments[0].body.substr(0, comments[0].body.find('\n'));
  }

  TempDir dir_{"benchgate-gate-github"};
  GitFixture repo_{dir_.path()};
  FakeGithub github_;
  fs::path fast_ = write_results(dir_ / "fast", 100.0);
  fs::path slow_ = write_results(dir_ / "slow", 150.0);
  std::string c0_, c1_, c2_, c3_;
  ProcessResult push_run_;
  fs::path report_dir_;
  int runs_ = 0;
};

}  // namespace benchgate::testing
