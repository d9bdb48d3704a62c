#pragma once
// The top-N function deltas of a diff as a markdown table (for PR comments) and as JSON (for
// tools). Formatting only: every number comes from diff_profiles().
#include <string>

#include "profile/profile_diff.h"

namespace benchgate::profile {

std::string diff_markdown(const ProfileDiff& diff);
std::string diff_json(const ProfileDiff& diff);

}  // namespace benchgate::profile
