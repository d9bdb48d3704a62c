#include "core/run_record_json.h"

#include <cmath>
#include <concepts>
#include <optional>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/json_input.h"
#include "core/run_record_validation.h"

namespace benchgate {
namespace jf = json_field;
using nlohmann::json;
using namespace run_record_validation;

namespace {

// NaN marks "this sample has no value for this metric" (see merge_records); JSON has no NaN,
// so it is written as null and read back as NaN.
json number_or_null(double v) {
  return std::isfinite(v) ? json(v) : json(nullptr);
}

json benchmark_to_json(const BenchmarkResult& b) {
  json metrics = json::object();
  for (const auto& [name, values] : b.metrics) {
    json column = json::array();
    for (double v : values) column.push_back(number_or_null(v));
    metrics[name] = std::move(column);
  }
  json errors = json::array();
  for (const auto& e : b.errors) errors.push_back({{"process", e.process}, {"message", e.message}});
  return {{"name", b.name},
          {"threads", b.threads},
          {"process", b.process},
          {"repetition", b.repetition},
          {"iterations", b.iterations},
          {"metrics", std::move(metrics)},
          {"errors", std::move(errors)}};
}

const std::string& path_text(const std::string& path) {
  return path;
}
std::string path_text(const jf::ElementPath& path) {
  return path.str();
}
template <std::invocable Path>
std::string path_text(const Path& path) {
  return path();
}

// Checks of one field of the object at `where`, building the path `where.key` only for the error
// message: a benchmark has a dozen such paths, and building them for each of 10,000 benchmarks
// cost more than reading the names they check.
using Kind = Scalar::Kind;
const Scalar& member_at(const std::optional<Scalar>& value, const std::string& where,
                        std::string_view key) {
  if (!value) throw InputError(fmt::format("field `{}.{}`: missing", where, key));
  return *value;
}
void array_at(const Scalar& value, const std::string& where, std::string_view key) {
  if (value.kind != Kind::array) jf::array(value, fmt::format("{}.{}", where, key));
}
void object_at(const Scalar& value, const std::string& where, std::string_view key) {
  if (value.kind != Kind::object) jf::object(value, fmt::format("{}.{}", where, key));
}
std::string string_at(const Scalar& value, const std::string& where, std::string_view key) {
  if (value.kind != Kind::string) jf::string(value, fmt::format("{}.{}", where, key));
  return std::string(value.string);
}
long long integer_at(const Scalar& value, const std::string& where, std::string_view key) {
  if (value.kind == Kind::integer) return value.integer;
  return jf::integer(value, fmt::format("{}.{}", where, key));
}
std::span<const Scalar> column_at(const SampleColumn& column, const std::string& where,
                                  std::string_view key) {
  array_at(member_at(column.member, where, key), where, key);
  return column.values;
}

// A sample's or an error's process: the id of one of the record's processes. `path` is a
// std::string, a jf::ElementPath or a function returning the path (formatted only for the error
// message).
template <typename Path>
int process_reference(long long p, std::size_t process_count, const Path& path) {
  if (p < 0 || static_cast<std::size_t>(p) >= process_count)
    throw InputError(fmt::format("field `{}`: process {} does not exist (record has {} processes)",
                                 path_text(path), p, process_count));
  return static_cast<int>(p);
}

// The column `parent.key`, one value per sample.
template <typename T, typename Read>
std::vector<T> read_column(std::span<const Scalar> column, const std::string& parent,
                           std::string_view key, std::size_t expected, Read read) {
  if (column.size() != expected)
    throw InputError(fmt::format("field `{}.{}`: has {} entries, expected {} (one per sample)",
                                 parent, key, column.size(), expected));
  std::vector<T> out;
  out.reserve(column.size());
  for (std::size_t i = 0; i < column.size(); ++i)
    out.push_back(read(column[i], jf::ElementPath{parent, key, i}));
  return out;
}

// A parsed benchmark entry as the validator takes it, in buffers reused from entry to entry.
class DocumentEntry {
 public:
  const BenchmarkEntry& read(const json& j) {
    entry_ = BenchmarkEntry{};
    entry_.entry = jf::scalar_of(j);
    if (!j.is_object()) return entry_;
    entry_.name = scalar(find(j, "name"));
    entry_.threads = scalar(find(j, "threads"));
    column(find(j, "process"), entry_.process, process_);
    column(find(j, "repetition"), entry_.repetition, repetition_);
    column(find(j, "iterations"), entry_.iterations, iterations_);
    metrics_.clear();
    const json* metrics = find(j, "metrics");
    entry_.metrics = scalar(metrics);
    if (metrics && metrics->is_object()) {
      metric_values_.resize(metrics->size());
      std::size_t i = 0;
      // By the value, not by a lookup of the name: a name may hold a NUL (\u0000).
      for (auto it = metrics->begin(); it != metrics->end(); ++it, ++i) {
        metrics_.push_back({it.key(), {}});
        column(&it.value(), metrics_.back().column, metric_values_[i]);
      }
    }
    entry_.metric_columns = metrics_;
    errors_.clear();
    const json* errors = find(j, "errors");
    entry_.errors = scalar(errors);
    if (errors && errors->is_array())
      for (const json& e : *errors)
        errors_.push_back(
            {jf::scalar_of(e), scalar(find(e, "process")), scalar(find(e, "message"))});
    entry_.error_items = errors_;
    return entry_;
  }

 private:
  static const json* find(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }
  static std::optional<Scalar> scalar(const json* value) {
    if (!value) return std::nullopt;
    return jf::scalar_of(*value);
  }
  static void column(const json* value, SampleColumn& out, std::vector<Scalar>& buffer) {
    buffer.clear();
    out.member = scalar(value);
    if (value && value->is_array())
      for (const json& v : *value) buffer.push_back(jf::scalar_of(v));
    out.values = buffer;
  }

  BenchmarkEntry entry_;
  std::vector<Scalar> process_, repetition_, iterations_;
  std::vector<std::vector<Scalar>> metric_values_;
  std::vector<MetricColumn> metrics_;
  std::vector<ErrorItem> errors_;
};

}  // namespace

json to_json(const RunRecord& r) {
  json processes = json::array();
  for (const auto& p : r.processes)
    processes.push_back({{"id", p.id},
                         {"source", p.source},
                         {"status", p.status},
                         {"message", p.message},
                         {"context", p.context.is_null() ? nlohmann::json::object() : p.context}});
  json benchmarks = json::array();
  for (const auto& b : r.benchmarks) benchmarks.push_back(benchmark_to_json(b));
  json out = {{"schema", kRunRecordSchema},
              {"tool", {{"name", "benchgate"}, {"version", r.tool_version}}},
              {"testbed", r.testbed},
              {"created_at", r.created_at},
              {"git", {{"commit", r.commit}, {"dirty", r.dirty}}},
              {"environment", r.environment},
              {"processes", std::move(processes)},
              {"benchmarks", std::move(benchmarks)},
              {"notes", r.notes}};
  if (r.seed) out["seed"] = *r.seed;
  return out;
}

bool looks_like_run_record(const json& document) {
  return document.is_object() && document.contains("schema") && document["schema"].is_string() &&
         document["schema"].get<std::string>().rfind("benchgate.run/", 0) == 0;
}

namespace run_record_validation {

RunRecord header_from_json(const json& j) {
  jf::object(j, "(top level)");
  RunRecord r;
  std::string schema = jf::string(jf::member(j, "schema", ""), "schema");
  if (schema != kRunRecordSchema)
    throw InputError(fmt::format("field `schema`: unsupported \"{}\" (this benchgate reads \"{}\")",
                                 schema, kRunRecordSchema));
  if (const json* tool = jf::optional_member(j, "tool", ""))
    if (const json* v = jf::optional_member(*tool, "version", "tool"))
      r.tool_version = jf::string(*v, "tool.version");
  if (const json* v = jf::optional_member(j, "testbed", "")) r.testbed = jf::string(*v, "testbed");
  if (const json* v = jf::optional_member(j, "created_at", ""))
    r.created_at = jf::string(*v, "created_at");
  if (const json* git = jf::optional_member(j, "git", "")) {
    if (const json* v = jf::optional_member(*git, "commit", "git"))
      r.commit = jf::string(*v, "git.commit");
    if (const json* v = jf::optional_member(*git, "dirty", "git"))
      r.dirty = jf::boolean(*v, "git.dirty");
  }
  if (const json* v = jf::optional_member(j, "seed", "")) {
    if (!v->is_number_unsigned() && !(v->is_number_integer() && v->get<long long>() >= 0))
      throw InputError("field `seed`: expected a non-negative integer");
    r.seed = v->get<unsigned long long>();
  }
  if (const json* v = jf::optional_member(j, "environment", ""))
    r.environment = jf::object(*v, "environment");
  const json& processes = jf::array(jf::member(j, "processes", ""), "processes");
  for (std::size_t i = 0; i < processes.size(); ++i) {
    std::string where = fmt::format("processes[{}]", i);
    ProcessInfo p;
    p.id = static_cast<int>(jf::integer(jf::member(processes[i], "id", where), where + ".id"));
    if (p.id != static_cast<int>(i))
      throw InputError(
          fmt::format("field `{}.id`: is {}, expected {} (ids are positions)", where, p.id, i));
    if (const json* v = jf::optional_member(processes[i], "source", where))
      p.source = jf::string(*v, where + ".source");
    if (const json* v = jf::optional_member(processes[i], "status", where))
      p.status = jf::string(*v, where + ".status");
    if (p.status != "ok" && p.status != "failed" && p.status != "missing")
      throw InputError(fmt::format("field `{}.status`: \"{}\" is not one of ok, failed, missing",
                                   where, p.status));
    if (const json* v = jf::optional_member(processes[i], "message", where))
      p.message = jf::string(*v, where + ".message");
    if (const json* v = jf::optional_member(processes[i], "context", where))
      p.context = jf::object(*v, where + ".context");
    r.processes.push_back(std::move(p));
  }
  return r;
}

BenchmarkResult benchmark_from_entry(const BenchmarkEntry& e, const std::string& where,
                                     std::size_t process_count) {
  if (e.entry.kind != Kind::object) jf::object(e.entry, where);
  BenchmarkResult b;
  b.name = string_at(member_at(e.name, where, "name"), where, "name");
  if (b.name.empty()) throw InputError(fmt::format("field `{}.name`: empty benchmark name", where));
  if (e.threads) b.threads = static_cast<int>(integer_at(*e.threads, where, "threads"));
  const std::span<const Scalar> processes = column_at(e.process, where, "process");
  const std::size_t n = processes.size();
  b.process = read_column<int>(
      processes, where, "process", n, [&](const Scalar& v, const jf::ElementPath& path) {
        return process_reference(jf::integer(v, path), process_count, path);
      });
  b.repetition = read_column<int>(column_at(e.repetition, where, "repetition"), where, "repetition",
                                  n, [](const Scalar& v, const jf::ElementPath& path) {
                                    return static_cast<int>(jf::integer(v, path));
                                  });
  b.iterations = read_column<double>(
      column_at(e.iterations, where, "iterations"), where, "iterations", n,
      [](const Scalar& v, const jf::ElementPath& path) { return jf::finite_number(v, path); });
  object_at(member_at(e.metrics, where, "metrics"), where, "metrics");
  const std::string metrics = where + ".metrics";
  for (const MetricColumn& metric : e.metric_columns) {
    array_at(*metric.column.member, metrics, metric.name);
    b.metrics[std::string(metric.name)] = read_column<double>(
        metric.column.values, metrics, metric.name, n,
        [](const Scalar& v, const jf::ElementPath& path) {
          return v.kind == Kind::null ? std::nan("") : jf::finite_number(v, path);
        });
  }
  if (e.errors) {
    array_at(*e.errors, where, "errors");
    for (std::size_t i = 0; i < e.error_items.size(); ++i) {
      const ErrorItem& item = e.error_items[i];
      const std::string path = fmt::format("{}.errors[{}]", where, i);
      if (item.item.kind != Kind::object) jf::object(item.item, path);
      BenchmarkError error;
      error.process = process_reference(
          jf::integer(member_at(item.process, path, "process"), path + ".process"), process_count,
          path + ".process");
      error.message = jf::string(member_at(item.message, path, "message"), path + ".message");
      b.errors.push_back(std::move(error));
    }
  }
  return b;
}

void check_process_references(const BenchmarkResult& b, std::size_t index,
                              std::size_t process_count) {
  for (std::size_t i = 0; i < b.process.size(); ++i)
    process_reference(b.process[i], process_count,
                      [&] { return fmt::format("benchmarks[{}].process[{}]", index, i); });
  for (std::size_t i = 0; i < b.errors.size(); ++i)
    process_reference(b.errors[i].process, process_count,
                      [&] { return fmt::format("benchmarks[{}].errors[{}].process", index, i); });
}

void UniqueNames::add(const std::string& name, std::size_t index) {
  if (!seen_.insert(name).second)
    throw InputError(fmt::format("field `benchmarks[{}].name`: \"{}\" appears twice", index, name));
}

void read_notes(const json& j, RunRecord& r) {
  if (const json* notes = jf::optional_member(j, "notes", "")) {
    jf::array(*notes, "notes");
    for (std::size_t i = 0; i < notes->size(); ++i)
      r.notes.push_back(jf::string((*notes)[i], fmt::format("notes[{}]", i)));
  }
}

}  // namespace run_record_validation

RunRecord run_record_from_json(const json& j) {
  RunRecord r = header_from_json(j);
  const json& benchmarks = jf::array(jf::member(j, "benchmarks", ""), "benchmarks");
  UniqueNames names;
  DocumentEntry entry;
  for (std::size_t i = 0; i < benchmarks.size(); ++i) {
    BenchmarkResult b = benchmark_from_entry(entry.read(benchmarks[i]),
                                             fmt::format("benchmarks[{}]", i), r.processes.size());
    names.add(b.name, i);
    r.benchmarks.push_back(std::move(b));
  }
  read_notes(j, r);
  return r;
}

RunRecord parse_run_record(std::string_view text, const std::string& source) {
  if (std::optional<RunRecord> record = read_run_record_text(text)) return std::move(*record);
  return run_record_from_json(parse_json_text(text, source));
}

RunRecord read_run_record_file(const std::filesystem::path& path) {
  const std::string text = read_text_file(path);
  if (std::optional<RunRecord> record = read_run_record_text(text)) return std::move(*record);
  json document = parse_json_text(text, path.string());
  try {
    return run_record_from_json(document);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", path.string(), e.what()));
  }
}

void write_run_record_file(const RunRecord& record, const std::filesystem::path& path) {
  // Compact: indentation doubled the file (each of millions of samples on its own line) and the
  // time to read it back; the file is for programs, `jq` pretty-prints it for humans.
  write_file_atomically(path, to_json(record).dump() + "\n");
}

}  // namespace benchgate
