#include "gate/gate_run.h"

#include <memory>
#include <optional>

#include "core/log.h"
#include "core/text.h"
#include "forge/http_client.h"
#include "gate/calibrate.h"
#include "gate/gate_baselines.h"
#include "gate/gate_context.h"
#include "gate/gate_forge.h"
#include "gate/gate_interleaved.h"
#include "gate/gate_profiles.h"
#include "gate/gate_suites.h"
#include "store/store_factory.h"

namespace benchgate::gate {

GateResult run_gate(const GateSettings& settings, const forge::Environment& env,
                    const SuiteReportSink& report) {
  const GateContext context = resolve_gate_context(settings, env);
  // Before any suite runs: the token leaves our environment here.
  const ForgeAccess access = forge_access(context.kind, settings.token_env, settings.ca_file,
                                          settings.allow_insecure_http, env);
  // A token bound for an http:// API URL stops the gate before any suite runs, not after.
  if (access.token && context.github)
    forge::require_secure_transport(context.github->api_url, "GITHUB_API_URL", access.http);
  if (access.token && context.gitlab)
    forge::require_secure_transport(context.gitlab->api_url, "CI_API_V4_URL", access.http);
  log_info("gating {} ({}) against {}", short_commit(context.head), context.describe(),
           context.describe_target());

  std::vector<SuiteHead> heads;
  std::vector<SuiteVerdict> verdicts;
  std::unique_ptr<store::Store> store;
  std::optional<InterleavedGate> interleaved;
  // Profiles explain the changes before the reports are written (docs/profiles.md#in-the-gate):
  // interleaved mode profiles both builds while they exist, stored mode diffs with the stored
  // base profile.
  GateProfiles profiles(settings, context);
  if (choose_gate_mode(settings, context) == runner::GateMode::kInterleaved) {
    store = store::open_store(settings.store, settings.repo);
    InterleavedHooks hooks;
    hooks.after_suite = [&profiles](const InterleavedSuite& suite) {
      profiles.explain_interleaved(suite.base_side(), suite.head_side(), suite.verdict,
                                   suite.base_commit);
    };
    fetch_calibrations(settings);
    interleaved = run_interleaved_gate(settings, context, hooks);
    // Each suite's job already spent only its share of alpha (gate_interleaved.cpp).
    verdicts = interleaved->verdicts;
  } else {
    heads = gather_head_results(settings, context.head);
    fetch_baselines(settings);
    fetch_calibrations(settings);
    store = store::open_store(settings.store, settings.repo);
    verdicts = judge_suites(heads, context, settings, *store);
    adjust_across_suites(verdicts);
    profiles.explain_changes(verdicts);
  }
  for (const auto& v : verdicts) report(v, verdicts, suite_report(v, profiles.attachments()));
  const GateReport summary = summarize_gate(verdicts, profiles.attachments());

  GateResult result;
  if (interleaved)
    record_interleaved(settings, *store, context, *interleaved);
  else if (context.record)
    result.recorded = record_baselines(settings, *store, context, heads);
  if (!interleaved) profiles.record(heads);  // profile = "all" on runs that record
  // Each forge shows the flame graphs its own way (an artifact link, uploaded images).
  const ReportWithLinks report_for = [&](const SvgLink& svg_link) {
    return summarize_gate(verdicts, with_svg_links(profiles.attachments(), svg_link));
  };
  if (context.kind == forge::CiKind::kGithubActions)
    publish_to_github(context, verdicts, report_for, access, settings.report_dir, env);
  else if (context.kind == forge::CiKind::kGitlabCi)
    publish_to_gitlab(context, report_for, access, env, settings.report_dir);

  result.outcome = summary.outcome;
  result.title = summary.title;
  result.verdicts = std::move(verdicts);
  return result;
}

}  // namespace benchgate::gate
