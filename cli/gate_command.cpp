// `benchgate gate`: the one command a CI step or a hook runs (docs/gate.md). Detect the context,
// measure (or read) head's results, find the baseline, compare, report everywhere that applies,
// record the baseline on the default branch, exit 0 pass / 1 regression / 2 input / 3 environment.
// `benchgate gate publish --from DIR`: post a fork PR's report from a trusted job.
#include <cstdio>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/gate_baselines.h"
#include "cli/gate_context.h"
#include "cli/gate_forge.h"
#include "cli/gate_handoff.h"
#include "cli/gate_interleaved.h"
#include "cli/gate_judge.h"
#include "cli/gate_options.h"
#include "cli/gate_profiles.h"
#include "cli/gate_suites.h"
#include "cli/gate_summary.h"
#include "cli/report_output.h"
#include "core/errors.h"
#include "store/store_factory.h"

namespace benchgate::cli {
namespace {

void print_reports(const std::vector<SuiteVerdict>& verdicts, const GateFlags& flags,
                   const SuiteAppendix& appendix) {
  ReportFlags report;
  report.report_dir = flags.report_dir;
  for (const auto& v : verdicts) {
    if (verdicts.size() > 1) fmt::print("== suite {} ==\n", v.suite);
    fmt::print(stderr, "benchgate: suite {}: {}\n", v.suite, v.baseline_line);
    const auto extra = appendix.find(v.suite);
    emit_reports(v.comparison, report, report_basename(verdicts, v),
                 extra == appendix.end() ? std::string() : extra->second);
  }
}

int run_gate(const GateFlags& flags) {
  const forge::Environment env = forge::process_environment();
  const Config config = load_gate_config(flags);
  const CompareOptions options = to_compare_options(flags.compare, &config.gate);
  const GateContext context = resolve_gate_context(flags, env);
  // Before any suite runs: the token leaves our environment here.
  const ForgeAccess access = forge_access(context.kind, flags.token_env, flags.ca_file, env);
  fmt::print(stderr, "benchgate: gating {} ({}) against {}{}\n", context.head.substr(0, 12),
             context.describe(), context.target_label,
             context.target.empty() ? "" : " " + context.target.substr(0, 12));

  std::vector<SuiteHead> heads;
  std::vector<SuiteVerdict> verdicts;
  std::unique_ptr<store::Store> store;
  std::optional<InterleavedGate> interleaved;
  // Profiles explain the changes before the reports are written (docs/profiles.md#in-the-gate):
  // interleaved mode profiles both builds while they exist, stored mode diffs with the stored
  // base profile.
  GateProfiles profiles(flags, config, context);
  if (choose_gate_mode(flags, config, context) == GateMode::interleaved) {
    store = store::open_store(flags.store, flags.repo);  // a bad --store fails before the builds
    InterleavedHooks hooks;
    hooks.after_suite = [&profiles](const InterleavedSuite& suite) {
      profiles.explain_interleaved(suite.base_side(), suite.head_side(), suite.verdict,
                                   suite.base_commit);
    };
    interleaved = run_interleaved_gate(flags, config, context, options, hooks);
    verdicts = interleaved->verdicts;
  } else {
    heads = gather_head_results(flags, config, context.head);
    fetch_baselines(flags);
    store = store::open_store(flags.store, flags.repo);
    verdicts = judge_suites(heads, context, flags, *store, options);
    profiles.explain_changes(verdicts);
  }
  print_reports(verdicts, flags, profiles.appendix());
  const GateReport report = summarize_gate(verdicts, profiles.appendix());

  bool recorded = true;
  if (interleaved)
    record_interleaved(flags, *store, context, *interleaved);
  else if (context.record)
    recorded = record_baselines(flags, *store, context.head, heads);
  if (!interleaved) profiles.record(heads);  // profile = "all" on runs that record
  // Each forge shows the flame graphs its own way (an artifact link, uploaded images).
  const ReportWithLinks report_for = [&](const SvgLink& svg_link) {
    return summarize_gate(verdicts, profiles.appendix(svg_link));
  };
  if (context.kind == forge::CiKind::github_actions)
    publish_to_github(context, report_for, access, flags.report_dir, env);
  else if (context.kind == forge::CiKind::gitlab_ci)
    publish_to_gitlab(context, report_for, access, env, flags.report_dir);

  fmt::print(stderr, "{}\n", report.title);
  if (report.outcome == GateOutcome::fail) return kExitRegression;
  // A default-branch run whose baseline did not reach the remote must not look green: the next
  // pull requests would silently have no baseline.
  return recorded ? kExitPass : kExitInternalError;
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
      "and measures base and head in alternating processes in this job.\n"
      "Exit codes: 0 pass (or no baseline), 1 regression, 2 usage or input error, 3 internal or\n"
      "environment error.");
  add_gate_flags(*gate, *flags);

  auto publish_flags = std::make_shared<PublishFlags>();
  CLI::App* publish = gate->add_subcommand(
      "publish",
      "Post the report a fork pull request's gate run left in DIR (trusted workflow_run job).\n"
      "Refuses files whose PR head commit does not match GitHub's.");
  add_publish_flags(*publish, *publish_flags);
  publish->callback([&action, publish_flags] {
    action = [publish_flags] {
      return run_gate_publish(*publish_flags, forge::process_environment());
    };
  });
  // CLI11 runs a parent's callback after its subcommand's: `gate publish` must stay publish.
  gate->callback([&action, flags, publish] {
    if (!publish->parsed()) action = [flags] { return run_gate(*flags); };
  });
}

}  // namespace benchgate::cli
