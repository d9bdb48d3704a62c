#pragma once
// Where a commit's web page is, for the links of the history dashboard
// (docs/history.md#the-dashboard): what the CI says about the repository it runs for.
#include <string>

#include "forge/environment.h"

namespace benchgate::forge {

// The prefix a full commit id is appended to: in GitHub Actions
// `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/commit/`, in GitLab CI `$CI_PROJECT_URL/-/commit/`;
// empty elsewhere (the dashboard then shows commit ids without links). Only http(s) URLs are used.
std::string commit_url_prefix(const Environment& env);

}  // namespace benchgate::forge
