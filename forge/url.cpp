#include "forge/url.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/errors.h"
#include "forge/ascii.h"

namespace benchgate::forge {
namespace {

bool valid_host(std::string_view host) {
  if (host.empty()) return false;
  if (host.front() == '[') return host.back() == ']' && host.size() > 2;
  return std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_';
  });
}

}  // namespace

std::string BaseUrl::origin() const {
  return fmt::format("{}://{}:{}", scheme, host, port);
}

BaseUrl parse_base_url(std::string_view url, std::string_view what) {
  // The URL itself is not echoed in errors when it might carry credentials.
  auto fail = [&](std::string_view why) {
    return InputError(fmt::format("{}: invalid API base URL: {}", what, why));
  };
  BaseUrl base;
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos)
    throw fail(fmt::format("`{}` has no scheme (expected https://host[/prefix])", url));
  base.scheme = ascii_lower(url.substr(0, scheme_end));
  if (base.scheme != "https" && base.scheme != "http")
    throw fail(fmt::format("scheme `{}` is not http or https", base.scheme));
  std::string_view rest = url.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos)
    throw fail("a query or fragment is not allowed");
  std::string_view authority = rest.substr(0, rest.find('/'));
  std::string_view path = rest.substr(authority.size());
  if (authority.find('@') != std::string_view::npos)
    throw fail("credentials in the URL are not supported; pass the token through its variable");
  std::string_view host = authority;
  std::string_view port_text;
  if (auto close = authority.rfind(']');
      authority.starts_with('[') && close != std::string_view::npos) {
    host = authority.substr(0, close + 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') throw fail(fmt::format("bad host `{}`", authority));
      port_text = authority.substr(close + 2);
    }
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port_text = authority.substr(colon + 1);
  }
  if (!valid_host(host)) throw fail(fmt::format("bad host `{}`", host));
  base.host = ascii_lower(host);
  base.port = base.scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    int port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc{} || end != port_text.data() + port_text.size() || port < 1 || port > 65535)
      throw fail(fmt::format("bad port `{}`", port_text));
    base.port = port;
  }
  while (path.ends_with('/')) path.remove_suffix(1);
  base.path_prefix = std::string(path);
  return base;
}

std::string percent_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string same_origin_target(const BaseUrl& base, std::string_view absolute_url) {
  BaseUrl other;
  std::string target;
  try {
    // Split off the query first: parse_base_url refuses one, but a Link URL always has one.
    auto query = absolute_url.find('?');
    other = parse_base_url(absolute_url.substr(0, query), "link");
    target = other.path_prefix;
    if (query != std::string_view::npos) target += absolute_url.substr(query);
  } catch (const InputError&) {
    throw EnvironmentError(
        fmt::format("the server sent an unusable next-page URL `{}`", absolute_url));
  }
  if (other.origin() != base.origin())
    throw EnvironmentError(fmt::format(
        "the server's next-page URL points at {}, not the configured API {}; refusing to send the "
        "token there",
        other.origin(), base.origin()));
  if (!base.path_prefix.empty() && !target.starts_with(base.path_prefix + "/"))
    throw EnvironmentError(
        fmt::format("the server's next-page URL `{}` is outside the API prefix {}", absolute_url,
                    base.path_prefix));
  return target;
}

}  // namespace benchgate::forge
