#include "forge/text_limits.h"

namespace benchgate::forge {
namespace {

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A cut this close to the limit at a line end reads better than one mid-line.
constexpr std::size_t kLineEndSearch = 4096;
constexpr std::string_view kFenceClose = "\n```";

bool inside_code_fence(std::string_view text) {
  std::size_t fences = 0;
  for (std::size_t pos = 0; (pos = text.find("```", pos)) != std::string_view::npos; pos += 3)
    if (pos == 0 || text[pos - 1] == '\n') ++fences;
  return fences % 2 == 1;
}

}  // namespace

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  // text[cut] is the first byte left out: if it continues a sequence, that sequence started
  // inside the prefix and must go too. (At most 3 steps for valid UTF-8.)
  while (cut > 0 && is_continuation_byte(text[cut])) --cut;
  return text.substr(0, cut);
}

std::string fit_with_notice(std::string_view text, std::size_t max_bytes,
                            const std::function<std::string(std::size_t omitted_bytes)>& notice) {
  if (text.size() <= max_bytes) return std::string(text);
  // The notice is sized with the largest possible count so the real (smaller) one still fits.
  const std::size_t reserved = notice(text.size()).size() + kFenceClose.size();
  if (reserved >= max_bytes) return std::string(utf8_prefix(notice(text.size()), max_bytes));
  std::string_view kept = utf8_prefix(text, max_bytes - reserved);
  if (auto line_end = kept.rfind('\n');
      line_end != std::string_view::npos && kept.size() - line_end < kLineEndSearch)
    kept = kept.substr(0, line_end + 1);
  std::string out(kept);
  if (inside_code_fence(kept)) out += kFenceClose;
  out += notice(text.size() - kept.size());
  return out;
}

}  // namespace benchgate::forge
