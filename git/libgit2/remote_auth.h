#pragma once
// For the sources of git/. Credentials for talking to a remote, taken from the environment the way
// CI provides them, and never printed (docs/store.md#credentials):
//   1. a token inside the remote URL (https://x-access-token:TOKEN@host/..., GitLab's
//      https://gitlab-ci-token:TOKEN@host/...) — libgit2 uses it directly;
//   2. BENCHGATE_GIT_TOKEN (+ optional BENCHGATE_GIT_USERNAME, default: the URL's user name, else
//      "x-access-token") for HTTPS remotes whose URL carries no token;
//   3. `http.<url>.extraheader` / `http.extraheader` from git config — how actions/checkout hands
//      its token to later git commands — sent as extra HTTP headers;
//   4. ssh-agent for ssh remotes.
#include <string>
#include <vector>

#include <git2.h>

namespace benchgate::git {

// Per-connection state handed to libgit2 as the callbacks' payload.
struct RemoteSession {
  int credential_attempts = 0;
  std::vector<std::string> headers;      // extra HTTP headers (secret: never printed)
  std::vector<const char*> header_ptrs;  // views into `headers` for git_strarray
  // Filled by the push callback: one entry per ref the server rejected, with its message.
  std::vector<std::pair<std::string, std::string>> rejected;
  std::string server_messages;  // "remote: ..." text the server sent (hook output)

  git_strarray custom_headers();
};

// Proxy options for every fetch, connect and push: GIT_PROXY_AUTO, with which libgit2 takes the
// proxy from git config (`http.proxy`) or `https_proxy` / `http_proxy`, honouring `no_proxy`.
git_proxy_options auto_proxy_options();

// Sets the credential and push-status callbacks; `session` must outlive the remote operation.
void configure_callbacks(git_remote_callbacks& callbacks, RemoteSession& session);
// Extra HTTP headers configured for `url` in git config (http.extraheader and
// http.<prefix>.extraheader).
std::vector<std::string> configured_http_headers(git_repository* repo, const std::string& url);

}  // namespace benchgate::git
