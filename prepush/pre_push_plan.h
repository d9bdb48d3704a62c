#pragma once
// Which of the refs in a push get gated, against what, and why the others do not.
#include <string>
#include <vector>

#include "git/repository.h"
#include "prepush/pre_push_gate.h"
#include "prepush/pre_push_lines.h"

namespace benchgate::prepush {

struct PlannedGate {
  GateRequest request;
  std::string target_description;
};

struct PushPlan {
  std::vector<PlannedGate> gates;    // each (head, target) pair once
  std::vector<std::string> skipped;  // one message per ref that is not gated, saying why
};

// `checked_out_sha` is the commit of HEAD (empty when unborn): benchgate measures the working
// tree, so only a push of that commit can be gated honestly.
PushPlan plan_push(const git::Repository& repo, const std::vector<PushedRef>& refs,
                   const std::string& remote, const std::string& checked_out_sha);

}  // namespace benchgate::prepush
