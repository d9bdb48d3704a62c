#pragma once
// Everything `benchgate gate` needs to know, resolved once at the edge (cli/gate_settings.cpp):
// the defaults, then benchgate.toml, then the flags. Below cli/ nothing sees a flag or compares a
// policy string: each choice is a type.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "profile/function_shares.h"
#include "runner/config.h"
#include "stats/compare.h"
#include "store/store_spec.h"

namespace benchgate::gate {

// Where the gate runs, when not detected from the environment.
enum class ContextChoice { kAuto, kGithub, kGitlab, kLocal };
using runner::GateMode;  // runner/config.h: the config file names it too
// Whether head's results become its baseline: on pushes to the default branch, always, never.
enum class RecordPolicy { kAuto, kAlways, kNever };
// What a suite without any baseline does to the gate.
enum class NoBaselinePolicy { kPass, kFail };

// Head's results measured elsewhere (`--results`), one path per suite.
struct ResultsInput {
  std::filesystem::path path;
  std::string suite;
  // --suite named it. A directory of run records that name their suites (`run --config -o DIR`)
  // is then read for that suite only; otherwise it holds one suite per name it records.
  bool named = false;
};

// The interleaved mode's rounds.
struct RoundsSettings {
  std::optional<int> rounds = runner::kDefaultRounds;  // nothing: adaptive rounds
  int max_rounds = runner::kDefaultMaxRounds;
  std::optional<std::chrono::duration<double>> budget;  // the measuring of all suites
  int warmup_processes = 0;  // per round, thrown away ([gate] warmup_processes)
};

struct GateSettings {
  runner::Config config;    // benchgate.toml, or the defaults when there is none
  std::string config_name;  // how messages name the config file
  // What head is: the suites to run (--suite, else all of the config) or results measured
  // elsewhere (--results). Exactly one of them is non-empty.
  std::vector<runner::SuiteConfig> suites;
  std::vector<ResultsInput> results;

  std::filesystem::path repo = ".";
  std::optional<std::string> head;    // a revision given explicitly; else the context's
  std::optional<std::string> target;  // likewise
  ContextChoice context = ContextChoice::kAuto;
  std::optional<std::string> testbed;  // --testbed, else the config's; else each record's own

  store::StoreSpec store;
  std::string remote = "origin";
  int max_distance = 50;  // first-parent commits below the merge-base searched for a baseline
  int window = 1;         // recorded ancestors used as the baseline
  // Records made on any branch may be a baseline (--baselines-from any); by default only those
  // of the default branch and of the target branch (docs/store.md#which-records-can-be-a-baseline).
  bool baselines_from_any_branch = false;
  bool fetch = true;  // fetch the remote's baselines first
  bool push = true;   // push recorded baselines
  RecordPolicy record = RecordPolicy::kAuto;
  NoBaselinePolicy no_baseline = NoBaselinePolicy::kPass;
  std::filesystem::path report_dir = "benchgate-report";

  std::string token_env;  // empty: the forge's usual variable
  std::string ca_file;
  bool allow_insecure_http = false;  // a token may go to an http:// API URL (test servers)

  runner::GateMode mode =
      runner::GateMode::kStored;  // as asked; gate_mode() decides for the context
  std::string mode_source;        // "--mode interleaved" or the config line, for messages
  RoundsSettings rounds;
  runner::ProfileSettings profile;  // mode from --profile, else [run] profile
  // What colours the differential flame graphs and ranks their tables (--profile-colour-by).
  profile::ColourBy profile_colour_by = profile::ColourBy::kSelf;
  stats::CompareOptions compare;

  // The testbed a record of head is labelled with: the setting when given, else `recorded`.
  std::string testbed_or(const std::string& recorded) const {
    return testbed ? *testbed : recorded;
  }
};

// The sentence a suite without a baseline adds, by policy.
std::string_view no_baseline_consequence(NoBaselinePolicy policy);

}  // namespace benchgate::gate
