// The JSON report: the contract of core/comparison_json.h (docs/reports.md#json), written as is.
// Other tools parse it, so this file adds nothing and renames nothing.
#include "core/comparison_json.h"
#include "reporters/builtin_reporters.h"

namespace benchgate::report {
namespace {

class JsonReporter final : public Reporter {
 public:
  std::string_view name() const override { return "json"; }
  std::string_view file_extension() const override { return "json"; }
  using Reporter::render;
  std::string render(const Report& report) const override {
    // A name with invalid UTF-8 does not abort the report: U+FFFD marks the bad bytes.
    return report_json_text(report);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions&) {
  return std::make_unique<JsonReporter>();
}

}  // namespace benchgate::report
