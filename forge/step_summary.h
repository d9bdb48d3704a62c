#pragma once
// GitHub Actions' job summary: markdown appended to the file named by $GITHUB_STEP_SUMMARY.
// GitHub refuses a step's summary over 1 MiB ("upload aborted"), losing all of it, so we cut ours
// to what is left of that 1 MiB, on a UTF-8 boundary, and say so at the cut.
#include <filesystem>
#include <string>
#include <string_view>

#include "forge/redactor.h"

namespace benchgate::forge {

inline constexpr std::size_t kStepSummaryLimit = 1024 * 1024;

struct StepSummaryResult {
  std::size_t bytes_written = 0;
  bool truncated = false;
  std::string warning;  // non-empty when cut or when there was no room at all
};

// Appends `markdown` (redacted) to `path`. The file may already hold earlier output of this step;
// the total stays within `limit`. Throws EnvironmentError when the file cannot be written.
StepSummaryResult write_step_summary(const std::filesystem::path& path, std::string_view markdown,
                                     const Redactor& redactor,
                                     std::size_t limit = kStepSummaryLimit);

}  // namespace benchgate::forge
