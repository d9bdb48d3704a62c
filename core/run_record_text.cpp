// The fast path of run_record_json.h: a run record read straight from its text with simdjson's
// On-Demand API.
//
// A record is mostly sample columns (10,000 benchmarks x 30 samples x 5 columns = 1.5 million
// numbers). Each benchmark entry is read straight into the validator's typed entry
// (run_record_validation::BenchmarkEntry), in buffers reused from entry to entry, and becomes a
// BenchmarkResult through the same validator as run_record_from_json: one set of rules, and no
// JSON document per entry. Only the small header (schema, tool, processes, ...) goes through
// nlohmann, one member at a time from its raw text.
//
// The fast path never explains anything. Whatever simdjson and nlohmann might read differently
// — a key or a \u escape in a string, a float of 19 or more digits, a repeated key (nlohmann
// keeps the last), an unknown member's value that On-Demand would skip unchecked (nlohmann parses
// it here), a byte-order mark, nesting beyond kMaxJsonDepth — and whatever the validator refuses
// makes it return nullopt, and the caller reads the text the ordinary way, which names the file,
// line and field.
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "core/run_record_json.h"
#include "core/run_record_validation.h"

namespace benchgate {
namespace {
namespace od = simdjson::ondemand;
using nlohmann::json;
using namespace run_record_validation;
using Kind = Scalar::Kind;

// Not an error: "read this text the ordinary way".
struct Unsure {};
[[noreturn]] void give_up() {
  throw Unsure{};
}

// Where values sit: inside the top-level object (1), a benchmark entry (3), an error item (5).
// Values read as raw text count their own brackets from there (find_excess_nesting).
constexpr int kTopLevel = 1, kEntryLevel = 3, kErrorItemLevel = 5;

// A key without escapes, as it stands in the text (which simdjson has checked for UTF-8 and
// control characters). A key with a backslash could name a known member in disguise.
std::string_view plain_key(const od::field& field) {
  const char* const start = field.key().raw();
  const char* end = start;
  while (*end != '"') {
    if (*end == '\\') give_up();
    ++end;
  }
  return {start, static_cast<std::size_t>(end - start)};
}

// A string value, decoded by simdjson; one with a \u escape is left to nlohmann (surrogates,
// \u0000).
std::string_view string_value(od::value value) {
  const std::string_view token = value.raw_json_token();
  if (token.empty() || token[0] != '"') give_up();
  for (std::size_t i = 1; i < token.size() && token[i] != '"'; ++i) {
    if (token[i] != '\\') continue;
    if (i + 1 < token.size() && token[i + 1] == 'u') give_up();
    ++i;  // an escaped character, perhaps a quote
  }
  return value.get_string();
}

// Whether a number's token has 19 or more significant digits before its exponent. simdjson 3.0.1
// misreads some of those (0.12345678901234567890123 as 4.8e-05; get_number() reads any float
// with more than 19 as 0); a double needs at most 17, so writers never produce them.
bool long_mantissa(std::string_view token) {
  if (token.size() < 19) return false;
  int digits = 0;
  for (const char c : token) {
    if (c == 'e' || c == 'E' || c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
    if (c >= '1' && c <= '9') ++digits;
    if (c == '0' && digits > 0) ++digits;  // zeros count after the first significant digit
  }
  return digits >= 19;
}

// A number, typed as nlohmann types it: both make an integer of `1` and `-0`, unsigned of
// 9223372036854775808 to 18446744073709551615 and floating of anything with `.` or `e`, rounded
// exactly. Integers beyond uint64 (a double for nlohmann) and floats beyond double range (refused
// by nlohmann) are errors for simdjson, so they end here too.
Scalar number(od::value value) {
  switch (value.get_number_type()) {
    case od::number_type::signed_integer:
      return Scalar::of_integer(value.get_int64());
    case od::number_type::unsigned_integer:
      return Scalar::of_unsigned(value.get_uint64());
    default:
      if (long_mantissa(value.raw_json_token())) give_up();
      return Scalar::of_floating(value.get_double());
  }
}

// Any value as nlohmann reads it, from its raw text: for the header and for members the schema
// does not know (On-Demand skips a value without checking what is inside it).
json parsed(od::value value, int level) {
  std::string_view raw;
  switch (value.type()) {
    case od::json_type::array: {
      od::array array = value.get_array();
      raw = array.raw_json();
      break;
    }
    case od::json_type::object: {
      od::object object = value.get_object();
      raw = object.raw_json();
      break;
    }
    default:
      raw = value.raw_json_token();
  }
  if (find_excess_nesting(raw, level) != std::string_view::npos) give_up();
  try {
    return json::parse(raw);
  } catch (const json::exception&) {
    give_up();
  }
}

// One benchmark entry, read into buffers reused from entry to entry, so that reading it allocates
// nothing but the BenchmarkResult it becomes.
class TextEntry {
 public:
  const BenchmarkEntry& read(od::value value) {
    entry_ = BenchmarkEntry{};
    metric_count_ = 0;
    errors_.clear();
    for (od::field field : value.get_object()) {
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
        parsed(field.value(), kEntryLevel);  // ignored, but it must be valid JSON
      }
    }
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

  static void column(od::value value, SampleColumn& out, std::vector<Scalar>& buffer) {
    once(out.member) = Scalar::of(Kind::array);
    buffer.clear();
    for (od::value sample : value.get_array())
      buffer.push_back(sample.is_null() ? Scalar::of(Kind::null) : number(sample));
    out.values = buffer;
  }

  void read_metrics(od::value value) {
    once(entry_.metrics) = Scalar::of(Kind::object);
    for (od::field field : value.get_object()) {
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
    }
  }

  void read_errors(od::value value) {
    once(entry_.errors) = Scalar::of(Kind::array);
    for (od::value element : value.get_array()) {
      ErrorItem item{Scalar::of(Kind::object), std::nullopt, std::nullopt};
      for (od::field field : element.get_object()) {
        const std::string_view key = plain_key(field);
        if (key == "process")
          once(item.process) = number(field.value());
        else if (key == "message")
          once(item.message) = Scalar::of_string(string_value(field.value()));
        else
          parsed(field.value(), kErrorItemLevel);
      }
      errors_.push_back(item);
    }
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

// A parser and the padded copy of the text it reads, kept for the next record: both grow to the
// largest record read, and first touching that much fresh memory cost more than reading a record
// twice (comparisons read their base side on a thread of its own each time, so a thread_local
// parser would be made anew for every comparison). One reader per concurrent call.
struct Reader {
  od::parser parser;
  std::string padded;  // simdjson reads up to SIMDJSON_PADDING bytes past the text
};
class ReaderPool {
 public:
  std::unique_ptr<Reader> take() {
    const std::lock_guard lock(mutex_);
    if (idle_.empty()) return std::make_unique<Reader>();
    std::unique_ptr<Reader> reader = std::move(idle_.back());
    idle_.pop_back();
    return reader;
  }
  void give_back(std::unique_ptr<Reader> reader) {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(reader));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> idle_;
};
ReaderPool& reader_pool() {
  static ReaderPool pool;
  return pool;
}
struct BorrowedReader {
  std::unique_ptr<Reader> reader = reader_pool().take();
  ~BorrowedReader() { reader_pool().give_back(std::move(reader)); }
};

RunRecord read_record(std::string_view text, Reader& reader) {
  // nlohmann skips a UTF-8 byte-order mark; simdjson 3.0 does not.
  if (text.starts_with("\xEF\xBB\xBF")) give_up();
  reader.padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(reader.padded.data(), text.data(), text.size());
  od::document document =
      reader.parser.iterate(reader.padded.data(), text.size(), reader.padded.size());

  json top = json::object();  // every member but `benchmarks`
  std::vector<BenchmarkResult> benchmarks;
  bool has_benchmarks = false;
  TextEntry entry;
  for (od::field field : document.get_object()) {
    const std::string_view key = plain_key(field);
    if (key != "benchmarks") {
      top.get_ref<json::object_t&>().insert_or_assign(std::string(key),
                                                      parsed(field.value(), kTopLevel));
      continue;
    }
    if (has_benchmarks) give_up();
    has_benchmarks = true;
    // Records list benchmarks before processes (keys are written in order), so process ids are
    // checked once the processes are known.
    for (od::value value : field.value().get_array())
      benchmarks.push_back(benchmark_from_entry(entry.read(value), entry_path(benchmarks.size()),
                                                kProcessCountUnknown));
  }
  // Only whitespace may follow the top-level object: then there is no location left.
  if (document.current_location().error() != simdjson::OUT_OF_BOUNDS) give_up();
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
  const BorrowedReader borrowed;
  try {
    return read_record(text, *borrowed.reader);
  } catch (const Unsure&) {
  } catch (const simdjson::simdjson_error&) {
    // Malformed, or a value of the wrong type: the ordinary reader says which.
  } catch (const InputError&) {
    // The validator refused it; the ordinary reader says where, with the file's name.
  }
  return std::nullopt;
}

}  // namespace benchgate
