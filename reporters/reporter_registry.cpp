// The list of known reporters: make_reporter() and reporter_names() both read it, so the names a
// user is offered are exactly the names that work.
#include <array>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/errors.h"
#include "reporters/builtin_reporters.h"

namespace benchgate::report {
namespace {

struct Registration {
  std::string_view name;
  std::unique_ptr<Reporter> (*make)(const ReportOptions&);
};

constexpr std::array<Registration, 4> kReporters = {{
    {"console", make_console_reporter},
    {"markdown", make_markdown_reporter},
    {"json", make_json_reporter},
    {"junit", make_junit_reporter},
}};

}  // namespace

std::unique_ptr<Reporter> make_reporter(std::string_view name, const ReportOptions& options) {
  for (const auto& reporter : kReporters)
    if (reporter.name == name) return reporter.make(options);
  throw InputError(fmt::format("unknown report format '{}' (known formats: {})", name,
                               fmt::join(reporter_names(), ", ")));
}

std::vector<std::string_view> reporter_names() {
  std::vector<std::string_view> names;
  for (const auto& reporter : kReporters) names.push_back(reporter.name);
  return names;
}

}  // namespace benchgate::report
