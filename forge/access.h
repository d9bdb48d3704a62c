#pragma once
// The token and HTTP options of every call to a forge (docs/security.md): the token read once from
// its variable and taken out of the environment, a redactor that knows it, and the transport's
// options (CA file, http:// for test servers only, proxy, logging through the redactor).
#include <optional>
#include <string>

#include "forge/environment.h"
#include "forge/event.h"
#include "forge/http_client.h"
#include "forge/redactor.h"
#include "forge/secret.h"

namespace benchgate::forge {

struct ForgeAccess {
  std::optional<Secret> token;
  std::string token_env;  // the variable it came from (or should have), for messages
  Redactor redactor;      // knows the token: everything we write passes through it
  HttpOptions http;
};

// Reads the token from `token_env` (default: GITHUB_TOKEN for GitHub, BENCHGATE_GITLAB_TOKEN for
// GitLab) and removes that variable from our environment, so the benchmarks we start never see
// it. `ca_file` replaces the system CA store for TLS verification; `allow_insecure_http` lets the
// token go to an http:// API URL (test servers). The proxy comes from `env` (forge/proxy.h).
ForgeAccess forge_access(CiKind kind, const std::string& token_env, const std::string& ca_file,
                         bool allow_insecure_http, const Environment& env);

}  // namespace benchgate::forge
