#include "runner/suite_format.h"

#include <array>
#include <utility>

namespace benchgate::runner {
namespace {

constexpr std::array<std::pair<SuiteFormat, std::string_view>, 5> kNames{{
    {SuiteFormat::kAuto, "auto"},
    {SuiteFormat::kGbench, "gbench"},
    {SuiteFormat::kCatch2, "catch2"},
    {SuiteFormat::kLines, "lines"},
    {SuiteFormat::kCommand, "command"},
}};

}  // namespace

std::string_view to_string(SuiteFormat format) {
  for (const auto& [value, name] : kNames)
    if (value == format) return name;
  return "auto";
}

std::optional<SuiteFormat> parse_suite_format(std::string_view word) {
  for (const auto& [value, name] : kNames)
    if (name == word) return value;
  return std::nullopt;
}

}  // namespace benchgate::runner
