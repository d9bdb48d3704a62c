#include "cli/report_output.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/log.h"
#include "reporters/reporter.h"

namespace benchgate::cli {
namespace {

// Colour only for a human at a terminal, and never when NO_COLOR is set (no-color.org).
bool stdout_wants_color() {
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

void write_report_file(const std::filesystem::path& path, const std::string& text) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  write_file_atomically(path, text);
}

}  // namespace

void add_report_flags(CLI::App& command, ReportFlags& flags) {
  std::string names;
  for (auto name : report::reporter_names())
    names += (names.empty() ? "" : ", ") + std::string(name);
  command.add_option("--format", flags.format, "Report format: " + names)->capture_default_str();
  command.add_option("-o,--output", flags.output, "Write the report to FILE instead of stdout");
  command.add_option("--report-dir", flags.report_dir,
                     "Also write the report in every format into DIR (comparison.md, .json, ...)");
}

void emit_reports(const Report& contents, const ReportFlags& flags, const std::string& basename) {
  report::ReportOptions options;
  options.color = flags.output.empty() && stdout_wants_color();
  const auto render = [&](const report::Reporter& reporter) { return reporter.render(contents); };
  auto primary = report::make_reporter(flags.format, options);  // InputError for an unknown format
  std::string text = render(*primary);
  if (flags.output.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  } else {
    write_report_file(flags.output, text);
    log_info("{} report written to {}", primary->name(), flags.output);
  }
  if (flags.report_dir.empty()) return;
  for (auto name : report::reporter_names()) {
    auto reporter = report::make_reporter(name, report::ReportOptions{});
    std::filesystem::path path = std::filesystem::path(flags.report_dir) /
                                 fmt::format("{}.{}", basename, reporter->file_extension());
    write_report_file(path, render(*reporter));
    log_info("{} report written to {}", name, path.string());
  }
}

void remove_stale_reports(const std::filesystem::path& dir, const std::set<std::string>& written) {
  std::set<std::string> extensions;
  for (auto name : report::reporter_names())
    extensions.insert("." + std::string(report::make_reporter(name)->file_extension()));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::filesystem::path& path = entry.path();
    const std::string stem = path.stem().string();
    const bool ours = (stem == "comparison" || stem.starts_with("comparison-")) &&
                      extensions.contains(path.extension().string()) && entry.is_regular_file();
    if (!ours || written.contains(stem)) continue;
    std::error_code removed;
    if (std::filesystem::remove(path, removed))
      log_info("removed {} from {}: a report of an earlier run", path.filename().string(),
               dir.string());
  }
}

}  // namespace benchgate::cli
