#pragma once
// The command line of `benchgate gate` (docs/gate.md). The flags are a contract: the pre-push hook
// and the CI templates run `benchgate gate` as a child process with them.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/compare_options.h"
#include "profile/function_shares.h"

namespace benchgate::cli {

struct GateFlags {
  std::string config = "benchgate.toml";
  CLI::Option* config_option = nullptr;  // given explicitly: the file must then exist
  std::vector<std::string> suites;
  std::vector<std::string> results;
  std::string repo = ".";
  std::string head;    // empty: what the context says
  std::string target;  // empty: what the context says
  std::string context = "auto";
  std::string testbed;  // empty: config, then the record's, then this machine's fingerprint
  std::string store = "git";
  std::string remote = "origin";
  int max_distance = 50;
  int window = 1;
  bool no_fetch = false;
  bool no_push = false;
  std::string record = "auto";
  std::string baselines_from = "target-branch";
  std::string no_baseline = "pass";
  std::string report_dir = "benchgate-report";
  std::string token_env;  // empty: GITHUB_TOKEN / BENCHGATE_GITLAB_TOKEN
  std::string ca_file;
  bool allow_insecure_http = false;
  // Interleaved mode (docs/interleaved.md); empty / unset: the config's [gate] values.
  std::string mode;
  std::string rounds;
  std::optional<int> max_rounds;
  std::string budget;   // a duration ("20m"); empty: [gate] budget
  std::string profile;  // none | changed | all; empty: the config's [run] profile
  profile::ColourBy profile_colour_by = profile::ColourBy::kSelf;
  CompareFlags compare;  // flags given explicitly override the config's [gate] table

  bool config_given() const { return config_option && config_option->count() > 0; }
};

struct PublishFlags {
  std::string from;
  std::string token_env;
  std::string ca_file;
  bool allow_insecure_http = false;
};

void add_gate_flags(CLI::App& gate, GateFlags& flags);
void add_publish_flags(CLI::App& publish, PublishFlags& flags);

}  // namespace benchgate::cli
