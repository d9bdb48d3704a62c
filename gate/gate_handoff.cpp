#include "gate/gate_handoff.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/json_input.h"
#include "core/log.h"
#include "forge/ascii.h"
#include "forge/github.h"
#include "forge/sticky_comment.h"
#include "gate/gate_forge.h"
#include "gate/gate_handoff_results.h"
#include "gate/gate_summary.h"

namespace benchgate::gate {
namespace {
namespace fs = std::filesystem;
namespace jf = json_field;

// Inside a `workflow_run` job the event payload names the head commit of the run that produced
// the files; the files themselves could say anything.
std::optional<std::string> workflow_run_head_sha(const forge::Environment& env) {
  if (forge::non_empty(env, "GITHUB_EVENT_NAME") != "workflow_run") return std::nullopt;
  auto path = forge::non_empty(env, "GITHUB_EVENT_PATH");
  if (!path) return std::nullopt;
  nlohmann::json payload = read_json_file(*path);
  return jf::string(jf::member(jf::member(payload, "workflow_run", ""), "head_sha", "workflow_run"),
                    "workflow_run.head_sha");
}

void refuse(const std::string& why) {
  throw InputError(fmt::format("refusing to publish: {}", why));
}

}  // namespace

void write_handoff(const fs::path& dir, const Handoff& h, const std::vector<SuiteVerdict>& verdicts,
                   const std::string& markdown) {
  fs::create_directories(dir);
  write_file_atomically(dir / kHandoffEventFile, handoff_event_text(h));
  write_file_atomically(dir / kHandoffResultsFile, handoff_results_text(verdicts));
  write_file_atomically(dir / kHandoffReportFile, markdown);
  log_info("PR hand-off written to {} ({}, {}, {})", dir.string(), kHandoffEventFile,
           kHandoffResultsFile, kHandoffReportFile);
}

PublishResult publish_handoff(const PublishSettings& settings, const forge::Environment& env) {
  const Handoff h = read_handoff(settings.from);
  // Rendered by us, from data: whatever report.md says is not posted. Read before any API call,
  // so a malformed file is refused without touching GitHub.
  const std::string markdown =
      summarize_gate(read_handoff_results(settings.from / kHandoffResultsFile)).markdown;

  // The repository is the trusted job's own; files naming another one are not ours to post.
  std::string repository = forge::non_empty(env, "GITHUB_REPOSITORY").value_or(h.repository);
  if (forge::ascii_lower(repository) != forge::ascii_lower(h.repository))
    refuse(fmt::format("{} is for repository {}, but this job runs in {}", kHandoffEventFile,
                       h.repository, repository));
  if (auto expected = workflow_run_head_sha(env); expected && *expected != h.head_sha)
    refuse(fmt::format("{} says head {}, but the workflow run that produced it built {}",
                       kHandoffEventFile, h.head_sha, *expected));

  ForgeAccess access = forge_access(forge::CiKind::kGithubActions, settings.token_env,
                                    settings.ca_file, settings.allow_insecure_http, env);
  if (!access.token)
    throw InputError(fmt::format("no GitHub token: ${} is not set", access.token_env));
  const std::string api =
      forge::non_empty(env, "GITHUB_API_URL").value_or("https://api.github.com");
  forge::GithubClient client(api, *access.token, repository, access.http);

  // A fork controls event.json: a PR number pointing at someone else's PR must not get our
  // comment. The head commit of the PR, per GitHub, must be the one that was measured.
  const std::string actual = client.pull_request_head_sha(h.pr_number);
  if (actual != h.head_sha)
    refuse(fmt::format(
        "{} says PR #{} has head {}, but GitHub says its head is {} (a forged PR number, or the "
        "PR has moved on since the run; the newer run will publish its own report)",
        kHandoffEventFile, h.pr_number, h.head_sha, actual));

  forge::UpsertResult done =
      client.upsert_pr_comment(h.pr_number, forge::sticky_marker(h.marker_key), markdown);
  return PublishResult{h.pr_number, done.created, done.url};
}

}  // namespace benchgate::gate
