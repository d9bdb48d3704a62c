#include "runner/nanobench_format.h"

#include <unordered_map>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "runner/record_builder.h"

namespace benchgate::runner {
namespace jf = json_field;
using nlohmann::json;

namespace {

constexpr double kNanosecondsPerSecond = 1e9;

double positive(const json& value, const std::string& path, std::string_view what) {
  const double x = jf::finite_number(value, path);
  if (x <= 0) throw InputError(fmt::format("field `{}`: {} is not a positive {}", path, x, what));
  return x;
}

}  // namespace

bool NanobenchFormat::recognises(const json& document) const {
  if (!document.is_object()) return false;
  auto results = document.find("results");
  if (results == document.end() || !results->is_array() || results->empty()) return false;
  const json& first = results->front();
  return first.is_object() && first.contains("measurements");
}

RunRecord NanobenchFormat::read(const json& document, const std::string& source) const {
  const json& results = jf::results_array(document, "results");

  RunRecord record;
  ProcessInfo process;
  process.source = source;
  process.context = json::object();
  record.processes.push_back(std::move(process));
  RecordBuilder builder;
  std::unordered_map<std::size_t, int> repetitions;  // a name run twice continues its numbering
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string where = fmt::format("results[{}]", i);
    const json& result = jf::object(results[i], where);
    const std::string name = jf::string(jf::member(result, "name", where), where + ".name");
    if (name.empty()) throw InputError(fmt::format("field `{}.name`: empty", where));
    if (const json* title = jf::optional_member(result, "title", where))
      record.processes[0].context["title"] = jf::string(*title, where + ".title");
    // nanobench's `elapsed` is per iteration; with `batch(n)` an iteration handles n units and
    // nanobench reports time per unit, so benchgate does too.
    double batch = 1;
    if (const json* value = jf::optional_member(result, "batch", where))
      batch = positive(*value, where + ".batch", "batch size");
    const json& measurements =
        jf::array(jf::member(result, "measurements", where), where + ".measurements");
    if (measurements.empty())
      throw InputError(fmt::format("field `{}.measurements`: empty: no epochs", where));
    const std::size_t b = builder.benchmark_index(name);
    for (std::size_t k = 0; k < measurements.size(); ++k) {
      const std::string at = fmt::format("{}.measurements[{}]", where, k);
      const json& epoch = jf::object(measurements[k], at);
      const long long iterations =
          jf::integer(jf::member(epoch, "iterations", at), at + ".iterations");
      if (iterations <= 0)
        throw InputError(
            fmt::format("field `{}.iterations`: {} is not a positive count", at, iterations));
      const double elapsed =
          positive(jf::member(epoch, "elapsed", at), at + ".elapsed", "duration");
      builder.begin_sample(b, 0, repetitions[b]++, static_cast<double>(iterations));
      builder.set_metric(b, kRealTime, elapsed * kNanosecondsPerSecond / batch);
    }
  }
  builder.finish_into(record);
  return record;
}

}  // namespace benchgate::runner
