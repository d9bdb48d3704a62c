#include "cli/compare_options.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::cli {

void add_compare_flags(CLI::App& command, CompareFlags& flags) {
  flags.metric_option =
      command
          .add_option("--metric", flags.metric,
                      "Metric to compare: real_time, cpu_time, or any user counter")
          ->capture_default_str();
  flags.alpha_option =
      command.add_option("--alpha", flags.alpha, "Family-wise significance level (Holm-adjusted)")
          ->capture_default_str();
  flags.threshold_option = command
                               .add_option("--threshold", flags.threshold,
                                           "Smallest change that matters, δ: '5%' or '0.05'")
                               ->capture_default_str();
  command
      .add_option("--test", flags.test, "Statistical test: mann-whitney or welch (on log values)")
      ->capture_default_str();
  flags.fail_on_option =
      command
          .add_option("--fail-on", flags.fail_on,
                      "When to exit 1: 'regression' (a confirmed regression) or 'never'")
          ->capture_default_str();
  command
      .add_option("--direction", flags.direction,
                  "Which way is better for the metric: lower (times), higher (throughput), or "
                  "auto (higher for *_per_second counters, lower otherwise)")
      ->capture_default_str();
  command.add_flag("--trust-single-run", flags.trust_single_run,
                   "Let regressions measured in a single process per side fail the gate "
                   "(only on quiet, dedicated machines: between-run drift is not measured)");
  command.add_flag("--trust-single-job", flags.trust_single_job,
                   "Let regressions between separate jobs (stored baselines, result files of "
                   "different runs) fail without a measured job-to-job spread (only on dedicated "
                   "machines: a whole job can run slower than another)");
}

double parse_threshold(const std::string& text, const std::string& flag) {
  std::string number = text;
  bool percent = !number.empty() && number.back() == '%';
  if (percent) number.pop_back();
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value))
    throw InputError(
        fmt::format("{} '{}': expected a percentage like 5% or a fraction like 0.05", flag, text));
  if (percent)
    value /= 100.0;
  else if (value >= 1.0)
    throw InputError(
        fmt::format("{} '{}' is ambiguous: write {}% for a percentage or a fraction below 1", flag,
                    text, text));
  if (value <= 0.0 || value >= 1.0)
    throw InputError(fmt::format("{} '{}': must be between 0% and 100%", flag, text));
  return value;
}

namespace {
bool given(const CLI::Option* option) {
  return option && option->count() > 0;
}
}  // namespace

stats::CompareOptions to_compare_options(const CompareFlags& flags,
                                         const runner::GateConfig* config) {
  stats::CompareOptions options;
  CompareSettings& s = options.settings;
  const runner::GateConfig defaults;  // without a config file, the defaults of core/comparison.h
  const runner::GateConfig& base = config ? *config : defaults;
  s.metric = given(flags.metric_option) ? flags.metric : base.metric;
  if (s.metric.empty()) throw InputError("--metric: must not be empty");
  s.alpha = given(flags.alpha_option) ? flags.alpha : base.alpha;
  if (!valid_alpha(s.alpha))
    throw InputError(
        fmt::format("--alpha {}: must be between {} and {}", s.alpha, kMinAlpha, kMaxAlpha));
  s.threshold = given(flags.threshold_option) ? parse_threshold(flags.threshold, "--threshold")
                                              : base.threshold;
  if (flags.test == "mann-whitney")
    s.test = TestKind::kMannWhitney;
  else if (flags.test == "welch")
    s.test = TestKind::kWelch;
  else
    throw InputError(fmt::format("--test '{}': expected mann-whitney or welch", flags.test));
  if (config && !given(flags.fail_on_option)) {
    s.fail_on_regression = false;
    for (Verdict v : config->fail_on) {
      if (v == Verdict::kRegression)
        s.fail_on_regression = true;
      else
        s.also_fail_on.push_back(v);
    }
  } else if (flags.fail_on == "regression") {
    s.fail_on_regression = true;
  } else if (flags.fail_on == "never") {
    s.fail_on_regression = false;
  } else {
    throw InputError(fmt::format("--fail-on '{}': expected regression or never", flags.fail_on));
  }
  s.trust_single_run = flags.trust_single_run;
  s.trust_single_job = flags.trust_single_job || (config && config->trust_single_job);
  if (flags.direction == "auto")
    s.higher_is_better = higher_is_better_by_name(s.metric);
  else if (flags.direction == "higher")
    s.higher_is_better = true;
  else if (flags.direction == "lower")
    s.higher_is_better = false;
  else
    throw InputError(
        fmt::format("--direction '{}': expected auto, lower or higher", flags.direction));
  if (config) {
    // Copied into the callbacks: the config may not outlive the options.
    // A --threshold flag replaces the config's default δ, not its per-benchmark rules.
    runner::GateConfig gate = *config;
    gate.threshold = s.threshold;
    options.threshold_for = [gate](std::string_view name) { return gate.threshold_for(name); };
    options.ignore = [gate](std::string_view name) { return gate.ignored(name); };
  }
  return options;
}

}  // namespace benchgate::cli
