#pragma once
// Remote URLs may carry a token (https://x-access-token:TOKEN@host/...); messages never show it
// (docs/store.md#credentials).
#include <string>

namespace benchgate::git {

// The URL with any user:password@ replaced by ***@, for messages.
std::string redact_url(const std::string& url);
// A text (a libgit2 error message) with any URL in it redacted.
std::string redact_text(std::string text);

}  // namespace benchgate::git
