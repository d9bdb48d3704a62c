// `benchgate gate`: the one command a CI step or a hook runs (docs/gate.md). Detect the context,
// measure (or read) head's results, find the baseline, compare, report everywhere that applies,
// record the baseline on the default branch, exit 0 pass / 1 regression / 2 input / 3 environment.
// `benchgate gate publish --from DIR`: post a fork PR's report from a trusted job.
#include <cstdio>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/gate_options.h"
#include "cli/gate_settings.h"
#include "cli/help_sections.h"
#include "cli/report_output.h"
#include "core/errors.h"
#include "core/log.h"
#include "gate/gate_handoff.h"
#include "gate/gate_run.h"

namespace benchgate::cli {
namespace {

int run_gate(const GateFlags& flags) {
  const gate::GateSettings settings = resolve_gate_settings(flags);
  ReportFlags report;
  report.report_dir = settings.report_dir.string();
  std::set<std::string> written;
  const auto print_report = [&](const gate::SuiteVerdict& v,
                                const std::vector<gate::SuiteVerdict>& all, const Report& suite) {
    if (all.size() > 1) fmt::print("== suite {} ==\n", v.suite);
    log_info("suite {}: {}", v.suite, v.baseline_line);
    const std::string basename = gate::report_basename(all, v);
    written.insert(basename);
    emit_reports(suite, report, basename);
  };
  const gate::GateResult result =
      gate::run_gate(settings, forge::process_environment(), print_report);
  // A reused report directory (the docs recommend one fixed, ignored folder) holds this run's
  // reports only: one suite's comparison.md next to two suites' comparison-a.md would mislead.
  if (!settings.report_dir.empty() && !written.empty())
    remove_stale_reports(settings.report_dir, written);
  log_message(LogLevel::kText, result.title + "\n");
  if (result.outcome == gate::GateOutcome::kFail) return kExitRegression;
  return result.recorded ? kExitPass : kExitInternalError;
}

int run_gate_publish(const PublishFlags& flags) {
  const gate::PublishResult done =
      gate::publish_handoff(resolve_publish_settings(flags), forge::process_environment());
  fmt::print("benchgate: {} the report comment on PR #{}{}\n", done.created ? "created" : "updated",
             done.pr_number, done.url.empty() ? "" : " (" + done.url + ")");
  return kExitPass;
}

}  // namespace

void register_gate_command(CLI::App& app, Action& action) {
  auto flags = std::make_shared<GateFlags>();
  CLI::App* gate = app.add_subcommand(
      "gate",
      "Gate a change on benchmark regressions: run the suites (or read --results), find the\n"
      "baseline stored for the merge-base, compare, report (console, report directory, PR/MR\n"
      "comment, check run, job summary) and record baselines on the default branch.\n"
      "--mode interleaved instead builds the merge-base in a temporary worktree ([build] command)\n"
      "and measures base and head in alternating processes in this job.");
  set_help_sections(
      *gate,
      {{"benchgate gate",
        "benchgate.toml's suites on HEAD against the baseline of its merge-base with the target"},
       {"benchgate gate --mode interleaved --rounds auto --budget 20m",
        "base built in a temporary worktree and measured alongside head, for 20 minutes at most"},
       {"benchgate gate --results head.json --target main --no-push",
        "results measured elsewhere, against main's baseline; record nothing remotely"}},
      "0 pass (or no baseline), 1 regression, 2 usage or input error, 3 internal or\n"
      "environment error.");
  add_gate_flags(*gate, *flags);

  auto publish_flags = std::make_shared<PublishFlags>();
  CLI::App* publish = gate->add_subcommand(
      "publish",
      "Post the report a fork pull request's gate run left in DIR (trusted workflow_run job).\n"
      "Refuses files whose PR head commit does not match GitHub's.");
  set_help_sections(*publish, {{"benchgate gate publish --from benchgate-report",
                                "in the trusted workflow_run job: post the comment the fork's "
                                "gate run left in its report directory"}});
  add_publish_flags(*publish, *publish_flags);
  publish->callback([&action, publish_flags] {
    action = [publish_flags] { return run_gate_publish(*publish_flags); };
  });
  // CLI11 runs a parent's callback after its subcommand's: `gate publish` must stay publish.
  gate->callback([&action, flags, publish] {
    if (!publish->parsed()) action = [flags] { return run_gate(*flags); };
  });
}

}  // namespace benchgate::cli
