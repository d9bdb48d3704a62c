#include "gate/gate_context.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/text.h"
#include "git/remotes.h"
#include "git/revision.h"

namespace benchgate::gate {
namespace {

// What the context says, before the flags override it and before resolving to commit ids.
struct Revisions {
  std::string head = "HEAD";
  std::optional<std::string> target;  // nothing: compare with head's first parent
  std::string target_label;
  std::string target_branch;  // the target's branch name, when it is a branch
  std::string branch;         // the branch that was run, when known
  bool on_default_branch = false;
};

// Whether `label` spells the commit `sha` itself (--target 1a2b3c4d...), not a branch or a tag.
bool spells_commit(const std::string& label, const std::string& sha) {
  return label.size() >= 4 && label.size() <= sha.size() &&
         label.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos &&
         std::equal(label.begin(), label.end(), sha.begin(),
                    [](char a, char b) { return std::tolower(a) == b; });
}

// "refs/remotes/origin/main" -> "origin/main", as git prints it.
std::string short_ref_name(const std::string& ref) {
  for (std::string_view prefix : {"refs/remotes/", "refs/heads/"})
    if (ref.rfind(prefix, 0) == 0) return ref.substr(prefix.size());
  return ref;
}

forge::CiKind choose_kind(ContextChoice context, const forge::Environment& env) {
  switch (context) {
    case ContextChoice::kGithub:
      return forge::CiKind::kGithubActions;
    case ContextChoice::kGitlab:
      return forge::CiKind::kGitlabCi;
    case ContextChoice::kLocal:
      return forge::CiKind::kLocal;
    case ContextChoice::kAuto:
      break;
  }
  return forge::detect_ci(env);
}

// Outside reviews, a branch other than the default one is compared with the default branch as
// the remote has it; the default branch itself (and anything without a remote copy of it) with
// its own first parent, i.e. the previous state of that branch.
void branch_target(Revisions& r, const GateSettings& s, const std::string& default_branch,
                   bool on_default_branch) {
  if (on_default_branch || default_branch.empty()) return;
  std::string ref = fmt::format("refs/remotes/{}/{}", s.remote, default_branch);
  if (git::try_resolve_revision(s.repo, ref)) {
    r.target = ref;
    r.target_label = fmt::format("{}/{}", s.remote, default_branch);
    r.target_branch = default_branch;
  }
}

Revisions github_revisions(GateContext& c, const GateSettings& s) {
  Revisions r;
  const forge::GithubContext& gh = *c.github;
  if (const auto& pr = gh.event.pull_request) {
    // GITHUB_SHA is the temporary merge commit here: the payload names the real head and base.
    r.head = pr->head_sha;
    r.target = pr->base_sha;
    r.target_label = fmt::format("base of PR #{} ({})", pr->number, pr->base_ref);
    r.target_branch = pr->base_ref;
    r.branch = pr->head_ref;
    c.review = true;
    c.review_number = pr->number;
    c.fork = pr->from_fork();
  } else if (const auto& push = gh.event.push) {
    r.head = push->after;
    c.default_branch_push = push->to_default_branch();
    r.branch = short_ref_name(push->ref);
    r.on_default_branch = c.default_branch_push;
    branch_target(r, s, push->default_branch, c.default_branch_push);
  } else {
    if (!gh.sha.empty()) r.head = gh.sha;
    // A workflow_dispatch or schedule run of the default branch (e.g. a back-fill of a commit
    // whose own run was lost) records like a push to it.
    const std::string& ref = gh.ref.empty() ? gh.event.ref : gh.ref;
    r.branch = git::branch_named_by(s.repo, ref).value_or("");
    r.on_default_branch =
        !gh.event.default_branch.empty() && ref == "refs/heads/" + gh.event.default_branch;
  }
  return r;
}

Revisions gitlab_revisions(GateContext& c, const GateSettings& s, const forge::Environment& env) {
  Revisions r;
  const forge::GitlabContext& gl = *c.gitlab;
  r.head = gl.commit_sha;
  if (const auto& mr = gl.merge_request) {
    // In merged-results pipelines CI_COMMIT_SHA is a merge commit; the source branch's own head
    // is then in CI_MERGE_REQUEST_SOURCE_BRANCH_SHA.
    if (auto source = forge::non_empty(env, "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA")) r.head = *source;
    if (!mr->diff_base_sha.empty()) {
      r.target = mr->diff_base_sha;
      r.target_label = fmt::format("merge-base of !{} (CI_MERGE_REQUEST_DIFF_BASE_SHA)", mr->iid);
      r.target_branch = mr->target_branch;
    } else if (!mr->target_branch.empty()) {
      r.target = fmt::format("refs/remotes/{}/{}", s.remote, mr->target_branch);
      r.target_label = fmt::format("{}/{}", s.remote, mr->target_branch);
      r.target_branch = mr->target_branch;
    }
    r.branch = mr->source_branch;
    c.review = true;
    c.review_number = mr->iid;
    c.fork = mr->from_fork();
  } else {
    c.default_branch_push = gl.on_default_branch();
    r.branch = gl.commit_branch;
    r.on_default_branch = c.default_branch_push;
    branch_target(r, s, gl.default_branch, c.default_branch_push);
  }
  return r;
}

// A local run: the branch checked out, compared with its upstream, else with the default branch
// (the remote's, else init.defaultBranch, main or master). The default branch itself, checked out
// without an upstream, is compared with its own first parent, as a push to it is in CI.
Revisions local_revisions(const GateSettings& s) {
  Revisions r;
  r.branch = git::current_branch(s.repo).value_or("");
  const auto default_branch = git::find_default_branch(s.repo, s.remote);
  r.on_default_branch = default_branch && !r.branch.empty() && r.branch == default_branch->name;
  if (s.target) return r;  // the flag decides the target
  std::optional<std::string> target = git::head_upstream(s.repo);
  if (!target && default_branch) target = default_branch->ref;
  if (!target)
    throw InputError(fmt::format(
        "no target to compare with: the current branch has no upstream, and neither {}/HEAD, "
        "{}/main, {}/master nor a local main, master or init.defaultBranch exists; give --target "
        "BRANCH (e.g. --target {}/main)",
        s.remote, s.remote, s.remote, s.remote));
  if (*target == "refs/heads/" + r.branch) return r;  // the default branch itself: first parent
  r.target = *target;
  r.target_label = short_ref_name(*target);
  r.target_branch = git::branch_named_by(s.repo, *target).value_or("");
  return r;
}

// In CI the commits come from the event, and a shallow checkout may not have them: say how to
// get them instead of a bare "revision not found".
std::string resolve_in_clone(const GateSettings& s, const GateContext& c,
                             const std::string& revision, std::string_view role) {
  try {
    return git::resolve_revision(s.repo, revision);
  } catch (const InputError& e) {
    const bool from_flag = (role == "head" ? s.head : s.target).has_value();
    if (c.kind == forge::CiKind::kLocal || from_flag) throw;
    throw EnvironmentError(fmt::format(
        "the {} commit {} is not in this clone ({}); fetch the history (actions/checkout with "
        "`fetch-depth: 0`, GitLab `GIT_DEPTH: 0`) or give --{} explicitly",
        role, revision, e.what(), role));
  }
}

}  // namespace

std::string GateContext::describe() const {
  std::string where = kind == forge::CiKind::kGithubActions ? "GitHub Actions"
                      : kind == forge::CiKind::kGitlabCi    ? "GitLab CI"
                                                            : "local";
  if (review)
    where += fmt::format(", {}{}{}",
                         kind == forge::CiKind::kGitlabCi ? "merge request !" : "pull request #",
                         review_number, fork ? " (from a fork)" : "");
  else if (default_branch_push)
    where += ", push to the default branch";
  return where;
}

std::string GateContext::describe_target() const {
  if (target.empty() || target_label == short_commit(target)) return target_label;
  return fmt::format("{} {}", target_label, short_commit(target));
}

GateContext resolve_gate_context(const GateSettings& s, const forge::Environment& env) {
  GateContext c;
  c.kind = choose_kind(s.context, env);
  Revisions r;
  if (c.kind == forge::CiKind::kGithubActions) {
    c.github = forge::read_github_context(env);
    r = github_revisions(c, s);
  } else if (c.kind == forge::CiKind::kGitlabCi) {
    c.gitlab = forge::read_gitlab_context(env);
    r = gitlab_revisions(c, s, env);
  } else {
    r = local_revisions(s);
  }
  if (s.head) r.head = *s.head;
  if (s.target) {
    r.target = *s.target;
    r.target_label = *s.target;
    r.target_branch = git::branch_named_by(s.repo, *s.target).value_or("");
  }

  c.head = resolve_in_clone(s, c, r.head, "head");
  if (r.target) {
    c.target = resolve_in_clone(s, c, *r.target, "target");
    // A commit id as the label would print the commit twice, once as given and once short.
    c.target_label =
        spells_commit(r.target_label, c.target) ? short_commit(c.target) : r.target_label;
  } else {
    c.target = git::first_parent(s.repo, c.head).value_or("");
    c.target_label = "the parent of head";
  }
  c.branch = r.branch;
  c.on_default_branch = r.on_default_branch;
  c.target_branch = r.target_branch;
  c.record = s.record == RecordPolicy::kAlways ||
             (s.record == RecordPolicy::kAuto && c.default_branch_push);
  return c;
}

}  // namespace benchgate::gate
