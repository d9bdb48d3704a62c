#include "forge/redactor.h"

#include <algorithm>

#include "forge/url.h"

namespace benchgate::forge {
namespace {

// Shorter strings are not tokens (GitHub's are 40+ characters, GitLab's 20+); masking them
// would corrupt unrelated text without protecting anything.
constexpr std::size_t kMinSecretLength = 8;

void add_needle(std::vector<std::string>& needles, std::string needle) {
  if (std::find(needles.begin(), needles.end(), needle) == needles.end())
    needles.push_back(std::move(needle));
}

}  // namespace

void Redactor::add(const Secret& secret) {
  if (secret.reveal().size() < kMinSecretLength) return;
  add_needle(needles_, secret.reveal());
  add_needle(needles_, percent_encode(secret.reveal()));
  // Longest first, so a secret that contains another is masked whole.
  std::sort(needles_.begin(), needles_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Redactor::redact(std::string_view text) const {
  std::string out(text);
  for (const auto& needle : needles_) {
    std::size_t pos = 0;
    while ((pos = out.find(needle, pos)) != std::string::npos) {
      out.replace(pos, needle.size(), kMask);
      pos += kMask.size();
    }
  }
  return out;
}

}  // namespace benchgate::forge
