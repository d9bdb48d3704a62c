#include "forge/step_summary.h"

#include <fstream>

#include <fmt/format.h>

#include "core/errors.h"
#include "forge/text_limits.h"

namespace benchgate::forge {

StepSummaryResult write_step_summary(const std::filesystem::path& path, std::string_view markdown,
                                     const Redactor& redactor, std::size_t limit) {
  std::error_code ec;
  std::uintmax_t existing =
      std::filesystem::exists(path, ec) ? std::filesystem::file_size(path, ec) : 0;
  if (ec) existing = 0;
  StepSummaryResult result;
  if (existing >= limit) {
    result.warning = fmt::format(
        "{}: the step summary already holds {} bytes (GitHub's limit is {}); benchgate's report "
        "was not added",
        path.string(), existing, limit);
    return result;
  }
  const std::size_t room = limit - static_cast<std::size_t>(existing);
  const std::string text = redactor.redact(markdown);
  std::string fitted = fit_with_notice(text, room, [limit](std::size_t omitted) {
    std::string size = limit % (1024 * 1024) == 0 ? fmt::format("{} MiB", limit / (1024 * 1024))
                                                  : fmt::format("{} bytes", limit);
    return fmt::format(
        "\n\n---\n**benchgate: report cut at GitHub's job-summary limit of {}; {} "
        "bytes omitted.** The full report is in the job's artifacts.\n",
        size, omitted);
  });
  result.truncated = fitted.size() != text.size() || fitted != text;
  std::ofstream out(path, std::ios::binary | std::ios::app);
  if (!out)
    throw EnvironmentError(fmt::format("{}: cannot open the step summary file", path.string()));
  out.write(fitted.data(), static_cast<std::streamsize>(fitted.size()));
  out.close();
  if (!out) throw EnvironmentError(fmt::format("{}: cannot write the step summary", path.string()));
  result.bytes_written = fitted.size();
  if (result.truncated)
    result.warning = fmt::format(
        "{}: the report was cut to {} bytes to stay within GitHub's "
        "job-summary limit",
        path.string(), fitted.size());
  return result;
}

}  // namespace benchgate::forge
