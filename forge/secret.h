#pragma once
// A credential (API token) that cannot be printed by accident.
//
// There is deliberately no operator<<, no fmt::formatter and no implicit conversion: the only way
// to the characters is `reveal()`, which is called in exactly one place (the HTTP client adding
// the auth header), so a grep for `reveal(` audits every use. Everything the forge clients say
// (errors, log lines) also passes through a Redactor as a second line of defence.
#include <string>
#include <utility>

namespace benchgate::forge {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}

  bool empty() const { return value_.empty(); }
  // The raw characters. Only for putting the token on the wire.
  const std::string& reveal() const { return value_; }

 private:
  std::string value_;
};

}  // namespace benchgate::forge
