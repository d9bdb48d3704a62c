#pragma once
// What a pushed branch is gated against: the commit the remote branch points at when it exists
// (the push adds exactly the commits after it), else the remote's default branch (a new branch
// usually forks from it). `benchgate gate` then takes the merge-base of the two.
#include <optional>
#include <string>

#include "git/repository.h"
#include "prepush/pre_push_lines.h"

namespace benchgate::prepush {

struct GateTarget {
  std::string sha;  // full commit id, present in the local repository
  std::string
      description;  // for messages: "origin/topic (1a2b3c4)", "origin/main (default branch)"
};

// The target for `ref` pushed to `remote` (a remote name, or a URL when pushing to one), or
// nullopt with `why_not` filled when there is nothing sensible to compare with.
std::optional<GateTarget> choose_gate_target(const git::Repository& repo, const PushedRef& ref,
                                             const std::string& remote, std::string& why_not);

}  // namespace benchgate::prepush
