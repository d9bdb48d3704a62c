#include "tests/forge/fake_gitlab.h"

#include <fmt/format.h>

namespace benchgate::testing {
namespace {

std::string encode_path(const std::string& path) {
  std::string out;
  for (char c : path) out += c == '/' ? std::string("%2F") : std::string(1, c);
  return out;
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
          long long per_page = std::clamp<long long>(int_param(req, "per_page", 20), 1, 100);
          long long page = std::max<long long>(1, int_param(req, "page", 1));
          long long total = static_cast<long long>(all.size());
          long long pages = std::max<long long>(1, (total + per_page - 1) / per_page);
          nlohmann::json list = nlohmann::json::array();
          // GitLab lists notes newest first by default.
          for (long long i = (page - 1) * per_page; i < std::min(page * per_page, total); ++i) {
            const Note& note = all[all.size() - 1 - i];
            list.push_back({{"id", note.id},
                            {"body", note.body},
                            {"author", {{"id", 1}, {"username", note.author}}},
                            {"system", note.system},
                            {"noteable_type", "MergeRequest"}});
          }
          res.set_header("x-page", std::to_string(page));
          res.set_header("x-per-page", std::to_string(per_page));
          res.set_header("x-total", std::to_string(total));
          res.set_header("x-total-pages", std::to_string(pages));
          res.set_header("x-next-page", page < pages ? std::to_string(page + 1) : "");
          res.set_header("x-prev-page", page > 1 ? std::to_string(page - 1) : "");
          json_reply(res, 200, list.dump());
        });

  // A write's note body, after checking the project and the JSON; nullopt once answered with an
  // error.
  auto body_of = [this](const httplib::Request& req, httplib::Response& res,
                        const std::smatch& m) -> std::optional<std::string> {
    if (!known_project(m[1])) {
      json_reply(res, 404, R"({"message":"404 Project Not Found"})");
      return std::nullopt;
    }
    auto parsed = nlohmann::json::parse(req.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      json_reply(res, 400, R"({"error":"400 Bad Request: invalid JSON"})");
      return std::nullopt;
    }
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
