#pragma once
// Where a comparison's reports go: one primary format to stdout or a file, and optionally every
// format into a report directory (what CI uploads as artifacts).
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include <CLI/CLI.hpp>

#include "core/report.h"

namespace benchgate::cli {

struct ReportFlags {
  std::string format = "console";
  std::string output;      // -o FILE; empty = stdout
  std::string report_dir;  // --report-dir DIR; empty = none
};

void add_report_flags(CLI::App& command, ReportFlags& flags);
// Renders and writes every requested report; prints where the files went (stderr).
// `basename` names the files in the report directory (e.g. "comparison").
void emit_reports(const Report& contents, const ReportFlags& flags,
                  const std::string& basename = "comparison");
// After a run that wrote the reports named `written` (basenames, e.g. "comparison-alpha") into
// `dir`: removes the reports an earlier run left there under other names, so that the directory
// holds one run's reports. Only files benchgate names are touched: "comparison.EXT" or
// "comparison-NAME.EXT" with a report format's extension; anything else in `dir` stays.
void remove_stale_reports(const std::filesystem::path& dir, const std::set<std::string>& written);

}  // namespace benchgate::cli
