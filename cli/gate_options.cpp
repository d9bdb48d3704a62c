#include "cli/gate_options.h"

#include "cli/colour_by_option.h"
#include "cli/default_testbed.h"

namespace benchgate::cli {

void add_gate_flags(CLI::App& gate, GateFlags& f) {
  f.config_option =
      gate.add_option("-c,--config", f.config, "Config file: suites to run and [gate] settings")
          ->capture_default_str();
  gate.add_option("--suite", f.suites,
                  "Gate only this suite of the config (repeatable); with --results, the suite "
                  "name of each --results path, in order");
  gate.add_option("--results", f.results,
                  "Head results produced elsewhere (file, or directory of one suite's process "
                  "files) instead of running the suites (repeatable: one per suite)");
  gate.add_option("--repo", f.repo, "The git repository")->capture_default_str();
  gate.add_option("--head", f.head, "Commit being gated (default: from the CI context, or HEAD)");
  gate.add_option("--target", f.target,
                  "Branch or commit the change merges into (default: from the CI context, or the "
                  "upstream / the remote's default branch)");
  gate.add_option("--context", f.context, "Where we run: auto, github, gitlab or local")
      ->check(CLI::IsMember({"auto", "github", "gitlab", "local"}))
      ->capture_default_str();
  gate.add_option("--testbed", f.testbed,
                  std::string("Testbed name (default: the config's testbed, else ") +
                      kThisMachineTestbed + ")");
  gate.add_option("--store", f.store, "Baseline store: git, git:REF or dir:PATH")
      ->capture_default_str();
  gate.add_option("--remote", f.remote, "Remote to fetch and push baselines")
      ->capture_default_str();
  gate.add_option("--max-distance", f.max_distance,
                  "How many first-parent commits below the merge-base to look for a baseline")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  gate.add_option("--window", f.window,
                  "Recorded ancestors whose jobs form the baseline: each stored job is one unit, "
                  "head's job "
                  "is judged against the mean of their levels")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  gate.add_flag("--no-fetch", f.no_fetch, "Do not fetch baselines from the remote first");
  gate.add_flag("--no-push", f.no_push, "Record baselines locally only, never push them");
  gate.add_option("--record", f.record,
                  "Save head's results as its baseline: auto (pushes to the default branch), "
                  "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  gate.add_option("--baselines-from", f.baselines_from,
                  "Which stored records may be a baseline: target-branch (made on the default "
                  "branch or the branch the change targets, with that branch's own build) or any")
      ->check(CLI::IsMember({"target-branch", "any"}))
      ->capture_default_str();
  gate.add_option("--no-baseline", f.no_baseline,
                  "Outcome when no baseline is found: pass (a neutral report) or fail")
      ->check(CLI::IsMember({"pass", "fail"}))
      ->capture_default_str();
  gate.add_option("--report-dir", f.report_dir,
                  "Directory for every report format (and the fork hand-off files)")
      ->capture_default_str();
  gate.add_option("--token-env", f.token_env,
                  "Environment variable holding the forge token (default GITHUB_TOKEN, "
                  "BENCHGATE_GITLAB_TOKEN)");
  gate.add_option("--ca-file", f.ca_file,
                  "PEM bundle to verify the forge's TLS certificate with, instead of the system's");
  gate.add_flag("--allow-insecure-http", f.allow_insecure_http,
                "Send the token to an http:// API URL (a local test server); refused otherwise");
  gate.add_option("--mode", f.mode,
                  "stored: compare with the baseline stored for the merge-base (default); "
                  "interleaved: build the merge-base in a temporary worktree and measure base and "
                  "head in alternating processes in this job (needs [build] command; pushes to "
                  "the default branch always use stored). Default: [gate] mode")
      ->check(CLI::IsMember({"stored", "interleaved"}));
  gate.add_option("--rounds", f.rounds,
                  "Interleaved: rounds (one base + one head process each) per suite, or 'auto' "
                  "(default: [gate] rounds, 8)");
  gate.add_option("--max-rounds", f.max_rounds,
                  "Interleaved, --rounds auto: the most rounds (default: [gate] max_rounds, 20)")
      ->check(CLI::Range(4, 100000));
  gate.add_option("--budget", f.budget,
                  "Interleaved: time the measuring of all suites may take, builds not included "
                  "(e.g. 20m); no round starts that would end after it. Default: [gate] budget "
                  "(seconds), no limit");
  gate.add_option("--profile", f.profile,
                  "Profile with perf (docs/profiles.md): changed = the head of regressed and "
                  "improved benchmarks, diffed with the stored base profile; all = also every "
                  "benchmark on runs that record baselines; none. Default: [run] profile")
      ->check(CLI::IsMember({"none", "changed", "all"}));
  add_colour_by_option(gate, "--profile-colour-by", f.profile_colour_by);
  add_compare_flags(gate, f.compare);
}

void add_publish_flags(CLI::App& publish, PublishFlags& f) {
  publish.add_option("--from", f.from, "Directory written by a fork PR's gate run")->required();
  publish.add_option("--token-env", f.token_env,
                     "Environment variable holding the GitHub token (default GITHUB_TOKEN)");
  publish.add_option("--ca-file", f.ca_file,
                     "PEM bundle to verify GitHub's TLS certificate with, instead of the system's");
  publish.add_flag("--allow-insecure-http", f.allow_insecure_http,
                   "Send the token to an http:// API URL (a local test server); refused otherwise");
}

}  // namespace benchgate::cli
