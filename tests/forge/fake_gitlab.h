#pragma once
// A fake GitLab REST API v4 (under /api/v4) with in-memory merge-request notes: PRIVATE-TOKEN
// auth, project addressed by numeric id or URL-encoded path, GitLab's pagination headers
// (x-next-page etc.; per_page default 20, max 100) and newest-first ordering, system notes, and
// project uploads (POST /projects/:id/uploads, multipart/form-data with a `file` part), and
// project issues (list with state/author_username/scope filters, create, edit), addressed by iid.
#include <nlohmann/json.hpp>

#include "tests/forge/fake_server.h"

namespace benchgate::testing {

class FakeGitlab : public FakeHttpServer {
 public:
  struct Options {
    std::string token = "glpat-FakeGitlabToken0123456789";
    std::string username = "project_42_bot";
    std::string project_id = "42";
    std::string project_path = "group/sub/widgets";
  };
  struct Upload {
    std::string filename, content_type, content, url;
  };
  struct Note {
    long long id;
    std::string author;
    std::string body;
    bool system;
  };

  // `id` is global and differs from `iid`, as on GitLab: a client using the wrong one gets 404.
  struct Issue {
    long long iid;
    long long id;
    std::string author;
    std::string title;
    std::string description;
    std::string state;  // "opened" or "closed"
  };

  explicit FakeGitlab(Options options);
  FakeGitlab() : FakeGitlab(Options{}) {}

  std::string api_base() const { return origin() + "/api/v4"; }
  const Options& options() const { return options_; }

  long long add_note(long long iid, const std::string& author, const std::string& body,
                     bool system);
  std::vector<Note> notes(long long iid) const;  // oldest first
  std::vector<Upload> uploads() const;           // oldest first
  long long add_issue(const std::string& author, const std::string& title,
                      const std::string& description, const std::string& state = "opened");
  std::vector<Issue> issues() const;  // oldest first

 private:
  bool check_request(const httplib::Request& req, httplib::Response& res);
  bool known_project(const std::string& raw_segment) const;

  Options options_;
  std::map<long long, std::vector<Note>> notes_;
  std::vector<Upload> uploads_;
  std::vector<Issue> issues_;
  long long next_iid_ = 1;
  long long next_id_ = 5000;
};

}  // namespace benchgate::testing
