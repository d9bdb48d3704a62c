#include "git/url_redaction.h"

#include <regex>

namespace benchgate::git {

std::string redact_url(const std::string& url) {
  static const std::regex userinfo(R"(^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@)");
  return std::regex_replace(url, userinfo, "$1***@");
}

std::string redact_text(std::string text) {
  static const std::regex userinfo(R"(([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]*@)");
  return std::regex_replace(text, userinfo, "$1***@");
}

}  // namespace benchgate::git
