#include "runner/gbench_format.h"

#include <cmath>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_cursor.h"
#include "core/json_input.h"
#include "runner/gbench_entry.h"
#include "runner/record_builder.h"

namespace benchgate::runner {
namespace jf = json_field;
using gbench::Entry;
using nlohmann::json;

namespace {

// The JSON path of entry `i` or of its field `key`. Built only for messages: formatting a path
// for every field of 300,000 entries would cost more than reading them.
std::string path(std::size_t i, std::string_view key = {}) {
  return key.empty() ? fmt::format("benchmarks[{}]", i) : fmt::format("benchmarks[{}].{}", i, key);
}

// Typed access with the standard json_field messages, called only when the fast check fails.
const json& required(const json* value, std::size_t i, std::string_view key) {
  if (!value) throw InputError(fmt::format("field `{}`: missing", path(i, key)));
  return *value;
}
const std::string& string_ref(const json& v, std::size_t i, std::string_view key) {
  if (!v.is_string()) jf::string(v, path(i, key));
  return v.get_ref<const std::string&>();
}
double number(const json& v, std::size_t i, std::string_view key) {
  if (v.is_number() && std::isfinite(v.get<double>())) return v.get<double>();
  return jf::finite_number(v, path(i, key));
}
long long integer(const json& v, std::size_t i, std::string_view key) {
  return v.is_number_integer() ? v.get<long long>() : jf::integer(v, path(i, key));
}
bool boolean(const json& v, std::size_t i, std::string_view key) {
  return v.is_boolean() ? v.get<bool>() : jf::boolean(v, path(i, key));
}

// Nanoseconds per `time_unit`.
double nanoseconds_per(const std::string& unit, std::size_t i) {
  if (unit == "ns") return 1.0;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  throw InputError(fmt::format("field `{}`: \"{}\" is not a time unit (ns, us, ms or s)",
                               path(i, "time_unit"), unit));
}

// A time of a repetition, in nanoseconds. Zero or negative cannot be a measured duration (and
// would break the log scale the statistics work on).
double positive_time(const json& value, double scale, std::size_t i, std::string_view key) {
  const double t = number(value, i, key);
  if (t <= 0)
    throw InputError(fmt::format("field `{}`: {} is not a positive duration", path(i, key), t));
  const double ns = t * scale;
  if (!std::isfinite(ns))
    throw InputError(
        fmt::format("field `{}`: {} overflows when converted to nanoseconds", path(i, key), t));
  return ns;
}

bool is_aggregate(const Entry& e, std::size_t i) {
  if (e.run_type) {
    const std::string& type = string_ref(*e.run_type, i, "run_type");
    if (type == "iteration") return false;
    if (type == "aggregate") return true;
    throw InputError(fmt::format("field `{}`: \"{}\" is neither \"iteration\" nor \"aggregate\"",
                                 path(i, "run_type"), type));
  }
  // Files from before `run_type` existed mark aggregates only by their name.
  return e.aggregate_name != nullptr;
}

// Why this entry did not produce a sample (SkipWithError, SkipWithMessage), or empty.
std::string skip_reason(const Entry& e, std::size_t i) {
  auto message = [&](const json* m, std::string_view key) {
    return m ? string_ref(*m, i, key) : std::string();
  };
  if (e.error_occurred && boolean(*e.error_occurred, i, "error_occurred")) {
    std::string m = message(e.error_message, "error_message");
    return m.empty() ? "error occurred" : "error: " + m;
  }
  // Google Benchmark >= 1.8 writes `skipped`/`skip_message` for SkipWithMessage.
  const bool skipped = e.skipped && boolean(*e.skipped, i, "skipped");
  if (skipped || e.skip_message) {
    std::string m = message(e.skip_message, "skip_message");
    return m.empty() ? "skipped" : "skipped: " + m;
  }
  return {};
}

// What one file has said about one benchmark so far; conflicts between its entries are errors.
struct Seen {
  std::size_t first_entry = 0;  // the first entry that was a sample
  double unit_scale = 0;        // 0 until that first sample
  std::string unit;
  int threads = 1;
  int next_repetition = 0;  // for entries without repetition_index
  // The entry index of each repetition seen. A map, not a vector indexed by repetition: an index
  // may be as large as kMaxRepetitionIndex, and one short entry must not cost megabytes.
  std::unordered_map<int, std::size_t> by_repetition;
};

constexpr long long kMaxRepetitionIndex = 1'000'000;

// Within one file a benchmark is one registration: its repetitions share the unit and the
// thread count. Disagreement means two different benchmarks carry the same name, and mixing
// their samples would compare nonsense. (Across files a unit change is fine: it is normalised.)
void check_consistent(Seen& s, const std::string& name, std::size_t i, const std::string& unit,
                      double scale, int threads) {
  if (s.unit_scale == 0) {
    s.first_entry = i;
    s.unit_scale = scale;
    s.unit = unit;
    s.threads = threads;
  } else if (scale != s.unit_scale) {
    throw InputError(fmt::format(
        "field `{}`: \"{}\" conflicts with \"{}\" in `{}` for benchmark \"{}\" (two benchmarks "
        "with the same name?)",
        path(i, "time_unit"), unit, s.unit, path(s.first_entry), name));
  } else if (threads != s.threads) {
    throw InputError(fmt::format(
        "field `{}`: {} conflicts with {} in `{}` for benchmark \"{}\" (two benchmarks with the "
        "same name?)",
        path(i, "threads"), threads, s.threads, path(s.first_entry), name));
  }
}

// The repetition this entry is, checked not to repeat one seen before in this file.
int claim_repetition(Seen& s, const Entry& e, const std::string& name, std::size_t i) {
  long long repetition = s.next_repetition;
  if (e.repetition_index) {
    repetition = integer(*e.repetition_index, i, "repetition_index");
    if (repetition < 0 || repetition > kMaxRepetitionIndex)
      throw InputError(fmt::format("field `{}`: {} is out of range [0, {}]",
                                   path(i, "repetition_index"), repetition, kMaxRepetitionIndex));
  }
  const auto r = static_cast<int>(repetition);
  if (const auto [seen, added] = s.by_repetition.try_emplace(r, i); !added)
    throw InputError(fmt::format(
        "field `{}`: repetition {} of benchmark \"{}\" already appeared in `{}` (two benchmarks "
        "with the same name?)",
        path(i, "repetition_index"), r, name, path(seen->second)));
  s.next_repetition = r + 1;
  return r;
}

// The entries of one file, in order, whether they come from a parsed document (read) or one at a
// time from the text (read_text): one set of rules for both.
class EntryReader {
 public:
  void add(const json& entry, std::size_t i) {
    if (!entry.is_object()) jf::object(entry, path(i));
    gbench::gather(entry, e_);
    if (is_aggregate(e_, i)) {
      ++aggregates_;
      return;
    }
    const std::string& name = string_ref(required(e_.name, i, "name"), i, "name");
    if (name.empty())
      throw InputError(fmt::format("field `{}`: empty benchmark name", path(i, "name")));
    // run_name is the identity (aggregates' names carry suffixes); for repetitions they agree.
    const std::string* id = &name;
    if (e_.run_name && !string_ref(*e_.run_name, i, "run_name").empty())
      id = &e_.run_name->get_ref<const std::string&>();

    bool created = false;
    const std::size_t b = builder_.benchmark_index(*id, &created);
    if (created) seen_.emplace_back();

    int threads = 1;
    if (e_.threads) {
      const long long t = integer(*e_.threads, i, "threads");
      if (t < 1 || t > (1 << 20))
        throw InputError(
            fmt::format("field `{}`: {} is not a thread count", path(i, "threads"), t));
      threads = static_cast<int>(t);
    }

    if (std::string reason = skip_reason(e_, i); !reason.empty()) {
      builder_.add_error(b, 0, std::move(reason));
      return;
    }

    const std::string& unit = string_ref(required(e_.time_unit, i, "time_unit"), i, "time_unit");
    const double scale = nanoseconds_per(unit, i);
    const double real =
        positive_time(required(e_.real_time, i, "real_time"), scale, i, "real_time");
    const double cpu = positive_time(required(e_.cpu_time, i, "cpu_time"), scale, i, "cpu_time");
    const long long iterations = integer(required(e_.iterations, i, "iterations"), i, "iterations");
    if (iterations < 1)
      throw InputError(fmt::format("field `{}`: {} is not an iteration count",
                                   path(i, "iterations"), iterations));
    check_consistent(seen_[b], *id, i, unit, scale, threads);
    builder_.benchmark(b).threads = threads;
    const int repetition = claim_repetition(seen_[b], e_, *id, i);

    builder_.begin_sample(b, 0, repetition, static_cast<double>(iterations));
    builder_.set_metric(b, kRealTime, real);
    builder_.set_metric(b, kCpuTime, cpu);
    for (const auto& [key, value] : e_.counters)
      builder_.set_metric(b, *key, number(*value, i, *key));
  }

  // The record of the file, whose process has the file's `context` (null if it has none).
  RunRecord finish(const std::string& source, const json* context) {
    if (builder_.benchmark_count() == 0)
      throw InputError(fmt::format(
          "field `benchmarks`: no benchmark results in this file: all {} entries are aggregates "
          "(run without --benchmark_report_aggregates_only so every repetition is written)",
          aggregates_));
    ProcessInfo process;
    process.id = 0;
    process.source = source;
    if (context) process.context = jf::object(*context, "context");
    RunRecord record;
    record.processes.push_back(std::move(process));
    builder_.finish_into(record);
    return record;
  }

 private:
  RecordBuilder builder_;
  std::vector<Seen> seen_;  // parallel to the builder's benchmarks
  std::size_t aggregates_ = 0;
  Entry e_;
};

constexpr const char* kNoEntries =
    "field `benchmarks`: empty array: no benchmark results in this file";

}  // namespace

bool GbenchFormat::recognises(const json& document) const {
  if (!document.is_object() || document.contains("schema")) return false;
  auto it = document.find("benchmarks");
  return it != document.end() && it->is_array();
}

RunRecord GbenchFormat::read(const json& document, const std::string& source) const {
  jf::object(document, "(top level)");
  const json& entries = jf::array(jf::member(document, "benchmarks", ""), "benchmarks");
  if (entries.empty()) throw InputError(kNoEntries);
  const json* context = jf::optional_member(document, "context", "");
  if (context) jf::object(*context, "context");
  EntryReader reader;
  for (std::size_t i = 0; i < entries.size(); ++i) reader.add(entries[i], i);
  return reader.finish(source, context);
}

// Entry by entry: a file of 300,000 entries as one document took more time to build and to free
// than to read. Each entry is still an ordinary document, read by the same EntryReader.
std::optional<RunRecord> GbenchFormat::read_text(std::string_view text,
                                                 const std::string& source) const {
  try {
    JsonCursor in(text);
    EntryReader reader;
    std::optional<json> context;
    std::size_t entries = 0;
    bool has_benchmarks = false;
    json entry;
    in.object([&](std::string_view key) {
      // A `schema` makes it a run record (see recognises); a repeated key is left to the
      // document, where the last one wins.
      if (key == "schema" || (key == "benchmarks" && has_benchmarks))
        throw JsonCursor::Unreadable{};
      if (key == "benchmarks") {
        has_benchmarks = true;
        in.array([&](std::size_t i) {
          entry = in.value();
          reader.add(entry, i);
          entries = i + 1;
        });
      } else if (key == "context") {
        context = in.value();
      } else {
        in.value();
      }
    });
    in.finish();
    if (entries > 0) return reader.finish(source, context ? &*context : nullptr);
  } catch (const JsonCursor::Unreadable&) {
  } catch (const InputError&) {
    // read() explains it, with the field.
  }
  return std::nullopt;
}

}  // namespace benchgate::runner
