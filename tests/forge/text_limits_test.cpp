#include "forge/text_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace benchgate::forge {
namespace {

// Independent UTF-8 check (structure only), so the test does not trust utf8_prefix's own logic.
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

TEST(Utf8Prefix, NeverEndsInsideACharacter) {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";  // a é € 😀 z
  for (std::size_t max = 0; max <= text.size(); ++max) {
    std::string_view prefix = utf8_prefix(text, max);
    EXPECT_LE(prefix.size(), max);
    EXPECT_TRUE(valid_utf8(prefix)) << max;
  }
  EXPECT_EQ(utf8_prefix(text, 2), "a");  // é needs bytes 1-2
  EXPECT_EQ(utf8_prefix(text, 3), "a\xC3\xA9");
  EXPECT_EQ(utf8_prefix(text, 9), "a\xC3\xA9\xE2\x82\xAC");  // 😀 (4 bytes) does not fit
}

TEST(FitWithNotice, UnchangedWhenItFits) {
  EXPECT_EQ(fit_with_notice("short", 10, [](std::size_t) { return std::string("!"); }), "short");
}

TEST(FitWithNotice, CutTextPlusNoticeStaysWithinTheLimit) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "line \xE2\x82\xAC " + std::to_string(i) + "\n";
  std::size_t omitted_reported = 0;
  std::string out = fit_with_notice(text, 5000, [&](std::size_t omitted) {
    omitted_reported = omitted;
    return "\n[cut " + std::to_string(omitted) + "]\n";
  });
  EXPECT_LE(out.size(), 5000u);
  EXPECT_TRUE(valid_utf8(out));
  EXPECT_NE(out.find("[cut " + std::to_string(omitted_reported) + "]"), std::string::npos);
  // What was kept plus what was reported omitted is the whole text.
  std::string kept = out.substr(0, out.find("\n[cut"));
  EXPECT_EQ(kept.size() + omitted_reported, text.size());
  EXPECT_EQ(text.substr(0, kept.size()), kept);
}

TEST(FitWithNotice, ClosesACodeFenceLeftOpenByTheCut) {
  std::string text = "intro\n```\n" + std::string(10000, 'x') + "\n```\n";
  std::string out = fit_with_notice(text, 1000, [](std::size_t) { return std::string("\nCUT\n"); });
  EXPECT_NE(out.find("\n```\nCUT"), std::string::npos) << out.substr(out.size() - 20);
}

}  // namespace
}  // namespace benchgate::forge
