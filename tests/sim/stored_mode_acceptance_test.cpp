// Stored mode's error rates by seeded simulation (docs/statistics.md#stored-mode-simulated-error-
// rates): gate runs of 3 suites x 30 benchmarks, each suite K recorded jobs of main and head's one
// job (5 processes x 3 repetitions each, tests/sim/stored_jobs_simulator.h), judged by the real
// gate code (tests/sim/simulated_stored_gate.h). Each test prints its figures, which
// docs/statistics.md quotes. A gate run costs ~6 ms at K = 30, so loops are a few hundred runs:
// enough to tell 1% from 5% (300 runs: 3 expected against 15), not to pin 1% to a tenth; the
// DISABLED_ measurements at the end run the larger tables once.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stats/distributions.h"
#include "stats/job_comparison.h"
#include "tests/sim/simulated_stored_gate.h"

namespace benchgate::sim {
namespace {

constexpr int kSuites = 3;
constexpr double kDelta = 0.05;
constexpr double kAlpha = 0.05;
const SuiteShape kShape{};  // 30 benchmarks, 5 processes x 3 repetitions per job
constexpr int kAaRuns = 300;

int count_fails(const StoredNoise& noise, const StoredDesign& design, int runs, std::uint64_t seed,
                const SuiteShape& shape = kShape) {
  StoredJobsSimulator sim(noise, seed);
  int failed = 0;
  for (int run = 0; run < runs; ++run)
    failed += simulate_stored_gate(sim, shape, kSuites, design).failed;
  return failed;
}

// One benchmark of the 90 (suite 0's first, σ_job fixed) changed by `ratio`: how often it is
// called a regression after Holm across the suites.
double power(const StoredNoise& noise, const StoredDesign& design, double job_sd, double ratio,
             int runs, std::uint64_t seed) {
  StoredJobsSimulator sim(noise, seed);
  const StoredChange change{.log_change = {{std::log(ratio)}}, .first_job_sd = job_sd};
  int caught = 0;
  for (int run = 0; run < runs; ++run) {
    const auto gate = simulate_stored_gate(sim, kShape, kSuites, design, change);
    caught += gate.suites[0].benchmarks[0].verdict == Verdict::kRegression;
  }
  return static_cast<double>(caught) / runs;
}

// Every component but the bursts (which the next test measures on their own).
StoredNoise episodes_without_bursts() {
  StoredNoise noise = this_machine_jobs();
  noise.name = "this machine, no bursts";
  noise.burst_rate = 0;
  noise.process_burst_rate = 0;
  return noise;
}

const char* episode_name(Episode e) {
  return e == Episode::kAlways ? "always" : e == Episode::kNever ? "never" : "by chance";
}

// ---- The simulator itself -------------------------------------------------------------------

TEST(StoredJobsSimulator, AQuietJobsLevelSpreadsBySigmaJob) {
  // σ_job is defined as the SD of one job's level (median of its process medians); the job's own
  // effect is drawn so that processes and it together make that. 2000 pairs of jobs: the SD of
  // their log difference is known to ~2%.
  StoredJobsSimulator sim(gaussian_jobs(), 1);
  const SuiteShape one{.benchmarks = 1};
  const SuiteTraits suite = sim.suite(one, "s", 0.02);
  double sum = 0;
  constexpr int kPairs = 2000;
  auto level = [&](const RunRecord& r) {
    std::vector<double> medians;
    for (int p = 0; p < one.processes; ++p) {
      std::vector<double> v(
          r.benchmarks[0].metrics.at(kRealTime).begin() + p * one.repetitions,
          r.benchmarks[0].metrics.at(kRealTime).begin() + (p + 1) * one.repetitions);
      std::sort(v.begin(), v.end());
      medians.push_back(v[v.size() / 2]);
    }
    std::sort(medians.begin(), medians.end());
    return std::log(medians[medians.size() / 2]);
  };
  for (int i = 0; i < kPairs; ++i) {
    const double d =
        level(sim.job(suite, one, Episode::kNever)) - level(sim.job(suite, one, Episode::kNever));
    sum += d * d;
  }
  const double sigma = std::sqrt(sum / kPairs / 2);
  std::printf("σ_job 0.0200 drawn, %.4f measured over %d pairs of jobs\n", sigma, kPairs);
  EXPECT_NEAR(sigma, 0.02, 0.002);
}

TEST(StoredJobsSimulator, CompositionIsAConstantOfTheSuiteAndChangesNoVerdict) {
  // Every job runs the whole suite, so a benchmark that depends on what ran before it is moved
  // by the same amount in every job: the same seed with and without it gives the same verdicts.
  StoredNoise with = this_machine_jobs();
  StoredNoise without = with;
  without.composition_fraction = 0;
  StoredJobsSimulator a(with, 3), b(without, 3);
  const StoredDesign design{.history_jobs = 12};
  for (int run = 0; run < 20; ++run) {
    const auto x = simulate_stored_gate(a, kShape, kSuites, design);
    const auto y = simulate_stored_gate(b, kShape, kSuites, design);
    for (int s = 0; s < kSuites; ++s)
      for (std::size_t i = 0; i < x.suites[s].benchmarks.size(); ++i)
        ASSERT_EQ(x.suites[s].benchmarks[i].verdict, y.suites[s].benchmarks[i].verdict);
  }
}

// ---- 1. False fails: unchanged head, 300 gate runs per case -----------------------------------

struct AaCase {
  int history_jobs;
  Episode history, head;
};

class StoredAa : public ::testing::TestWithParam<AaCase> {};

TEST_P(StoredAa, AtMostOnePercentOfGateRunsFailWithEpisodes) {
  // Job episodes (one job in seven slower by a factor of +30-74% felt 30-100% by each
  // benchmark), heavy tails,
  // the machine's level, real steps in history and composition: everything but process bursts.
  // K = 30 is a calibrated spread (the most the gate reads with one job per commit:
  // kHistoryCommits), K = 10 the fewest jobs that may block (kFewestHistoryJobs);
  // head's job disturbed by chance, always, or never, and the history with or without episodes.
  const AaCase c = GetParam();
  const StoredDesign design{
      .history_jobs = c.history_jobs, .head_episode = c.head, .history_episodes = c.history};
  const int failed = count_fails(episodes_without_bursts(), design, kAaRuns, 100 + c.history_jobs);
  std::printf(
      "A/A stored, K = %d, W = 1, history episodes %s, head episode %s: %d of %d gate "
      "runs failed\n",
      c.history_jobs, episode_name(c.history), episode_name(c.head), failed, kAaRuns);
  // 1% is 3 of 300; the worst case measured 4 here, and 0.73% (11 of 1500) over 1500 runs
  // (DISABLED_LongAa below), so the bound allows the binomial spread of a true 1%.
  EXPECT_LE(failed, kAaRuns / 50);
}

std::string aa_name(const ::testing::TestParamInfo<AaCase>& info) {
  auto word = [](Episode e) {
    return e == Episode::kAlways ? "Always" : e == Episode::kNever ? "Never" : "ByChance";
  };
  return "K" + std::to_string(info.param.history_jobs) + "History" + word(info.param.history) +
         "Head" + word(info.param.head);
}

INSTANTIATE_TEST_SUITE_P(Episodes, StoredAa,
                         ::testing::Values(AaCase{30, Episode::kNever, Episode::kNever},
                                           AaCase{30, Episode::kByChance, Episode::kByChance},
                                           AaCase{30, Episode::kByChance, Episode::kAlways},
                                           AaCase{30, Episode::kNever, Episode::kAlways},
                                           AaCase{10, Episode::kNever, Episode::kNever},
                                           AaCase{10, Episode::kByChance, Episode::kByChance},
                                           AaCase{10, Episode::kByChance, Episode::kAlways},
                                           AaCase{10, Episode::kNever, Episode::kAlways}),
                         aa_name);

TEST(StoredAaWindow, ADisturbedJobInAThreeJobWindowIsLeftOut) {
  // W = 3 with episodes by chance: a disturbed job among the three moved the window's mean by a
  // third of its disturbance, and 32 of 1500 gate runs failed (2.1%) before such jobs were left
  // out of the window (stats/job_rows.cpp ordinary_base_jobs); now 12 of 1500 (0.8%,
  // DISABLED_LongAa) and 6 of these 300, which the bound (the binomial spread of 1%) allows.
  const StoredDesign design{.history_jobs = 30, .window = 3};
  const int failed = count_fails(episodes_without_bursts(), design, kAaRuns, 150);
  std::printf("A/A stored, K = 30, W = 3, episodes by chance: %d of %d gate runs failed\n", failed,
              kAaRuns);
  EXPECT_LE(failed, kAaRuns / 50);
}

TEST(StoredAaBursts, ProcessBurstsAtTheMeasuredRatesBreakOnePercentAndNineProcessesMendIt) {
  // The rates fitted to tests/data/aa: one process in 16 disturbed as a whole, one measurement in
  // 33 on its own. With 5 processes a job, two disturbed processes and a third that bursts on one
  // benchmark move that benchmark's level (the median of 5) by the smallest of three bursts,
  // often several σ_job for a steady benchmark, in a few jobs per thousand per benchmark: more
  // than Holm's α/90 allows (measured: 2.7% of gate runs over 1500, DISABLED_LongAa). The history's
  // trimmed spread rightly leaves such rare jobs out, so nothing in the spread can absorb them;
  // more processes per job can (the median of 9 needs 5).
  const StoredNoise noise = this_machine_jobs();
  const int five = count_fails(noise, {.history_jobs = 30}, kAaRuns, 201);
  const int five_k10 = count_fails(noise, {.history_jobs = 10}, kAaRuns, 202);
  const int nine = count_fails(noise, {.history_jobs = 30}, kAaRuns, 203, {.processes = 9});
  std::printf(
      "A/A stored, everything incl. process bursts: %d of %d gate runs failed with 5 "
      "processes a job (K = 30), %d with K = 10, %d with 9 processes (K = 30)\n",
      five, kAaRuns, five_k10, nine);
  EXPECT_LE(five, kAaRuns / 20);
  EXPECT_LE(nine, kAaRuns / 50);
}

TEST(StoredAaBursts, GaussianJobsStayWithinHolmsBound) {
  // Pure Gaussian job noise: what Holm at α = 5% promises, a false regression in at most α/2 of
  // the gate runs; the δ/2 rule protects the steady benchmarks, not the ones noisier than δ.
  const int failed = count_fails(gaussian_jobs(), {.history_jobs = 30}, kAaRuns, 204);
  std::printf("A/A stored, Gaussian jobs, K = 30: %d of %d gate runs failed\n", failed, kAaRuns);
  EXPECT_LE(failed, static_cast<int>(kAaRuns * kAlpha / 2));
}

TEST(StoredAaBursts, WithoutTheJobAsTheUnitTheSameScenarioFailsFarMoreOften) {
  // The same gate runs judged per process (compare_runs without AcrossJobs: Mann-Whitney on the
  // pooled processes). W = 3 because with W = 1, 5 against 5 processes cannot reach Holm's first
  // step α/90 at all (smallest p 2/C(10,5) = 0.008): 15 against 5 can (1.3e-4).
  const StoredNoise noise = episodes_without_bursts();
  StoredDesign design{.history_jobs = 10, .window = 3};
  const int job_level = count_fails(noise, design, 100, 205);
  design.job_level = false;
  const int per_process = count_fails(noise, design, 100, 205);
  std::printf(
      "A/A stored, W = 3: %d of 100 gate runs failed with the job as the unit, %d per "
      "process\n",
      job_level, per_process);
  EXPECT_LE(job_level, 2);
  EXPECT_GE(per_process, 50);
}

// ---- 2. Power: one benchmark of the 90 changed by 2δ ------------------------------------------

struct PowerCase {
  int window;
  double sd_over_delta;  // σ_job / δ
  double measured;       // power measured with this seed (printed below)
};

TEST(StoredPower, TwiceDeltaByJobSpreadAndWindow) {
  // Gaussian job noise: power as a function of σ_job alone. One head job against W stored jobs:
  // the difference's SD is σ_job sqrt(1 + 1/W), and Holm's first step over 90 benchmarks needs
  // t > ~4.4 at K = 30 (df 14.5), so 2δ = 10% is caught 80% of the time only up to
  // σ_job ≈ δ/5 (W = 1) or δ/4 (W = 3): the δ/2 is out of reach for one head job (5%
  // power there). 150 runs a case give each figure ±3.5% (one SD at 80%); the tolerance is 3 SDs.
  const std::vector<PowerCase> cases = {
      {1, 1.0 / 8, 0.947}, {1, 1.0 / 4, 0.607}, {1, 1.0 / 3, 0.280}, {1, 1.0 / 2, 0.047},
      {3, 1.0 / 8, 1.000}, {3, 1.0 / 4, 0.873}, {3, 1.0 / 3, 0.567}, {3, 1.0 / 2, 0.187}};
  for (const PowerCase& c : cases) {
    const double caught = power(gaussian_jobs(), {.history_jobs = 30, .window = c.window},
                                c.sd_over_delta * kDelta, 1 + 2 * kDelta, 150, 300 + c.window);
    std::printf("power at 2δ, Gaussian jobs, K = 30, W = %d, σ_job = δ x %.3f: %.1f%%\n", c.window,
                c.sd_over_delta, 100 * caught);
    EXPECT_NEAR(caught, c.measured, 0.11) << "W = " << c.window << ", σ_job/δ " << c.sd_over_delta;
  }
}

// ---- 3. Choice of K: the degrees of freedom of the spread -------------------------------------

// The rate at which unchanged benchmarks pass Holm's first step α/90 when job levels are
// Gaussian (σ_job log-uniform), K recorded jobs, head against the last W, as a multiple of α/90.
// `raw`: of r_b / s_b against Student's t with spread_degrees_of_freedom (at most 1 when the df
// approximation is right); `engine`: compare_jobs' p-value, which the scatter λ >= 1 (median
// |r_b| / s_b, above 1 in half of all ordinary jobs) makes more conservative still. Direct on
// estimate_job_spread and compare_jobs (no processes), so that millions of benchmarks are cheap.
struct FirstStepRates {
  double raw = 0, engine = 0;
  double implied_df = 0;  // the df whose t quantile at α/90 is the measured |r_b| / s_b's
};

FirstStepRates first_step_false_alarms(int history_jobs, int window, int suites,
                                       std::uint64_t seed) {
  StoredJobsSimulator sim(gaussian_jobs(), seed);
  const double first_step = kAlpha / (kSuites * kShape.benchmarks);
  long raw = 0, engine = 0, trials = 0;
  std::vector<double> ts;
  for (int s = 0; s < suites; ++s) {
    const SuiteTraits suite = sim.suite(kShape, "s");
    stats::JobLevels jobs{.benchmarks = suite.names, .levels = {}};
    for (int j = 0; j < history_jobs; ++j) {
      std::vector<double> level;
      for (double sd : suite.job_sd) level.push_back(sd * sim.normal());
      jobs.levels.push_back(std::move(level));
    }
    const stats::SuiteJobSpread spread = stats::estimate_job_spread(jobs);
    std::vector<stats::JobContrastInput> inputs(suite.names.size());
    for (std::size_t b = 0; b < inputs.size(); ++b) {
      inputs[b].head_level = suite.job_sd[b] * sim.normal();
      for (int w = 1; w <= window; ++w) inputs[b].base_levels.push_back(jobs.levels.end()[-w][b]);
      auto it = spread.benchmarks.find(suite.names[b]);
      inputs[b].spread = it == spread.benchmarks.end() ? nullptr : &it->second;
    }
    const auto judged = stats::compare_jobs(inputs, 1 - kAlpha);
    for (std::size_t b = 0; b < inputs.size(); ++b) {
      if (!judged.rows[b]) continue;
      const stats::BenchmarkJobSpread& sd = *inputs[b].spread;
      const double s_b = sd.difference_sd * std::sqrt((1 + 1.0 / window) / 2);
      const double t = std::fabs(judged.rows[b]->shift) / s_b;
      ++trials;
      ts.push_back(t);
      raw += 2 * cdf(complement(stats::StudentsT(sd.degrees_of_freedom), t)) <= first_step;
      engine += judged.rows[b]->p_value <= first_step;
    }
  }
  const double expected = first_step * static_cast<double>(trials);
  // The measured (1 - α/90) quantile of |t|, and the df at which Student's t has it.
  const auto at = ts.begin() + static_cast<std::ptrdiff_t>((1 - first_step) * ts.size());
  std::nth_element(ts.begin(), at, ts.end());
  double low = 1, high = 1000;
  for (int i = 0; i < 60; ++i) {
    const double mid = std::sqrt(low * high);
    (quantile(stats::StudentsT(mid), 1 - first_step / 2) > *at ? low : high) = mid;
  }
  return {static_cast<double>(raw) / expected, static_cast<double>(engine) / expected, high};
}

TEST(StoredHistory, TheSpreadsDegreesOfFreedomKeepTheFirstStepAtOrBelowNominal) {
  // 3000 suites x 30 benchmarks: 50 alarms expected at nominal, so a ratio above 1.3 is 2 SDs
  // above it. The full table over K and W is DISABLED_KSweep below.
  for (int k : {4, 10, 30}) {
    const FirstStepRates r = first_step_false_alarms(k, 1, 3000, 400 + k);
    std::printf(
        "Gaussian jobs, K = %d, W = 1: false alarms at α/90 %.2f x nominal (t with the "
        "spread's df), %.2f x with the scatter\n",
        k, r.raw, r.engine);
    EXPECT_LE(r.raw, 1.3) << "K = " << k;
    EXPECT_LE(r.engine, r.raw) << "K = " << k;
  }
}

// ---- 4. Common mode: head's whole job +40% ----------------------------------------------------

TEST(StoredCommonMode, AUniformFortyPercentIsTheMachineAndSaysSo) {
  // Steady benchmarks (σ_job 0.02-0.1%), so that the median over them is +40.0% to the printed
  // digit; every benchmark of head +40%.
  StoredNoise steady = gaussian_jobs();
  steady.job_sd_low = 0.0002;
  steady.job_sd_high = 0.001;
  StoredJobsSimulator sim(steady, 500);
  const auto gate = simulate_stored_gate(sim, kShape, kSuites, {.history_jobs = 10},
                                         {.log_change = {}, .head_common = std::log(1.4)});
  EXPECT_FALSE(gate.failed);
  for (const Comparison& c : gate.suites) {
    bool said = false;
    for (const auto& w : c.warnings)
      said = said || w.find("this job ran +40.0% slower across the board") != std::string::npos;
    EXPECT_TRUE(said) << (c.warnings.empty() ? "no warning" : c.warnings.front());
  }
}

TEST(StoredCommonMode, UnderThisMachinesNoiseItNeitherFailsNorHidesAChangeOfTwentyPercent) {
  // 100 gate runs (1% is one run: enough to see that a +40% job is not failed as a whole), head
  // +40% in every benchmark and one benchmark (σ_job = δ/4) +20% on top of it.
  const StoredNoise noise = episodes_without_bursts();
  // No episodes (the +40% is head's disturbance): a disturbed base job would be slow too, and
  // then head rightly is not +40% against it (with episodes in history, 267 of 300 warned).
  const StoredDesign design{
      .history_jobs = 30, .head_episode = Episode::kNever, .history_episodes = Episode::kNever};
  StoredJobsSimulator sim(noise, 501);
  int failed = 0, warned = 0, caught = 0;
  constexpr int kRuns = 100;
  for (int run = 0; run < kRuns; ++run) {
    const auto unchanged = simulate_stored_gate(sim, kShape, kSuites, design,
                                                {.log_change = {}, .head_common = std::log(1.4)});
    failed += unchanged.failed;
    for (const Comparison& c : unchanged.suites)
      for (const auto& w : c.warnings)
        warned += w.find("slower across the board") != std::string::npos;
    const auto changed = simulate_stored_gate(sim, kShape, kSuites, design,
                                              {.log_change = {{std::log(1.2)}},
                                               .head_common = std::log(1.4),
                                               .first_job_sd = kDelta / 4});
    caught += changed.suites[0].benchmarks[0].verdict == Verdict::kRegression;
  }
  std::printf(
      "head +40%% across the board, this machine without bursts: %d of %d gate runs "
      "failed, %d of %d suites warned; +20%% on top in one benchmark caught %d of %d\n",
      failed, kRuns, warned, kSuites * kRuns, caught, kRuns);
  EXPECT_LE(failed, 2);
  EXPECT_EQ(warned, kSuites * kRuns);
  EXPECT_GE(caught, 80);
}

// ---- Measurements, run once by hand (--gtest_also_run_disabled_tests) -------------------------

TEST(StoredMeasurement, DISABLED_KSweep) {
  // False fails per gate run (300) and power at 2δ (200, σ_job = δ/8 and δ/4) by K, with the
  // gate's K rule off (so that K < kFewestHistoryJobs shows what it would do), W = 1; then the
  // df check by K and W (30,000 suites each).
  const StoredNoise noise = episodes_without_bursts();
  const StoredNoise everything = this_machine_jobs();
  for (int k : {4, 6, 8, 10, 15, 20, 30}) {
    const StoredDesign design{.history_jobs = k, .history_rule = false};
    const int aa = count_fails(noise, design, kAaRuns, 600 + k);
    const int aa_all = count_fails(everything, design, kAaRuns, 700 + k);
    const double p8 = power(noise, design, kDelta / 8, 1 + 2 * kDelta, 200, 800 + k);
    const double p4 = power(noise, design, kDelta / 4, 1 + 2 * kDelta, 200, 900 + k);
    const double g4 = power(gaussian_jobs(), design, kDelta / 4, 1 + 2 * kDelta, 200, 950 + k);
    std::printf(
        "K = %2d: A/A %d / %d (no bursts), %d / %d (everything); power δ/8 %.1f%%, δ/4 "
        "%.1f%% (no bursts), δ/4 Gaussian %.1f%%\n",
        k, aa, kAaRuns, aa_all, kAaRuns, 100 * p8, 100 * p4, 100 * g4);
  }
  for (int k : {4, 6, 8, 10, 15, 20, 30})
    for (int w : {1, 3})
      if (w < k) {
        const FirstStepRates r = first_step_false_alarms(k, w, 30000, 1000 + k);
        std::printf(
            "df check K = %2d, W = %d: %.2f x nominal (t, spread's df %.1f), %.2f x "
            "(engine); the df that would be nominal %.1f\n",
            k, w, r.raw, stats::spread_degrees_of_freedom(static_cast<std::size_t>(k - 1)),
            r.engine, r.implied_df);
      }
}

TEST(StoredMeasurement, DISABLED_DegreesOfFreedom) {
  for (int k : {4, 6, 8, 10, 15, 20, 30}) {
    const FirstStepRates r = first_step_false_alarms(k, 1, 30000, 1000 + k);
    std::printf("df K = %2d, W = 1: %.2f x nominal with df %.1f; nominal with df %.1f\n", k, r.raw,
                stats::spread_degrees_of_freedom(static_cast<std::size_t>(k - 1)), r.implied_df);
  }
}

TEST(StoredMeasurement, DISABLED_PowerTable) {
  for (const StoredNoise& noise : {gaussian_jobs(), episodes_without_bursts(), this_machine_jobs()})
    for (int w : {1, 3})
      for (double f : {1.0 / 8, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2})
        std::printf("power %s, W = %d, σ_job = δ/%.0f: %.1f%%\n", noise.name.c_str(), w, 1 / f,
                    100 * power(noise, {.history_jobs = 30, .window = w}, f * kDelta,
                                1 + 2 * kDelta, 400, 1100 + w));
}

TEST(StoredMeasurement, DISABLED_LongAa) {
  const StoredNoise noise = episodes_without_bursts();
  for (auto [hist, head] : {std::pair{Episode::kByChance, Episode::kByChance},
                            {Episode::kNever, Episode::kAlways},
                            {Episode::kByChance, Episode::kAlways}})
    for (int w : {1, 3}) {
      const StoredDesign d{
          .history_jobs = 30, .window = w, .head_episode = head, .history_episodes = hist};
      std::printf("A/A K = 30, W = %d, history %s, head %s: %d of 1500\n", w, episode_name(hist),
                  episode_name(head), count_fails(noise, d, 1500, 1200 + w));
    }
  for (int w : {1, 3}) {
    std::printf("A/A K = 30, W = %d, everything: %d of 1500; Gaussian %d of 1500\n", w,
                count_fails(this_machine_jobs(), {.history_jobs = 30, .window = w}, 1500, 1300 + w),
                count_fails(gaussian_jobs(), {.history_jobs = 30, .window = w}, 1500, 1400 + w));
  }
}

}  // namespace
}  // namespace benchgate::sim
