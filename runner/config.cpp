#include "runner/config.h"

#include <algorithm>

#include <fnmatch.h>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "core/text_lines.h"
#include "process/cpu_affinity.h"
#include "runner/config_table_reader.h"
#include "runner/cpu_setting.h"

namespace benchgate::runner {
namespace {

constexpr long long kMaxCount = 100000;
constexpr double kMaxTimeout = 7 * 24 * 3600.0;
// perf refuses frequencies above kernel.perf_event_max_sample_rate (100 kHz at most).
constexpr long long kMaxProfileFrequency = 100000;

// A time limit in seconds (`timeout`, `budget`): 0 means no limit; an absent key leaves `limit`
// as it was (a suite keeps the [run] default).
void read_time_limit(TableReader& t, std::string_view key, std::optional<double>& limit) {
  if (auto v = t.number(key, 0, kMaxTimeout)) limit = *v > 0 ? v : std::nullopt;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  std::string word;
  while (in >> word) words.push_back(word);
  return words;
}

void read_profile_settings(TableReader& t, ProfileSettings& profile) {
  if (auto v = t.string("profile")) {
    auto mode = profile_mode_from_string(*v);
    if (!mode)
      t.fail(*t.get("profile"),
             fmt::format("`profile` is \"{}\", expected none, changed or all", *v));
    profile.mode = *mode;
  }
  if (auto v = t.integer("profile_frequency", 1, kMaxProfileFrequency))
    profile.frequency_hz = static_cast<int>(*v);
  if (auto v = t.number("profile_min_time", 0.001, 3600)) profile.min_time_seconds = *v;
  if (auto v = t.string("profile_call_graph")) {
    if (*v != "fp" && *v != "dwarf")
      t.fail(*t.get("profile_call_graph"),
             fmt::format("`profile_call_graph` is \"{}\", expected fp or dwarf", *v));
    profile.call_graph = *v;
  }
}

// `cpus`: checked against the CPUs benchgate may use now, so a typo fails before anything runs.
void read_cpus(TableReader& t, CpuSetting& cpus) {
  const auto text = t.string("cpus");
  if (!text) return;
  try {
    cpus = parse_cpu_setting(*text, process::allowed_cpus());
  } catch (const InputError& e) {
    t.fail(*t.get("cpus"), fmt::format("`cpus` is {}", e.what()));
  }
}

// `env_passthrough` / `env_remove`: lists of variable names, each a plain name (no `=`).
std::vector<std::string> read_variable_names(TableReader& t, std::string_view key) {
  std::vector<std::string> names = t.string_list(key);
  for (const auto& name : names)
    if (name.empty() || name.find('=') != std::string::npos)
      t.fail(*t.get(key),
             fmt::format("`{}` contains \"{}\", which is not an environment variable name", key,
                         name));
  return names;
}

void read_run_defaults(TableReader& t, RunDefaults& run) {
  if (auto v = t.integer("processes", 1, kMaxCount)) run.processes = static_cast<int>(*v);
  if (auto v = t.integer("repetitions", 1, kMaxCount)) run.repetitions = static_cast<int>(*v);
  if (auto v = t.integer("runs", 1, kMaxCount)) run.runs = static_cast<int>(*v);
  if (auto v = t.integer("warmup", 0, kMaxCount)) run.warmup = static_cast<int>(*v);
  read_time_limit(t, "timeout", run.timeout_seconds);
  if (auto v = t.integer("seed", 0, std::numeric_limits<long long>::max()))
    run.seed = static_cast<unsigned long long>(*v);
  read_cpus(t, run.cpus);
  read_profile_settings(t, run.profile);
  run.environment.passthrough = read_variable_names(t, "env_passthrough");
  run.environment.remove = read_variable_names(t, "env_remove");
  t.reject_unknown_keys();
}

constexpr std::string_view kThresholdHint = " (a fraction: 0.05 means 5%)";

void read_gate(TableReader& t, GateConfig& gate) {
  if (auto v = t.string("metric")) gate.metric = *v;
  if (gate.metric.empty()) t.fail_at_table("`metric` is empty");
  if (auto v = t.number("alpha", kMinAlpha, kMaxAlpha)) gate.alpha = *v;
  if (auto v = t.number("threshold", 0, 1, kThresholdHint)) gate.threshold = *v;
  gate.ignore = t.string_list("ignore");
  if (const toml::node* node = t.get("fail_on")) {
    (void)node;
    gate.fail_on.clear();
    for (const auto& word : t.string_list("fail_on")) {
      auto verdict = verdict_from_string(word);
      if (!verdict)
        t.fail(*node, fmt::format("`fail_on` contains \"{}\", which is not a verdict (regression, "
                                  "improvement, unchanged, inconclusive, untested, new, missing)",
                                  word));
      gate.fail_on.push_back(*verdict);
    }
  }
  if (auto v = t.string("mode")) {
    if (*v != "stored" && *v != "interleaved")
      t.fail(*t.get("mode"), fmt::format("`mode` is \"{}\", expected stored or interleaved", *v));
    gate.mode = *v == "interleaved" ? GateMode::kInterleaved : GateMode::kStored;
  }
  if (const toml::node* node = t.get("rounds")) {
    if (node->is_string() && node->as_string()->get() == "auto")
      gate.rounds.reset();
    else if (node->is_integer())
      gate.rounds = static_cast<int>(*t.integer("rounds", 1, kMaxCount));
    else
      t.fail(*node, "`rounds` must be a number of rounds (1 or more) or \"auto\"");
  }
  if (auto v = t.integer("max_rounds", 4, kMaxCount)) gate.max_rounds = static_cast<int>(*v);
  if (auto v = t.integer("warmup_processes", 0, kMaxCount))
    gate.warmup_processes = static_cast<int>(*v);
  read_time_limit(t, "budget", gate.budget_seconds);
  if (auto v = t.boolean("trust_single_job")) gate.trust_single_job = *v;
  int index = 0;
  for (const toml::table* rule_table : t.tables("thresholds")) {
    TableReader r(*rule_table, t.source(), fmt::format("[[gate.thresholds]] #{}", ++index));
    ThresholdRule rule;
    auto match = r.string("match");
    auto threshold = r.number("threshold", 0, 1, kThresholdHint);
    if (!match || match->empty())
      r.fail_at_table("`match` (a glob of benchmark names) is required");
    if (!threshold) r.fail_at_table("`threshold` is required");
    r.reject_unknown_keys();
    gate.thresholds.push_back({*match, *threshold});
  }
  t.reject_unknown_keys();
}

std::filesystem::path resolve(const std::filesystem::path& base, const std::string& p) {
  std::filesystem::path path(p);
  path = path.is_absolute() ? path : (base / path).lexically_normal();
  // "dir/." normalises to "dir/"; drop the trailing separator so paths compare as users expect.
  return path.has_filename() || !path.has_parent_path() ? path : path.parent_path();
}

SuiteConfig read_suite(TableReader& t, const RunDefaults& run, const std::filesystem::path& base) {
  SuiteConfig s;
  s.processes = run.processes;
  s.repetitions = run.repetitions;
  s.runs = run.runs;
  s.warmup = run.warmup;
  s.timeout_seconds = run.timeout_seconds;
  s.cpus = run.cpus;
  auto name = t.string("name");
  if (!name || name->empty()) t.fail_at_table("`name` is required");
  if (name->find_first_of("/\\ \t") != std::string::npos)
    t.fail_at_table(
        fmt::format("suite name \"{}\" must not contain '/', '\\' or spaces (it names "
                    "the output file)",
                    *name));
  s.name = *name;
  if (const toml::node* node = t.get("command")) {
    if (node->is_string())
      s.command = split_words(node->as_string()->get());
    else
      s.command = t.string_list("command");
    if (s.command.empty()) t.fail(*node, "`command` is empty");
  } else {
    t.fail_at_table("`command` is required");
  }
  // A relative program path means "relative to this file", like every other path in it; a bare
  // name ("python3") is looked up in PATH.
  if (s.command[0].find('/') != std::string::npos)
    s.command[0] = resolve(base, s.command[0]).string();
  if (auto v = t.string("format")) {
    const auto format = parse_suite_format(*v);
    if (!format)
      t.fail(*t.get("format"),
             fmt::format("`format` is \"{}\", expected {}", *v, kSuiteFormatChoices));
    s.format = *format;
  }
  s.filter = t.string("filter");
  if (auto v = t.integer("processes", 1, kMaxCount)) s.processes = static_cast<int>(*v);
  if (auto v = t.integer("repetitions", 1, kMaxCount)) s.repetitions = static_cast<int>(*v);
  if (auto v = t.integer("runs", 1, kMaxCount)) s.runs = static_cast<int>(*v);
  if (auto v = t.integer("warmup", 0, kMaxCount)) s.warmup = static_cast<int>(*v);
  read_time_limit(t, "timeout", s.timeout_seconds);
  read_cpus(t, s.cpus);
  s.working_dir = resolve(base, t.string("working_dir").value_or("."));
  t.reject_unknown_keys();
  return s;
}

}  // namespace

std::string_view to_string(ProfileMode mode) {
  switch (mode) {
    case ProfileMode::kChanged:
      return "changed";
    case ProfileMode::kAll:
      return "all";
    case ProfileMode::kNone:
      break;
  }
  return "none";
}

std::optional<ProfileMode> profile_mode_from_string(std::string_view word) {
  for (auto mode : {ProfileMode::kNone, ProfileMode::kChanged, ProfileMode::kAll})
    if (word == to_string(mode)) return mode;
  return std::nullopt;
}

double GateConfig::threshold_for(std::string_view benchmark) const {
  for (const auto& rule : thresholds)
    if (glob_match(rule.pattern, benchmark)) return rule.threshold;
  return threshold;
}

bool GateConfig::ignored(std::string_view benchmark) const {
  for (const auto& pattern : ignore)
    if (glob_match(pattern, benchmark)) return true;
  return false;
}

const SuiteConfig* Config::suite(std::string_view name) const {
  for (const auto& s : suites)
    if (s.name == name) return &s;
  return nullptr;
}

bool glob_match(std::string_view pattern, std::string_view name) {
  return fnmatch(std::string(pattern).c_str(), std::string(name).c_str(), 0) == 0;
}

Config parse_config(std::string_view text, const std::string& source,
                    const std::filesystem::path& base_dir) {
  toml::table root;
  try {
    root = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    // toml++'s words alone ("expected digit, saw '%'") leave the reader to count columns: show
    // the line with a caret under the place.
    const auto& at = e.source().begin;
    const std::string excerpt = line_excerpt(text, at.line, at.column);
    throw InputError(fmt::format("{}:{}:{}: invalid TOML: {}{}{}", source, at.line, at.column,
                                 e.description(), excerpt.empty() ? "" : "\n", excerpt));
  }
  Config config;
  config.source = source;
  TableReader top(root, source, "the top level");
  config.testbed = top.string("testbed");
  if (config.testbed && config.testbed->empty())
    top.fail(*top.get("testbed"), "`testbed` is empty");
  // [run] first: its values are the defaults of every suite.
  if (const toml::table* run = top.table("run")) {
    TableReader t(*run, source, "[run]");
    read_run_defaults(t, config.run);
  }
  if (const toml::table* gate = top.table("gate")) {
    TableReader t(*gate, source, "[gate]");
    read_gate(t, config.gate);
  }
  if (const toml::table* build = top.table("build")) {
    TableReader t(*build, source, "[build]");
    config.build.command = t.string("command");
    if (config.build.command &&
        config.build.command->find_first_not_of(" \t\n") == std::string::npos)
      t.fail(*t.get("command"), "`command` is empty");
    read_time_limit(t, "timeout", config.build.timeout_seconds);
    t.reject_unknown_keys();
  }
  int index = 0;
  for (const toml::table* suite : top.tables("suite")) {
    TableReader t(*suite, source, fmt::format("[[suite]] #{}", ++index));
    SuiteConfig s = read_suite(t, config.run, base_dir);
    if (config.suite(s.name)) t.fail_at_table(fmt::format("suite \"{}\" is defined twice", s.name));
    config.suites.push_back(std::move(s));
  }
  top.reject_unknown_keys();
  return config;
}

Config load_config(const std::filesystem::path& path) {
  std::string text = read_text_file(path);  // InputError names the path when unreadable
  auto base = std::filesystem::absolute(path).parent_path();
  return parse_config(text, path.string(), base);
}

std::vector<SuiteConfig> Config::select(const std::vector<std::string>& names) const {
  const std::string file = source.empty() ? std::string(kDefaultConfigFile) : source.string();
  if (suites.empty()) throw InputError(fmt::format("{}: defines no [[suite]] to run", file));
  for (const auto& name : names)
    if (!suite(name)) {
      std::vector<std::string> known;
      for (const auto& s : suites) known.push_back(s.name);
      throw InputError(fmt::format("{}: no suite named \"{}\" (suites: {})", file, name,
                                   fmt::join(known, ", ")));
    }
  std::vector<SuiteConfig> chosen;
  for (const auto& s : suites)
    if (names.empty() || std::find(names.begin(), names.end(), s.name) != names.end())
      chosen.push_back(s);
  return chosen;
}

}  // namespace benchgate::runner
