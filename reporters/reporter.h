#pragma once
// Reporter plug-in point (docs/architecture.md#how-to-add-a-plug-in): one Reporter per output
// format, one file each. Reporters compute nothing: they format a Report (the comparison and what
// explains it: profile findings, the noise report) for one audience.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/comparison.h"
#include "core/report.h"

namespace benchgate::report {

struct ReportOptions {
  bool color = false;  // ANSI colours (console only; set when writing to a TTY)
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual std::string_view name() const = 0;            // "console", "markdown", ...
  virtual std::string_view file_extension() const = 0;  // "txt", "md", "json", "xml"
  virtual std::string render(const Report& report) const = 0;
  // A comparison with nothing attached.
  std::string render(const Comparison& comparison) const { return render(Report{comparison}); }
};

// The reporter called `name`; throws InputError listing the known names if there is none.
std::unique_ptr<Reporter> make_reporter(std::string_view name, const ReportOptions& options = {});
std::vector<std::string_view> reporter_names();

}  // namespace benchgate::report
