#include "forge/http_client.h"

#include <httplib.h>
#include <openssl/x509.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_input.h"
#include "core/version.h"
#include "forge/ascii.h"

namespace benchgate::forge {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

bool idempotent(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "PUT" || method == "PATCH" ||
         method == "DELETE";
}

// Keeps printable ASCII of a server's text so an error message stays one readable line.
std::string printable(std::string_view text, std::size_t max_length) {
  std::string out;
  for (char c : text.substr(0, max_length)) {
    unsigned char u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7f) ? c : ' ';
  }
  if (text.size() > max_length) out += "...";
  return out;
}

std::string format_seconds(milliseconds duration) {
  return fmt::format("{:.1f} s", static_cast<double>(duration.count()) / 1000.0);
}

// Result of one attempt: a response, or why there is none.
struct Attempt {
  std::optional<HttpResponse> response;
  TransportFailure failure = TransportFailure::kNone;
  bool permanent = false;  // no point retrying (TLS verification, our own size limit)
  std::string error;       // when there is no response
};

// Stops `client` (closing its socket, which ends a blocked read) when `deadline` passes before
// the watchdog is destroyed. cpp-httplib's time-outs are per read: a server sending one byte of
// its headers every few seconds would otherwise hold the request forever.
class Watchdog {
 public:
  Watchdog(httplib::Client& client, Clock::time_point deadline)
      : thread_([this, &client, deadline] {
          std::unique_lock lock(mutex_);
          if (!done_cv_.wait_until(lock, deadline, [this] { return done_; })) {
            fired_ = true;
            client.stop();
          }
        }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    done_cv_.notify_one();
    thread_.join();
  }
  bool fired() {
    std::lock_guard lock(mutex_);
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false, fired_ = false;
  std::thread thread_;
};

void refuse_insecure_transport(const BaseUrl& base, std::string_view what,
                               const HttpOptions& options) {
  if (base.scheme == "http" && !options.allow_insecure_http)
    throw InputError(fmt::format(
        "{} is {}: plain http would carry the token unencrypted; use https:// (or, for a local "
        "test server only, --allow-insecure-http)",
        what, base.origin()));
}

}  // namespace

void require_secure_transport(std::string_view api_url, std::string_view what,
                              const HttpOptions& options) {
  refuse_insecure_transport(parse_base_url(api_url, what), what, options);
}

std::string describe_status(const HttpResponse& response) {
  std::string detail;
  // GitHub and GitLab both answer errors with {"message": ...}; GitLab's may be an object. The
  // body is the server's: parse_json_text refuses nesting beyond kMaxJsonDepth before anything
  // recursive (dump) sees it, and dump replaces invalid UTF-8 instead of throwing.
  nlohmann::json parsed;
  try {
    parsed = parse_json_text(response.body, "response");
  } catch (const InputError&) {
    // not JSON, or too deep: the raw body, cut and made printable below
  }
  const auto dump = [](const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  if (parsed.is_object() && parsed.contains("message")) {
    const auto& message = parsed["message"];
    detail = message.is_string() ? message.get<std::string>() : dump(message);
    if (parsed.contains("errors")) detail += " " + dump(parsed["errors"]);
  } else if (parsed.is_object() && parsed.contains("error")) {
    detail =
        parsed["error"].is_string() ? parsed["error"].get<std::string>() : dump(parsed["error"]);
  } else {
    detail = response.body;
  }
  std::string text = fmt::format("HTTP {}", response.status);
  if (!detail.empty()) text += ": " + printable(detail, 300);
  return text;
}

struct HttpClient::Impl {
  BaseUrl base;
  std::optional<AuthHeader> auth;
  std::map<std::string, std::string> fixed_headers;
  HttpOptions options;
  Redactor redactor;
  std::optional<BaseUrl> proxy;  // from options.proxy, resolved once
  std::mt19937_64 random{std::random_device{}()};

  void log(std::string_view line) const {
    if (options.log) options.log(redactor.redact(line));
  }

  HttpError error(int status, std::string_view message) const {
    return HttpError(status, redactor.redact(message));
  }

  std::string resolve(std::string_view target) const {
    if (target.starts_with("/")) return base.path_prefix + std::string(target);
    if (target.starts_with("http://") || target.starts_with("https://"))
      return same_origin_target(base, target);
    throw error(0, fmt::format("internal: bad request target `{}`", target));
  }

  httplib::Headers request_headers(RequestBody body) const {
    httplib::Headers headers;
    for (const auto& [name, value] : fixed_headers) headers.emplace(name, value);
    headers.emplace("User-Agent", options.user_agent.empty() ? fmt::format("benchgate/{}", kVersion)
                                                             : options.user_agent);
    if (auth) headers.emplace(auth->name, auth->value_prefix + auth->token.reveal());
    if (!body.content_type.empty()) headers.emplace("Content-Type", std::string(body.content_type));
    return headers;
  }

  Attempt attempt(const std::string& method, const std::string& path, RequestBody request_body) {
    httplib::Client client(base.origin());
    if (proxy) client.set_proxy(proxy->host, proxy->port);
    client.set_connection_timeout(options.connect_timeout);
    client.set_read_timeout(options.read_timeout);
    client.set_write_timeout(options.write_timeout);
    client.set_follow_location(false);  // never carry the token to wherever a redirect points
    client.set_url_encode(false);       // targets are encoded by us, exactly once
    client.enable_server_certificate_verification(true);
    if (options.ca_file) client.set_ca_cert_path(options.ca_file->string());

    httplib::Request request;
    request.method = method;
    request.path = path;
    request.headers = request_headers(request_body);
    request.body = std::string(request_body.bytes);

    // The body is collected by hand so its size is checked while it arrives: a declared
    // Content-Length over the limit is refused before reading, an undeclared (chunked) one as
    // soon as it passes the limit. Decompressed bytes are what is counted.
    std::string body;
    bool too_large = false, too_slow = false;
    const auto deadline = Clock::now() + options.attempt_deadline;
    const std::size_t limit = options.max_response_body;
    request.response_handler = [&](const httplib::Response& response) {
      if (response.has_header("Content-Length")) {
        auto declared = response.get_header_value<uint64_t>("Content-Length");
        if (declared > limit) {
          too_large = true;
          return false;
        }
      }
      return true;
    };
    request.content_receiver = [&](const char* data, std::size_t length, uint64_t, uint64_t) {
      if (body.size() + length > limit) {
        too_large = true;
        return false;
      }
      if (Clock::now() > deadline) {
        too_slow = true;
        return false;
      }
      body.append(data, length);
      return true;
    };

    httplib::Result result = [&] {
      Watchdog watchdog(client, deadline);
      httplib::Result r = client.send(request);
      if (watchdog.fired()) too_slow = true;
      return r;
    }();
    Attempt attempt;
    if (too_large) {
      attempt.permanent = true;
      attempt.failure = TransportFailure::kDuringTransfer;
      attempt.error =
          fmt::format("the response is larger than the limit of {} bytes; refused", limit);
      return attempt;
    }
    if (too_slow) {
      attempt.failure = TransportFailure::kDuringTransfer;
      attempt.error =
          fmt::format("the response took longer than {}", format_seconds(options.attempt_deadline));
      return attempt;
    }
    if (!result) {
      httplib::Error code = result.error();
      switch (code) {
        case httplib::Error::Connection:
        case httplib::Error::ConnectionTimeout:
        case httplib::Error::BindIPAddress:
          attempt.failure = TransportFailure::kNotSent;
          attempt.error =
              fmt::format("cannot connect to {} ({})", base.origin(), httplib::to_string(code));
          break;
        case httplib::Error::SSLServerVerification: {
          attempt.permanent = true;
          attempt.failure = TransportFailure::kNotSent;
          long verify = client.get_openssl_verify_result();
          attempt.error = fmt::format(
              "the TLS certificate of {} could not be verified ({}); if the server uses a private "
              "CA, pass its PEM bundle with --ca-file",
              base.host,
              verify != X509_V_OK ? X509_verify_cert_error_string(verify) : "host name mismatch");
          break;
        }
        case httplib::Error::SSLConnection:
        case httplib::Error::SSLLoadingCerts:
          attempt.permanent = true;
          attempt.failure = TransportFailure::kNotSent;
          attempt.error = fmt::format(
              "TLS connection to {} failed ({}){}", base.origin(), httplib::to_string(code),
              options.ca_file ? fmt::format("; CA file {}", options.ca_file->string()) : "");
          break;
        default:
          attempt.failure = TransportFailure::kDuringTransfer;
          attempt.error = fmt::format("network error talking to {} ({})", base.origin(),
                                      httplib::to_string(code));
      }
      return attempt;
    }
    HttpResponse response;
    response.status = result->status;
    for (const auto& [name, value] : result->headers) {
      auto& slot = response.headers[ascii_lower(name)];
      slot = slot.empty() ? value : slot + ", " + value;
    }
    response.body = std::move(body);
    attempt.response = std::move(response);
    return attempt;
  }

  void sleep(milliseconds delay) const {
    if (options.sleep)
      options.sleep(delay);
    else
      std::this_thread::sleep_for(delay);
  }

  HttpResponse send(std::string_view method_in, std::string_view target, RequestBody body,
                    Replay replay) {
    const std::string method = ascii_upper(method_in);
    const std::string path = resolve(target);
    const std::string label = fmt::format("{} {}", method, path);
    const bool json = body.content_type.empty() || body.content_type == "application/json";
    const std::size_t limit = json ? options.max_request_body : options.max_upload_body;
    if (body.bytes.size() > limit)
      throw error(0, fmt::format("{}: the request body of {} bytes exceeds the limit of {} bytes; "
                                 "not sent",
                                 label, body.bytes.size(), limit));
    const bool replay_safe =
        replay == Replay::kSafe || (replay == Replay::kByMethod && idempotent(method));
    milliseconds waited{0};
    for (int number = 1;; ++number) {
      auto started = Clock::now();
      Attempt result = attempt(method, path, body);
      auto elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - started);
      if (result.response) {
        log(fmt::format("{} -> {} ({} ms)", label, result.response->status, elapsed.count()));
      } else {
        log(fmt::format("{} -> {} ({} ms)", label, result.error, elapsed.count()));
      }
      if (result.permanent) throw error(0, fmt::format("{}: {}", label, result.error));

      RetryInput input;
      input.response = result.response ? &*result.response : nullptr;
      input.failure = result.failure;
      input.replay_safe = replay_safe;
      input.attempt = number;
      input.now_epoch_seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
      auto plan = plan_retry(input, options.retry, random);
      if (!plan) {
        if (result.response) return std::move(*result.response);
        throw error(0, fmt::format("{}: {}", label, result.error));
      }
      const int status = result.response ? result.response->status : 0;
      const std::string what_failed =
          result.response ? describe_status(*result.response) : result.error;
      if (number >= options.max_attempts)
        throw error(status,
                    fmt::format("{}: gave up after {} attempts: {}", label, number, what_failed));
      if (waited + plan->delay > options.max_total_wait)
        throw error(status,
                    fmt::format("{}: gave up: {} asks for a wait of {}, more than the remaining "
                                "retry budget of {} ({})",
                                label, plan->reason, format_seconds(plan->delay),
                                format_seconds(options.max_total_wait - waited), what_failed));
      log(fmt::format("{}: retrying in {} ({}) [attempt {}/{}]", label, format_seconds(plan->delay),
                      plan->reason, number + 1, options.max_attempts));
      sleep(plan->delay);
      waited += plan->delay;
    }
  }
};

HttpClient::HttpClient(BaseUrl base, std::optional<AuthHeader> auth,
                       std::map<std::string, std::string> fixed_headers, HttpOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->base = std::move(base);
  impl_->auth = std::move(auth);
  impl_->fixed_headers = std::move(fixed_headers);
  impl_->options = std::move(options);
  if (impl_->auth) impl_->redactor.add(impl_->auth->token);
  if (impl_->auth) refuse_insecure_transport(impl_->base, "the API URL", impl_->options);
  impl_->proxy = proxy_for(impl_->base, impl_->options.proxy);
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResponse HttpClient::send(std::string_view method, std::string_view target,
                              std::string_view json_body, Replay replay) {
  return impl_->send(method, target, RequestBody::json(json_body), replay);
}

HttpResponse HttpClient::send(std::string_view method, std::string_view target, RequestBody body,
                              Replay replay) {
  return impl_->send(method, target, body, replay);
}

HttpResponse HttpClient::send_ok(std::string_view what, std::string_view method,
                                 std::string_view target, std::string_view json_body,
                                 Replay replay) {
  return send_ok(what, method, target, RequestBody::json(json_body), replay);
}

HttpResponse HttpClient::send_ok(std::string_view what, std::string_view method,
                                 std::string_view target, RequestBody body, Replay replay) {
  HttpResponse response = send(method, target, body, replay);
  if (!response.ok())
    throw_status(fmt::format("{}: {} {} failed", what, ascii_upper(method), impl_->resolve(target)),
                 response);
  return response;
}

void HttpClient::throw_status(std::string_view what, const HttpResponse& response) const {
  throw impl_->error(response.status, fmt::format("{}: {}", what, describe_status(response)));
}

void HttpClient::log(std::string_view line) const {
  impl_->log(line);
}
const Redactor& HttpClient::redactor() const {
  return impl_->redactor;
}
const BaseUrl& HttpClient::base() const {
  return impl_->base;
}

}  // namespace benchgate::forge
