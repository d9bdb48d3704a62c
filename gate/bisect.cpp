#include "gate/bisect.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <regex>

#include <fmt/format.h>

#include "core/benchmark_filter.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/text.h"
#include "gate/bisect_steps.h"
#include "git/commit_range.h"
#include "git/history.h"
#include "git/repository.h"
#include "git/revision.h"
#include "process/interrupt.h"
#include "runner/gbench_args.h"

namespace benchgate::gate {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

// Steps a search over `candidates` commits can take: step 0 (GOOD against BAD) and a binary
// search, which settles n candidates in at most ceil(log2 n) steps. Each step gets alpha / steps,
// so that the union bound over all of them is the alpha asked for.
int planned_steps(std::size_t candidates) {
  return 1 + static_cast<int>(std::ceil(std::log2(static_cast<double>(candidates))));
}

std::vector<BenchmarkComparison> rows_where(const Comparison& comparison,
                                            const std::function<bool(const std::string&)>& counts) {
  std::vector<BenchmarkComparison> rows;
  for (const auto& row : comparison.benchmarks)
    if (counts(row.name)) rows.push_back(row);
  return rows;
}

// Whether the budget leaves time for another step.
class Budget {
 public:
  explicit Budget(std::optional<Seconds> total) : total_(total) {}
  std::optional<Seconds> remaining() const {
    if (!total_) return std::nullopt;
    return std::max(*total_ - Seconds(Clock::now() - start_), Seconds(0.001));
  }
  bool spent() const { return total_ && Clock::now() - start_ >= *total_; }
  std::string text() const { return total_ ? seconds_text(total_->count()) : "none"; }

 private:
  std::optional<Seconds> total_;
  Clock::time_point start_ = Clock::now();
};

// Why the search stopped at `step`, saying so when the budget cut its rounds short.
std::string stayed_inconclusive(const BisectStep& step, const Budget& budget) {
  return fmt::format("step {} ({}) stayed inconclusive{}", step.number, short_commit(step.commit),
                     budget.spent() ? " when the budget of " + budget.text() + " ran out" : "");
}

void log_step(const BisectStep& step, std::size_t commits_left) {
  log_info("step {}: {} is {} ({} round(s)); {} commit(s) left{}", step.number,
           short_commit(step.commit), to_string(step.verdict), step.rounds, commits_left,
           step.note.empty() ? "" : "; " + step.note);
  for (const auto& row : step.benchmarks) log_info("  {}", describe_row(row));
}

}  // namespace

std::string_view to_string(StepVerdict verdict) {
  switch (verdict) {
    case StepVerdict::kBad:
      return "bad";
    case StepVerdict::kGood:
      return "good";
    case StepVerdict::kInconclusive:
      break;
  }
  return "inconclusive";
}

std::string_view to_string(BisectOutcome outcome) {
  switch (outcome) {
    case BisectOutcome::kFound:
      return "found";
    case BisectOutcome::kNoRegression:
      return "no-regression";
    case BisectOutcome::kRange:
      break;
  }
  return "range";
}

std::string describe_row(const BenchmarkComparison& row) {
  const std::optional<double> p = row.p_adjusted ? row.p_adjusted : row.p_value;
  return fmt::format("{}: {} x{:.3f} [{:.3f}, {:.3f}]{}", row.name, to_string(row.verdict),
                     row.ratio, row.ci_low, row.ci_high,
                     p ? fmt::format(", p {:.2g}", *p) : std::string());
}

std::vector<std::string> BisectResult::suspects() const {
  const auto lo = std::find(path.begin(), path.end(), last_good);
  const auto hi = std::find(path.begin(), path.end(), first_bad);
  if (lo == path.end() || hi == path.end() || lo >= hi) return {};
  return {lo + 1, hi + 1};
}

std::vector<std::string> first_parent_path(const std::filesystem::path& repo_path,
                                           const std::string& good, const std::string& bad) {
  if (good == bad)
    throw InputError(
        fmt::format("GOOD and BAD are the same commit {}: nothing to bisect", short_commit(good)));
  const git::Repository repo = git::Repository::open(repo_path);
  constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();
  const git::FirstParentRange range = git::first_parent_range(repo, good, bad, kAll, kAll);
  if (!range.complete) {
    // Say which way round it is when GOOD lies above BAD.
    const bool reversed = git::first_parent_range(repo, bad, good, 0, kAll).complete;
    throw InputError(
        reversed ? fmt::format("GOOD {} is newer than BAD {}: give the older commit first",
                               short_commit(good), short_commit(bad))
                 : fmt::format("GOOD {} is not on the first-parent history of BAD {}: bisect "
                               "walks first parents only (in a shallow clone, {})",
                               short_commit(good), short_commit(bad), git::kDeepenHint));
  }
  std::vector<std::string> path = {good};
  for (auto it = range.commits.rbegin(); it != range.commits.rend(); ++it)
    path.push_back(it->commit);
  return path;
}

// Long (about 90 lines) on purpose: step 0, the search loop and its three ways to end read best
// as one sequence.
BisectResult run_bisect(const BisectSettings& s) {
  // From here on Ctrl-C / SIGTERM stop the running child and unwind through the worktrees'
  // destructors, instead of killing us with directories in place.
  process::install_interrupt_handlers();
  const GateSettings& gate = s.gate;
  BisectResult result;
  result.suite = bisect_suite(gate).name;
  std::optional<std::regex> wanted;
  if (s.benchmark) wanted = benchmark_filter(*s.benchmark);
  result.good = git::resolve_revision(gate.repo, s.good);
  result.bad = git::resolve_revision(gate.repo, s.bad);
  result.path = first_parent_path(gate.repo, result.good, result.bad);
  const std::size_t candidates = result.path.size() - 1;
  const int steps = planned_steps(candidates);
  const double alpha = gate.compare.settings.alpha / steps;
  const Budget budget(s.budget);
  const std::uint64_t seed = gate.config.run.seed.value_or(std::random_device{}());
  log_info(
      "bisect: {} commit(s) after GOOD {} up to BAD {} on the first-parent path; at most {} "
      "step(s), each at alpha {:.3g} (of {:.3g}), seed {}, budget {}",
      candidates, short_commit(result.good), short_commit(result.bad), steps, alpha,
      gate.compare.settings.alpha, seed, budget.text());

  const BuiltCommit good(gate, result.good);
  BisectStep step0;
  step0.commit = result.bad;
  step0.alpha = alpha;
  step0.commits_left = candidates;
  {
    log_info("step 0 of {}: is BAD {} slower than GOOD {}?", steps - 1, short_commit(result.bad),
             short_commit(result.good));
    const BuiltCommit bad(gate, result.bad);
    const ab::AbJobResult job =
        measure_pair(good, bad, gate, s.benchmark, alpha, seed, budget.remaining());
    stop_if_interrupted("while measuring GOOD against BAD");
    step0.rounds = job.rounds_complete;
    step0.benchmarks = rows_where(job.comparison, [&](const std::string& name) {
      return !wanted || std::regex_search(name, *wanted);
    });
    if (step0.benchmarks.empty())
      throw InputError(fmt::format("--benchmark {}: no benchmark of suite {} matches it",
                                   s.benchmark.value_or(""), result.suite));
  }
  for (const auto& row : step0.benchmarks)
    if (row.verdict == Verdict::kRegression) result.hunted.push_back(row.name);
  result.last_good = result.good;
  result.first_bad = result.bad;
  if (result.hunted.empty()) {
    // Every row unchanged (or faster): there is nothing to hunt. Rows not settled: whether there
    // is is itself open, and the whole path is the range.
    step0.verdict = judge_step(step0.benchmarks, step0.note);
    result.steps.push_back(step0);
    log_step(step0, candidates);
    if (step0.verdict == StepVerdict::kGood) {
      result.outcome = BisectOutcome::kNoRegression;
      result.stop_reason = "BAD is not slower than GOOD: every benchmark is unchanged or faster";
      result.error_bound += alpha;
    } else {
      result.outcome = BisectOutcome::kRange;
      result.stop_reason =
          fmt::format("{}: a regression between GOOD and BAD is not confirmed ({})",
                      stayed_inconclusive(step0, budget), step0.note);
    }
    return result;
  }
  step0.verdict = StepVerdict::kBad;
  result.steps.push_back(step0);
  result.error_bound += alpha;
  log_step(step0, candidates);
  const std::string filter = runner::gbench::exact_benchmarks_filter(result.hunted);
  const auto hunted = [&](const std::string& name) {
    return std::find(result.hunted.begin(), result.hunted.end(), name) != result.hunted.end();
  };

  std::size_t lo = 0, hi = candidates;
  while (hi - lo > 1) {
    if (budget.spent()) {
      result.stop_reason = fmt::format("the budget of {} was spent", budget.text());
      break;
    }
    const std::size_t mid = lo + (hi - lo) / 2;
    BisectStep step;
    step.number = static_cast<int>(result.steps.size());
    step.commit = result.path[mid];
    step.alpha = alpha;
    log_info(
        "step {} of ~{}: {} commit(s) suspected; measuring number {} of them, {}, against GOOD",
        step.number, steps - 1, hi - lo, mid - lo, short_commit(step.commit));
    {
      const BuiltCommit middle(gate, step.commit);
      const ab::AbJobResult job =
          measure_pair(good, middle, gate, filter, alpha, seed + step.number, budget.remaining());
      stop_if_interrupted(fmt::format("while measuring step {}", step.number));
      step.rounds = job.rounds_complete;
      step.benchmarks = rows_where(job.comparison, hunted);
    }
    step.verdict = judge_step(step.benchmarks, step.note);
    if (step.verdict == StepVerdict::kBad) hi = mid;
    if (step.verdict == StepVerdict::kGood) lo = mid;
    step.commits_left = hi - lo;
    result.steps.push_back(step);
    log_step(step, hi - lo);
    if (step.verdict == StepVerdict::kInconclusive) {
      result.stop_reason = stayed_inconclusive(step, budget);
      break;
    }
    result.error_bound += alpha;
  }
  result.last_good = result.path[lo];
  result.first_bad = result.path[hi];
  result.outcome = hi - lo == 1 ? BisectOutcome::kFound : BisectOutcome::kRange;
  if (result.outcome == BisectOutcome::kFound) result.stop_reason.clear();
  return result;
}

}  // namespace benchgate::gate
