#include "profile/profile_info.h"

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::profile {
namespace {
constexpr std::size_t kMaxExamples = 5;
}

void ParseWarnings::malformed(const std::string& source, std::uint64_t line, std::string_view why) {
  ++malformed_lines;
  if (examples.size() < kMaxExamples)
    examples.push_back(fmt::format("{}:{}: {}", source, line, why));
}

std::string ParseWarnings::summary(const std::string& source) const {
  std::string text;
  if (malformed_lines > 0) {
    text += fmt::format("warning: {}: skipped {} malformed line{}\n", source, malformed_lines,
                        malformed_lines == 1 ? "" : "s");
    for (const auto& example : examples) text += fmt::format("  {}\n", example);
  }
  for (const auto& note : notes) text += fmt::format("note: {}: {}\n", source, note);
  return text;
}

void require_comparable(const ProfileInfo& base, const ProfileInfo& head) {
  if (!base.event.empty() && !head.event.empty() && base.event != head.event) {
    throw InputError(fmt::format(
        "cannot diff profiles of different events: {} samples '{}' but {} samples '{}'; "
        "record both with the same event (e.g. perf record -e cpu-clock)",
        base.source, base.event, head.source, head.event));
  }
  if (base.unit != head.unit) {
    throw InputError(
        fmt::format("cannot diff profiles in different units: {} counts {} but {} "
                    "counts {}",
                    base.source, base.unit, head.source, head.unit));
  }
}

}  // namespace benchgate::profile
