#include "runner/hyperfine_format.h"

#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "runner/record_builder.h"

namespace benchgate::runner {
namespace jf = json_field;
using nlohmann::json;

namespace {

constexpr double kNanosecondsPerSecond = 1e9;

// An optional per-run array (`exit_codes`, `memory_usage_byte`, ...): null when absent, else it
// must have one entry per run.
const json* per_run_array(const json& result, const char* key, const std::string& where,
                          std::size_t runs) {
  const json* value = jf::optional_member(result, key, where);
  if (!value) return nullptr;
  const std::string path = fmt::format("{}.{}", where, key);
  jf::array(*value, path);
  if (value->size() != runs)
    throw InputError(fmt::format("field `{}`: has {} entries, expected {} (one per run in `times`)",
                                 path, value->size(), runs));
  return value;
}

// hyperfine writes `user` and `system` as the mean over all runs: a mean is not a sample (using
// it for every run would fake a zero spread), so only per-run arrays become metrics.
const json* per_run_cpu_times(const json& result, const char* key, const std::string& where,
                              std::size_t runs) {
  const json* value = jf::optional_member(result, key, where);
  if (!value || !value->is_array()) {
    if (value) jf::finite_number(*value, fmt::format("{}.{}", where, key));  // still type-checked
    return nullptr;
  }
  return per_run_array(result, key, where, runs);
}

double seconds_to_ns(const json& value, const std::string& path, bool allow_zero) {
  double s = jf::finite_number(value, path);
  if (s < 0 || (s == 0 && !allow_zero))
    throw InputError(fmt::format(
        "field `{}`: {} is not a positive duration{}", path, s,
        allow_zero ? ""
                   : " (hyperfine subtracts the shell's start-up time; use --shell=none for "
                     "commands this fast)"));
  return s * kNanosecondsPerSecond;
}

// Why run `k` is not a sample, from `exit_codes` (null = killed by a signal), or empty.
std::string failure_of_run(const json* exit_codes, std::size_t k, const std::string& where) {
  if (!exit_codes) return {};
  const json& code = (*exit_codes)[k];
  if (code.is_null()) return "terminated by a signal";
  long long c = jf::integer(code, fmt::format("{}.exit_codes[{}]", where, k));
  return c == 0 ? std::string() : fmt::format("exit code {}", c);
}

}  // namespace

bool HyperfineFormat::recognises(const json& document) const {
  if (!document.is_object()) return false;
  auto it = document.find("results");
  return it != document.end() && it->is_array();
}

RunRecord HyperfineFormat::read(const json& document, const std::string& source) const {
  const json& results = jf::results_array(document, "results");

  RunRecord record;
  RecordBuilder builder;
  std::vector<int> runs_seen;  // per benchmark: a command listed twice continues its numbering
  for (std::size_t i = 0; i < results.size(); ++i) {
    const std::string where = fmt::format("results[{}]", i);
    const json& result = jf::object(results[i], where);
    const std::string command =
        jf::string(jf::member(result, "command", where), where + ".command");
    if (command.empty()) throw InputError(fmt::format("field `{}.command`: empty", where));
    const json& times = jf::array(jf::member(result, "times", where), where + ".times");
    const std::size_t runs = times.size();
    if (runs == 0) throw InputError(fmt::format("field `{}.times`: empty: no runs", where));
    const json* exit_codes = per_run_array(result, "exit_codes", where, runs);
    const json* memory = per_run_array(result, "memory_usage_byte", where, runs);
    const json* user = per_run_cpu_times(result, "user", where, runs);
    const json* system = per_run_cpu_times(result, "system", where, runs);
    const json* parameters = jf::optional_member(result, "parameters", where);
    if (parameters) jf::object(*parameters, where + ".parameters");

    bool created = false;
    const std::size_t b = builder.benchmark_index(command, &created);
    if (created) runs_seen.push_back(0);
    for (std::size_t k = 0; k < runs; ++k) {
      const int repetition = runs_seen[b]++;
      ProcessInfo process;
      process.id = static_cast<int>(record.processes.size());
      process.source = source;
      process.context = {{"command", command}, {"run", repetition}};
      if (parameters) process.context["parameters"] = *parameters;
      if (std::string failure = failure_of_run(exit_codes, k, where); !failure.empty()) {
        process.status = "failed";
        process.message = failure;
        builder.add_error(b, process.id, fmt::format("run {}: {}", repetition, failure));
        record.processes.push_back(std::move(process));
        continue;
      }
      builder.begin_sample(b, process.id, repetition, 1.0);
      builder.set_metric(b, kRealTime,
                         seconds_to_ns(times[k], fmt::format("{}.times[{}]", where, k), false));
      double cpu = 0;
      for (auto [array, key, metric] :
           {std::tuple{user, "user", "user_time"}, std::tuple{system, "system", "system_time"}}) {
        if (!array) continue;
        double ns = seconds_to_ns((*array)[k], fmt::format("{}.{}[{}]", where, key, k), true);
        builder.set_metric(b, metric, ns);
        cpu += ns;
      }
      if (user && system) builder.set_metric(b, kCpuTime, cpu);
      if (memory) {
        const std::string path = fmt::format("{}.memory_usage_byte[{}]", where, k);
        long long bytes = jf::integer((*memory)[k], path);
        if (bytes < 0) throw InputError(fmt::format("field `{}`: {} is negative", path, bytes));
        builder.set_metric(b, "max_rss", static_cast<double>(bytes));
      }
      record.processes.push_back(std::move(process));
    }
  }
  builder.finish_into(record);
  return record;
}

}  // namespace benchgate::runner
