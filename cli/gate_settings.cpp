#include "cli/gate_settings.h"

#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "cli/ab_command_line.h"
#include "cli/compare_options.h"
#include "core/errors.h"
#include "process/child_environment.h"

namespace benchgate::cli {
namespace {
namespace fs = std::filesystem;

// --config when given (it must exist), else benchgate.toml when present, else the defaults.
// Its [run] env_passthrough / env_remove apply to every child the gate starts.
runner::Config load_gate_config(const GateFlags& flags) {
  if (!flags.config_given() && !fs::exists(flags.config)) return runner::Config{};
  runner::Config config = runner::load_config(flags.config);
  process::set_child_environment_policy(config.run.environment);
  return config;
}

gate::ContextChoice context_choice(const std::string& word) {
  if (word == "github") return gate::ContextChoice::kGithub;
  if (word == "gitlab") return gate::ContextChoice::kGitlab;
  if (word == "local") return gate::ContextChoice::kLocal;
  return gate::ContextChoice::kAuto;  // CLI11 admits only these four words
}

gate::RecordPolicy record_policy(const std::string& word) {
  if (word == "always") return gate::RecordPolicy::kAlways;
  if (word == "never") return gate::RecordPolicy::kNever;
  return gate::RecordPolicy::kAuto;
}

// The config's suites, or those named by --suite (InputError for an unknown name or none).
std::vector<runner::SuiteConfig> selected_suites(const GateFlags& flags,
                                                 const runner::Config& config) {
  // No config file was read: say where it was looked for, not that an absent file is empty.
  if (config.source.empty())
    throw InputError(fmt::format(
        "nothing to gate: no {} in {} (its [[suite]] tables say what to measure; see "
        "docs/configuration.md): create one, name another with --config FILE, or gate result "
        "files with --results PATH",
        fs::path(flags.config).filename().string(),
        fs::absolute(flags.config).parent_path().string()));
  if (config.suites.empty())
    throw InputError(
        fmt::format("nothing to gate: {} defines no [[suite]] and no --results were given",
                    config.source.string()));
  return config.select(flags.suites);
}

// Each --results path is one suite: named by the matching --suite, else by the file's stem. A
// directory of records that name their suites is split by the gate (gate_suites.cpp).
std::vector<gate::ResultsInput> results_inputs(const GateFlags& flags) {
  if (!flags.suites.empty() && flags.suites.size() != flags.results.size())
    throw InputError(fmt::format(
        "--suite given {} time(s) for {} --results path(s): with --results, --suite names each "
        "path's suite, in order",
        flags.suites.size(), flags.results.size()));
  std::vector<gate::ResultsInput> inputs;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < flags.results.size(); ++i) {
    std::string name =
        flags.suites.empty() ? fs::path(flags.results[i]).stem().string() : flags.suites[i];
    if (name.empty()) name = fs::path(flags.results[i]).parent_path().filename().string();
    if (!seen.insert(name).second)
      throw InputError(fmt::format(
          "--results {}: a second suite named \"{}\"; name them with --suite, one per --results",
          flags.results[i], name));
    inputs.push_back({flags.results[i], std::move(name), !flags.suites.empty()});
  }
  return inputs;
}

gate::RoundsSettings rounds_settings(const GateFlags& flags, const runner::GateConfig& config) {
  gate::RoundsSettings r;
  r.rounds = flags.rounds.empty() ? config.rounds : parse_rounds(flags.rounds, "--rounds");
  r.max_rounds = flags.max_rounds.value_or(config.max_rounds);
  r.warmup_processes = config.warmup_processes;
  if (!flags.budget.empty())
    r.budget = parse_budget(flags.budget, "--budget");
  else if (config.budget_seconds)
    r.budget = std::chrono::duration<double>(*config.budget_seconds);
  return r;
}

}  // namespace

gate::GateSettings resolve_gate_settings(const GateFlags& flags) {
  gate::GateSettings s;
  s.config = load_gate_config(flags);
  s.config_name = s.config.source.empty() ? flags.config : s.config.source.string();
  s.compare = to_compare_options(flags.compare, &s.config.gate);
  if (flags.results.empty())
    s.suites = selected_suites(flags, s.config);
  else
    s.results = results_inputs(flags);
  s.repo = flags.repo;
  if (!flags.head.empty()) s.head = flags.head;
  if (!flags.target.empty()) s.target = flags.target;
  s.context = context_choice(flags.context);
  s.testbed = flags.testbed.empty() ? s.config.testbed : std::optional(flags.testbed);
  s.store = store::parse_store_spec(flags.store);
  s.remote = flags.remote;
  s.max_distance = flags.max_distance;
  s.window = flags.window;
  s.fetch = !flags.no_fetch;
  s.push = !flags.no_push;
  s.record = record_policy(flags.record);
  s.baselines_from_any_branch = flags.baselines_from == "any";
  s.no_baseline =
      flags.no_baseline == "fail" ? gate::NoBaselinePolicy::kFail : gate::NoBaselinePolicy::kPass;
  s.report_dir = flags.report_dir;
  s.token_env = flags.token_env;
  s.ca_file = flags.ca_file;
  s.allow_insecure_http = flags.allow_insecure_http;

  if (flags.mode.empty())
    s.mode = s.config.gate.mode;
  else
    s.mode =
        flags.mode == "interleaved" ? runner::GateMode::kInterleaved : runner::GateMode::kStored;
  s.mode_source = flags.mode.empty() ? "[gate] mode = \"interleaved\"" : "--mode interleaved";
  s.rounds = rounds_settings(flags, s.config.gate);
  s.profile = s.config.run.profile;
  if (!flags.profile.empty())
    s.profile.mode =
        runner::profile_mode_from_string(flags.profile).value_or(runner::ProfileMode::kNone);
  s.profile_colour_by = flags.profile_colour_by;
  return s;
}

gate::PublishSettings resolve_publish_settings(const PublishFlags& flags) {
  return {flags.from, flags.token_env, flags.ca_file, flags.allow_insecure_http};
}

}  // namespace benchgate::cli
