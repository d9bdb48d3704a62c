// What examples/ci/github-benchmarks.yml checks out on `pull_request`, and why: the gate labels its
// measurement with the PR head from the event payload and compares it with the merge-base's
// baseline, so the work tree it measures must be that head. GitHub's default checkout is the
// merge commit, which carries the base branch's later changes; measured there, those changes
// count against the PR. The real binary runs the committed suite of a real clone of a real
// remote, as the job's steps do, against the fake GitHub API of tests/forge.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/forge/fake_github.h"
#include "tests/gate/gate_fixture.h"

namespace benchgate::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;

constexpr long long kPrNumber = 7;

// A committed fake Google Benchmark program: BM_Work takes $work ns (±0.5% between processes).
std::string bench_script(int work_ns) {
  return R"(#!/bin/sh
work=)" + std::to_string(work_ns) +
         R"(
out=""; reps=1
for a in "$@"; do case "$a" in
  --benchmark_out=*) out="${a#--benchmark_out=}";;
  --benchmark_repetitions=*) reps="${a#--benchmark_repetitions=}";;
  --benchmark_list_tests*) echo BM_Work; exit 0;;
esac; done
[ -n "$out" ] || exit 0
awk -v work=$work -v reps=$reps -v seed=$$ 'BEGIN {
  srand(seed); printf "{\"context\":{\"date\":\"x\",\"executable\":\"bench\",\"num_cpus\":2},\"benchmarks\":["
  for (r = 0; r < reps; r++) {
    t = work * (1 + 0.01 * (rand() - 0.5))
    printf "%s{\"name\":\"BM_Work\",\"run_name\":\"BM_Work\",\"run_type\":\"iteration\",\"repetitions\":%d,", (r ? "," : ""), reps
    printf "\"repetition_index\":%d,\"threads\":1,\"iterations\":1000,\"real_time\":%f,\"cpu_time\":%f,\"time_unit\":\"ns\"}", r, t, t
  }
  print "]}"
}' > "$out"
)";
}

class GateGithubCheckout : public ::testing::Test {
 protected:
  // main: base (baseline recorded by a push run) -- main_later (BM_Work 100 -> 150 ns);
  // feature (the PR): base -- head (touches nothing BM_Work measures).
  void SetUp() override {
    write_file(repo_.work() / "bench.sh", bench_script(100));
    write_file(repo_.work() / "benchgate.toml",
               "[[suite]]\nname = \"bench\"\ncommand = [\"/bin/sh\", \"bench.sh\"]\n"
               "format = \"gbench\"\nprocesses = 5\nrepetitions = 3\n");
    base_ = commit_all("suite");
    git(repo_.work(), {"push", "-q", "origin", "main"});
    auto recorded = gate(repo_.work(), "push",
                         push_payload("refs/heads/main", std::string(40, '0'), base_, "main"));
    ASSERT_EQ(recorded.exit_code, 0) << recorded.err;
    ASSERT_THAT(repo_.remote_note(base_), HasSubstr("BM_Work"));

    git(repo_.work(), {"checkout", "-q", "-b", "feature"});
    write_file(repo_.work() / "README", "the PR's change\n");
    head_ = commit_all("the PR");
    git(repo_.work(), {"push", "-q", "origin", "feature"});
    git(repo_.work(), {"checkout", "-q", "main"});
    write_file(repo_.work() / "bench.sh", bench_script(150));
    main_later_ = commit_all("main gets slower after the PR branched off");
    git(repo_.work(), {"push", "-q", "origin", "main"});

    // The job's checkout: a fresh clone with the whole history (fetch-depth: 0).
    ci_ = repo_.clone("ci");
  }

  std::string commit_all(const std::string& message) {
    git(repo_.work(), {"add", "-A"});
    return repo_.commit(message);
  }

  ProcessResult gate(const fs::path& checkout, const std::string& event,
                     const nlohmann::json& payload, std::vector<std::string> extra = {}) {
    const std::string run = std::to_string(++runs_);
    ProcessOptions options = github_job(github_.api_base(), "octo/widgets", event, payload,
                                        dir_ / ("event-" + run), github_.options().token, checkout);
    std::vector<std::string> args = {"gate",
                                     "--allow-insecure-http",
                                     "--testbed",
                                     "tb",
                                     "--report-dir",
                                     (dir_ / ("report-" + run)).string(),
                                     "--trust-single-job"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_benchgate(args, options);
  }

  // The pull_request run of PR #7 in the CI clone, checked out at `commit`.
  ProcessResult gate_pull_request_at(const std::string& commit) {
    git(ci_, {"checkout", "-q", "--detach", commit});
    return gate(
        ci_, "pull_request",
        pull_request_payload(kPrNumber, head_, main_later_, "octo/widgets", "octo/widgets"));
  }

  TempDir dir_{"benchgate-gate-github-checkout"};
  GitFixture repo_{dir_.path()};
  FakeGithub github_;
  std::string base_, head_, main_later_;
  fs::path ci_;
  int runs_ = 0;
};

TEST_F(GateGithubCheckout, TheHeadShaCheckoutIsGatedAsThePrHeadAgainstTheMergeBase) {
  // examples/ci/github-benchmarks.yml: `ref: ${{ github.event.pull_request.head.sha }}`.
  auto r = gate_pull_request_at(head_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.err,
              HasSubstr("gating " + head_.substr(0, 12) + " (GitHub Actions, pull request #7)"));
  EXPECT_THAT(r.err, HasSubstr("against base of PR #7 (main) " + main_later_.substr(0, 12)));
  EXPECT_THAT(r.err, HasSubstr("baseline " + base_.substr(0, 12) + " (the merge-base)"));
  auto checks = github_.check_runs();
  ASSERT_FALSE(checks.empty());
  EXPECT_EQ(checks.back().created["head_sha"], head_);
  EXPECT_EQ(checks.back().created["conclusion"], "success");
}

TEST_F(GateGithubCheckout, TheMergeCommitCheckoutBlamesThePrForTheBaseBranchsLaterChanges) {
  // actions/checkout's default on pull_request: refs/pull/7/merge, head merged into main's tip.
  git(ci_, {"checkout", "-q", "--detach", main_later_});
  git(ci_, {"-c", "user.name=GitHub", "-c", "user.email=noreply@github.com", "merge", "-q",
            "--no-ff", "-m", "Merge into main", head_});
  auto r = gate_pull_request_at(git(ci_, {"rev-parse", "HEAD"}));
  EXPECT_EQ(r.exit_code, 1) << "main's slowdown, measured in the merge commit, is charged to the "
                               "PR head\n"
                            << r.err;
  EXPECT_THAT(r.err, HasSubstr("gating " + head_.substr(0, 12)));
}

TEST_F(GateGithubCheckout, TheBackFillRecordsTheCommitItWasGivenNotTheTipOfMain) {
  // main moved on; main_later_'s own run was lost (cancelled), so it has no baseline.
  const std::string tip = repo_.commit("main moves on");
  git(repo_.work(), {"push", "-q", "origin", "main"});
  git(ci_, {"fetch", "-q", "origin"});
  ASSERT_EQ(repo_.remote_note(main_later_), "");
  // The example's workflow_dispatch run: checkout of `inputs.commit`, then the action with
  // `fail-on: never` and `args: --head <commit> --record always`. GITHUB_SHA is main's tip.
  git(ci_, {"checkout", "-q", "--detach", main_later_});
  const nlohmann::json dispatch = {
      {"inputs", {{"commit", main_later_}}},
      {"ref", "refs/heads/main"},
      {"repository", {{"full_name", "octo/widgets"}, {"default_branch", "main"}}}};
  auto r = gate(ci_, "workflow_dispatch", dispatch,
                {"--fail-on", "never", "--head", main_later_, "--record", "always"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("gating " + main_later_.substr(0, 12)));
  EXPECT_THAT(r.err,
              HasSubstr("recorded 1 suite run(s) as the baseline of " + main_later_.substr(0, 12)));
  const std::string note = repo_.remote_note(main_later_);
  EXPECT_THAT(note, HasSubstr(main_later_)) << "pushed, naming the commit it measured";
  EXPECT_THAT(note, ContainsRegex("\"real_time\":\\[1(49|50)\\."))
      << "measured in main_later_'s tree (150 ns), not in main's tip";
  EXPECT_EQ(repo_.remote_note(tip), "");
  // The next pull request branched off main_later_ now finds its baseline at the merge-base.
  git(ci_, {"checkout", "-q", "-b", "next", main_later_});
  const std::string next = repo_.commit("the next PR", ci_);
  auto pr =
      gate(ci_, "pull_request", pull_request_payload(8, next, tip, "octo/widgets", "octo/widgets"));
  ASSERT_EQ(pr.exit_code, 0) << pr.err;
  EXPECT_THAT(pr.err, HasSubstr("baseline " + main_later_.substr(0, 12) + " (the merge-base)"));
}

}  // namespace
}  // namespace benchgate::testing
