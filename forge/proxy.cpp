#include "forge/proxy.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "forge/ascii.h"

namespace benchgate::forge {
namespace {

std::string first_set(const Environment& env, std::string_view lower, std::string_view upper) {
  if (auto v = non_empty(env, lower)) return *v;
  return non_empty(env, upper).value_or("");
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Whether one `no_proxy` entry names `host` (already lower case, without brackets' content
// changed).
bool excludes(std::string_view entry, std::string_view host) {
  if (entry == "*") return true;
  if (!entry.starts_with("[")) entry = entry.substr(0, entry.find(':'));  // name:port
  if (entry.starts_with(".")) entry.remove_prefix(1);
  if (entry.empty()) return false;
  if (host == entry) return true;
  return host.size() > entry.size() && host.ends_with(entry) &&
         host[host.size() - entry.size() - 1] == '.';
}

}  // namespace

ProxySettings proxy_settings(const Environment& env) {
  ProxySettings s;
  s.https_proxy = first_set(env, "https_proxy", "HTTPS_PROXY");
  // Only the lower-case http_proxy: HTTP_PROXY can be set by a client's request header in CGI.
  s.http_proxy = non_empty(env, "http_proxy").value_or("");
  s.no_proxy = first_set(env, "no_proxy", "NO_PROXY");
  return s;
}

std::optional<BaseUrl> proxy_for(const BaseUrl& base, const ProxySettings& settings) {
  const bool https = base.scheme == "https";
  const std::string& value = https ? settings.https_proxy : settings.http_proxy;
  if (value.empty()) return std::nullopt;
  const std::string host = ascii_lower(base.host);
  std::string_view list = settings.no_proxy;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (excludes(ascii_lower(trimmed(list.substr(0, comma))), host)) return std::nullopt;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  const std::string_view what = https ? "https_proxy" : "http_proxy";
  BaseUrl proxy =
      parse_base_url(value.find("://") == std::string::npos ? "http://" + value : value, what);
  if (proxy.scheme != "http")
    throw InputError(
        fmt::format("{} is {}: only an http:// proxy is supported (it tunnels "
                    "https with CONNECT)",
                    what, proxy.origin()));
  return proxy;
}

}  // namespace benchgate::forge
