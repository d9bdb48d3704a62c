#pragma once
// The one way forge/ talks HTTP: a thin wrapper over cpp-httplib that every GitHub and GitLab call
// goes through, so the safety rules live in one place:
//  - TLS certificates are verified (system CA bundle, or `ca_file` instead of it);
//  - connect/read/write time-outs on every request plus a deadline per attempt that covers all
//    of it, from connecting to the last byte of the body (headers that trickle in included);
//  - a token is never sent over plain http unless the caller allows it (test servers);
//  - the proxy of forge/proxy.h, when one is set;
//  - request bodies and responses are bounded (refused beyond the limit, never truncated);
//  - retries follow forge/retry_policy.h with a cap on attempts and on the total time waited;
//  - redirects are not followed (the token must not travel to another host);
//  - the token only ever appears in its header; every message and log line is redacted.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "forge/http_error.h"
#include "forge/http_response.h"
#include "forge/proxy.h"
#include "forge/redactor.h"
#include "forge/retry_policy.h"
#include "forge/secret.h"
#include "forge/url.h"

namespace benchgate::forge {

inline constexpr std::size_t kMiB = 1024 * 1024;

struct HttpOptions {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds read_timeout{
      std::chrono::seconds(30)};  // a silent server fails after this
  std::chrono::milliseconds write_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds attempt_deadline{
      std::chrono::seconds(120)};  // a whole attempt, however slowly it drips
  // Send the token to an http:// base URL (`--allow-insecure-http`: local test servers).
  // Without it the client refuses to be built for one (InputError).
  bool allow_insecure_http = false;
  ProxySettings proxy;  // empty: connect directly
  // PEM bundle used INSTEAD of the system CA store (for GitHub Enterprise / self-hosted GitLab
  // behind a private CA). Verification is never turned off.
  std::optional<std::filesystem::path> ca_file;
  std::size_t max_request_body = 1 * kMiB;  // JSON bodies (comments, notes, check runs)
  std::size_t max_upload_body = 16 * kMiB;  // other bodies: file uploads (flame graph SVGs)
  std::size_t max_response_body = 10 * kMiB;
  int max_attempts = 6;
  std::chrono::milliseconds max_total_wait{std::chrono::minutes(5)};
  RetryPolicy retry;
  // How to wait between attempts. Tests not about waiting may shorten it; empty = really sleep.
  std::function<void(std::chrono::milliseconds)> sleep;
  LogSink log;             // receives redacted progress lines; may be empty
  std::string user_agent;  // empty = "benchgate/<version>"
};

// How the token is sent: `Authorization: Bearer <token>` (GitHub) or `PRIVATE-TOKEN: <token>`.
struct AuthHeader {
  std::string name;
  std::string value_prefix;  // "Bearer " or ""
  Secret token;
};

// A request body with its media type. JSON is the common case (the string_view overloads below);
// file uploads send multipart/form-data (forge/multipart.h). An empty body sends nothing.
struct RequestBody {
  std::string_view content_type;
  std::string_view bytes;

  static RequestBody json(std::string_view text) {
    return {text.empty() ? std::string_view() : "application/json", text};
  }
};

// Whether a request may be sent again after a 5xx or a connection lost mid-way (when the server
// may already have acted on it). Rate-limit refusals are always retried.
enum class Replay { kByMethod, kSafe, kUnsafe };

class HttpClient {
 public:
  // InputError when `base` is http://, `auth` is given and options.allow_insecure_http is not set,
  // or when the proxy setting cannot be used.
  HttpClient(BaseUrl base, std::optional<AuthHeader> auth,
             std::map<std::string, std::string> fixed_headers, HttpOptions options);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  // Sends `method target` with an optional JSON body and returns the final response after retries,
  // whatever its status. `target` is a path below the base URL's prefix ("/user?x=1"), or an
  // absolute URL the server gave us (a Link header), which must be on the same origin.
  // Throws HttpError when there is no usable response (network, TLS, size limit, time-out) or a
  // retryable failure outlasted the attempts or the time budget.
  HttpResponse send(std::string_view method, std::string_view target,
                    std::string_view json_body = {}, Replay replay = Replay::kByMethod);
  HttpResponse send(std::string_view method, std::string_view target, RequestBody body,
                    Replay replay);

  // send(), then throws HttpError unless the status is 2xx. `what` says what we were doing
  // ("listing comments of PR #7") and starts the message.
  HttpResponse send_ok(std::string_view what, std::string_view method, std::string_view target,
                       std::string_view json_body = {}, Replay replay = Replay::kByMethod);
  HttpResponse send_ok(std::string_view what, std::string_view method, std::string_view target,
                       RequestBody body, Replay replay);

  // Throws the HttpError for an unexpected `response`: "<what>: HTTP 404: <server's message>".
  [[noreturn]] void throw_status(std::string_view what, const HttpResponse& response) const;

  // Writes a line to the log sink, redacted.
  void log(std::string_view line) const;
  const Redactor& redactor() const;
  const BaseUrl& base() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// InputError unless a token may be sent to `api_url` (from `what`, e.g. GITHUB_API_URL): https,
// or http with options.allow_insecure_http. The HttpClient constructor checks the same.
void require_secure_transport(std::string_view api_url, std::string_view what,
                              const HttpOptions& options);

// "HTTP 404 (Not Found): <server's message>" — the server's own words, bounded and unredacted
// (callers redact the whole message).
std::string describe_status(const HttpResponse& response);

}  // namespace benchgate::forge
