#pragma once
// Which HTTP proxy the forge clients go through, from the variables CI runners behind a proxy set
// (docs/forges.md#proxies): `https_proxy` / `HTTPS_PROXY` for https API URLs, `http_proxy` for
// http ones (test servers only: a token never travels over http without
// --allow-insecure-http), and `no_proxy` / `NO_PROXY` for hosts reached directly.
#include <optional>
#include <string>

#include "forge/environment.h"
#include "forge/url.h"

namespace benchgate::forge {

// The variables, read once (lower case first, as curl reads them).
struct ProxySettings {
  std::string https_proxy;
  std::string http_proxy;
  std::string no_proxy;
};
ProxySettings proxy_settings(const Environment& env);

// The proxy to connect through for `base`, or nullopt (none set, or `no_proxy` names the host:
// `*`, the host itself, or a domain it is under, given as `example.com` or `.example.com`; a
// `:port` after a name is ignored). InputError when the proxy variable is not an http:// URL or
// host:port.
std::optional<BaseUrl> proxy_for(const BaseUrl& base, const ProxySettings& settings);

}  // namespace benchgate::forge
