#pragma once
// What came back from a forge: status, headers (names lower-cased), body.
#include <map>
#include <string>
#include <string_view>

namespace benchgate::forge {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; repeated headers joined by ", "
  std::string body;

  // The header's value, or "" when absent. `name` must be lower case.
  std::string header(std::string_view name) const {
    auto it = headers.find(std::string(name));
    return it == headers.end() ? std::string() : it->second;
  }
  bool ok() const { return status >= 200 && status < 300; }
};

}  // namespace benchgate::forge
