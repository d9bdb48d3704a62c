#pragma once
// Reporter plug-in point (GUIDE §1, §5; hyperfine's src/export): one Reporter per output format,
// one file each. Reporters compute nothing: they format a Comparison for one audience.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/comparison.h"

namespace benchgate {

struct ReportOptions {
  bool color = false;  // ANSI colours (console only; set when writing to a TTY)
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual std::string_view name() const = 0;            // "console", "markdown", ...
  virtual std::string_view file_extension() const = 0;  // "txt", "md", "json", "xml"
  virtual std::string render(const Comparison& comparison) const = 0;
};

// The reporter called `name`; throws InputError listing the known names if there is none.
std::unique_ptr<Reporter> make_reporter(std::string_view name, const ReportOptions& options = {});
std::vector<std::string_view> reporter_names();

}  // namespace benchgate
