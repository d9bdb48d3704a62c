#pragma once
// The fork pull-request hand-off (docs/gate.md#fork-pull-requests-the-two-workflow-pattern). A PR
// from a fork runs with a read-only token, so its gate run writes the report to files; a trusted
// `workflow_run` job in the base repository downloads them and posts them with `benchgate gate
// publish --from DIR`.
//
// The files come from an untrusted run, so publish believes nothing it can check: the PR's head
// commit must match what GitHub says (a forged PR number is refused) and, inside a workflow_run
// job, the head commit of the run that produced the files. The comment is rendered here from the
// results JSON with our own reporter and escaping; the fork's Markdown is never posted.
#include <filesystem>
#include <string>

#include "forge/environment.h"
#include "gate/gate_judge.h"
#include "gate/handoff_event.h"

namespace benchgate::gate {

// Writes event.json, results.json (gate_handoff_results.h) and report.md (for people reading the
// artifact; publish never reads it) into `dir` (created if needed).
void write_handoff(const std::filesystem::path& dir, const Handoff& handoff,
                   const std::vector<SuiteVerdict>& verdicts, const std::string& markdown);

// `benchgate gate publish --from DIR`: what to post, with which token.
struct PublishSettings {
  std::filesystem::path from;
  std::string token_env;  // empty: GITHUB_TOKEN
  std::string ca_file;
  bool allow_insecure_http = false;  // a token may go to an http:// API URL (test servers)
};

struct PublishResult {
  long long pr_number = 0;
  bool created = false;  // a new comment, not an update of our earlier one
  std::string url;
};

// Checks the hand-off files against the job and GitHub and posts the comment. InputError for
// files that are not to be believed or a missing token; forge errors propagate.
PublishResult publish_handoff(const PublishSettings& settings, const forge::Environment& env);

}  // namespace benchgate::gate
