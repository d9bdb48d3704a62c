#include "forge/commit_links.h"

#include <optional>
#include <string_view>

#include "forge/event.h"

namespace benchgate::forge {
namespace {

bool is_web_url(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::string commit_url_prefix(const Environment& env) {
  switch (detect_ci(env)) {
    case CiKind::kGithubActions: {
      const std::optional<std::string> repository = env("GITHUB_REPOSITORY");
      const std::string server = env("GITHUB_SERVER_URL").value_or("https://github.com");
      if (!repository || repository->empty() || !is_web_url(server)) return "";
      return without_trailing_slash(server) + "/" + *repository + "/commit/";
    }
    case CiKind::kGitlabCi: {
      const std::optional<std::string> project = env("CI_PROJECT_URL");
      if (!project || !is_web_url(*project)) return "";
      return without_trailing_slash(*project) + "/-/commit/";
    }
    case CiKind::kLocal:
      break;
  }
  return "";
}

}  // namespace benchgate::forge
