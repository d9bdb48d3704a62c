// `benchgate history`: the recorded jobs along the first-parent history of a branch, with their
// change points (docs/history.md#benchgate-history). Flags are resolved once into a typed
// HistoryQuery; history/ collects, reporters/ format, this file writes and chooses the exit code.
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/help_sections.h"
#include "cli/history_alert.h"
#include "core/atomic_file.h"
#include "core/benchmark_filter.h"
#include "core/errors.h"
#include "forge/commit_links.h"
#include "history/collect.h"
#include "history/since_date.h"
#include "history/site_flamegraphs.h"
#include "reporters/history_formats.h"
#include "reporters/history_site.h"
#include "store/profile_store.h"
#include "store/store_factory.h"

namespace benchgate::cli {
namespace {

struct HistoryFlags {
  std::string repo;
  std::string store = "git";
  std::string branch;
  std::string remote = "origin";
  std::string benchmark;
  std::string since;
  std::size_t last = 0;  // 0: every job
  std::string testbed;
  std::string metric = kRealTime;
  std::string baselines_from = "target-branch";
  stats::ChangePointSettings detection;
  std::string format = "console";
  std::string output;
  std::optional<std::string> commit_url;  // --commit-url; default from the CI environment
  AlertFlags alert;
};

history::HistoryQuery resolve(const HistoryFlags& f) {
  history::HistoryQuery q;
  q.repo = f.repo.empty() ? "." : f.repo;
  q.branch = f.branch;
  q.remote = f.remote;
  if (!f.benchmark.empty()) q.benchmark = benchmark_filter(f.benchmark);
  if (!f.since.empty()) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    q.since = history::parse_since(f.since,
                                   std::chrono::duration_cast<std::chrono::seconds>(now).count());
  }
  if (f.last > 0) q.last = f.last;
  if (!f.testbed.empty()) q.testbed = f.testbed;
  q.metric = f.metric == "all" ? "" : f.metric;
  q.any_origin = f.baselines_from == "any";
  q.detection = f.detection;
  return q;
}

// Writes the history in the format asked for; the exit code.
int write_history(const HistoryFlags& flags, History& history, const store::ProfileStore* profiles);

int run_history(const HistoryFlags& flags) {
  if (flags.format == "html" && flags.output.empty())
    throw InputError("--format html writes a site into a directory: give -o DIR");
  const history::HistoryQuery query = resolve(flags);
  const std::unique_ptr<store::Store> store = store::open_store(flags.store, query.repo);
  const std::unique_ptr<store::ProfileStore> profiles =
      store::open_profile_store(flags.store, query.repo);
  History history = history::collect_history(query, *store, profiles.get());
  history.commit_url_prefix =
      flags.commit_url ? *flags.commit_url : forge::commit_url_prefix(forge::process_environment());
  // Notes go to stderr too, so a shallow clone or skipped records are seen whatever the format.
  for (const std::string& note : history.notes) fmt::print(stderr, "benchgate: note: {}\n", note);
  // The output first: a forge that fails must not cost the history its report.
  const int written = write_history(flags, history, profiles.get());
  const int alerted = run_history_alerts(history, flags.alert, query.repo);
  return alerted != kExitPass ? alerted : written;
}

int write_history(const HistoryFlags& flags, History& history,
                  const store::ProfileStore* profiles) {
  if (flags.format == "html") {
    const std::size_t flamegraphs =
        profiles ? history::write_site_flamegraphs(history, *profiles, flags.output) : 0;
    report::write_history_site(history, flags.output);
    fmt::print(stderr, "benchgate: history site written to {} ({} differential flame graph(s))\n",
               flags.output, flamegraphs);
    return kExitPass;
  }
  const std::string text = flags.format == "json"  ? report::format_history_json(history)
                           : flags.format == "csv" ? report::format_history_csv(history)
                                                   : report::format_history_console(history);
  if (flags.output.empty()) {
    fmt::print("{}", text);
  } else {
    write_file_atomically(flags.output, text);
    fmt::print(stderr, "benchgate: history written to {}\n", flags.output);
  }
  return kExitPass;
}

}  // namespace

void register_history_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<HistoryFlags>();
  auto* cmd = app.add_subcommand(
      "history",
      "The recorded jobs of every benchmark along the first-parent history of a branch, with "
      "their change points");
  set_help_sections(
      *cmd,
      {{"benchgate history", "default branch, real_time, every testbed"},
       {"benchgate history --benchmark '^BM_String' --since \"30 days ago\"",
        "the String benchmarks of the last 30 days"},
       {"benchgate history --branch release-2 --testbed ci-x86 --last 50",
        "another branch, one testbed, its last 50 recorded jobs"},
       {"benchgate history --format csv -o history.csv", "one row per recorded job"},
       {"benchgate history --format json -o history.json", "the whole history (docs/history.md)"},
       {"benchgate history --format html -o site/", "the static dashboard"},
       {"benchgate history --store dir:results --metric all", "every metric of a directory store"},
       {"benchgate history --alert --last 200",
        "on the default branch: open or update an issue for each recent change point"}});
  cmd->add_option("--repo", flags->repo,
                  "Git repository (default: the one containing the current directory)");
  cmd->add_option("--store", flags->store,
                  "Where the records live: git (notes refs/notes/benchgate, default), git:REF, "
                  "or dir:PATH")
      ->capture_default_str();
  cmd->add_option("--branch", flags->branch,
                  "Branch whose first-parent history is shown (default: the repository's default "
                  "branch, else the current branch)");
  cmd->add_option("--remote", flags->remote, "Remote whose default branch is the default")
      ->capture_default_str();
  cmd->add_option("--benchmark", flags->benchmark,
                  "Only benchmarks whose name matches this regular expression (POSIX extended, "
                  "searched anywhere in the name)");
  cmd->add_option("--since", flags->since,
                  "Only commits from this date on: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or \"N days "
                  "ago\"");
  cmd->add_option("--last", flags->last, "Only the last N recorded jobs of each series")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--testbed", flags->testbed,
                  "Only records of this testbed (default: every testbed, each its own series)");
  cmd->add_option("--metric", flags->metric,
                  "Metric shown: real_time, cpu_time, a counter's name, or all")
      ->capture_default_str();
  cmd->add_option("--baselines-from", flags->baselines_from,
                  "Which records count: target-branch (made on this branch or the default branch, "
                  "or saved by hand) or any, as in `benchgate gate`")
      ->check(CLI::IsMember({"target-branch", "any"}))
      ->capture_default_str();
  cmd->add_option(
         "--window", flags->detection.window,
         "Change points: points either side of a candidate that the test looks at (0: all)")
      ->capture_default_str();
  cmd->add_option("--min-segment", flags->detection.min_segment,
                  "Change points: fewest points between two change points")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--min-magnitude", flags->detection.min_magnitude,
                  "Change points: smallest relative change reported (0.02 is 2%)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--max-p-value", flags->detection.max_p_value,
                  "Change points: largest p-value accepted")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"console", "json", "csv", "html"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output,
                  "Write to this file (json, csv; default: stdout) or directory (html)");
  cmd->add_option("--commit-url", flags->commit_url,
                  "Prefix of a commit's web page in the dashboard, e.g. "
                  "https://github.com/OWNER/REPO/commit/ (default: from GitHub Actions' or GitLab "
                  "CI's variables; none elsewhere)");
  add_alert_options(*cmd, flags->alert);
  cmd->callback([&action, flags] { action = [flags] { return run_history(*flags); }; });
}

}  // namespace benchgate::cli
