#include "tests/forge/fake_gitlab.h"

#include <fmt/format.h>

namespace benchgate::testing {
namespace {

std::string encode_path(const std::string& path) {
  std::string out;
  for (char c : path) out += c == '/' ? std::string("%2F") : std::string(1, c);
  return out;
}

// The page of `total` items asked for (per_page default 20, max 100), as [first, end) indices,
// with GitLab's pagination headers set on `res`.
std::pair<long long, long long> paginate(const httplib::Request& req, httplib::Response& res,
                                         long long total) {
  long long per_page = std::clamp<long long>(int_param(req, "per_page", 20), 1, 100);
  long long page = std::max<long long>(1, int_param(req, "page", 1));
  long long pages = std::max<long long>(1, (total + per_page - 1) / per_page);
  res.set_header("x-page", std::to_string(page));
  res.set_header("x-per-page", std::to_string(per_page));
  res.set_header("x-total", std::to_string(total));
  res.set_header("x-total-pages", std::to_string(pages));
  res.set_header("x-next-page", page < pages ? std::to_string(page + 1) : "");
  res.set_header("x-prev-page", page > 1 ? std::to_string(page - 1) : "");
  return {std::min((page - 1) * per_page, total), std::min(page * per_page, total)};
}

}  // namespace

FakeGitlab::FakeGitlab(Options options) : options_(std::move(options)) {
  set_gatekeeper([this](const httplib::Request& req, httplib::Response& res) {
    return check_request(req, res);
  });
  route("GET", "/api/v4/user",
        [this](const httplib::Request&, httplib::Response& res, const std::smatch&) {
          json_reply(res, 200, nlohmann::json{{"id", 7}, {"username", options_.username}}.dump());
        });
  const std::string notes = R"(/api/v4/projects/([^/]+)/merge_requests/(\d+)/notes)";

  route("GET", notes,
        [this](const httplib::Request& req, httplib::Response& res, const std::smatch& m) {
          if (!known_project(m[1]))
            return json_reply(res, 404, R"({"message":"404 Project Not Found"})");
          std::lock_guard lock(mutex_);
          const auto& all = notes_[std::stoll(m[2])];
          const auto [first, end] = paginate(req, res, static_cast<long long>(all.size()));
          nlohmann::json list = nlohmann::json::array();
          // GitLab lists notes newest first by default.
          for (long long i = first; i < end; ++i) {
            const Note& note = all[all.size() - 1 - i];
            list.push_back({{"id", note.id},
                            {"body", note.body},
                            {"author", {{"id", 1}, {"username", note.author}}},
                            {"system", note.system},
                            {"noteable_type", "MergeRequest"}});
          }
          json_reply(res, 200, list.dump());
        });

  // A write's JSON object, after checking the project; nullopt once answered with an error.
  auto write_json = [this](const httplib::Request& req, httplib::Response& res,
                           const std::smatch& m) -> std::optional<nlohmann::json> {
    if (!known_project(m[1])) {
      json_reply(res, 404, R"({"message":"404 Project Not Found"})");
      return std::nullopt;
    }
    auto parsed = nlohmann::json::parse(req.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      json_reply(res, 400, R"({"error":"400 Bad Request: invalid JSON"})");
      return std::nullopt;
    }
    return parsed;
  };
  // A write's note body, after checking the project and the JSON; nullopt once answered with an
  // error.
  auto body_of = [write_json](const httplib::Request& req, httplib::Response& res,
                              const std::smatch& m) -> std::optional<std::string> {
    auto written = write_json(req, res, m);
    if (!written) return std::nullopt;
    const nlohmann::json& parsed = *written;
    if (!parsed.contains("body") || !parsed["body"].is_string() ||
        parsed["body"].get<std::string>().empty()) {
      json_reply(res, 400, R"({"error":"body is missing"})");
      return std::nullopt;
    }
    return parsed["body"].get<std::string>();
  };

  route("POST", notes,
        [this, body_of](const httplib::Request& req, httplib::Response& res, const std::smatch& m) {
          auto body = body_of(req, res, m);
          if (!body) return;
          std::lock_guard lock(mutex_);
          Note note{next_id_++, options_.username, *body, false};
          notes_[std::stoll(m[2])].push_back(note);
          json_reply(res, 201,
                     nlohmann::json{{"id", note.id},
                                    {"body", note.body},
                                    {"author", {{"username", note.author}}},
                                    {"system", false}}
                         .dump());
        });

  route("PUT", notes + R"(/(\d+))",
        [this, body_of](const httplib::Request& req, httplib::Response& res, const std::smatch& m) {
          auto body = body_of(req, res, m);
          if (!body) return;
          std::lock_guard lock(mutex_);
          for (auto& note : notes_[std::stoll(m[2])])
            if (note.id == std::stoll(m[3])) {
              if (note.system || note.author != options_.username)
                return json_reply(res, 403, R"({"message":"403 Forbidden"})");
              note.body = *body;
              return json_reply(res, 200,
                                nlohmann::json{{"id", note.id}, {"body", note.body}}.dump());
            }
          json_reply(res, 404, R"({"message":"404 Not found"})");
        });
  const std::string issues = R"(/api/v4/projects/([^/]+)/issues)";
  auto issue_json = [](const Issue& issue) {
    return nlohmann::json{{"id", issue.id},
                          {"iid", issue.iid},
                          {"title", issue.title},
                          {"description", issue.description},
                          {"state", issue.state},
                          {"author", {{"id", 1}, {"username", issue.author}}},
                          {"web_url", fmt::format("https://gitlab.example/group/sub/widgets/-/"
                                                  "issues/{}",
                                                  issue.iid)}};
  };
  // GET: state opened, closed or all (default all), author_username, scope (default all),
  // newest first, GitLab's pagination headers.
  route("GET", issues,
        [this, issue_json](const httplib::Request& req, httplib::Response& res,
                           const std::smatch& m) {
          if (!known_project(m[1]))
            return json_reply(res, 404, R"({"message":"404 Project Not Found"})");
          const std::string state = req.has_param("state") ? req.get_param_value("state") : "all";
          const std::string scope = req.has_param("scope") ? req.get_param_value("scope") : "all";
          if ((state != "opened" && state != "closed" && state != "all") ||
              (scope != "all" && scope != "created_by_me" && scope != "assigned_to_me"))
            return json_reply(res, 400, R"({"error":"state, scope does not have a valid value"})");
          const std::string author = req.get_param_value("author_username");
          std::lock_guard lock(mutex_);
          std::vector<const Issue*> shown;
          for (auto it = issues_.rbegin(); it != issues_.rend(); ++it)
            if ((state == "all" || it->state == state) && (author.empty() || it->author == author))
              shown.push_back(&*it);
          const auto [first, end] = paginate(req, res, static_cast<long long>(shown.size()));
          nlohmann::json list = nlohmann::json::array();
          for (long long i = first; i < end; ++i) list.push_back(issue_json(*shown[i]));
          json_reply(res, 200, list.dump());
        });
  // A write's JSON after checking the project and the fields (title required on create, non-empty
  // strings; description a string); nullopt once answered with an error.
  auto issue_fields = [write_json](const httplib::Request& req, httplib::Response& res,
                                   const std::smatch& m,
                                   bool need_title) -> std::optional<nlohmann::json> {
    auto written = write_json(req, res, m);
    if (!written) return std::nullopt;
    const nlohmann::json& parsed = *written;
    const bool has_title = parsed.contains("title");
    if ((need_title && !has_title) ||
        (has_title &&
         (!parsed["title"].is_string() || parsed["title"].get<std::string>().empty())) ||
        (parsed.contains("description") && !parsed["description"].is_string()) ||
        parsed.contains("body")) {
      json_reply(res, 400, R"({"error":"title is missing, or a field is invalid"})");
      return std::nullopt;
    }
    return written;
  };
  route("POST", issues,
        [this, issue_json, issue_fields](const httplib::Request& req, httplib::Response& res,
                                         const std::smatch& m) {
          auto fields = issue_fields(req, res, m, true);
          if (!fields) return;
          std::lock_guard lock(mutex_);
          Issue issue{next_iid_++,
                      next_id_++,
                      options_.username,
                      (*fields)["title"],
                      fields->value("description", std::string()),
                      "opened"};
          issues_.push_back(issue);
          json_reply(res, 201, issue_json(issue).dump());
        });
  route("PUT", issues + R"(/(\d+))",
        [this, issue_json, issue_fields](const httplib::Request& req, httplib::Response& res,
                                         const std::smatch& m) {
          auto fields = issue_fields(req, res, m, false);
          if (!fields) return;
          std::lock_guard lock(mutex_);
          for (auto& issue : issues_)
            if (issue.iid == std::stoll(m[2])) {
              if (fields->contains("title")) issue.title = (*fields)["title"];
              if (fields->contains("description")) issue.description = (*fields)["description"];
              return json_reply(res, 200, issue_json(issue).dump());
            }
          json_reply(res, 404, R"({"message":"404 Issue Not Found"})");
        });
  // Markdown uploads API: one multipart part named `file`, with a file name.
  route("POST", R"(/api/v4/projects/([^/]+)/uploads)",
        [this](const httplib::Request& req, httplib::Response& res, const std::smatch& m) {
          if (!known_project(m[1]))
            return json_reply(res, 404, R"({"message":"404 Project Not Found"})");
          if (!req.is_multipart_form_data() || !req.has_file("file"))
            return json_reply(res, 400, R"({"error":"file is missing"})");
          const httplib::MultipartFormData file = req.get_file_value("file");
          if (file.filename.empty() || file.content.empty())
            return json_reply(res, 400, R"({"error":"file is invalid"})");
          std::lock_guard lock(mutex_);
          const std::string url =
              fmt::format("/uploads/{:032x}/{}", uploads_.size() + 1, file.filename);
          uploads_.push_back({file.filename, file.content_type, file.content, url});
          const std::string alt = file.filename.substr(0, file.filename.rfind('.'));
          json_reply(res, 201,
                     nlohmann::json{{"id", uploads_.size()},
                                    {"alt", alt},
                                    {"url", url},
                                    {"full_path", "/-/project/42" + url},
                                    {"markdown", fmt::format("![{}]({})", alt, url)}}
                         .dump());
        });
  start();
}

bool FakeGitlab::known_project(const std::string& raw_segment) const {
  return raw_segment == options_.project_id || raw_segment == encode_path(options_.project_path);
}

bool FakeGitlab::check_request(const httplib::Request& req, httplib::Response& res) {
  if (req.has_header("JOB-TOKEN") && !req.has_header("PRIVATE-TOKEN")) {
    json_reply(res, 403,
               R"({"message":"403 Forbidden - the job token cannot access this endpoint"})");
    return false;
  }
  if (req.get_header_value("PRIVATE-TOKEN") != options_.token) {
    json_reply(res, 401, R"({"message":"401 Unauthorized"})");
    return false;
  }
  return true;
}

long long FakeGitlab::add_note(long long iid, const std::string& author, const std::string& body,
                               bool system) {
  std::lock_guard lock(mutex_);
  notes_[iid].push_back({next_id_, author, body, system});
  return next_id_++;
}

long long FakeGitlab::add_issue(const std::string& author, const std::string& title,
                                const std::string& description, const std::string& state) {
  std::lock_guard lock(mutex_);
  issues_.push_back({next_iid_, next_id_++, author, title, description, state});
  return next_iid_++;
}

std::vector<FakeGitlab::Issue> FakeGitlab::issues() const {
  std::lock_guard lock(mutex_);
  return issues_;
}

std::vector<FakeGitlab::Upload> FakeGitlab::uploads() const {
  std::lock_guard lock(mutex_);
  return uploads_;
}

std::vector<FakeGitlab::Note> FakeGitlab::notes(long long iid) const {
  std::lock_guard lock(mutex_);
  auto it = notes_.find(iid);
  return it == notes_.end() ? std::vector<Note>{} : it->second;
}

}  // namespace benchgate::testing
