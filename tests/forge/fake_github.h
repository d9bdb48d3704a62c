#pragma once
// A fake GitHub REST API with in-memory state, strict about requests as the real one is (and a
// little stricter): the endpoints forge::GithubClient uses, GitHub's pagination (per_page default
// 30, max 100; absolute Link URLs under /repositories/{id}/), and its error shapes.
#include <nlohmann/json.hpp>

#include "tests/forge/fake_server.h"

namespace benchgate::testing {

class FakeGithub : public FakeHttpServer {
 public:
  struct Options {
    std::string token = "ghs_FakeGithubToken0123456789abcdefABCDEF";
    std::string login = "benchgate-bot";
    // GET /user answers 403 like an App installation token (GITHUB_TOKEN); comments are then
    // authored by "github-actions[bot]".
    bool installation_token = false;
    std::string repo = "octo/widgets";
    long long repo_id = 4242;
    std::string prefix;  // e.g. "/api/v3" for GitHub Enterprise Server
    std::optional<TlsFiles> tls;
    bool check_runs_forbidden = false;
    // A careless server that quotes the Authorization header it received in error messages.
    bool echo_authorization_in_errors = false;
    std::size_t max_body = 1 << 20;
  };
  struct Comment {
    long long id;
    std::string author;
    std::string body;
  };
  // Issues are numbered per repository; `id` is global and differs from `number`, as on GitHub,
  // so a client that addresses an issue by the wrong one gets a 404.
  struct Issue {
    long long number;
    long long id;
    std::string author;
    std::string title;
    std::string body;
    std::string state;  // "open" or "closed"
  };
  struct CheckRunRecord {
    long long id;
    nlohmann::json created;  // the POST body
    std::vector<nlohmann::json> annotations;
    int patches = 0;
  };

  explicit FakeGithub(Options options);
  FakeGithub() : FakeGithub(Options{}) {}

  // The API base to give the client: origin + prefix.
  std::string api_base() const { return origin() + options_.prefix; }
  const Options& options() const { return options_; }

  long long add_comment(long long pr, const std::string& author, const std::string& body);
  std::vector<Comment> comments(long long pr) const;
  std::vector<CheckRunRecord> check_runs() const;
  long long add_issue(const std::string& author, const std::string& title, const std::string& body,
                      const std::string& state = "open");
  std::vector<Issue> issues() const;  // oldest first
  void set_pull_request(long long pr, const std::string& head_sha);
  // GET /user returns a body of about `bytes` bytes, chunked (no Content-Length) if asked.
  void set_user_response_size(std::size_t bytes, bool chunked);

 private:
  std::string author_of_token() const;
  bool check_request(const httplib::Request& req, httplib::Response& res);
  void reject(httplib::Response& res, int status, const std::string& message,
              const httplib::Request& req);
  std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res);

  Options options_;
  std::map<long long, std::vector<Comment>> comments_;
  std::map<long long, std::string> pull_heads_;
  std::vector<CheckRunRecord> check_runs_;
  std::vector<Issue> issues_;
  long long next_issue_ = 1;
  long long next_id_ = 1000;
  std::size_t user_response_size_ = 0;
  bool user_response_chunked_ = false;
};

}  // namespace benchgate::testing
