#pragma once
// What the gate is gating, decided once from the CI context and the flags: which commit is head,
// what it merges into, whether this is a pull/merge request, and whether its results become a
// baseline (docs/gate.md#what-it-does-step-by-step).
#include <optional>
#include <string>

#include "forge/environment.h"
#include "forge/event.h"
#include "gate/gate_settings.h"

namespace benchgate::gate {

struct GateContext {
  forge::CiKind kind = forge::CiKind::kLocal;
  std::string head;  // full commit id
  // Full commit id of what head merges into; empty when there is nothing to compare with (the
  // first commit of a repository), which is a "no baseline" case, not an error.
  std::string target;
  std::string target_label;  // how the target was chosen, for humans ("origin/main", "PR base")
  bool review = false;       // a pull request (GitHub) or merge request (GitLab)
  long long review_number = 0;
  bool fork = false;  // the review comes from another repository: its token is read-only
  bool default_branch_push = false;
  bool record = false;  // save head's results as its baseline (and push them)
  // Where head's records come from, for their provenance: the branch that was run ("" when
  // unknown or detached) and whether that is the repository's default branch.
  std::string branch;
  bool on_default_branch = false;
  // The target's branch name when the target is a branch ("main"; "" for a bare commit): its own
  // records may serve as baselines besides the default branch's.
  std::string target_branch;
  std::optional<forge::GithubContext> github;
  std::optional<forge::GitlabContext> gitlab;

  // "GitHub pull request #7", "GitLab push", "local", for the log.
  std::string describe() const;
  // The target for the log, with its commit once: "origin/main 1a2b3c4d5e6f", "1a2b3c4d5e6f".
  std::string describe_target() const;
};

GateContext resolve_gate_context(const GateSettings& settings, const forge::Environment& env);

}  // namespace benchgate::gate
