#include "gate/gate_forge.h"

#include <fmt/format.h>

#include "core/credentials.h"
#include "core/json_input.h"
#include "core/log.h"
#include "forge/github.h"
#include "forge/gitlab.h"
#include "forge/http_error.h"
#include "forge/step_summary.h"
#include "forge/sticky_comment.h"
#include "forge/tokens.h"
#include "gate/gate_handoff.h"
#include "reporters/markdown_escape.h"

namespace benchgate::gate {
namespace {

forge::CheckConclusion conclusion_of(GateOutcome outcome) {
  switch (outcome) {
    case GateOutcome::kFail:
      return forge::CheckConclusion::kFailure;
    case GateOutcome::kNeutral:
      return forge::CheckConclusion::kNeutral;
    case GateOutcome::kPass:
      break;
  }
  return forge::CheckConclusion::kSuccess;
}

// Whether an API refusal means "this token may not do that" rather than a broken request.
bool lacks_rights(const forge::HttpError& e) {
  return e.status() == 401 || e.status() == 403 || e.status() == 404;
}

void post_pr_comment(forge::GithubClient& client, const GateContext& context,
                     const GateReport& report, const ForgeAccess& access,
                     const std::filesystem::path& report_dir) {
  try {
    forge::UpsertResult done = client.upsert_pr_comment(
        context.review_number, forge::sticky_marker(report.marker_key), report.markdown);
    log_info("{} the report comment on PR #{}{}", done.created ? "created" : "updated",
             context.review_number, done.url.empty() ? "" : " (" + done.url + ")");
  } catch (const forge::HttpError& e) {
    forge_warning(
        access, fmt::format("the report comment was not posted: {}{}", e.what(),
                            lacks_rights(e) ? fmt::format("; the token looks read-only — post "
                                                          "{} with `benchgate gate publish --from "
                                                          "{}` from a trusted job",
                                                          kHandoffReportFile, report_dir.string())
                                            : ""));
  }
}

void create_check_run(forge::GithubClient& client, const GateContext& context,
                      const GateReport& report, const ForgeAccess& access) {
  forge::CheckRun run;
  run.head_sha = context.head;
  run.name = "benchgate";
  run.conclusion = conclusion_of(report.outcome);
  run.title = report.title;
  run.summary = report.markdown;
  try {
    forge::CheckRunResult result = client.create_check_run(run);
    if (!result.warning.empty())
      forge_warning(access, result.warning);
    else
      log_info("check run created{}", result.url.empty() ? "" : " (" + result.url + ")");
  } catch (const forge::HttpError& e) {
    forge_warning(access, fmt::format("the check run was not created: {}", e.what()));
  }
}

std::string svg_kind(const ProfileFinding& finding) {
  return finding.differential() ? "Differential flame graph" : "Flame graph of head";
}

SvgLink github_artifact_link(const forge::GithubContext& gh, const forge::Environment& env) {
  if (gh.run_id.empty()) return {};
  const std::string artifact = env("BENCHGATE_ARTIFACT_NAME").value_or("benchgate-report");
  const std::string run_page =
      fmt::format("{}/{}/actions/runs/{}", gh.server_url, gh.repository, gh.run_id);
  return [run_page, artifact](const ProfileFinding& attachment) {
    return fmt::format(
        "{}: {} in the workflow artifact [{}]({}) (download it, open the SVG in a "
        "browser: click to zoom, Ctrl-F to search)",
        svg_kind(attachment), report::markdown_code(attachment.svg_file),
        report::escape_markdown(artifact), run_page);
  };
}

SvgLink gitlab_upload_link(forge::GitlabClient& client, const ForgeAccess& access,
                           const std::filesystem::path& report_dir) {
  return [&client, &access, report_dir](const ProfileFinding& attachment) -> std::string {
    const std::filesystem::path file = report_dir / attachment.svg_file;
    try {
      const forge::UploadedFile uploaded =
          client.upload_file(file.filename().string(), "image/svg+xml", read_text_file(file));
      // The image is static in the note; the link opens the interactive SVG.
      return fmt::format("{}\n\n{} ([open interactive]({}))", uploaded.markdown,
                         svg_kind(attachment), uploaded.url);
    } catch (const std::exception& e) {
      forge_warning(access, fmt::format("{} was not uploaded: {}", file.string(), e.what()));
      return {};
    }
  };
}

}  // namespace

Attachments with_svg_links(Attachments attachments, const SvgLink& svg_link) {
  if (!svg_link) return attachments;
  for (auto& [suite, attached] : attachments)
    for (auto& finding : attached.profiles)
      if (!finding.svg_file.empty()) finding.svg_markdown = svg_link(finding);
  return attachments;
}

void forge_warning(const ForgeAccess& access, std::string_view text) {
  log_warning("{}", access.redactor.redact(text));
}

void publish_to_github(const GateContext& context, const std::vector<SuiteVerdict>& verdicts,
                       const ReportWithLinks& report_for, const ForgeAccess& access,
                       const std::filesystem::path& report_dir, const forge::Environment& env) {
  const forge::GithubContext& gh = *context.github;
  const GateReport report = report_for(github_artifact_link(gh, env));
  // The job summary needs no token: it is there even when the API is out of reach.
  if (gh.step_summary) {
    forge::StepSummaryResult written =
        forge::write_step_summary(*gh.step_summary, report.markdown, access.redactor);
    if (!written.warning.empty()) forge_warning(access, written.warning);
  }
  if (context.review && !report_dir.empty())
    write_handoff(report_dir,
                  {context.review_number, context.head, gh.repository, report.marker_key,
                   std::string(to_string(report.outcome))},
                  verdicts, access.redactor.redact(report.markdown));
  if (context.fork) {
    log_info(
        "pull request from a fork: its token is read-only, so the report is left in {} for a "
        "trusted workflow_run job (`benchgate gate publish --from DIR`)",
        report_dir.string());
    return;
  }
  if (!access.token) {
    forge_warning(access, fmt::format("${} is not set: no PR comment or check run (the job "
                                      "summary and {} have the report)",
                                      access.token_env, report_dir.string()));
    return;
  }
  forge::GithubClient client(gh.api_url, *access.token, gh.repository, access.http);
  if (context.review) post_pr_comment(client, context, report, access, report_dir);
  create_check_run(client, context, report, access);
}

void publish_to_gitlab(const GateContext& context, const ReportWithLinks& report_for,
                       const ForgeAccess& access, const forge::Environment& env,
                       const std::filesystem::path& report_dir) {
  if (!context.review) return;  // notes live on merge requests only
  if (!access.token) {
    forge_warning(access, forge::explain_missing_gitlab_token(env, access.token_env));
    return;
  }
  const forge::GitlabContext& gl = *context.gitlab;
  // A fork's merge request lives in the target project (CI_MERGE_REQUEST_PROJECT_ID).
  const std::string project =
      gl.merge_request->project_id.empty() ? gl.project_id : gl.merge_request->project_id;
  try {
    forge::GitlabClient client(gl.api_url, *access.token, project, access.http);
    const GateReport report = report_for(gitlab_upload_link(client, access, report_dir));
    forge::UpsertResult done = client.upsert_mr_note(
        context.review_number, forge::sticky_marker(report.marker_key), report.markdown);
    log_info("{} the report note on !{}{}", done.created ? "created" : "updated",
             context.review_number, done.url.empty() ? "" : " (" + done.url + ")");
  } catch (const forge::HttpError& e) {
    forge_warning(access, fmt::format("the merge request note was not posted: {}", e.what()));
  }
}

}  // namespace benchgate::gate
