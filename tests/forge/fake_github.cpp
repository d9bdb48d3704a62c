#include "tests/forge/fake_github.h"

#include <fmt/format.h>

namespace benchgate::testing {
namespace {

bool is_sha(const std::string& s) {
  return s.size() == 40 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

FakeGithub::FakeGithub(Options options)
    : FakeHttpServer(options.tls, options.max_body), options_(std::move(options)) {
  const std::string p = options_.prefix;
  const std::string repo = p + "/repos/" + options_.repo;
  const std::string by_id = p + "/repositories/" + std::to_string(options_.repo_id);
  set_gatekeeper([this](const httplib::Request& req, httplib::Response& res) {
    return check_request(req, res);
  });

  route("GET", p + "/user",
        [this](const httplib::Request& req, httplib::Response& res, const std::smatch&) {
          std::lock_guard lock(mutex_);
          if (options_.installation_token)
            return reject(res, 403, "Resource not accessible by integration", req);
          nlohmann::json user = {{"login", options_.login}, {"id", 1}, {"type", "User"}};
          std::string body = user.dump();
          if (user_response_size_ > 0) {
            user["bio"] = std::string(user_response_size_, 'x');
            body = user.dump();
          }
          if (user_response_chunked_) {
            auto shared = std::make_shared<std::string>(std::move(body));
            res.set_chunked_content_provider(
                "application/json", [shared](size_t offset, httplib::DataSink& sink) {
                  if (offset >= shared->size()) {
                    sink.done();
                    return true;
                  }
                  std::size_t n = std::min<std::size_t>(64 * 1024, shared->size() - offset);
                  return sink.write(shared->data() + offset, n);
                });
            return;
          }
          json_reply(res, 200, body);
        });

  auto list_comments = [this, by_id](const httplib::Request& req, httplib::Response& res,
                                     const std::smatch& m) {
    std::lock_guard lock(mutex_);
    long long pr = std::stoll(m[1]);
    long long per_page = std::clamp<long long>(int_param(req, "per_page", 30), 1, 100);
    long long page = std::max<long long>(1, int_param(req, "page", 1));
    const auto& all = comments_[pr];
    long long last =
        std::max<long long>(1, (static_cast<long long>(all.size()) + per_page - 1) / per_page);
    nlohmann::json list = nlohmann::json::array();
    for (long long i = (page - 1) * per_page; i < std::min<long long>(page * per_page, all.size());
         ++i)
      list.push_back({{"id", all[i].id},
                      {"user", all[i].author.empty() ? nlohmann::json(nullptr)
                                                     : nlohmann::json{{"login", all[i].author}}},
                      {"body", all[i].body},
                      {"html_url", fmt::format("https://github.example/c/{}", all[i].id)}});
    // Like GitHub: absolute URLs, under /repositories/{id}/ rather than /repos/{owner}/{repo}/.
    auto link = [&](long long k, const char* rel) {
      return fmt::format("<{}{}/issues/{}/comments?per_page={}&page={}>; rel=\"{}\"", origin(),
                         by_id, pr, per_page, k, rel);
    };
    std::vector<std::string> links;
    if (page < last) links.push_back(link(page + 1, "next")), links.push_back(link(last, "last"));
    if (page > 1) links.push_back(link(1, "first")), links.push_back(link(page - 1, "prev"));
    if (!links.empty()) res.set_header("Link", fmt::format("{}", fmt::join(links, ", ")));
    json_reply(res, 200, list.dump());
  };
  route("GET", repo + R"(/issues/(\d+)/comments)", list_comments);
  route("GET", by_id + R"(/issues/(\d+)/comments)", list_comments);

  route("POST", repo + R"(/issues/(\d+)/comments)",
        [this](const httplib::Request& req, httplib::Response& res, const std::smatch& m) {
          auto body = json_body(req, res);
          if (!body) return;
          std::lock_guard lock(mutex_);
          Comment comment{next_id_++, author_of_token(), (*body)["body"].get<std::string>()};
          comments_[std::stoll(m[1])].push_back(comment);
          json_reply(
              res, 201,
              nlohmann::json{{"id", comment.id},
                             {"body", comment.body},
                             {"user", {{"login", comment.author}}},
                             {"html_url", fmt::format("https://github.example/c/{}", comment.id)}}
                  .dump());
        });

  route("PATCH", repo + R"(/issues/comments/(\d+))",
        [this](const httplib::Request& req, httplib::Response& res, const std::smatch& m) {
          auto body = json_body(req, res);
          if (!body) return;
          std::lock_guard lock(mutex_);
          long long id = std::stoll(m[1]);
          for (auto& [pr, list] : comments_)
            for (auto& comment : list)
              if (comment.id == id) {
                comment.body = (*body)["body"].get<std::string>();
                return json_reply(
                    res, 200,
                    nlohmann::json{
                        {"id", id}, {"body", comment.body}, {"user", {{"login", comment.author}}}}
                        .dump());
              }
          reject(res, 404, "Not Found", req);
        });

  // Issues of the repository (GET .../issues): state open (default), closed or all; creator
  // filters by login; newest first; pagination as for comments.
  auto list_issues = [this, by_id](const httplib::Request& req, httplib::Response& res,
                                   const std::smatch&) {
    std::lock_guard lock(mutex_);
    const std::string state = req.has_param("state") ? req.get_param_value("state") : "open";
    if (state != "open" && state != "closed" && state != "all")
      return reject(res, 422, "Validation Failed: state", req);
    const std::string creator = req.get_param_value("creator");
    std::vector<const Issue*> shown;
    for (auto it = issues_.rbegin(); it != issues_.rend(); ++it)
      if ((state == "all" || it->state == state) && (creator.empty() || it->author == creator))
        shown.push_back(&*it);
    long long per_page = std::clamp<long long>(int_param(req, "per_page", 30), 1, 100);
    long long page = std::max<long long>(1, int_param(req, "page", 1));
    const long long total = static_cast<long long>(shown.size());
    long long last = std::max<long long>(1, (total + per_page - 1) / per_page);
    nlohmann::json list = nlohmann::json::array();
    for (long long i = (page - 1) * per_page; i < std::min(page * per_page, total); ++i)
      list.push_back({{"id", shown[i]->id},
                      {"number", shown[i]->number},
                      {"title", shown[i]->title},
                      {"body", shown[i]->body},
                      {"state", shown[i]->state},
                      {"user", {{"login", shown[i]->author}}},
                      {"html_url", fmt::format("https://github.example/{}/issues/{}", options_.repo,
                                               shown[i]->number)}});
    // The next page's URL keeps the filters, as GitHub's does.
    auto link = [&](long long k, const char* rel) {
      return fmt::format(
          "<{}{}/issues?state={}{}&per_page={}&page={}>; rel=\"{}\"", origin(), by_id, state,
          creator.empty() ? "" : "&creator=" + httplib::detail::encode_query_param(creator),
          per_page, k, rel);
    };
    std::vector<std::string> links;
    if (page < last) links.push_back(link(page + 1, "next")), links.push_back(link(last, "last"));
    if (page > 1) links.push_back(link(1, "first")), links.push_back(link(page - 1, "prev"));
    if (!links.empty()) res.set_header("Link", fmt::format("{}", fmt::join(links, ", ")));
    json_reply(res, 200, list.dump());
  };
  route("GET", repo + "/issues", list_issues);
  route("GET", by_id + "/issues", list_issues);

  auto issue_json = [this](const Issue& issue) {
    return nlohmann::json{{"id", issue.id},
                          {"number", issue.number},
                          {"title", issue.title},
                          {"body", issue.body},
                          {"state", issue.state},
                          {"user", {{"login", issue.author}}},
                          {"html_url", fmt::format("https://github.example/{}/issues/{}",
                                                   options_.repo, issue.number)}};
  };
  // title is required and non-empty; body, when given, a string.
  auto valid_issue_fields = [this](const nlohmann::json& body, bool need_title,
                                   const httplib::Request& req, httplib::Response& res) {
    const bool has_title = body.contains("title");
    if ((need_title && !has_title) ||
        (has_title && (!body["title"].is_string() || body["title"].get<std::string>().empty())) ||
        (body.contains("body") && !body["body"].is_string())) {
      reject(res, 422, "Validation Failed: title is required, title and body are strings", req);
      return false;
    }
    return true;
  };
  route("POST", repo + "/issues",
        [this, issue_json, valid_issue_fields](const httplib::Request& req, httplib::Response& res,
                                               const std::smatch&) {
          auto body = json_body(req, res);
          if (!body || !valid_issue_fields(*body, true, req, res)) return;
          std::lock_guard lock(mutex_);
          Issue issue{next_issue_++,
                      next_id_++,
                      author_of_token(),
                      (*body)["title"],
                      body->value("body", std::string()),
                      "open"};
          issues_.push_back(issue);
          json_reply(res, 201, issue_json(issue).dump());
        });
  route("PATCH", repo + R"(/issues/(\d+))",
        [this, issue_json, valid_issue_fields](const httplib::Request& req, httplib::Response& res,
                                               const std::smatch& m) {
          auto body = json_body(req, res);
          if (!body || !valid_issue_fields(*body, false, req, res)) return;
          std::lock_guard lock(mutex_);
          for (auto& issue : issues_)
            if (issue.number == std::stoll(m[1])) {
              if (body->contains("title")) issue.title = (*body)["title"];
              if (body->contains("body")) issue.body = (*body)["body"];
              return json_reply(res, 200, issue_json(issue).dump());
            }
          reject(res, 404, "Not Found", req);
        });

  auto validate_output = [this](const nlohmann::json& body, const httplib::Request& req,
                                httplib::Response& res) {
    if (!body.contains("output")) return true;
    const auto& output = body["output"];
    if (!output.is_object() || !output.contains("title") || !output["title"].is_string() ||
        !output.contains("summary") || !output["summary"].is_string()) {
      reject(res, 422, "Invalid request: output needs title and summary", req);
      return false;
    }
    if (output.contains("annotations") &&
        (!output["annotations"].is_array() || output["annotations"].size() > 50)) {
      reject(res, 422, "Invalid request: at most 50 annotations per request", req);
      return false;
    }
    for (const auto& a : output.value("annotations", nlohmann::json::array()))
      if (!a.contains("path") || !a.contains("start_line") || !a.contains("end_line") ||
          !a.contains("annotation_level") || !a.contains("message")) {
        reject(res, 422, "Invalid request: annotation lacks a required field", req);
        return false;
      }
    return true;
  };

  route("POST", repo + "/check-runs",
        [this, validate_output](const httplib::Request& req, httplib::Response& res,
                                const std::smatch&) {
          if (options_.check_runs_forbidden)
            return reject(res, 403, "Resource not accessible by integration", req);
          auto body = json_body(req, res);
          if (!body) return;
          if (!body->contains("name") || !(*body)["name"].is_string() ||
              !body->contains("head_sha") || !(*body)["head_sha"].is_string() ||
              !is_sha((*body)["head_sha"]))
            return reject(res, 422, "Invalid request: name and head_sha are required", req);
          if (!validate_output(*body, req, res)) return;
          std::lock_guard lock(mutex_);
          CheckRunRecord run{next_id_++, *body, {}, 0};
          if (body->contains("output"))
            for (const auto& a : (*body)["output"].value("annotations", nlohmann::json::array()))
              run.annotations.push_back(a);
          check_runs_.push_back(run);
          json_reply(
              res, 201,
              nlohmann::json{{"id", run.id},
                             {"html_url", fmt::format("https://github.example/runs/{}", run.id)}}
                  .dump());
        });

  route(
      "PATCH", repo + R"(/check-runs/(\d+))",
      [this, validate_output](const httplib::Request& req, httplib::Response& res,
                              const std::smatch& m) {
        if (options_.check_runs_forbidden)
          return reject(res, 403, "Resource not accessible by integration", req);
        auto body = json_body(req, res);
        if (!body || !validate_output(*body, req, res)) return;
        std::lock_guard lock(mutex_);
        for (auto& run : check_runs_)
          if (run.id == std::stoll(m[1])) {
            ++run.patches;
            if (body->contains("output"))
              for (const auto& a : (*body)["output"].value("annotations", nlohmann::json::array()))
                run.annotations.push_back(a);
            return json_reply(res, 200, nlohmann::json{{"id", run.id}}.dump());
          }
        reject(res, 404, "Not Found", req);
      });

  route("GET", repo + R"(/pulls/(\d+))",
        [this](const httplib::Request& req, httplib::Response& res, const std::smatch& m) {
          std::lock_guard lock(mutex_);
          auto it = pull_heads_.find(std::stoll(m[1]));
          if (it == pull_heads_.end()) return reject(res, 404, "Not Found", req);
          json_reply(res, 200,
                     nlohmann::json{{"number", it->first},
                                    {"head",
                                     {{"sha", it->second},
                                      {"ref", "feature"},
                                      {"repo", {{"full_name", "fork/widgets"}}}}},
                                    {"base",
                                     {{"sha", std::string(40, 'b')},
                                      {"ref", "main"},
                                      {"repo", {{"full_name", options_.repo}}}}}}
                         .dump());
        });
  start();
}

std::string FakeGithub::author_of_token() const {
  return options_.installation_token ? "github-actions[bot]" : options_.login;
}

void FakeGithub::reject(httplib::Response& res, int status, const std::string& message,
                        const httplib::Request& req) {
  std::string text = message;
  if (options_.echo_authorization_in_errors)
    text += " (request had Authorization: " + req.get_header_value("Authorization") + ")";
  json_reply(
      res, status,
      nlohmann::json{{"message", text}, {"documentation_url", "https://docs.github.com/rest"}}
          .dump());
}

bool FakeGithub::check_request(const httplib::Request& req, httplib::Response& res) {
  if (req.get_header_value("User-Agent").empty()) {
    reject(res, 403,
           "Request forbidden by administrative rules. Please make sure your request has a "
           "User-Agent header",
           req);
    return false;
  }
  if (req.get_header_value("Authorization") != "Bearer " + options_.token) {
    reject(res, 401, "Bad credentials", req);
    return false;
  }
  if (req.get_header_value("Accept").find("application/vnd.github+json") == std::string::npos) {
    reject(res, 415, "Unsupported 'Accept' header", req);
    return false;
  }
  if (req.has_header("X-GitHub-Api-Version") &&
      req.get_header_value("X-GitHub-Api-Version") != "2022-11-28") {
    reject(res, 400, "API version not supported", req);
    return false;
  }
  return true;
}

std::optional<nlohmann::json> FakeGithub::json_body(const httplib::Request& req,
                                                    httplib::Response& res) {
  auto parsed = nlohmann::json::parse(req.body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    reject(res, 400, "Problems parsing JSON", req);
    return std::nullopt;
  }
  // Comment endpoints need a string `body`; check runs are validated by their handlers.
  if (req.target.find("/comments") != std::string::npos &&
      (!parsed.contains("body") || !parsed["body"].is_string())) {
    reject(res, 422, "Validation Failed: body is missing", req);
    return std::nullopt;
  }
  return parsed;
}

long long FakeGithub::add_comment(long long pr, const std::string& author,
                                  const std::string& body) {
  std::lock_guard lock(mutex_);
  comments_[pr].push_back({next_id_, author, body});
  return next_id_++;
}

std::vector<FakeGithub::Comment> FakeGithub::comments(long long pr) const {
  std::lock_guard lock(mutex_);
  auto it = comments_.find(pr);
  return it == comments_.end() ? std::vector<Comment>{} : it->second;
}

std::vector<FakeGithub::CheckRunRecord> FakeGithub::check_runs() const {
  std::lock_guard lock(mutex_);
  return check_runs_;
}

long long FakeGithub::add_issue(const std::string& author, const std::string& title,
                                const std::string& body, const std::string& state) {
  std::lock_guard lock(mutex_);
  issues_.push_back({next_issue_, next_id_++, author, title, body, state});
  return next_issue_++;
}

std::vector<FakeGithub::Issue> FakeGithub::issues() const {
  std::lock_guard lock(mutex_);
  return issues_;
}

void FakeGithub::set_pull_request(long long pr, const std::string& head_sha) {
  std::lock_guard lock(mutex_);
  pull_heads_[pr] = head_sha;
}

void FakeGithub::set_user_response_size(std::size_t bytes, bool chunked) {
  std::lock_guard lock(mutex_);
  user_response_size_ = bytes;
  user_response_chunked_ = chunked;
}

}  // namespace benchgate::testing
