// forge::HttpClient's transport rules against real sockets: a deadline over the whole attempt (a
// server trickling its headers cannot hold a request), the https proxy of `https_proxy` (a
// CONNECT proxy written here, on a thread) and `no_proxy`, and no token over plain http.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "forge/http_client.h"
#include "tests/forge/capture.h"
#include "tests/forge/fake_github.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A listening socket on 127.0.0.1 at a free port, and a thread serving it with `serve(fd)` for
// each connection, until destroyed.
class LocalListener {
 public:
  explicit LocalListener(std::function<void(int)> serve) : serve_(std::move(serve)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(fd_, 8);
    socklen_t length = sizeof addr;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &length);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] {
      while (!stopping_) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        const int client = accept(fd_, nullptr, nullptr);
        if (client < 0) continue;
        workers_.emplace_back([this, client] {
          serve_(client);
          close(client);
        });
      }
    });
  }
  ~LocalListener() {
    stopping_ = true;
    thread_.join();
    for (auto& w : workers_) w.join();
    close(fd_);
  }
  int port() const { return port_; }
  const std::atomic<bool>& stopping() const { return stopping_; }

 private:
  std::function<void(int)> serve_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::vector<std::thread> workers_;
};

// Reads up to the end of the request head ("\r\n\r\n").
std::string read_head(int fd) {
  std::string head;
  char c;
  while (head.find("\r\n\r\n") == std::string::npos && read(fd, &c, 1) == 1) head += c;
  return head;
}

bool send_all(int fd, std::string_view bytes) {
  return send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
}

TEST(HttpTransport, AServerTricklingItsHeadersIsCutOffAtTheAttemptDeadline) {
  // One header byte every 50 ms for up to 20 s: every read succeeds well within the read time-out,
  // so only a deadline over the whole attempt ends it.
  LocalListener trickler([](int fd) {
    read_head(fd);
    send_all(fd, "HTTP/1.1 200 OK\r\nX-Slow: ");
    for (int i = 0; i < 400; ++i) {
      if (!send_all(fd, "a")) return;
      std::this_thread::sleep_for(milliseconds(50));
    }
    send_all(fd, "\r\nContent-Length: 0\r\n\r\n");
  });
  Capture capture;
  auto options = capture.options();
  options.attempt_deadline = milliseconds(600);
  options.max_attempts = 1;
  forge::HttpClient client(
      forge::parse_base_url("http://127.0.0.1:" + std::to_string(trickler.port()), "test"),
      std::nullopt, {}, options);
  const auto started = std::chrono::steady_clock::now();
  std::string message;
  try {
    client.send("GET", "/user");
  } catch (const forge::HttpError& e) {
    message = e.what();
  }
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_THAT(message, HasSubstr("took longer than 0.6 s"));
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

// A CONNECT proxy: records each request line and tunnels the bytes to the target it names.
class ConnectProxy {
 public:
  ConnectProxy() : listener_([this](int client) { tunnel(client); }) {}
  std::string url() const { return "http://127.0.0.1:" + std::to_string(listener_.port()); }
  std::vector<std::string> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void tunnel(int client) {
    const std::string head = read_head(client);
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(head.substr(0, head.find("\r\n")));
    }
    int port = 0;
    if (sscanf(head.c_str(), "CONNECT 127.0.0.1:%d ", &port) != 1) {
      send_all(client, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    const int target = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (connect(target, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      close(target);
      return;
    }
    send_all(client, "HTTP/1.1 200 Connection established\r\n\r\n");
    pollfd fds[2] = {{client, POLLIN, 0}, {target, POLLIN, 0}};
    char buffer[16384];
    for (bool open = true; open;) {
      if (poll(fds, 2, 100) < 0) break;
      for (int i = 0; i < 2 && open; ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
        const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
        open = n > 0 && send_all(fds[1 - i].fd, {buffer, static_cast<std::size_t>(n)});
      }
      if (listener_.stopping()) break;
    }
    close(target);
  }

  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
  LocalListener listener_;  // last: its threads use the members above
};

struct TlsGithub {
  TempDir dir;
  TlsFiles tls = make_self_signed_cert(dir.path());
  FakeGithub github{[this] {
    FakeGithub::Options o;
    o.tls = tls;
    return o;
  }()};
};

forge::HttpClient client_through(TlsGithub& server, Capture& capture,
                                 const forge::ProxySettings& proxy) {
  auto options = capture.options();
  options.ca_file = server.tls.cert;
  options.proxy = proxy;
  return forge::HttpClient(
      forge::parse_base_url(server.github.api_base(), "test"),
      forge::AuthHeader{"Authorization", "Bearer ", forge::Secret(server.github.options().token)},
      {{"Accept", "application/vnd.github+json"}}, options);
}

TEST(HttpTransport, HttpsGoesThroughTheHttpsProxyWithConnect) {
  TlsGithub server;
  ConnectProxy proxy;
  Capture capture;
  forge::ProxySettings settings =
      forge::proxy_settings(forge::map_environment({{"HTTPS_PROXY", proxy.url()}}));
  auto client = client_through(server, capture, settings);
  EXPECT_EQ(client.send("GET", "/user").status, 200);
  EXPECT_THAT(
      proxy.requests(),
      ElementsAre("CONNECT 127.0.0.1:" + std::to_string(server.github.port()) + " HTTP/1.1"));
  EXPECT_EQ(server.github.requests().size(), 1u);
}

TEST(HttpTransport, NoProxyNamesHostsReachedDirectly) {
  TlsGithub server;
  ConnectProxy proxy;
  Capture capture;
  for (const std::string no_proxy : {"127.0.0.1", "localhost, 127.0.0.1:443", "*"}) {
    forge::ProxySettings settings = forge::proxy_settings(
        forge::map_environment({{"https_proxy", proxy.url()}, {"NO_PROXY", no_proxy}}));
    auto client = client_through(server, capture, settings);
    EXPECT_EQ(client.send("GET", "/user").status, 200) << no_proxy;
  }
  EXPECT_THAT(proxy.requests(), IsEmpty());
  // A domain entry covers its subdomains, not a host that merely ends with the same letters.
  forge::ProxySettings settings;
  settings.https_proxy = proxy.url();
  settings.no_proxy = ".example.com";
  const auto via = [&](const char* url) {
    return forge::proxy_for(forge::parse_base_url(url, "t"), settings).has_value();
  };
  EXPECT_FALSE(via("https://api.example.com"));
  EXPECT_FALSE(via("https://example.com"));
  EXPECT_TRUE(via("https://notexample.com"));
}

TEST(HttpTransport, ATokenIsNotSentOverPlainHttpUnlessAllowed) {
  FakeGithub github;  // plain http
  forge::HttpOptions options;
  const auto build = [&] {
    return forge::HttpClient(
        forge::parse_base_url(github.api_base(), "test"),
        forge::AuthHeader{"Authorization", "Bearer ", forge::Secret(github.options().token)},
        {{"Accept", "application/vnd.github+json"}}, options);
  };
  try {
    build();
    ADD_FAILURE() << "an http:// client with a token was built";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("--allow-insecure-http"));
  }
  options.allow_insecure_http = true;
  EXPECT_EQ(build().send("GET", "/user").status, 200);
}

}  // namespace
}  // namespace benchgate::testing
