// The fast path of run_record_json.h: a run record read straight from its text with simdjson's
// On-Demand API.
//
// A record is mostly sample columns (10,000 benchmarks x 30 samples x 5 columns = 1.5 million
// numbers). Each benchmark entry is read straight into the validator's typed entry
// (run_record_validation::BenchmarkEntry), in buffers reused from entry to entry, and becomes a
// BenchmarkResult through the same validator as run_record_from_json: one set of rules, and no
// JSON document per entry. Only the small header (schema, tool, processes, ...) becomes a
// nlohmann document, member by member.
//
// It never explains anything (core/fast_json.h): what the fast path is unsure of, and whatever
// the validator refuses, makes it return nullopt, and the caller reads the text the ordinary way,
// which names the file, line and field.
#include <string.h>  // memmem

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/fast_json.h"
#include "core/json_input.h"
#include "core/run_record_json.h"
#include "core/run_record_validation.h"

namespace benchgate {
namespace {
using namespace fast_json;
using nlohmann::json;
using namespace run_record_validation;
using Kind = Scalar::Kind;

// Where values sit: inside the top-level object (1), a benchmark entry (3), an error item (5).
constexpr int kTopLevel = 1, kEntryLevel = 3, kErrorItemLevel = 5;

// One benchmark entry, read into buffers reused from entry to entry, so that reading it allocates
// nothing but the BenchmarkResult it becomes.
class TextEntry {
 public:
  const BenchmarkEntry& read(od::value& value) {
    entry_ = BenchmarkEntry{};
    metric_count_ = 0;
    errors_.clear();
    for_each_in(value.get_object(), [&](od::field& field) {
      const std::string_view key = plain_key(field);
      if (key == "name") {
        once(entry_.name) = Scalar::of_string(string_value(field.value()));
      } else if (key == "threads") {
        once(entry_.threads) = number(field.value());
      } else if (key == "process") {
        column(field.value(), entry_.process, process_);
      } else if (key == "repetition") {
        column(field.value(), entry_.repetition, repetition_);
      } else if (key == "iterations") {
        column(field.value(), entry_.iterations, iterations_);
      } else if (key == "metrics") {
        read_metrics(field.value());
      } else if (key == "errors") {
        read_errors(field.value());
      } else {
        fast_json::value(field.value(), kEntryLevel);  // ignored, but it must be valid JSON
      }
    });
    entry_.metric_columns = std::span(metrics_.data(), metric_count_);
    entry_.error_items = errors_;
    return entry_;
  }

 private:
  // A member's slot, empty: nlohmann keeps the last of repeated keys; leave those texts to it.
  static std::optional<Scalar>& once(std::optional<Scalar>& slot) {
    if (slot) give_up();
    return slot;
  }

  static void column(od::value& value, SampleColumn& out, std::vector<Scalar>& buffer) {
    once(out.member) = Scalar::of(Kind::array);
    buffer.clear();
    for_each_in(value.get_array(), [&](od::value& sample) {
      Scalar& s = buffer.emplace_back();
      if (sample.is_null())
        s.kind = Kind::null;
      else
        number(sample, s);
    });
    out.values = buffer;
  }

  void read_metrics(od::value& value) {
    once(entry_.metrics) = Scalar::of(Kind::object);
    for_each_in(value.get_object(), [&](od::field& field) {
      const std::string_view name = plain_key(field);
      for (std::size_t i = 0; i < metric_count_; ++i)
        if (metrics_[i].name == name) give_up();
      if (metric_count_ == metrics_.size()) {
        metrics_.emplace_back();
        metric_values_.emplace_back();
      }
      MetricColumn& metric = metrics_[metric_count_];
      metric = MetricColumn{name, {}};
      column(field.value(), metric.column, metric_values_[metric_count_]);
      ++metric_count_;
    });
  }

  void read_errors(od::value& value) {
    once(entry_.errors) = Scalar::of(Kind::array);
    for_each_in(value.get_array(), [&](od::value& element) {
      ErrorItem item{Scalar::of(Kind::object), std::nullopt, std::nullopt};
      for_each_in(element.get_object(), [&](od::field& field) {
        const std::string_view key = plain_key(field);
        if (key == "process")
          once(item.process) = number(field.value());
        else if (key == "message")
          once(item.message) = Scalar::of_string(string_value(field.value()));
        else
          fast_json::value(field.value(), kErrorItemLevel);
      });
      errors_.push_back(item);
    });
  }

  BenchmarkEntry entry_;
  std::vector<Scalar> process_, repetition_, iterations_;
  std::vector<MetricColumn> metrics_;  // the first metric_count_ are this entry's
  std::vector<std::vector<Scalar>> metric_values_;
  std::size_t metric_count_ = 0;
  std::vector<ErrorItem> errors_;
};

std::string entry_path(std::size_t index) {
  return fmt::format("benchmarks[{}]", index);
}

RunRecord read_record(std::string_view text) {
  Text in(text);

  json top = json::object();  // every member but `benchmarks`
  std::vector<BenchmarkResult> benchmarks;
  bool has_benchmarks = false;
  TextEntry entry;
  for (od::field field : in.document().get_object()) {
    const std::string_view key = plain_key(field);
    if (key != "benchmarks") {
      top.get_ref<json::object_t&>().insert_or_assign(std::string(key),
                                                      fast_json::value(field.value(), kTopLevel));
      continue;
    }
    if (has_benchmarks) give_up();
    has_benchmarks = true;
    // Records list benchmarks before processes (keys are written in order), so process ids are
    // checked once the processes are known.
    for_each_in(field.value().get_array(), [&](od::value& value) {
      benchmarks.push_back(benchmark_from_entry(entry.read(value), entry_path(benchmarks.size()),
                                                kProcessCountUnknown));
    });
  }
  in.expect_end();
  if (!has_benchmarks || !looks_like_run_record(top)) give_up();
  RunRecord record = header_from_json(top);
  UniqueNames names;
  for (std::size_t i = 0; i < benchmarks.size(); ++i) {
    check_process_references(benchmarks[i], i, record.processes.size());
    names.add(benchmarks[i].name, i);
  }
  record.benchmarks = std::move(benchmarks);
  read_notes(top, record);
  return record;
}

}  // namespace

std::optional<RunRecord> read_run_record_text(std::string_view text) {
  // Declining is always safe: the ordinary reader reads whatever this path does not. A text that
  // opens with a `context` member is a Google Benchmark file (which writes it first; benchgate
  // never does), not worth even a scan.
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text.substr(first, 1) == "{") {
    const std::size_t key = text.find_first_not_of(" \t\r\n", first + 1);
    if (key != std::string_view::npos && text.substr(key).starts_with("\"context\""))
      return std::nullopt;
  }
  // Every record has a `schema` (without it the ordinary reader refuses the text, and with escapes
  // in its key the fast path would give up anyway): other documents, a Google Benchmark file of
  // 80 MB, are not worth iterating. (glibc's memmem: string_view::find stops at every quote.)
  static constexpr std::string_view kSchemaKey = "\"schema\"";
  if (!::memmem(text.data(), text.size(), kSchemaKey.data(), kSchemaKey.size()))
    return std::nullopt;
  // Malformed, or a value of the wrong type: the ordinary reader says which. Refused by the
  // validator: the ordinary reader says where, with the file's name.
  return attempt([&] { return read_record(text); });
}

}  // namespace benchgate
