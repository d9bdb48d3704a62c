#pragma once
// The API base URL of a forge (https://api.github.com, https://ghe.example/api/v3,
// https://gitlab.example/api/v4) and the few URL operations the clients need.
#include <string>
#include <string_view>

namespace benchgate::forge {

struct BaseUrl {
  std::string scheme;       // "http" or "https"
  std::string host;         // name, IPv4, or bracketed IPv6 literal
  int port = 0;             // explicit or the scheme's default
  std::string path_prefix;  // "" or e.g. "/api/v3", never with a trailing slash

  // scheme://host:port — what cpp-httplib connects to, and what a Link URL must match.
  std::string origin() const;
};

// Parses an API base URL. `what` names where it came from (e.g. "GITHUB_API_URL") for the
// InputError. User-info ("user:token@host"), queries and fragments are refused: a token belongs
// in a header, never in a URL that ends up in logs.
BaseUrl parse_base_url(std::string_view url, std::string_view what);

// RFC 3986 percent-encoding of everything but the unreserved characters (A-Z a-z 0-9 - . _ ~).
// Used for path segments such as GitLab's "group/project" id.
std::string percent_encode(std::string_view text);

// The request target (path + query) of `absolute_url`, which a server handed us (a Link header),
// after checking it points at the same origin and under the same path prefix as `base`; we never
// send our token to a host the user did not configure. Throws EnvironmentError otherwise.
std::string same_origin_target(const BaseUrl& base, std::string_view absolute_url);

}  // namespace benchgate::forge
