#include "tests/forge/fake_server.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "tests/support/process.h"

namespace benchgate::testing {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

TlsFiles make_self_signed_cert(const std::filesystem::path& dir) {
  TlsFiles files{dir / "cert.pem", dir / "key.pem"};
  // An EC key: generated in milliseconds, unlike RSA.
  auto result = run_process({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                             "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout",
                             files.key.string(), "-out", files.cert.string()});
  if (result.exit_code != 0) throw std::runtime_error("openssl req failed: " + result.err);
  return files;
}

FakeHttpServer::FakeHttpServer(std::optional<TlsFiles> tls, std::size_t max_body) {
  if (tls) {
    server_ = std::make_unique<httplib::SSLServer>(tls->cert.c_str(), tls->key.c_str());
    tls_ = true;
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  if (!server_->is_valid()) throw std::runtime_error("fake server: invalid TLS setup");
  server_->set_payload_max_length(max_body);  // httplib answers 413 beyond this
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    dispatch(req, res);
  };
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Put(".*", handler);
  server_->Patch(".*", handler);
  server_->Delete(".*", handler);
}

FakeHttpServer::~FakeHttpServer() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string FakeHttpServer::origin() const {
  return (tls_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port_);
}

void FakeHttpServer::start() {
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake server: cannot bind");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int i = 0; i < 2000 && !server_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void FakeHttpServer::route(std::string method, std::string raw_path_regex, Handler handler) {
  routes_.push_back({std::move(method), std::regex(raw_path_regex), std::move(handler)});
}

void FakeHttpServer::json_reply(httplib::Response& res, int status, const std::string& json) {
  res.status = status;
  res.set_content(json, "application/json; charset=utf-8");
}

void FakeHttpServer::inject_fault(Fault fault) {
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(fault));
}

std::vector<RecordedRequest> FakeHttpServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t FakeHttpServer::request_count(const std::string& method,
                                          const std::string& path_contains) const {
  std::lock_guard lock(mutex_);
  return std::count_if(requests_.begin(), requests_.end(), [&](const RecordedRequest& r) {
    return r.method == method && r.target.find(path_contains) != std::string::npos;
  });
}

void FakeHttpServer::dispatch(const httplib::Request& req, httplib::Response& res) {
  const std::string raw_path = req.target.substr(0, req.target.find('?'));
  {
    std::lock_guard lock(mutex_);
    RecordedRequest record{req.method, req.target, {}, req.body};
    for (const auto& [name, value] : req.headers) record.headers[lower(name)] = value;
    requests_.push_back(std::move(record));
  }
  const Route* match = nullptr;
  std::smatch groups;
  bool path_known = false;
  for (const auto& route : routes_) {
    std::smatch m;
    if (!std::regex_match(raw_path, m, route.pattern)) continue;
    path_known = true;
    if (route.method == req.method) {
      match = &route;
      groups = m;
      break;
    }
  }
  if (!path_known) return json_reply(res, 404, R"({"message":"Not Found"})");
  if (match == nullptr) return json_reply(res, 405, R"({"message":"Method Not Allowed"})");
  if (gatekeeper_ && !gatekeeper_(req, res)) return;
  std::optional<Fault> fault;
  {
    std::lock_guard lock(mutex_);
    for (auto& candidate : faults_) {
      if (candidate.times <= 0 || candidate.method != req.method ||
          raw_path.find(candidate.path_contains) == std::string::npos)
        continue;
      --candidate.times;
      fault = candidate;
      break;
    }
  }
  if (fault) {
    std::this_thread::sleep_for(fault->delay);  // outside the lock: other requests go on
    for (const auto& [name, value] : fault->headers) res.set_header(name, value);
    return json_reply(res, fault->status, fault->body);
  }
  match->handler(req, res, groups);
}

long long int_param(const httplib::Request& req, const std::string& name, long long fallback) {
  if (!req.has_param(name)) return fallback;
  try {
    return std::stoll(req.get_param_value(name));
  } catch (const std::exception&) {
    return fallback;
  }
}

}  // namespace benchgate::testing
