// The gate library below the binary: typed settings in, typed results out, progress in the log.
// Real files and real git repositories; no benchmark is run.
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/comparison_json.h"
#include "core/errors.h"
#include "gate/gate_context.h"
#include "gate/gate_handoff.h"
#include "gate/gate_handoff_results.h"
#include "gate/gate_interleaved.h"
#include "gate/gate_judge.h"
#include "gate/gate_profiles.h"
#include "gate/gate_suites.h"
#include "gate/gate_summary.h"
#include "stats/compare.h"
#include "store/directory_store.h"
#include "tests/store/git_fixture.h"
#include "tests/support/log_capture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::gate {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

SuiteVerdict verdict(const std::string& suite, bool has_baseline, bool failed) {
  SuiteVerdict v;
  v.suite = suite;
  v.testbed = "tb";
  v.has_baseline = has_baseline;
  v.failed = failed;
  return v;
}

TEST(GateSummary, OutcomeAndTitleFollowTheSuites) {
  const GateReport pass = summarize_gate({verdict("core", true, false)});
  EXPECT_EQ(pass.outcome, GateOutcome::kPass);
  EXPECT_EQ(pass.title, "benchgate: PASS");
  const GateReport fail = summarize_gate({verdict("core", true, true), verdict("io", true, false)});
  EXPECT_EQ(fail.outcome, GateOutcome::kFail);
  EXPECT_EQ(fail.title, "benchgate: FAIL — suite core");
  const GateReport neutral = summarize_gate({verdict("core", false, false)});
  EXPECT_EQ(neutral.outcome, GateOutcome::kNeutral);
  EXPECT_EQ(neutral.title,
            "benchgate: NO BASELINE — nothing was compared; this run does not block");
  const GateReport partly =
      summarize_gate({verdict("core", true, false), verdict("io", false, false)});
  EXPECT_EQ(partly.title, "benchgate: PASS (no baseline for io: not compared)");
  EXPECT_EQ(to_string(GateOutcome::kNeutral), "neutral");
}

TEST(GateSummary, SuiteNamesCannotBreakTheMarkdownAndKeysTellSuiteSetsApart) {
  const GateReport report =
      summarize_gate({verdict("a](http://evil)", true, true), verdict("b", true, false)});
  EXPECT_THAT(report.markdown, Not(HasSubstr("](http://evil)")));
  EXPECT_THAT(report.title, HasSubstr("a__http___evil_"));
  EXPECT_EQ(report.marker_key,
            summarize_gate({verdict("a](http://evil)", true, false), verdict("b", true, false)})
                .marker_key);
  EXPECT_NE(report.marker_key, summarize_gate({verdict("b", true, false)}).marker_key);
}

TEST(GateJudge, WithoutATargetEverySuiteHasNoBaselineAndThePolicyDecides) {
  testing::TempDir dir;
  store::DirectoryStore store(dir / "store");
  SuiteHead head{"core", testing::make_record("tb", "head"), true};
  GateContext context;
  context.head = std::string(40, 'a');
  GateSettings settings;
  const auto passing = judge_suites({head}, context, settings, store);
  ASSERT_EQ(passing.size(), 1u);
  EXPECT_FALSE(passing[0].has_baseline);
  EXPECT_FALSE(passing[0].failed);
  EXPECT_THAT(passing[0].baseline_line, HasSubstr("no parent commit to compare with"));
  EXPECT_THAT(passing[0].baseline_line, HasSubstr("this run will not block"));
  EXPECT_EQ(passing[0].comparison.base_label, "none");
  ASSERT_FALSE(passing[0].comparison.benchmarks.empty());
  EXPECT_EQ(passing[0].comparison.benchmarks[0].verdict, Verdict::kNew);

  settings.no_baseline = NoBaselinePolicy::kFail;
  const auto failing = judge_suites({head}, context, settings, store);
  EXPECT_TRUE(failing[0].failed);
  EXPECT_THAT(failing[0].baseline_line, HasSubstr("--no-baseline fail"));
}

// A real repository with two commits on its branch, in a temporary directory.
struct TwoCommits {
  testing::TempDir dir;
  fs::path repo = dir / "repo";
  std::string first, second;
  TwoCommits() {
    testing::init_repo(repo);
    first = testing::commit(repo, "first");
    second = testing::commit(repo, "second");
  }
};

TEST(GateJudge, FindsTheBaselineOfTheMergeBaseInTheStore) {
  TwoCommits git;
  const testing::TempDir& dir = git.dir;
  const fs::path& repo = git.repo;
  const std::string& base = git.first;
  const std::string& head = git.second;
  store::DirectoryStore store(dir / "store");
  RunRecord stored = testing::make_record("tb", "base", 10.0);
  stored.environment["suite"] = "core";
  store.save(base, {stored});

  GateSettings settings;
  settings.repo = repo;
  GateContext context;
  context.head = head;
  context.target = base;
  RunRecord measured = testing::make_record("tb", "head", 10.0);
  const auto verdicts = judge_suites({{"core", measured, true}}, context, settings, store);
  ASSERT_EQ(verdicts.size(), 1u);
  EXPECT_TRUE(verdicts[0].has_baseline);
  EXPECT_EQ(verdicts[0].baseline_commits, std::vector<std::string>{base});
  EXPECT_THAT(verdicts[0].baseline_line, HasSubstr(base.substr(0, 12) + " (the merge-base)"));
}

TEST(GateSuites, GivenResultsAreLabelledWithSuiteTestbedAndHead) {
  testing::LogCapture log;
  GateSettings settings;
  settings.results = {
      {testing::source_dir() / "tests/data/ingest/gbench/repetitions.json", "core"}};
  settings.testbed = "ci-runner";
  const std::string head(40, 'c');
  const auto heads = gather_head_results(settings, head);
  ASSERT_EQ(heads.size(), 1u);
  EXPECT_EQ(heads[0].name, "core");
  EXPECT_EQ(heads[0].record.testbed, "ci-runner");
  EXPECT_EQ(heads[0].record.commit, head);
  EXPECT_EQ(suite_of(heads[0].record), "core");
  EXPECT_TRUE(heads[0].complete);
  EXPECT_FALSE(heads[0].record.benchmarks.empty());
}

TEST(GateSuites, WithoutATestbedSettingTheMachineFingerprintLabelsResults) {
  GateSettings settings;
  settings.results = {{testing::source_dir() / "tests/data/ingest/gbench/single.json", "x"}};
  const auto heads = gather_head_results(settings, std::string(40, 'd'));
  ASSERT_EQ(heads.size(), 1u);
  EXPECT_THAT(heads[0].record.testbed, ::testing::StartsWith("fp-"));
}

GateContext pushed_to_default_branch() {
  GateContext c;
  c.head = std::string(40, 'e');
  c.target = std::string(40, 'f');
  c.default_branch_push = true;
  return c;
}

TEST(GateMode, InterleavedAppliesOnlyWhereThereIsABaseToBuild) {
  GateSettings settings;
  settings.mode = GateMode::kInterleaved;
  settings.mode_source = "--mode interleaved";
  GateContext review = pushed_to_default_branch();
  review.default_branch_push = false;
  EXPECT_EQ(choose_gate_mode(settings, review), GateMode::kInterleaved);
  {
    testing::LogCapture log;
    EXPECT_EQ(choose_gate_mode(settings, pushed_to_default_branch()), GateMode::kStored);
    EXPECT_THAT(log.text(),
                HasSubstr("--mode interleaved does not apply to a push to the default"));
  }
  GateContext root = review;
  root.target.clear();
  {
    testing::LogCapture log;
    EXPECT_EQ(choose_gate_mode(settings, root), GateMode::kStored);
    EXPECT_THAT(log.text(), HasSubstr("no parent or target to build a base from"));
  }
  settings.results = {{"head.json", "core"}};
  EXPECT_THROW(choose_gate_mode(settings, review), InputError);
  settings.mode = GateMode::kStored;
  EXPECT_EQ(choose_gate_mode(settings, review), GateMode::kStored);
}

TEST(GateContext, LocalRunsCompareWithTheGivenTargetAndRecordOnlyWhenAsked) {
  TwoCommits git;
  const fs::path& repo = git.repo;
  const std::string& first = git.first;
  const std::string& second = git.second;
  GateSettings settings;
  settings.repo = repo;
  settings.context = ContextChoice::kLocal;
  settings.target = first;
  const auto env = forge::map_environment({});
  GateContext c = resolve_gate_context(settings, env);
  EXPECT_EQ(c.kind, forge::CiKind::kLocal);
  EXPECT_EQ(c.head, second);
  EXPECT_EQ(c.target, first);
  EXPECT_FALSE(c.record);
  EXPECT_FALSE(c.review);
  settings.record = RecordPolicy::kAlways;
  EXPECT_TRUE(resolve_gate_context(settings, env).record);
  settings.target = "no-such-branch";
  EXPECT_THROW(resolve_gate_context(settings, env), InputError);
}

TEST(GateContext, AGithubPushToTheDefaultBranchRecordsByDefault) {
  TwoCommits git;
  const testing::TempDir& dir = git.dir;
  const fs::path& repo = git.repo;
  const std::string& first = git.first;
  const std::string& second = git.second;
  const fs::path event = dir / "event.json";
  testing::write_file(event, R"({"ref": "refs/heads/main", "before": ")" + first +
                                 R"(", "after": ")" + second +
                                 R"(", "repository": {"default_branch": "main"}})");
  const auto env = forge::map_environment({{"GITHUB_ACTIONS", "true"},
                                           {"GITHUB_EVENT_NAME", "push"},
                                           {"GITHUB_EVENT_PATH", event.string()},
                                           {"GITHUB_SHA", second},
                                           {"GITHUB_REPOSITORY", "o/r"}});
  GateSettings settings;
  settings.repo = repo;
  const GateContext c = resolve_gate_context(settings, env);
  EXPECT_EQ(c.kind, forge::CiKind::kGithubActions);
  EXPECT_TRUE(c.default_branch_push);
  EXPECT_TRUE(c.record);
  EXPECT_EQ(c.head, second);
  EXPECT_EQ(c.target, first);  // the branch's previous state
  settings.record = RecordPolicy::kNever;
  EXPECT_FALSE(resolve_gate_context(settings, env).record);
}

TEST(GateHandoff, FilesRoundTripAndForgedFieldsAreRefused) {
  testing::TempDir dir;
  Handoff h{7, std::string(40, 'a'), "owner/repo", "gate-abc", "fail"};
  {
    testing::LogCapture log;
    write_handoff(dir.path(), h, {}, "# report\n");
    EXPECT_THAT(log.text(), HasSubstr("PR hand-off written to"));
  }
  const Handoff back = read_handoff(dir.path());
  EXPECT_EQ(back.pr_number, 7);
  EXPECT_EQ(back.head_sha, h.head_sha);
  EXPECT_EQ(back.repository, "owner/repo");
  EXPECT_EQ(back.verdict, "fail");

  testing::write_file(dir / kHandoffEventFile,
                      R"({"pr_number": -1, "head_sha": ")" + h.head_sha +
                          R"(", "repository": "owner/repo", "marker_key": "k"})");
  EXPECT_THROW(read_handoff(dir.path()), InputError);
  testing::write_file(dir / kHandoffEventFile,
                      R"({"pr_number": 7, "head_sha": "HEAD", "repository": "owner/repo",
                          "marker_key": "k"})");
  try {
    read_handoff(dir.path());
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("head_sha"));
    EXPECT_THAT(e.what(), HasSubstr(kHandoffEventFile));
  }
}

TEST(GateHandoff, ResultsRoundTripAndEveryWrongFieldIsNamed) {
  testing::TempDir dir;
  SuiteVerdict v;
  v.suite = "core";
  v.testbed = "ci";
  v.has_baseline = true;
  v.failed = true;
  v.baseline_line = "baseline: merge-base";
  v.comparison.method = "stored";
  v.comparison.base_label = "base";
  v.comparison.head_label = "head";
  v.comparison.warnings = {"w"};
  BenchmarkComparison row;
  row.name = "BM_a";
  row.metric = "real_time";
  row.verdict = Verdict::kRegression;
  row.ratio = 1.25;
  row.ci_low = 1.2;
  row.ci_high = std::numeric_limits<double>::infinity();
  row.p_adjusted = 0.01;
  row.units_needed = 12;
  row.errors = {"e"};
  v.comparison.benchmarks = {row};
  const auto file = dir / kHandoffResultsFile;
  testing::write_file(file, handoff_results_text({v}));
  const auto back = read_handoff_results(file);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].suite, "core");
  EXPECT_TRUE(back[0].failed);
  EXPECT_EQ(to_json(back[0].comparison), to_json(v.comparison));

  const auto refused = [&](const std::function<void(nlohmann::json&)>& damage) -> std::string {
    auto document = nlohmann::json::parse(handoff_results_text({v}));
    damage(document);
    testing::write_file(file, document.dump());
    try {
      read_handoff_results(file);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(accepted)";
  };
  const auto first = [](nlohmann::json& d) -> nlohmann::json& { return d["suites"][0]; };
  EXPECT_THAT(refused([&](auto& d) { first(d)["comparison"]["benchmarks"][0]["name"] = 3; }),
              HasSubstr("suites[0].comparison.benchmarks[0].name"));
  EXPECT_THAT(refused([&](auto& d) { first(d)["comparison"]["benchmarks"][0]["verdict"] = "pwn"; }),
              HasSubstr("suites[0].comparison.benchmarks[0].verdict"));
  EXPECT_THAT(refused([&](auto& d) { first(d)["comparison"]["settings"].erase("metric"); }),
              HasSubstr("metric"));
  EXPECT_THAT(refused([&](auto& d) { first(d).erase("failed"); }), HasSubstr("failed"));
  EXPECT_THAT(refused([&](auto& d) { d["schema"] = "x"; }), HasSubstr("schema"));
  EXPECT_THAT(refused([&](auto& d) { d["suites"] = nlohmann::json::array(); }),
              HasSubstr("suites"));
  EXPECT_THAT(refused([&](auto& d) { first(d)["comparison"]["benchmarks"][0]["base_n"] = -1; }),
              HasSubstr(kHandoffResultsFile));
}

BenchmarkComparison changed_row(const std::string& name, double ratio) {
  BenchmarkComparison row;
  row.name = name;
  row.metric = std::string(kRealTime);
  row.verdict = Verdict::kRegression;
  row.ratio = ratio;
  row.base_median = 1000;
  return row;
}

ProfileDiffInput input_for(const BenchmarkComparison& row) {
  ProfileDiffInput input;
  input.suite = "core";
  input.row = &row;
  return input;
}

TEST(GateProfiles, ExplainsARegressionWithADifferentialFlameGraph) {
  testing::TempDir dir;
  const BenchmarkComparison row = changed_row("BM_x/8", 1.5);
  ProfileDiffInput input = input_for(row);
  input.base_folded = "# event: cpu-clock\nmain;work 500\nmain;other 500\n";
  input.head_folded = "# event: cpu-clock\nmain;work 1000\nmain;other 500\n";
  input.base_label = "commit base";
  input.head_label = "commit head";
  const ProfileFinding a = explain_with_profiles(input, dir.path());
  EXPECT_TRUE(a.differential());
  EXPECT_EQ(a.benchmark, "BM_x/8");
  ASSERT_FALSE(a.svg_file.empty());
  EXPECT_TRUE(fs::exists(dir / a.svg_file));
  ASSERT_TRUE(a.deltas.has_value());
  ASSERT_FALSE(a.deltas->top.empty());
  // work: 50% -> 66.7% of the samples; other: 50% -> 33.3%. With the measured ratio (1.5) other
  // kept its time (33.3% x 1.5 = 50% of base's), so it is not listed; work grew by 50% of it.
  ASSERT_EQ(a.deltas->top.size(), 1u);
  EXPECT_EQ(a.deltas->top[0].name, "work");
  EXPECT_NEAR(a.deltas->top[0].delta_points, 100.0 * (1000.0 / 1500 - 0.5), 1e-9);
  EXPECT_NEAR(*a.deltas->top[0].time_delta_of_base, 1000.0 / 1500 * 1.5 - 0.5, 1e-9);
}

// The colour setting (gate --profile-colour-by) reaches both the SVG and the table, and so does
// the measured time ratio (1.5): both colour and rank by the change of time. Self: a 25% -> 40%
// of the samples (+35% of base time) leads; total: `outer` (no self samples, total 50% -> 66.7%,
// +50% of base time) does, and the legend names the quantity.
TEST(GateProfiles, ColourByTotalColoursAndRanksByTotalShare) {
  testing::TempDir dir;
  const BenchmarkComparison row = changed_row("BM_t", 1.5);
  ProfileDiffInput input = input_for(row);
  input.base_folded =
      "# event: cpu-clock\nmain;outer;a 250\nmain;outer;b 250\nmain;x 250\nmain;y 250\n";
  input.head_folded =
      "# event: cpu-clock\nmain;outer;a 600\nmain;outer;b 400\nmain;x 250\nmain;y 250\n";
  input.base_label = "commit base";
  input.head_label = "commit head";
  for (const auto by : {profile::ColourBy::kSelf, profile::ColourBy::kTotal}) {
    input.colour_by = by;
    const ProfileFinding a = explain_with_profiles(input, dir.path());
    ASSERT_TRUE(a.deltas.has_value());
    ASSERT_FALSE(a.deltas->top.empty());
    EXPECT_EQ(a.deltas->ranked_by, by);
    const std::string svg = testing::read_file(dir / a.svg_file);
    if (by == profile::ColourBy::kTotal) {
      EXPECT_EQ(a.deltas->top.front().name, "outer");
      EXPECT_NEAR(a.deltas->top.front().delta_points, 100.0 * (1000.0 / 1500 - 0.5), 1e-9);
      EXPECT_THAT(svg, HasSubstr("colour = change of total time, % of base time (head 1.5x)"));
    } else {
      EXPECT_EQ(a.deltas->top.front().name, "a");
      EXPECT_NEAR(a.deltas->top.front().delta_points, 15.0, 1e-9);
      EXPECT_THAT(svg, HasSubstr("colour = change of self time, % of base time (head 1.5x)"));
    }
  }
}

TEST(GateProfiles, WithoutABaseProfileHeadIsShownAloneAndSaysWhy) {
  testing::TempDir dir;
  const BenchmarkComparison row = changed_row("BM_y", 1.2);
  ProfileDiffInput input = input_for(row);
  input.head_folded = "main;work 100\n";
  input.head_label = "commit head";
  input.why_no_base = HeadOnlyReason::kNoStoredBase;
  input.why_no_base_detail = "abc";
  const ProfileFinding a = explain_with_profiles(input, dir.path());
  EXPECT_FALSE(a.differential());
  EXPECT_EQ(a.head_only, HeadOnlyReason::kNoStoredBase);
  EXPECT_EQ(a.head_only_detail, "abc");
  EXPECT_EQ(a.head.samples, 100u);
  EXPECT_FALSE(a.deltas.has_value());
  EXPECT_TRUE(fs::exists(dir / a.svg_file));
}

TEST(GateProfiles, ProfilesOfAnotherEventAreNotComparedAndTheReportSaysWhy) {
  testing::TempDir dir;
  const BenchmarkComparison row = changed_row("BM_z", 1.3);
  ProfileDiffInput input = input_for(row);
  input.base_folded = "# event: cycles\nmain;work 100\n";
  input.head_folded = "# event: cpu-clock\nmain;work 100\n";
  const ProfileFinding a = explain_with_profiles(input, dir.path());
  EXPECT_EQ(a.head_only, HeadOnlyReason::kIncomparable);
  EXPECT_THAT(a.head_only_detail, HasSubstr("cycles"));
}

// Stored mode with the job as the unit (docs/statistics.md#stored-mode-the-job-is-a-unit): a
// main branch of recorded jobs, each of 12 benchmarks x 8 processes, whose levels wander from job
// to job by about 2% and, in one job, by +35% all at once (an episode).
class StoredMode : public ::testing::Test {
 protected:
  static constexpr int kBenchmarks = 12;
  static constexpr int kProcesses = 8;

  // One job: every benchmark at `level(b) * job_factor * exp(noise)`.
  RunRecord job(const std::string& tag, double job_factor, unsigned seed,
                const std::map<int, double>& changes = {}) {
    RunRecord r;
    r.testbed = "tb";
    r.tool_version = "test";
    r.created_at = "2026-12-05T10:00:00Z";
    r.environment["suite"] = "core";
    r.environment["tag"] = tag;
    for (int p = 0; p < kProcesses; ++p) r.processes.push_back(ProcessInfo{p, "p", "ok", "", {}});
    std::mt19937 rng(seed);
    std::normal_distribution<double> job_noise(0, 0.02), process_noise(0, 0.003);
    for (int b = 0; b < kBenchmarks; ++b) {
      BenchmarkResult& result = r.find_or_add("BM_" + std::to_string(b));
      const double change = changes.count(b) ? changes.at(b) : 1.0;
      const double level = (100.0 + 10 * b) * job_factor * change * std::exp(job_noise(rng));
      for (int p = 0; p < kProcesses; ++p) {
        result.process.push_back(p);
        result.repetition.push_back(0);
        result.iterations.push_back(1000);
        result.metrics["real_time"].push_back(level * std::exp(process_noise(rng)));
      }
    }
    return r;
  }

  // `jobs` recorded commits on main (the fifth one disturbed), and a feature commit on top.
  void record_main(int jobs) {
    testing::init_repo(repo);
    for (int j = 0; j < jobs; ++j) {
      main_tip = testing::commit(repo, "main " + std::to_string(j));
      store.save(main_tip, {job("main" + std::to_string(j), j == 4 ? 1.35 : 1.0, 100 + j)});
    }
    head = testing::commit(repo, "feature");
  }

  SuiteVerdict judge(const RunRecord& measured) {
    GateSettings settings;
    settings.repo = repo;
    GateContext context;
    context.head = head;
    context.target = main_tip;
    auto verdicts = judge_suites({{"core", measured, true}}, context, settings, store);
    adjust_across_suites(verdicts);
    return verdicts.at(0);
  }

  static const BenchmarkComparison& row(const SuiteVerdict& v, const std::string& name) {
    for (const auto& r : v.comparison.benchmarks)
      if (r.name == name) return r;
    throw std::runtime_error("no row " + name);
  }

  testing::TempDir dir{"benchgate-stored-mode"};
  fs::path repo = dir.path() / "repo";
  store::DirectoryStore store{dir.path() / "store"};
  std::string main_tip, head;
};

TEST_F(StoredMode, WithTooFewRecordedJobsARegressionIsShownButCannotBlock) {
  record_main(3);
  const SuiteVerdict v = judge(job("head", 1.0, 7, {{3, 1.5}}));
  EXPECT_FALSE(v.failed) << "3 recorded jobs cannot tell how far two jobs differ";
  const BenchmarkComparison& slow = row(v, "BM_3");
  EXPECT_EQ(slow.verdict, Verdict::kRegression) << slow.note;
  EXPECT_TRUE(slow.job_noise_unmeasured);
  EXPECT_THAT(slow.note, HasSubstr("unconfirmed"));
  EXPECT_THAT(::testing::PrintToString(v.comparison.warnings),
              HasSubstr("job-to-job noise not yet measured: 3 of 10 jobs recorded"));
  EXPECT_THAT(::testing::PrintToString(v.comparison.warnings), HasSubstr("--mode interleaved"));
  EXPECT_THAT(v.comparison.method, HasSubstr("stored mode"));
  EXPECT_THAT(v.comparison.false_alarms, HasSubstr("not measured yet"));
}

TEST_F(StoredMode, WithHistoryARealRegressionBlocksAndNothingElseIsFlagged) {
  record_main(14);
  const SuiteVerdict v = judge(job("head", 1.0, 7, {{3, 1.5}}));
  EXPECT_TRUE(v.failed);
  for (const auto& r : v.comparison.benchmarks) {
    EXPECT_EQ(r.unit, AnalysisUnit::kJobs) << r.name;
    EXPECT_EQ(r.verdict == Verdict::kRegression, r.name == "BM_3") << r.name << ": " << r.note;
  }
  EXPECT_NEAR(row(v, "BM_3").ratio, 1.5, 0.08);
  EXPECT_THAT(v.comparison.method, HasSubstr("14 recorded jobs"));
}

TEST_F(StoredMode, AJobSlowerAcrossTheBoardIsTheMachineNotTwelveRegressions) {
  record_main(14);
  const SuiteVerdict episode = judge(job("head", 1.4, 7));
  EXPECT_FALSE(episode.failed);
  EXPECT_EQ(episode.comparison.count(Verdict::kRegression), 0u);
  EXPECT_THAT(
      ::testing::PrintToString(episode.comparison.warnings),
      ::testing::ContainsRegex("this job ran \\+(3[6-9]|4[0-4])\\.[0-9]% slower across the board"));
  // A real change inside such a job still shows.
  const SuiteVerdict both = judge(job("head", 1.4, 7, {{5, 1.5}}));
  EXPECT_TRUE(both.failed);
  EXPECT_EQ(row(both, "BM_5").verdict, Verdict::kRegression) << row(both, "BM_5").note;
  EXPECT_EQ(both.comparison.count(Verdict::kRegression), 1u);
}

TEST_F(StoredMode, WithoutTheJobLevelTheSameEpisodeWouldFailEveryBenchmark) {
  // The test above can fail: the per-process analysis of the same records calls the episode
  // twelve regressions.
  record_main(2);
  stats::CompareOptions per_process;
  const Comparison c = stats::compare_runs(job("base", 1.0, 3), job("head", 1.4, 7), per_process);
  EXPECT_GE(c.count(Verdict::kRegression), 10u);
}

}  // namespace
}  // namespace benchgate::gate
