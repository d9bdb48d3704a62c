#include "prepush/pre_push_plan.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"

#include "prepush/pre_push_target.h"

namespace benchgate::prepush {
namespace {

// Why `ref` is not gated, or empty when it is a candidate.
std::string reason_to_skip(const PushedRef& ref, const std::string& checked_out_sha) {
  if (ref.deletes()) return "deletes the remote ref";
  if (ref.changes_nothing()) return "the remote already has this commit";
  if (!ref.pushes_branch()) return "not a branch";
  if (ref.local_sha != checked_out_sha)
    return fmt::format(
        "{} is not the checked-out commit{}; benchgate measures the working tree, so it gates "
        "only a push of HEAD",
        short_commit(ref.local_sha, 7),
        checked_out_sha.empty() ? ""
                                : fmt::format(" (HEAD is {})", short_commit(checked_out_sha, 7)));
  return {};
}

}  // namespace

PushPlan plan_push(const git::Repository& repo, const std::vector<PushedRef>& refs,
                   const std::string& remote, const std::string& checked_out_sha) {
  PushPlan plan;
  for (const PushedRef& ref : refs) {
    std::string why = reason_to_skip(ref, checked_out_sha);
    std::optional<GateTarget> target;
    if (why.empty()) target = choose_gate_target(repo, ref, remote, why);
    if (target && target->sha == ref.local_sha)
      why = "nothing new compared with " + target->description;
    if (!why.empty()) {
      plan.skipped.push_back(fmt::format("{}: not gated: {}", ref.remote_ref, why));
      continue;
    }
    const bool duplicate = std::any_of(plan.gates.begin(), plan.gates.end(), [&](const auto& g) {
      return g.request.head_sha == ref.local_sha && g.request.target_sha == target->sha;
    });
    if (duplicate) {
      plan.skipped.push_back(fmt::format(
          "{}: same commit and target as another ref of this push; gated once", ref.remote_ref));
      continue;
    }
    plan.gates.push_back(
        {GateRequest{ref.remote_ref, ref.local_sha, target->sha}, target->description});
  }
  return plan;
}

}  // namespace benchgate::prepush
