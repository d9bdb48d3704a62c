// The fast path of run_record_json.h: a run record read straight from its text.
//
// A record is mostly sample columns (10,000 benchmarks x 30 samples x 5 columns = 1.5 million
// numbers), and building nlohmann's document for them, walking it and freeing it cost five times
// more than the numbers themselves. Here the cursor (core/json_cursor.h) reads each column into a
// reused buffer of JSON numbers and everything else into small documents, and the record is built
// by the same validator as run_record_from_json (core/run_record_validation.h): one set of rules.
// When the cursor or the validator refuses anything, the caller reads the text the ordinary way,
// which explains the problem with the file, line and field.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_cursor.h"
#include "core/run_record_json.h"
#include "core/run_record_validation.h"

namespace benchgate {
namespace {
using nlohmann::json;
using namespace run_record_validation;

[[noreturn]] void give_up() {
  throw JsonCursor::Unreadable{};
}

// One benchmark entry as the cursor reads it: the sample columns into buffers reused from entry
// to entry (so that reading one allocates nothing but the benchmark it becomes), the other
// members (name, threads, errors, anything unknown) into `members`.
class TextColumns final : public SampleColumns {
 public:
  void read_entry(JsonCursor& in, json& members) {
    for (Buffer* b : {&process_, &repetition_, &iterations_}) b->present = false;
    has_metrics_ = false;
    metric_count_ = 0;
    members = json::object();
    in.object([&](std::string_view key) {
      if (key == "process") {
        read(in, process_);
      } else if (key == "repetition") {
        read(in, repetition_);
      } else if (key == "iterations") {
        read(in, iterations_);
      } else if (key == "metrics") {
        read_metrics(in);
      } else {
        members.get_ref<json::object_t&>().insert_or_assign(std::string(key), in.value());
      }
    });
  }

  Column column(const char* key, const std::string&) const override {
    const std::string_view name = key;
    const Buffer& b = name == "process"      ? process_
                      : name == "repetition" ? repetition_
                                             : iterations_;
    if (!b.present) give_up();  // missing: the ordinary reader names it
    return b.values;
  }

  void for_each_metric(
      const std::string&,
      const std::function<void(const std::string&, Column)>& visit) const override {
    if (!has_metrics_) give_up();
    for (std::size_t i = 0; i < metric_count_; ++i) visit(metrics_[i].name, metrics_[i].values);
  }

 private:
  struct Buffer {
    std::string name;  // for metrics
    std::vector<json> values;
    bool present = false;
  };

  static void read(JsonCursor& in, Buffer& b) {
    // A repeated key would replace the first column; rare enough to leave to the document reader.
    if (b.present) give_up();
    b.present = true;
    b.values.clear();
    in.array([&](std::size_t) { b.values.push_back(in.number_or_null()); });
  }

  void read_metrics(JsonCursor& in) {
    if (has_metrics_) give_up();
    has_metrics_ = true;
    in.object([&](std::string_view name) {
      for (std::size_t i = 0; i < metric_count_; ++i)
        if (metrics_[i].name == name) give_up();
      if (metric_count_ == metrics_.size()) metrics_.emplace_back();
      Buffer& b = metrics_[metric_count_++];
      b.name.assign(name);
      b.present = false;
      read(in, b);
    });
  }

  Buffer process_, repetition_, iterations_;
  std::vector<Buffer> metrics_;  // the first metric_count_ are this entry's
  std::size_t metric_count_ = 0;
  bool has_metrics_ = false;
};

std::string entry_path(std::size_t index) {
  return fmt::format("benchmarks[{}]", index);
}

RunRecord read_record(std::string_view text) {
  JsonCursor in(text);
  json top = json::object();  // every member but `benchmarks`
  std::vector<BenchmarkResult> benchmarks;
  bool has_benchmarks = false;
  TextColumns columns;
  json members;
  in.object([&](std::string_view key) {
    if (key != "benchmarks") {
      top.get_ref<json::object_t&>().insert_or_assign(std::string(key), in.value());
      return;
    }
    if (has_benchmarks) give_up();
    has_benchmarks = true;
    // Records list benchmarks before processes (keys are written in order), so process ids are
    // checked once the processes are known.
    in.array([&](std::size_t i) {
      columns.read_entry(in, members);
      benchmarks.push_back(
          benchmark_from_json(members, columns, entry_path(i), kProcessCountUnknown));
    });
  });
  in.finish();
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
  try {
    return read_record(text);
  } catch (const JsonCursor::Unreadable&) {
  } catch (const InputError&) {
    // The validator refused it; the ordinary reader says where, with the file's name.
  }
  return std::nullopt;
}

}  // namespace benchgate
