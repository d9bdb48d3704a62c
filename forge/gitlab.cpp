#include "forge/gitlab.h"

#include <algorithm>
#include <cctype>
#include <random>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "forge/api_json.h"
#include "forge/multipart.h"

namespace benchgate::forge {
namespace {

namespace jf = json_field;

}  // namespace

std::string gitlab_project_segment(std::string_view project_id) {
  auto allowed = [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '%';
  };
  if (project_id.empty() || !std::all_of(project_id.begin(), project_id.end(), allowed) ||
      project_id.starts_with('/') || project_id.ends_with('/'))
    throw InputError(fmt::format(
        "GitLab project `{}`: expected a numeric id (CI_PROJECT_ID) or a path like group/project",
        project_id));
  if (project_id.find('%') != std::string_view::npos) return std::string(project_id);
  return percent_encode(project_id);
}

GitlabClient::GitlabClient(std::string_view api_base, Secret token, std::string_view project_id,
                           HttpOptions options)
    : http_(parse_base_url(api_base, "GitLab API URL"),
            AuthHeader{"PRIVATE-TOKEN", "", std::move(token)}, {{"Accept", "application/json"}},
            std::move(options)),
      project_(gitlab_project_segment(project_id)) {}

std::string GitlabClient::current_username() {
  if (username_) return *username_;
  HttpResponse response = http_.send_ok("identifying the token's user", "GET", "/user");
  nlohmann::json user = parse_api_json(response, "GET /user");
  read_api_fields("GET /user",
                  [&] { username_ = jf::string(jf::member(user, "username", ""), "username"); });
  return *username_;
}

std::optional<RemoteComment> GitlabClient::find_ours(const std::string& path,
                                                     const std::string& query,
                                                     std::string_view listing, CommentFields fields,
                                                     std::span<const std::string> markers,
                                                     const std::string& username) {
  auto fetch = [&](const std::string& target, int page) {
    const std::string what = fmt::format("listing {} (page {})", listing, page);
    HttpResponse response = http_.send_ok(what, "GET", target);
    nlohmann::json list = parse_api_json(response, what);
    CommentPage listed;
    listed.comments = parse_comment_list(list, fields, what);
    // x-next-page is the next page number, empty on the last page. It must move forward, or a
    // confused server would keep us here.
    std::string next = response.header("x-next-page");
    if (!next.empty()) {
      if (!std::all_of(next.begin(), next.end(), [](unsigned char c) { return std::isdigit(c); }) ||
          next.size() > 9 || std::stoi(next) <= page)
        throw EnvironmentError(fmt::format("{}: unusable x-next-page `{}`", what, next));
      listed.next_target = fmt::format("{}?{}&page={}", path, query, next);
    }
    return listed;
  };
  return find_sticky_in_pages(fmt::format("{}?{}&page=1", path, query), fetch, markers, username);
}

UpsertResult GitlabClient::upsert_mr_note(long long mr_iid, std::string_view marker,
                                          std::string_view body) {
  check_sticky_marker(marker);
  if (mr_iid <= 0) throw InputError(fmt::format("merge request iid {}: must be positive", mr_iid));
  const std::string username = current_username();
  const std::string request_body = to_request_body(
      {{"body", sticky_body(marker, http_.redactor().redact(body), kGitlabNoteLimit)}});
  const std::string notes = fmt::format("/projects/{}/merge_requests/{}/notes", project_, mr_iid);
  StickyOperations operations;
  const std::string markers[] = {std::string(marker)};
  operations.find = [&] {
    return find_ours(notes, "per_page=100", fmt::format("notes of MR !{}", mr_iid),
                     kGitlabNoteFields, markers, username);
  };
  operations.update = [&](long long id) {
    const std::string what = fmt::format("updating note {} on MR !{}", id, mr_iid);
    return parse_written_comment(
        http_.send_ok(what, "PUT", fmt::format("{}/{}", notes, id), request_body), false, what);
  };
  operations.create = [&] {
    const std::string what = fmt::format("adding a note to MR !{}", mr_iid);
    return parse_written_comment(http_.send_ok(what, "POST", notes, request_body), true, what);
  };
  operations.log = [&](std::string_view line) { http_.log(line); };
  return upsert_sticky(operations);
}

}  // namespace benchgate::forge

namespace benchgate::forge {

UploadedFile GitlabClient::upload_file(std::string_view filename, std::string_view content_type,
                                       std::string_view content) {
  if (content.size() > kGitlabUploadLimit)
    throw InputError(fmt::format("{}: {} bytes, more than the {} bytes benchgate uploads", filename,
                                 content.size(), kGitlabUploadLimit));
  const MultipartBody body = multipart_form(
      {"file", std::string(filename), std::string(content_type), content}, std::random_device{}());
  const std::string what = fmt::format("uploading {}", filename);
  // Sending it twice after a lost response leaves an unused second copy: harmless, so retry.
  HttpResponse response = http_.send_ok(what, "POST", fmt::format("/projects/{}/uploads", project_),
                                        RequestBody{body.content_type, body.bytes}, Replay::kSafe);
  nlohmann::json answer = parse_api_json(response, what);
  UploadedFile uploaded;
  read_api_fields(what, [&] {
    uploaded.url = jf::string(jf::member(answer, "url", ""), "url");
    uploaded.markdown = jf::string(jf::member(answer, "markdown", ""), "markdown");
  });
  // The link goes into a note verbatim: only accept what GitLab documents.
  if (!uploaded.url.starts_with("/uploads/") || uploaded.markdown.empty())
    throw EnvironmentError(fmt::format("{}: unexpected answer (url `{}`)", what, uploaded.url));
  return uploaded;
}

}  // namespace benchgate::forge
