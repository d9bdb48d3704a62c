#include "forge/access.h"

#include "core/credentials.h"
#include "core/log.h"
#include "forge/proxy.h"
#include "forge/tokens.h"

namespace benchgate::forge {

ForgeAccess forge_access(CiKind kind, const std::string& token_env, const std::string& ca_file,
                         bool allow_insecure_http, const Environment& env) {
  ForgeAccess access;
  access.token_env = !token_env.empty()          ? token_env
                     : kind == CiKind::kGitlabCi ? std::string(kGitlabTokenEnv)
                                                 : std::string(kGithubTokenEnv);
  access.token = token_from_env(env, access.token_env);
  if (access.token) access.redactor.add(*access.token);
  // The benchmarks are the pull request's code: they have no business with our token, whatever
  // its variable is called (names like a credential were withdrawn at startup already).
  withdraw_from_environment(access.token_env);
  if (!ca_file.empty()) access.http.ca_file = ca_file;
  access.http.allow_insecure_http = allow_insecure_http;
  access.http.proxy = proxy_settings(env);
  access.http.log = [redactor = access.redactor](std::string_view line) {
    log_info("{}", redactor.redact(line));
  };
  return access;
}

}  // namespace benchgate::forge
