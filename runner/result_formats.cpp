// The registry of ingest formats (docs/architecture.md#how-to-add-a-plug-in): adding a format is
// one line here.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/errors.h"
#include "runner/benchgate_format.h"
#include "runner/catch2_format.h"
#include "runner/gbench_format.h"
#include "runner/hyperfine_format.h"
#include "runner/lines_format.h"
#include "runner/nanobench_format.h"
#include "runner/result_format.h"

namespace benchgate::runner {

const std::vector<const ResultFormat*>& result_formats() {
  // Detection order matters: a run record also has a `benchmarks` array, so it is tried before
  // Google Benchmark; nanobench's file has a `results` array like hyperfine's, so it is tried
  // first, by the `measurements` of its results. Fast paths (read_text) are tried in this order
  // too, so one must refuse any document an earlier format recognises (Google Benchmark's refuses a
  // `schema`).
  static const BenchgateFormat benchgate_format;
  static const GbenchFormat gbench_format;
  static const NanobenchFormat nanobench_format;
  static const HyperfineFormat hyperfine_format;
  static const Catch2Format catch2_format;
  static const LinesFormat lines_format;
  static const std::vector<const ResultFormat*> formats = {&benchgate_format, &gbench_format,
                                                           &nanobench_format, &hyperfine_format,
                                                           &catch2_format,    &lines_format};
  return formats;
}

RunRecord ResultFormat::read_non_json(std::string_view /*text*/, const std::string&) const {
  throw InputError(fmt::format("not a text format: {} files are JSON", name()));
}

RunRecord TextResultFormat::read(const nlohmann::json& /*document*/, const std::string&) const {
  throw InputError(fmt::format("{} results are text, not JSON", name()));
}

const ResultFormat& result_format_named(std::string_view name) {
  std::vector<std::string_view> known;
  for (const ResultFormat* format : result_formats()) {
    if (format->name() == name) return *format;
    known.push_back(format->name());
  }
  throw InputError(fmt::format("unknown result format \"{}\" (known formats: {})", name,
                               fmt::join(known, ", ")));
}

}  // namespace benchgate::runner
