#include "runner/gbench_format.h"

#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/fast_json.h"
#include "core/json_input.h"
#include "runner/gbench_entry.h"
#include "runner/gbench_entry_text.h"
#include "runner/record_builder.h"

namespace benchgate::runner {
namespace jf = json_field;
using gbench::Entry;
using json_field::Scalar;
using Kind = Scalar::Kind;
using nlohmann::json;

namespace {

// The JSON path of entry `i` or of its field `key`. Built only for messages: formatting a path
// for every field of 300,000 entries would cost more than reading them.
std::string path(std::size_t i, std::string_view key = {}) {
  return key.empty() ? fmt::format("benchmarks[{}]", i) : fmt::format("benchmarks[{}].{}", i, key);
}

// Typed access with the standard json_field messages.
const Scalar& required(const std::optional<Scalar>& value, std::size_t i, std::string_view key) {
  if (!value) throw InputError(fmt::format("field `{}`: missing", path(i, key)));
  return *value;
}
std::string_view string(const Scalar& v, std::size_t i, std::string_view key) {
  if (v.kind != Kind::string) jf::string(v, path(i, key));
  return v.string;
}
double number(const Scalar& v, std::size_t i, std::string_view key) {
  return jf::finite_number_at(v, [&] { return path(i, key); });
}
long long integer(const Scalar& v, std::size_t i, std::string_view key) {
  return jf::integer_at(v, [&] { return path(i, key); });
}
bool boolean(const Scalar& v, std::size_t i, std::string_view key) {
  return v.kind == Kind::boolean ? v.boolean : jf::boolean(v, path(i, key));
}

// Nanoseconds per `time_unit`.
double nanoseconds_per(std::string_view unit, std::size_t i) {
  if (unit == "ns") return 1.0;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  throw InputError(fmt::format("field `{}`: \"{}\" is not a time unit (ns, us, ms or s)",
                               path(i, "time_unit"), unit));
}

// A time of a repetition, in nanoseconds. Zero or negative cannot be a measured duration (and
// would break the log scale the statistics work on).
double positive_time(const Scalar& value, double scale, std::size_t i, std::string_view key) {
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
    const std::string_view type = string(*e.run_type, i, "run_type");
    if (type == "iteration") return false;
    if (type == "aggregate") return true;
    throw InputError(fmt::format("field `{}`: \"{}\" is neither \"iteration\" nor \"aggregate\"",
                                 path(i, "run_type"), type));
  }
  // Files from before `run_type` existed mark aggregates only by their name.
  return e.aggregate_name.has_value();
}

// Why this entry did not produce a sample (SkipWithError, SkipWithMessage), or empty.
std::string skip_reason(const Entry& e, std::size_t i) {
  auto message = [&](const std::optional<Scalar>& m, std::string_view key) {
    return m ? std::string(string(*m, i, key)) : std::string();
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
  bool created_here = false;    // whether this file named the benchmark first
  std::size_t first_entry = 0;  // the first entry that was a sample
  double unit_scale = 0;        // 0 until that first sample
  std::string unit;
  int threads = 1;
  int next_repetition = 0;  // for entries without repetition_index
  // The entry index of each repetition seen: in order of repetition while they come in
  // increasing order, as Google Benchmark writes them (no allocation per entry), and in a map from
  // the first that does not. Never a vector indexed by repetition: an index may be as large as
  // kMaxRepetitionIndex, and one short entry must not cost megabytes.
  std::vector<std::pair<int, std::size_t>> in_order;
  std::unordered_map<int, std::size_t> out_of_order;

  // Records that `entry` is repetition `r`; returns the entry that already was, if any.
  std::optional<std::size_t> claim(int r, std::size_t entry) {
    if (out_of_order.empty()) {
      if (in_order.empty() || r > in_order.back().first) {
        in_order.emplace_back(r, entry);
        return std::nullopt;
      }
      out_of_order.insert(in_order.begin(), in_order.end());
      in_order = {};
    }
    const auto [seen, added] = out_of_order.try_emplace(r, entry);
    return added ? std::nullopt : std::optional(seen->second);
  }
};

constexpr long long kMaxRepetitionIndex = 1'000'000;

// Within one file a benchmark is one registration: its repetitions share the unit and the
// thread count. Disagreement means two different benchmarks carry the same name, and mixing
// their samples would compare nonsense. (Across files a unit change is fine: it is normalised.)
void check_consistent(Seen& s, std::string_view name, std::size_t i, std::string_view unit,
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
int claim_repetition(Seen& s, const Entry& e, std::string_view name, std::size_t i) {
  long long repetition = s.next_repetition;
  if (e.repetition_index) {
    repetition = integer(*e.repetition_index, i, "repetition_index");
    if (repetition < 0 || repetition > kMaxRepetitionIndex)
      throw InputError(fmt::format("field `{}`: {} is out of range [0, {}]",
                                   path(i, "repetition_index"), repetition, kMaxRepetitionIndex));
  }
  const auto r = static_cast<int>(repetition);
  if (const std::optional<std::size_t> earlier = s.claim(r, i))
    throw InputError(fmt::format(
        "field `{}`: repetition {} of benchmark \"{}\" already appeared in `{}` (two benchmarks "
        "with the same name?)",
        path(i, "repetition_index"), r, name, path(*earlier)));
  s.next_repetition = r + 1;
  return r;
}

// The entries of one file, in order, whether they come from a parsed document (read) or from the
// text (read_text, GbenchSideReader): one set of rules for both. The file is process `process` of
// the record `builder` builds, which may hold earlier files of the same side.
class EntryReader {
 public:
  EntryReader(RecordBuilder& builder, int process)
      : builder_(builder), process_(process), seen_(builder.benchmark_count()) {}

  void add(const Entry& e, std::size_t i) {
    if (is_aggregate(e, i)) {
      ++aggregates_;
      return;
    }
    ++results_;
    const std::string_view name = string(required(e.name, i, "name"), i, "name");
    if (name.empty())
      throw InputError(fmt::format("field `{}`: empty benchmark name", path(i, "name")));
    // run_name is the identity (aggregates' names carry suffixes); for repetitions they agree.
    std::string_view id = name;
    if (e.run_name && !string(*e.run_name, i, "run_name").empty()) id = e.run_name->string;

    bool created = false;
    const std::size_t b = builder_.benchmark_index(id, &created);
    if (created) seen_.emplace_back().created_here = true;

    int threads = 1;
    if (e.threads) {
      const long long t = integer(*e.threads, i, "threads");
      if (t < 1 || t > (1 << 20))
        throw InputError(
            fmt::format("field `{}`: {} is not a thread count", path(i, "threads"), t));
      threads = static_cast<int>(t);
    }

    if (std::string reason = skip_reason(e, i); !reason.empty()) {
      builder_.add_error(b, process_, std::move(reason));
      return;
    }

    const std::string_view unit = string(required(e.time_unit, i, "time_unit"), i, "time_unit");
    const double scale = nanoseconds_per(unit, i);
    const double real = positive_time(required(e.real_time, i, "real_time"), scale, i, "real_time");
    const double cpu = positive_time(required(e.cpu_time, i, "cpu_time"), scale, i, "cpu_time");
    const long long iterations = integer(required(e.iterations, i, "iterations"), i, "iterations");
    if (iterations < 1)
      throw InputError(fmt::format("field `{}`: {} is not an iteration count",
                                   path(i, "iterations"), iterations));
    check_consistent(seen_[b], id, i, unit, scale, threads);
    // A benchmark's thread count is that of the file that named it first, as merging keeps it.
    if (seen_[b].created_here) builder_.benchmark(b).threads = threads;
    const int repetition = claim_repetition(seen_[b], e, id, i);

    builder_.begin_sample(b, process_, repetition, static_cast<double>(iterations));
    builder_.set_metric(b, kRealTime, real);
    builder_.set_metric(b, kCpuTime, cpu);
    for (const auto& [key, value] : e.counters) builder_.set_metric(b, key, number(value, i, key));
  }

  // The file as a process of the record, with its `context` (null if it has none). Throws
  // InputError when the file had nothing but aggregates.
  ProcessInfo process(const std::string& source, const json* context) const {
    if (results_ == 0)
      throw InputError(fmt::format(
          "field `benchmarks`: no benchmark results in this file: all {} entries are aggregates "
          "(run without --benchmark_report_aggregates_only so every repetition is written)",
          aggregates_));
    ProcessInfo process;
    process.id = process_;
    process.source = source;
    if (context) process.context = jf::object(*context, "context");
    return process;
  }

 private:
  RecordBuilder& builder_;
  int process_;
  std::vector<Seen> seen_;  // parallel to the builder's benchmarks, for this file
  std::size_t results_ = 0;
  std::size_t aggregates_ = 0;
};

// Members of the top-level object sit one level deep.
constexpr int kTopLevel = 1;

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
  RecordBuilder builder;
  EntryReader reader(builder, 0);
  Entry entry;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].is_object()) jf::object(entries[i], path(i));
    gbench::gather(entries[i], entry);
    reader.add(entry, i);
  }
  RunRecord record;
  record.processes.push_back(reader.process(source, context));
  builder.finish_into(record);
  return record;
}

std::optional<RunRecord> GbenchFormat::read_text(const std::string& text,
                                                 const std::string& source) const {
  GbenchSideReader side;
  if (!side.add(text, source)) return std::nullopt;
  return side.finish();
}

struct GbenchSideReader::State {
  RecordBuilder builder;
  std::vector<ProcessInfo> processes;
};

GbenchSideReader::GbenchSideReader() : state_(std::make_unique<State>()) {}
GbenchSideReader::~GbenchSideReader() = default;

bool GbenchSideReader::add(const std::string& text, const std::string& source) {
  return fast_json::attempt([&] {
           read_file(text, source);
           return true;
         })
      .value_or(false);
}

// Straight from the text with simdjson, entry by entry into the same Entry: a file of 300,000
// entries as one nlohmann document took longer to build and to free than to read.
void GbenchSideReader::read_file(const std::string& text, const std::string& source) {
  fast_json::Text in(text);
  EntryReader reader(state_->builder, static_cast<int>(state_->processes.size()));
  Entry entry;
  std::optional<json> context;
  std::size_t entries = 0;
  bool has_benchmarks = false;
  fast_json::for_each_in(in.document().get_object(), [&](fast_json::od::field& field) {
    const std::string_view key = fast_json::plain_key(field);
    // Google Benchmark writes `context` and `benchmarks` only. Any other member (a `schema`,
    // which makes a run record, or the `results` of hyperfine and nanobench) is left to the
    // document reader, which then reads the text once rather than after this path did; so is a
    // repeated key, of which the document reader keeps the last.
    if ((key != "benchmarks" && key != "context") || (key == "benchmarks" && has_benchmarks) ||
        (key == "context" && context))
      fast_json::give_up();
    if (key == "context") {
      context = fast_json::value(field.value(), kTopLevel);
      return;
    }
    has_benchmarks = true;
    fast_json::for_each_in(field.value().get_array(), [&](fast_json::od::value& value) {
      gbench::gather(value, entry);
      reader.add(entry, entries++);
    });
  });
  in.expect_end();
  // No entries, or a context that is no object: read() says so.
  if (entries == 0 || (context && !context->is_object())) fast_json::give_up();
  state_->processes.push_back(reader.process(source, context ? &*context : nullptr));
}

RunRecord GbenchSideReader::finish() {
  RunRecord record;
  record.processes = std::move(state_->processes);
  state_->builder.finish_into(record);
  return record;
}

}  // namespace benchgate::runner
