#pragma once
// The common part of the fake GitHub and GitLab servers: a real cpp-httplib server (plain or TLS)
// on 127.0.0.1 at a random port, run on its own thread, with a route table that answers 404 for
// unknown paths and 405 for known paths with the wrong method, a body-size limit (413), a
// gatekeeper for auth/header checks, injectable faults, and a record of every request received.
//
// Routes match the RAW request path (before percent-decoding), as a real API router does: that is
// what makes "group%2Fproject" and "group/project" different paths.
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace benchgate::testing {

struct TlsFiles {
  std::filesystem::path cert;
  std::filesystem::path key;
};

// Writes a self-signed certificate for 127.0.0.1 (SAN IP and CN) into `dir` with the openssl CLI.
TlsFiles make_self_signed_cert(const std::filesystem::path& dir);

struct RecordedRequest {
  std::string method;
  std::string target;                          // raw path + query
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// Answer the next `times` requests whose method matches and whose raw path contains
// `path_contains` with this status/headers/body instead of handling them.
struct Fault {
  std::string method;
  std::string path_contains;
  int status = 500;
  std::map<std::string, std::string> headers;
  std::string body = R"({"message":"injected fault"})";
  int times = 1;
  std::chrono::milliseconds delay{0};  // wait this long before answering (time-out tests)

  static Fault on(std::string method, std::string path_contains, int status) {
    Fault fault;
    fault.method = std::move(method);
    fault.path_contains = std::move(path_contains);
    fault.status = status;
    return fault;
  }
  Fault& header(const std::string& name, const std::string& value) {
    headers[name] = value;
    return *this;
  }
  Fault& with_body(std::string text) {
    body = std::move(text);
    return *this;
  }
  Fault& repeat(int count) {
    times = count;
    return *this;
  }
  Fault& after(std::chrono::milliseconds wait) {
    delay = wait;
    return *this;
  }
};

class FakeHttpServer {
 public:
  using Handler =
      std::function<void(const httplib::Request&, httplib::Response&, const std::smatch&)>;
  // Returns false (after filling the response) to reject a request before its handler runs.
  using Gatekeeper = std::function<bool(const httplib::Request&, httplib::Response&)>;

  explicit FakeHttpServer(std::optional<TlsFiles> tls = std::nullopt,
                          std::size_t max_body = 1 << 20);
  virtual ~FakeHttpServer();
  FakeHttpServer(const FakeHttpServer&) = delete;
  FakeHttpServer& operator=(const FakeHttpServer&) = delete;

  int port() const { return port_; }
  // scheme://127.0.0.1:port
  std::string origin() const;

  void inject_fault(Fault fault);
  std::vector<RecordedRequest> requests() const;
  std::size_t request_count(const std::string& method, const std::string& path_contains) const;

 protected:
  // Call from the derived constructor after adding routes.
  void start();
  void route(std::string method, std::string raw_path_regex, Handler handler);
  void set_gatekeeper(Gatekeeper gatekeeper) { gatekeeper_ = std::move(gatekeeper); }
  static void json_reply(httplib::Response& res, int status, const std::string& json);

  mutable std::mutex mutex_;  // guards all state, including the derived classes'

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
  };
  void dispatch(const httplib::Request& req, httplib::Response& res);

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  bool tls_ = false;
  std::vector<Route> routes_;
  Gatekeeper gatekeeper_;
  std::vector<Fault> faults_;
  std::vector<RecordedRequest> requests_;
};

// Query parameter `name` of `req` as an integer, or `fallback`.
long long int_param(const httplib::Request& req, const std::string& name, long long fallback);

}  // namespace benchgate::testing
