#include "forge/github.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "forge/api_json.h"
#include "forge/ascii.h"
#include "forge/link_header.h"
#include "forge/text_limits.h"

namespace benchgate::forge {
namespace {

namespace jf = json_field;

std::string checked_repo(std::string_view repo) {
  auto slash = repo.find('/');
  auto valid_part = [](std::string_view part) {
    return !part.empty() && part != "." && part != ".." &&
           std::all_of(part.begin(), part.end(), [](unsigned char c) {
             return std::isalnum(c) || c == '-' || c == '_' || c == '.';
           });
  };
  if (slash == std::string_view::npos || !valid_part(repo.substr(0, slash)) ||
      !valid_part(repo.substr(slash + 1)))
    throw InputError(fmt::format("GitHub repository `{}`: expected `owner/name`", repo));
  return std::string(repo);
}

std::string_view to_string(AnnotationLevel level) {
  switch (level) {
    case AnnotationLevel::kNotice:
      return "notice";
    case AnnotationLevel::kWarning:
      return "warning";
    case AnnotationLevel::kFailure:
      return "failure";
  }
  return "warning";
}

nlohmann::json annotation_json(const CheckAnnotation& a, const Redactor& redactor) {
  nlohmann::json out = {
      {"path", a.path},
      {"start_line", a.start_line},
      {"end_line", std::max(a.start_line, a.end_line)},
      {"annotation_level", to_string(a.level)},
      {"message", std::string(utf8_prefix(redactor.redact(a.message), 64 * 1024 - 1))}};
  if (!a.title.empty()) out["title"] = std::string(utf8_prefix(redactor.redact(a.title), 255));
  return out;
}

std::string cut_summary(std::string_view summary) {
  return fit_with_notice(summary, kCheckRunSummaryLimit, [](std::size_t omitted) {
    return fmt::format("\n\n*benchgate: summary cut to the check-run limit; {} bytes omitted.*\n",
                       omitted);
  });
}

}  // namespace

std::string_view to_string(CheckConclusion conclusion) {
  switch (conclusion) {
    case CheckConclusion::kSuccess:
      return "success";
    case CheckConclusion::kFailure:
      return "failure";
    case CheckConclusion::kNeutral:
      return "neutral";
    case CheckConclusion::kCancelled:
      return "cancelled";
    case CheckConclusion::kSkipped:
      return "skipped";
    case CheckConclusion::kTimedOut:
      return "timed_out";
    case CheckConclusion::kActionRequired:
      return "action_required";
  }
  return "neutral";
}

GithubClient::GithubClient(std::string_view api_base, Secret token, std::string_view repo,
                           HttpOptions options, std::string app_login)
    : http_(parse_base_url(api_base, "GitHub API URL"),
            AuthHeader{"Authorization", "Bearer ", std::move(token)},
            {{"Accept", "application/vnd.github+json"}, {"X-GitHub-Api-Version", "2022-11-28"}},
            std::move(options)),
      repo_(checked_repo(repo)),
      app_login_(std::move(app_login)) {}

std::string GithubClient::current_login() {
  if (login_) return *login_;
  HttpResponse response = http_.send("GET", "/user");
  if (response.status == 403) {
    // Installation tokens (GITHUB_TOKEN, GitHub Apps) may not read /user; such a token writes
    // as the app's bot account.
    http_.log(fmt::format("GET /user is not allowed for this token ({}); assuming we are {}",
                          describe_status(response), app_login_));
    login_ = app_login_;
    return *login_;
  }
  if (!response.ok())
    http_.throw_status("identifying the token's user: GET /user failed", response);
  nlohmann::json user = parse_api_json(response, "GET /user");
  read_api_fields("GET /user",
                  [&] { login_ = jf::string(jf::member(user, "login", ""), "login"); });
  return *login_;
}

std::optional<RemoteComment> GithubClient::find_ours(std::string first_target,
                                                     std::string_view listing, CommentFields fields,
                                                     std::span<const std::string> markers,
                                                     const std::string& login) {
  auto fetch = [&](const std::string& target, int page) {
    const std::string what = fmt::format("listing {} (page {})", listing, page);
    HttpResponse response = http_.send_ok(what, "GET", target);
    nlohmann::json list = parse_api_json(response, what);
    CommentPage listed;
    listed.comments = parse_comment_list(list, fields, what);
    // GitHub's Link URLs are absolute (and use /repositories/{id}/...): followed verbatim.
    listed.next_target = next_page_link(response.header("link"));
    return listed;
  };
  return find_sticky_in_pages(std::move(first_target), fetch, markers, login);
}

UpsertResult GithubClient::upsert_pr_comment(long long pr_number, std::string_view marker,
                                             std::string_view body) {
  check_sticky_marker(marker);
  if (pr_number <= 0) throw InputError(fmt::format("PR number {}: must be positive", pr_number));
  const std::string login = current_login();
  const std::string request_body = to_request_body(
      {{"body", sticky_body(marker, http_.redactor().redact(body), kGithubCommentLimit)}});
  StickyOperations operations;
  const std::string markers[] = {std::string(marker)};
  operations.find = [&] {
    return find_ours(fmt::format("/repos/{}/issues/{}/comments?per_page=100", repo_, pr_number),
                     fmt::format("comments of PR #{}", pr_number), kGithubCommentFields, markers,
                     login);
  };
  operations.update = [&](long long id) {
    const std::string what = fmt::format("updating comment {} on PR #{}", id, pr_number);
    return parse_written_comment(
        http_.send_ok(what, "PATCH", fmt::format("/repos/{}/issues/comments/{}", repo_, id),
                      request_body),
        false, what);
  };
  operations.create = [&] {
    const std::string what = fmt::format("commenting on PR #{}", pr_number);
    return parse_written_comment(
        http_.send_ok(what, "POST", fmt::format("/repos/{}/issues/{}/comments", repo_, pr_number),
                      request_body),
        true, what);
  };
  operations.log = [&](std::string_view line) { http_.log(line); };
  return upsert_sticky(operations);
}

CheckRunResult GithubClient::create_check_run(const CheckRun& run) {
  if (!is_commit_sha(run.head_sha))
    throw InputError(fmt::format(
        "check run head sha `{}`: expected a 40- or 64-digit hex commit id", run.head_sha));
  if (run.name.empty()) throw InputError("check run name: must not be empty");
  CheckRunResult result;
  const std::string title = run.title.empty() ? run.name : run.title;
  const std::string summary = cut_summary(http_.redactor().redact(run.summary));
  auto output_with = [&](std::size_t first) {
    nlohmann::json annotations = nlohmann::json::array();
    for (std::size_t i = first;
         i < std::min(run.annotations.size(), first + kAnnotationsPerRequest); ++i)
      annotations.push_back(annotation_json(run.annotations[i], http_.redactor()));
    nlohmann::json output = {{"title", std::string(utf8_prefix(title, 255))}, {"summary", summary}};
    if (!annotations.empty()) output["annotations"] = std::move(annotations);
    return output;
  };
  auto forbidden = [&](const HttpResponse& response, std::string_view doing) {
    result.warning = http_.redactor().redact(fmt::format(
        "could not {} (the token lacks checks:write, as on fork PRs or with personal tokens): {}",
        doing, describe_status(response)));
    http_.log(result.warning);
    return result;
  };

  nlohmann::json create = {{"name", run.name},
                           {"head_sha", run.head_sha},
                           {"status", "completed"},
                           {"conclusion", to_string(run.conclusion)},
                           {"output", output_with(0)}};
  const std::string what = fmt::format("creating check run `{}`", run.name);
  // A repeated POST at worst leaves two runs of the same name; GitHub shows the newest.
  HttpResponse response = http_.send("POST", fmt::format("/repos/{}/check-runs", repo_),
                                     to_request_body(create), Replay::kSafe);
  ++result.requests;
  if (response.status == 403) return forbidden(response, "create the check run");
  if (!response.ok()) http_.throw_status(what, response);
  nlohmann::json created = parse_api_json(response, what);
  read_api_fields(what, [&] {
    result.id = json_field::integer(json_field::member(created, "id", ""), "id");
    if (const auto* url = json_field::optional_member(created, "html_url", "");
        url && url->is_string())
      result.url = url->get<std::string>();
  });
  result.created = true;
  // Each PATCH appends its annotations to those already on the run.
  for (std::size_t first = kAnnotationsPerRequest; first < run.annotations.size();
       first += kAnnotationsPerRequest) {
    const std::string patch_what =
        fmt::format("adding annotations {}.. to check run {}", first, result.id);
    HttpResponse patched =
        http_.send("PATCH", fmt::format("/repos/{}/check-runs/{}", repo_, result.id),
                   to_request_body({{"output", output_with(first)}}));
    ++result.requests;
    if (patched.status == 403) return forbidden(patched, "add all annotations to the check run");
    if (!patched.ok()) http_.throw_status(patch_what, patched);
  }
  return result;
}

std::string GithubClient::pull_request_head_sha(long long pr_number) {
  if (pr_number <= 0) throw InputError(fmt::format("PR number {}: must be positive", pr_number));
  const std::string what = fmt::format("reading PR #{}", pr_number);
  HttpResponse response =
      http_.send_ok(what, "GET", fmt::format("/repos/{}/pulls/{}", repo_, pr_number));
  nlohmann::json pull = parse_api_json(response, what);
  std::string sha;
  read_api_fields(what, [&] {
    sha = jf::string(jf::member(jf::member(pull, "head", ""), "sha", "head"), "head.sha");
  });
  if (!is_commit_sha(sha))
    throw EnvironmentError(fmt::format("{}: head.sha `{}` is not a commit id", what, sha));
  return sha;
}

}  // namespace benchgate::forge
