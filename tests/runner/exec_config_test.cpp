// benchgate.toml: the documented example loads, every key is validated with file:line messages.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "process/cpu_affinity.h"
#include "runner/config.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::runner {
namespace {

using ::testing::HasSubstr;

// The message of the InputError `text` produces ("" when it loads).
std::string config_error(const std::string& text) {
  try {
    parse_config(text, "bench.toml", "/base");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// The ```toml block under "### Complete example" in docs/configuration.md.
std::string documented_example() {
  std::string doc = testing::read_file(testing::source_dir() / "docs" / "configuration.md");
  auto section = doc.find("### Complete example");
  auto begin = doc.find("```toml\n", section);
  auto end = doc.find("```\n", begin + 8);
  if (section == std::string::npos || begin == std::string::npos || end == std::string::npos)
    return "";
  return doc.substr(begin + 8, end - begin - 8);
}

TEST(Config, TheDocumentedExampleLoadsWithEveryValue) {
  testing::TempDir dir;
  std::string example = documented_example();
  ASSERT_FALSE(example.empty());
  testing::write_file(dir / "benchgate.toml", example);
  Config c = load_config(dir / "benchgate.toml");
  EXPECT_EQ(c.testbed, "ci-runner-large");
  EXPECT_EQ(c.run.seed, 20240611u);
  EXPECT_EQ(c.run.profile.mode, ProfileMode::kAll);
  EXPECT_EQ(c.gate.metric, "real_time");
  EXPECT_DOUBLE_EQ(c.gate.alpha, 0.05);
  EXPECT_DOUBLE_EQ(c.gate.threshold, 0.05);
  EXPECT_EQ(c.gate.fail_on, std::vector<Verdict>{Verdict::kRegression});
  EXPECT_EQ(c.gate.mode, GateMode::kStored);
  EXPECT_EQ(c.gate.rounds, 24);
  EXPECT_EQ(c.gate.budget_seconds, 1200.0);
  EXPECT_EQ(c.gate.warmup_processes, 1);
  EXPECT_EQ(c.run.cpus.kind, CpuSetting::Kind::kAuto);
  EXPECT_EQ(c.build.command,
            "cmake -S . -B build -G Ninja && cmake --build build --target core_bench");
  EXPECT_EQ(c.build.timeout_seconds, 1800.0);
  ASSERT_EQ(c.suites.size(), 3u);
  const SuiteConfig& core = c.suites[0];
  EXPECT_EQ(core.name, "core");
  auto base = std::filesystem::absolute(dir.path()).lexically_normal();
  EXPECT_EQ(core.command[0], (base / "build/bench/core_bench").string());
  EXPECT_EQ(core.command[1], "--benchmark_min_time=0.05");
  EXPECT_EQ(core.format, SuiteFormat::kGbench);
  EXPECT_EQ(core.filter, "BM_(Sort|Parse).*");
  EXPECT_EQ(core.repetitions, 5);
  EXPECT_EQ(core.processes, 6);
  EXPECT_EQ(core.timeout_seconds, 300.0);
  EXPECT_EQ(core.working_dir, base);
  const SuiteConfig& startup = *c.suite("startup");
  EXPECT_EQ(startup.command,
            (std::vector<std::string>{(base / "build/app").string(), "--version"}));
  EXPECT_EQ(startup.format, SuiteFormat::kCommand);
  EXPECT_EQ(startup.runs, 20);
  EXPECT_EQ(startup.warmup, 2);
  EXPECT_EQ(startup.processes, 8);            // from [run]
  EXPECT_EQ(startup.timeout_seconds, 600.0);  // from [run]
  EXPECT_EQ(startup.working_dir, base / "build");
  const SuiteConfig& queries = *c.suite("queries");
  EXPECT_EQ(queries.format, SuiteFormat::kLines);
  EXPECT_EQ(queries.processes, 5);
  // Thresholds: first matching rule, else the global one; ignore globs.
  EXPECT_DOUBLE_EQ(c.gate.threshold_for("BM_AllocSmall/64"), 0.10);
  EXPECT_DOUBLE_EQ(c.gate.threshold_for("BM_Parse/1024/threads:2"), 0.02);
  EXPECT_DOUBLE_EQ(c.gate.threshold_for("BM_Sort/8"), 0.05);
  EXPECT_TRUE(c.gate.ignored("BM_ExperimentalHash"));
  EXPECT_TRUE(c.gate.ignored("BM_Sort/1/threads:64"));
  EXPECT_FALSE(c.gate.ignored("BM_Sort/1/threads:8"));
}

TEST(Config, UnknownKeyNamesTheKeyAndItsLine) {
  std::string text =
      "[run]\n"
      "processes = 4\n"
      "\n"
      "[[suite]]\n"
      "name = \"core\"\n"
      "command = \"./bench\"\n"
      "repetiton = 5\n";
  EXPECT_THAT(config_error(text),
              HasSubstr("bench.toml:7: unknown key `repetiton` in [[suite]] #1 (known keys:"));
  EXPECT_THAT(config_error("[gate]\nalpha = 0.01\ntreshold = 0.1\n"),
              HasSubstr("bench.toml:3: unknown key `treshold` in [gate]"));
  EXPECT_THAT(config_error("testbed = \"x\"\nsuites = []\n"),
              HasSubstr("bench.toml:2: unknown key `suites` in the top level"));
  EXPECT_THAT(config_error("[[gate.thresholds]]\nmatch = \"BM_*\"\nthreshold = 0.1\npattern = 1\n"),
              HasSubstr("bench.toml:4: unknown key `pattern` in [[gate.thresholds]] #1"));
}

TEST(Config, WrongTypesAndValuesNameTheLine) {
  EXPECT_THAT(config_error("[run]\nprocesses = \"8\"\n"),
              HasSubstr("bench.toml:2: [run]: `processes` must be an integer, not a string"));
  EXPECT_THAT(config_error("[run]\nrepetitions = 0\n"),
              HasSubstr("bench.toml:2: [run]: `repetitions` is 0, expected 1..100000"));
  EXPECT_THAT(
      config_error("[gate]\nthreshold = 5\n"),
      HasSubstr(
          "bench.toml:2: [gate]: `threshold` is 5, expected 0 to 1 (a fraction: 0.05 means 5%)"));
  EXPECT_THAT(config_error("[gate]\nfail_on = [\"regresion\"]\n"),
              HasSubstr("bench.toml:2: [gate]: `fail_on` contains \"regresion\""));
  EXPECT_THAT(config_error("[[suite]]\nname = \"a\"\ncommand = \"x\"\nformat = \"json\"\n"),
              HasSubstr("bench.toml:4: [[suite]] #1: `format` is \"json\""));
  EXPECT_THAT(config_error("[[suite]]\nname = \"a\"\n"),
              HasSubstr("bench.toml:1: [[suite]] #1: `command` is required"));
  EXPECT_THAT(
      config_error(
          "[[suite]]\nname = \"a\"\ncommand = \"x\"\n[[suite]]\nname = \"a\"\ncommand = \"y\"\n"),
      HasSubstr("bench.toml:4: [[suite]] #2: suite \"a\" is defined twice"));
  EXPECT_THAT(config_error("[run]\nprocesses = \n"), HasSubstr("bench.toml:2:"));
  EXPECT_THAT(config_error("[run]\nprocesses = \n"), HasSubstr("invalid TOML"));
  EXPECT_THAT(config_error("suite = 3\n"),
              HasSubstr("bench.toml:1: the top level: `suite` must be an array of tables"));
}

TEST(Config, ASyntaxErrorShowsTheLineWithACaret) {
  EXPECT_EQ(config_error("[gate]\nthreshold = 5%\n"),
            "bench.toml:2:14: invalid TOML: Error while parsing decimal integer: expected digit, "
            "saw '%'\n"
            "  2 | threshold = 5%\n"
            "    |              ^");
}

TEST(Config, CpusAndWarmupProcesses) {
  Config defaults = parse_config("[[suite]]\nname = \"a\"\ncommand = \"x\"\n", "x.toml", "/b");
  EXPECT_EQ(defaults.run.cpus, CpuSetting{});
  EXPECT_EQ(defaults.suites[0].cpus.kind, CpuSetting::Kind::kAuto);
  EXPECT_EQ(defaults.gate.warmup_processes, 0);

  // A CPU this test may use, whichever CPUs it was started on.
  const int cpu = process::allowed_cpus().front();
  Config c = parse_config(fmt::format("[run]\ncpus = \"none\"\n[gate]\nwarmup_processes = 2\n"
                                      "[[suite]]\nname = \"a\"\ncommand = \"x\"\n"
                                      "[[suite]]\nname = \"b\"\ncommand = \"x\"\ncpus = \"{}\"\n",
                                      cpu),
                          "x.toml", "/b");
  EXPECT_EQ(c.suite("a")->cpus.kind, CpuSetting::Kind::kNone) << "[run] cpus is the default";
  EXPECT_EQ(c.suite("b")->cpus, (CpuSetting{CpuSetting::Kind::kList, {cpu}}));
  EXPECT_EQ(c.gate.warmup_processes, 2);

  EXPECT_THAT(config_error("[run]\ncpus = \"some\"\n"),
              HasSubstr("bench.toml:2: [run]: `cpus` is \"some\": expected auto, none or a list "
                        "of CPUs like 0, 2-3 or 0,2"));
  EXPECT_THAT(config_error("[run]\ncpus = \"4096\"\n"),
              HasSubstr("bench.toml:2: [run]: `cpus` is \"4096\": CPU 4096 is not one benchgate "
                        "may use (allowed: "));
  EXPECT_THAT(config_error("[[suite]]\nname = \"a\"\ncommand = \"x\"\ncpus = \"3-1\"\n"),
              HasSubstr("bench.toml:4: [[suite]] #1: `cpus` is \"3-1\": the range 3-1 runs "
                        "backwards"));
  EXPECT_THAT(config_error("[run]\ncpus = 1\n"),
              HasSubstr("bench.toml:2: [run]: `cpus` must be a string, not a integer"));
  EXPECT_THAT(config_error("[gate]\nwarmup_processes = -1\n"),
              HasSubstr("bench.toml:2: [gate]: `warmup_processes` is -1, expected 0..100000"));
}

TEST(Config, EnvironmentListsAreVariableNames) {
  Config c = parse_config(
      "[run]\nenv_passthrough = [\"NPM_TOKEN\"]\nenv_remove = [\"MY_KEY\", \"OTHER\"]\n", "x.toml",
      "/b");
  EXPECT_EQ(c.run.environment.passthrough, std::vector<std::string>{"NPM_TOKEN"});
  EXPECT_EQ(c.run.environment.remove, (std::vector<std::string>{"MY_KEY", "OTHER"}));
  EXPECT_THAT(config_error("[run]\nenv_remove = [\"A=B\"]\n"),
              HasSubstr("bench.toml:2: [run]: `env_remove` contains \"A=B\", which is not an "
                        "environment variable name"));
  EXPECT_THAT(config_error("[run]\nenv_passthrough = \"NPM_TOKEN\"\n"),
              HasSubstr("bench.toml:2: [run]: `env_passthrough` must be an array of strings"));
}

TEST(Config, DefaultsWithoutAFile) {
  Config c = parse_config("", "empty.toml", "/base");
  EXPECT_EQ(c.gate.metric, "real_time");
  EXPECT_DOUBLE_EQ(c.gate.threshold, 0.05);
  EXPECT_EQ(c.run.processes, 8);
  EXPECT_EQ(c.run.repetitions, 3);
  EXPECT_TRUE(c.suites.empty());
  EXPECT_FALSE(c.testbed.has_value());
  Config never = parse_config("[gate]\nfail_on = []\n", "x.toml", "/base");
  EXPECT_TRUE(never.gate.fail_on.empty());
}

TEST(Config, InterleavedModeAndBuildCommand) {
  Config c = parse_config(
      "[gate]\nmode = \"interleaved\"\nrounds = \"auto\"\nmax_rounds = 12\nbudget = 900\n"
      "[build]\ncommand = \"cmake -S . -B build && cmake --build build\"\ntimeout = 1800\n",
      "x.toml", "/base");
  EXPECT_EQ(c.gate.mode, GateMode::kInterleaved);
  EXPECT_FALSE(c.gate.rounds.has_value()) << "auto = adaptive rounds";
  EXPECT_EQ(c.gate.max_rounds, 12);
  EXPECT_EQ(c.gate.budget_seconds, 900.0);
  EXPECT_EQ(c.build.command, "cmake -S . -B build && cmake --build build");
  EXPECT_EQ(c.build.timeout_seconds, 1800.0);
  Config defaults = parse_config("", "x.toml", "/base");
  EXPECT_EQ(defaults.gate.mode, GateMode::kStored);
  EXPECT_EQ(defaults.gate.rounds, kDefaultRounds);
  EXPECT_FALSE(defaults.build.command.has_value());
  EXPECT_FALSE(defaults.build.timeout_seconds.has_value()) << "builds are not timed out by default";
  EXPECT_FALSE(defaults.gate.budget_seconds.has_value());
  EXPECT_FALSE(parse_config("[gate]\nbudget = 0\n", "x.toml", "/base").gate.budget_seconds)
      << "0 = no limit, like timeout";
  EXPECT_EQ(parse_config("[gate]\nrounds = 5\n", "x.toml", "/base").gate.rounds, 5);

  EXPECT_THAT(
      config_error("[gate]\nmode = \"paired\"\n"),
      HasSubstr("bench.toml:2: [gate]: `mode` is \"paired\", expected stored or interleaved"));
  EXPECT_THAT(config_error("[gate]\nrounds = \"many\"\n"),
              HasSubstr("bench.toml:2: [gate]: `rounds` must be a number of rounds"));
  EXPECT_THAT(config_error("[gate]\nrounds = 0\n"),
              HasSubstr("bench.toml:2: [gate]: `rounds` is 0, expected 1..100000"));
  EXPECT_THAT(config_error("[build]\ncommand = \"  \"\n"),
              HasSubstr("bench.toml:2: [build]: `command` is empty"));
  EXPECT_THAT(config_error("[build]\ncommand = [\"make\"]\n"),
              HasSubstr("bench.toml:2: [build]: `command` must be a string"));
  EXPECT_THAT(
      config_error("[build]\ncmd = \"make\"\n"),
      HasSubstr("bench.toml:2: unknown key `cmd` in [build] (known keys: command, timeout)"));
  EXPECT_THAT(config_error("[build]\ncommand = \"make\"\ntimeout = \"1h\"\n"),
              HasSubstr("bench.toml:3: [build]: `timeout` must be a number"));
  EXPECT_THAT(config_error("[gate]\nbudget = -5\n"),
              HasSubstr("bench.toml:2: [gate]: `budget` is -5"));
}

TEST(Config, ProfileSettings) {
  const Config defaults = parse_config("", "x.toml", "/base");
  EXPECT_EQ(defaults.run.profile.mode, ProfileMode::kNone);
  EXPECT_EQ(defaults.run.profile.frequency_hz, 999);
  EXPECT_EQ(defaults.run.profile.call_graph, "fp");
  EXPECT_EQ(defaults.run.profile.min_time_seconds, 1.0);
  const Config c = parse_config(
      "[run]\nprofile = \"changed\"\nprofile_frequency = 499\nprofile_call_graph = \"dwarf\"\n"
      "profile_min_time = 0.25\n",
      "x.toml", "/base");
  EXPECT_EQ(c.run.profile.min_time_seconds, 0.25);
  EXPECT_EQ(c.run.profile.mode, ProfileMode::kChanged);
  EXPECT_EQ(c.run.profile.frequency_hz, 499);
  EXPECT_EQ(c.run.profile.call_graph, "dwarf");
  EXPECT_EQ(parse_config("[run]\nprofile = \"all\"\n", "x.toml", "/base").run.profile.mode,
            ProfileMode::kAll);
  EXPECT_THAT(
      config_error("[run]\nprofile = \"All\"\n"),
      HasSubstr("bench.toml:2: [run]: `profile` is \"All\", expected none, changed or all"));
  EXPECT_THAT(config_error("[run]\nprofile_frequency = 0\n"),
              HasSubstr("bench.toml:2: [run]: `profile_frequency` is 0, expected 1..100000"));
  EXPECT_THAT(config_error("[run]\nprofile_min_time = 0\n"),
              HasSubstr("bench.toml:2: [run]: `profile_min_time`"));
  EXPECT_THAT(
      config_error("[run]\n\nprofile_call_graph = \"lbr\"\n"),
      HasSubstr("bench.toml:3: [run]: `profile_call_graph` is \"lbr\", expected fp or dwarf"));
}

TEST(Config, UnreadableFileIsAnInputErrorNamingIt) {
  try {
    load_config("/nonexistent/benchgate.toml");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("/nonexistent/benchgate.toml"));
  }
}

TEST(Glob, MatchesWholeNamesAndSlashes) {
  EXPECT_TRUE(glob_match("BM_*", "BM_Sort/8/threads:2"));
  EXPECT_TRUE(glob_match("BM_Sort/?", "BM_Sort/8"));
  EXPECT_FALSE(glob_match("BM_Sort/?", "BM_Sort/16"));
  EXPECT_TRUE(glob_match("*/threads:[24]", "BM_x/threads:4"));
  EXPECT_FALSE(glob_match("BM_Sort", "BM_Sort/8"));  // whole name, not a prefix
}

TEST(Config, SelectKeepsTheConfigsOrderAndNamesTheKnownSuitesOnAMistake) {
  Config c = parse_config(
      "[[suite]]\nname = \"a\"\ncommand = \"x\"\n[[suite]]\nname = \"b\"\ncommand = \"y\"\n",
      "two.toml", "/base");
  c.source = "two.toml";
  EXPECT_EQ(c.select({}).size(), 2u);
  const auto chosen = c.select({"b"});
  ASSERT_EQ(chosen.size(), 1u);
  EXPECT_EQ(chosen[0].name, "b");
  try {
    c.select({"nope"});
    FAIL() << "an unknown suite was accepted";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "two.toml: no suite named \"nope\" (suites: a, b)");
  }
  EXPECT_THROW(parse_config("", "none.toml", "/base").select({}), InputError);
}

}  // namespace
}  // namespace benchgate::runner
