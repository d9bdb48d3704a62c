#include "git/libgit2/remote_auth.h"

#include <optional>
#include <string>

#include "core/credentials.h"

#include "git/libgit2/handles.h"

namespace benchgate::git {
namespace {

// libgit2 calls the credential callback again after every rejected attempt; one try per kind is
// enough, and returning an error ends the loop instead of hammering the server.
constexpr int kMaxCredentialAttempts = 2;

// The token was taken out of the environment at startup (core/credentials.h), hence no getenv.
std::optional<std::string> env(const char* name) {
  std::optional<std::string> value = environment_value(name);
  if (value && value->empty()) value.reset();
  return value;
}

int acquire_credentials(git_credential** out, const char* url, const char* username_from_url,
                        unsigned int allowed_types, void* payload) {
  (void)url;
  auto& session = *static_cast<RemoteSession*>(payload);
  if (++session.credential_attempts > kMaxCredentialAttempts) {
    git_error_set_str(GIT_ERROR_NET, "authentication failed (credentials were refused)");
    return GIT_EAUTH;
  }
  if (allowed_types & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
    if (const std::optional<std::string> token = env("BENCHGATE_GIT_TOKEN")) {
      std::optional<std::string> user = env("BENCHGATE_GIT_USERNAME");
      if (!user)
        user = username_from_url && *username_from_url ? username_from_url : "x-access-token";
      return git_credential_userpass_plaintext_new(out, user->c_str(), token->c_str());
    }
  }
  if (allowed_types & GIT_CREDENTIAL_SSH_KEY)
    return git_credential_ssh_key_from_agent(out, username_from_url ? username_from_url : "git");
  if (allowed_types & GIT_CREDENTIAL_USERNAME)
    return git_credential_username_new(out, username_from_url ? username_from_url : "git");
  git_error_set_str(GIT_ERROR_NET,
                    "the remote asks for credentials: put a token in the remote URL or set "
                    "BENCHGATE_GIT_TOKEN (see docs/store.md#credentials)");
  return GIT_EAUTH;
}

// libgit2 reports each ref's outcome here; a non-null status is the server's rejection message.
// git_remote_push itself can return success while the server rejected the ref.
int record_push_status(const char* refname, const char* status, void* payload) {
  if (status) static_cast<RemoteSession*>(payload)->rejected.emplace_back(refname, status);
  return 0;
}

int record_server_message(const char* text, int length, void* payload) {
  auto& messages = static_cast<RemoteSession*>(payload)->server_messages;
  if (messages.size() < 4096) messages.append(text, static_cast<std::size_t>(length));
  return 0;
}

bool url_has_prefix(const std::string& url, const std::string& prefix) {
  return url.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

git_proxy_options auto_proxy_options() {
  git_proxy_options proxy;
  git_proxy_options_init(&proxy, GIT_PROXY_OPTIONS_VERSION);
  proxy.type = GIT_PROXY_AUTO;
  return proxy;
}

git_strarray RemoteSession::custom_headers() {
  header_ptrs.clear();
  for (const auto& h : headers) header_ptrs.push_back(h.c_str());
  return {const_cast<char**>(header_ptrs.data()), header_ptrs.size()};
}

void configure_callbacks(git_remote_callbacks& callbacks, RemoteSession& session) {
  callbacks.credentials = acquire_credentials;
  callbacks.push_update_reference = record_push_status;
  callbacks.sideband_progress = record_server_message;
  callbacks.payload = &session;
}

std::vector<std::string> configured_http_headers(git_repository* repo, const std::string& url) {
  std::vector<std::string> headers;
  git_config* config = nullptr;
  if (git_repository_config_snapshot(&config, repo) < 0) {
    git_error_clear();
    return headers;
  }
  ConfigPtr owned(config);
  git_config_iterator* iterator = nullptr;
  if (git_config_iterator_glob_new(&iterator, config, "^http\\..*extraheader$") < 0) {
    git_error_clear();
    return headers;
  }
  git_config_entry* entry = nullptr;
  while (git_config_next(&entry, iterator) == 0) {
    // http.extraheader (no scope: every URL) or http.<url prefix>.extraheader. The glob
    // guarantees both ends; the scope is what lies between them, if anything.
    const std::string_view name = entry->name;
    constexpr std::string_view kPrefix = "http.", kSuffix = "extraheader";
    std::string_view scope =
        name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
    if (!scope.empty()) {
      if (scope.back() != '.') continue;  // http.<something>extraheader: another key
      scope.remove_suffix(1);
    }
    if (url_has_prefix(url, std::string(scope)) && entry->value && *entry->value)
      headers.emplace_back(entry->value);
  }
  git_config_iterator_free(iterator);
  return headers;
}

}  // namespace benchgate::git
