#pragma once
// Factories of the reporters that ship with benchgate, one per file; reporter_registry.cpp lists
// them. Adding a format is adding its file, a line here and a line in the registry.
#include <memory>

#include "reporters/reporter.h"

namespace benchgate::report {

std::unique_ptr<Reporter> make_console_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);

}  // namespace benchgate::report
