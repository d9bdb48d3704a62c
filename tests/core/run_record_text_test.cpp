// The run-record fast path (read_run_record_text) against the document reader
// (run_record_from_json over nlohmann::json::parse): the same record from every valid text, and
// nothing at all from a text the document reader refuses, so that its error message is the one
// the user sees. Records are random, with the awkward values a timer or a counter can produce.
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "core/run_record_json.h"

namespace benchgate {
namespace {
using nlohmann::json;

class RandomRecords {
 public:
  explicit RandomRecords(unsigned seed) : rng_(seed) {}

  RunRecord record() {
    RunRecord r;
    r.tool_version = "0.1.0";
    r.testbed = pick<std::string>({"ci", "laptop \xc3\xa9", "a \"quoted\" \\ name"});
    r.created_at = "2026-11-22T10:00:00Z";
    r.commit = rng_() % 2 ? "3f2a9c1d5e7b8a6f4c2d1e0f9a8b7c6d5e4f3a2b" : "";
    r.dirty = rng_() % 2;
    if (rng_() % 2) r.seed = rng_();
    r.environment = {{"cpu", "AMD EPYC 7B13"}, {"cores", 2}};
    const int processes = 1 + static_cast<int>(rng_() % 4);
    for (int p = 0; p < processes; ++p)
      r.processes.push_back({p, rng_() % 3 ? "" : "bench --x", pick<std::string>({"ok", "failed"}),
                             "", json{{"run", p}}});
    const int benchmarks = 1 + static_cast<int>(rng_() % 20);
    for (int b = 0; b < benchmarks; ++b) {
      BenchmarkResult bm;
      bm.name = "BM_" + std::to_string(b) + pick<std::string>({"", "/1024", "<int>/\xc3\xa9"});
      bm.threads = 1 + static_cast<int>(rng_() % 4);
      const int samples = static_cast<int>(rng_() % 12);
      std::vector<std::string> metrics = {kRealTime, kCpuTime};
      if (rng_() % 3 == 0) metrics.push_back("items_per_second");
      for (int s = 0; s < samples; ++s) {
        bm.process.push_back(static_cast<int>(rng_() % processes));
        bm.repetition.push_back(static_cast<int>(rng_() % 50));
        bm.iterations.push_back(rng_() % 4 ? static_cast<double>(1 + rng_() % 1000000) : value());
        for (const auto& m : metrics)
          bm.metrics[m].push_back(m == "items_per_second" && rng_() % 4 == 0 ? std::nan("")
                                                                             : value());
      }
      if (samples == 0) bm.metrics.clear();
      if (rng_() % 5 == 0) bm.errors.push_back({static_cast<int>(rng_() % processes), "skipped"});
      r.benchmarks.push_back(std::move(bm));
    }
    if (rng_() % 2) r.notes = {"process 1 crashed"};
    return r;
  }

  // The record's JSON text in one of the shapes writers produce: compact (benchgate run), indented
  // (jq), integral numbers written as integers (other writers, or a hand edit).
  std::string text(const RunRecord& r) {
    json document = to_json(r);
    if (rng_() % 3 == 0)
      for (json& b : document["benchmarks"]) {
        integers(b["iterations"]);
        for (auto& [name, column] : b["metrics"].items()) integers(column);
      }
    return rng_() % 2 ? document.dump()
                      : document.dump(rng_() % 2 ? 2 : 1, rng_() % 2 ? ' ' : '\t');
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  template <typename T>
  T pick(std::initializer_list<T> choices) {
    return *(choices.begin() + static_cast<std::ptrdiff_t>(rng_() % choices.size()));
  }
  // Timings and counters, with the edge cases: tiny, subnormal, negative zero, integral, huge.
  double value() {
    switch (rng_() % 10) {
      case 0:
        return pick<double>({1e-300, 4.9406564584124654e-324, 2.2250738585072014e-308, -0.0, 0.0,
                             1.7976931348623157e308, 1e300, -1e-7, 9007199254740993.0});
      case 1:
        return std::bit_cast<double>(rng_() & 0x000fffffffffffffULL);  // subnormal
      case 2:
        return static_cast<double>(rng_() % 100000);
      case 3: {
        double d;
        do d = std::bit_cast<double>(rng_());
        while (!std::isfinite(d));
        return d;
      }
      default:
        return 100.0 * std::exp(std::normal_distribution<double>(0, 2)(rng_));
    }
  }
  void integers(json& column) {
    for (json& v : column)
      if (v.is_number_float() && std::abs(v.get<double>()) < 1e15 &&
          v.get<double>() == std::floor(v.get<double>()) && !std::signbit(v.get<double>()))
        v = static_cast<json::number_unsigned_t>(v.get<double>());
  }
  std::mt19937_64 rng_;
};

// The document reader's verdict on `text`: its record or its error message.
struct Reading {
  std::optional<RunRecord> record;
  std::string error;
};
Reading document_reading(const std::string& text) {
  try {
    return {run_record_from_json(parse_json_text(text, "f.json")), ""};
  } catch (const InputError& e) {
    return {std::nullopt, e.what()};
  }
}

// Compact JSON of the record: a record differs from another exactly when this text does
// (doubles are written shortest-round-trip, -0.0 as "-0.0", NaN as null).
std::string canonical(const RunRecord& r) {
  return to_json(r).dump();
}

TEST(RunRecordText, RandomRecordsReadTheSameByBothReaders) {
  RandomRecords records(2026);
  for (int i = 0; i < 500; ++i) {
    const RunRecord original = records.record();
    const std::string text = records.text(original);
    const std::optional<RunRecord> fast = read_run_record_text(text);
    ASSERT_TRUE(fast) << "a valid record must take the fast path:\n" << text;
    const Reading slow = document_reading(text);
    ASSERT_TRUE(slow.record) << slow.error;
    EXPECT_EQ(canonical(*fast), canonical(*slow.record)) << text;
    EXPECT_EQ(canonical(*fast), canonical(original)) << text;
  }
}

TEST(RunRecordText, EdgeValuesSurviveToTheBit) {
  RunRecord r;
  r.processes.push_back({0, "a", "ok", "", json::object()});
  BenchmarkResult b;
  b.name = "BM_edges";
  const std::vector<double> edges = {
      1e-300, 4.9406564584124654e-324, 2.225073858507201e-308, -0.0, 0.0, 1.0, 1e22,
      1e23,   1.7976931348623157e308,  98.33068287966593};
  for (std::size_t i = 0; i < edges.size(); ++i) {
    b.process.push_back(0);
    b.repetition.push_back(static_cast<int>(i));
    b.iterations.push_back(1);
  }
  b.metrics[kRealTime] = edges;
  r.benchmarks.push_back(b);
  const std::optional<RunRecord> fast = read_run_record_text(to_json(r).dump());
  ASSERT_TRUE(fast);
  const auto& read = fast->benchmarks.at(0).metrics.at(kRealTime);
  for (std::size_t i = 0; i < edges.size(); ++i)
    EXPECT_EQ(std::bit_cast<std::uint64_t>(read[i]), std::bit_cast<std::uint64_t>(edges[i]))
        << edges[i];
}

TEST(RunRecordText, OtherDocumentsAreNotRunRecords) {
  for (const char* text :
       {R"({"context": {}, "benchmarks": [{"name": "BM_a", "iterations": 10, "real_time": 1}]})",
        R"({"results": [{"command": "sleep 0.1", "times": [0.1]}]})",
        R"({"schema": "benchgate.run/1", "processes": []})",  // no benchmarks
        R"({"benchmarks": [], "processes": []})",             // no schema
        "[]", ""})
    EXPECT_FALSE(read_run_record_text(text)) << text;
}

// Damage a valid record, in its text or in its fields: whenever the document reader refuses the
// result, the fast path must give nothing (so the user sees the document reader's message), and
// whenever it accepts it, the fast path gives nothing or the same record.
class DamagedRecords : public ::testing::Test {
 protected:
  void expect_consistent(const std::string& text) {
    const Reading slow = document_reading(text);
    const std::optional<RunRecord> fast = read_run_record_text(text);
    if (!slow.record) {
      EXPECT_FALSE(fast) << "fast path accepted a record refused with: " << slow.error << "\n"
                         << text;
      ++refused_;
    } else if (fast) {
      EXPECT_EQ(canonical(*fast), canonical(*slow.record)) << text;
    }
  }
  int refused_ = 0;
};

TEST_F(DamagedRecords, TextDamage) {
  RandomRecords records(99);
  static const std::string kBytes = "{}[],:\"\\ 0123456789-.eEnul\x01\xff";
  for (int i = 0; i < 3000; ++i) {
    std::string text = records.text(records.record());
    auto& rng = records.rng();
    const std::size_t at = rng() % text.size();
    const char byte = kBytes[rng() % kBytes.size()];
    switch (rng() % 4) {
      case 0:
        text.erase(at, 1);
        break;
      case 1:
        text.insert(at, 1, byte);
        break;
      case 2:
        text[at] = byte;
        break;
      default:
        text.resize(at);
    }
    expect_consistent(text);
  }
  EXPECT_GT(refused_, 1000) << "the damage should mostly make invalid records";
}

TEST_F(DamagedRecords, FieldDamage) {
  RandomRecords records(5);
  const std::vector<json> wrong_values = {json(nullptr), json("x"),      json(true),
                                          json(-1),      json(1.5),      json(1e9),
                                          json::array(), json::object(), json::array({1, 2})};
  for (int i = 0; i < 3000; ++i) {
    json document = to_json(records.record());
    auto& rng = records.rng();
    json& b = document["benchmarks"][rng() % document["benchmarks"].size()];
    switch (rng() % 6) {
      case 0: {  // a field of the benchmark gets a wrong value
        auto it = std::next(b.begin(), static_cast<std::ptrdiff_t>(rng() % b.size()));
        *it = wrong_values[rng() % wrong_values.size()];
        break;
      }
      case 1:  // or disappears
        b.erase(std::next(b.begin(), static_cast<std::ptrdiff_t>(rng() % b.size())));
        break;
      case 2:  // a sample gets a wrong value
        if (!b["process"].empty()) {
          const char* column =
              std::vector<const char*>{"process", "repetition", "iterations"}[rng() % 3];
          b[column][rng() % b[column].size()] = wrong_values[rng() % wrong_values.size()];
          if (rng() % 2) b["metrics"][kRealTime][0] = wrong_values[rng() % wrong_values.size()];
        }
        break;
      case 3:  // a column gets longer
        b[rng() % 2 ? "repetition" : "process"].push_back(0);
        break;
      case 4:  // a name repeats, or the schema changes
        if (rng() % 2)
          document["benchmarks"].push_back(b);
        else
          document["schema"] = "benchgate.run/2";
        break;
      default: {  // a top-level field gets a wrong value
        auto it = std::next(document.begin(), static_cast<std::ptrdiff_t>(rng() % document.size()));
        *it = wrong_values[rng() % wrong_values.size()];
      }
    }
    expect_consistent(rng() % 2 ? document.dump() : document.dump(2));
  }
  EXPECT_GT(refused_, 1500) << "the damage should mostly make invalid records";
}

TEST_F(DamagedRecords, RepeatedKeysAndOddLiterals) {
  const std::string record = to_json(RandomRecords(1).record()).dump();
  // A repeated key replaces the first value in nlohmann's document; the fast path leaves such
  // texts to it. NaN, huge numbers and a byte-order mark are refused there with line and column.
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\"process\":[", "\"process\":[0],\"process\":["},
           {"\"metrics\":{", "\"metrics\":{},\"metrics\":{"},
           {"\"real_time\":[", "\"real_time\":[1],\"real_time\":["},
           {"\"benchmarks\":[", "\"benchmarks\":[],\"benchmarks\":["},
           {"\"real_time\":[", "\"real_time\":[NaN,"},
           {"\"real_time\":[", "\"real_time\":[1e999,"},
           {"\"real_time\":[", "\"real_time\":[1e-400,"},
           {"{\"benchmarks\"", "\xef\xbb\xbf{\"benchmarks\""}}) {
    std::string text = record;
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    expect_consistent(text);
  }
}

// One small record whose text the cases below edit: one process, one benchmark, one sample.
std::string small_record() {
  RunRecord r;
  r.processes.push_back({0, "bench", "ok", "", json::object()});
  BenchmarkResult b;
  b.name = "BM_a";
  b.process = {0};
  b.repetition = {3};
  b.iterations = {7};
  b.metrics[kRealTime] = {1.5};
  b.metrics[kCpuTime] = {2.5};
  r.benchmarks.push_back(b);
  return to_json(r).dump();
}

// `record` with the first `from` replaced by `to`.
std::string edited(std::string record, const std::string& from, const std::string& to) {
  const auto at = record.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) record.replace(at, from.size(), to);
  return record;
}

// What simdjson and nlohmann could read differently: each text is read the same by both readers,
// or left by the fast path to the document reader.
TEST_F(DamagedRecords, EdgesWhereSimdjsonAndNlohmannCouldDiffer) {
  const std::string record = small_record();
  const std::string samples = "\"iterations\":[7.0]";
  const std::vector<std::pair<std::string, std::string>> edits = {
      // numbers at the integer/unsigned/double edges, in a double column and in integer columns
      {samples, "\"iterations\":[9223372036854775807]"},
      {samples, "\"iterations\":[9223372036854775808]"},
      {samples, "\"iterations\":[18446744073709551615]"},
      {samples, "\"iterations\":[18446744073709551616]"},
      {samples, "\"iterations\":[-9223372036854775808]"},
      {samples, "\"iterations\":[-9223372036854775809]"},
      {samples, "\"iterations\":[123456789012345678901234567890]"},
      {samples, "\"iterations\":[1234567890123456789.0]"},
      {samples, "\"iterations\":[0.12345678901234567890123]"},
      {samples, "\"iterations\":[-12345678901234567890.5e-3]"},
      {samples, "\"iterations\":[1042222222222222222.25]"},
      {samples, "\"iterations\":[123456789012345678.9]"},
      {samples, "\"iterations\":[0.000123456789012345678]"},
      {samples, "\"iterations\":[0.0001234567890123456789]"},
      {samples, "\"iterations\":[-0]"},
      {samples, "\"iterations\":[-0.0]"},
      {samples, "\"iterations\":[1e-400]"},
      {samples, "\"iterations\":[-1e-400]"},
      {samples, "\"iterations\":[1.7976931348623159e308]"},
      {samples, "\"iterations\":[2.4703282292062328e-324]"},
      {samples, "\"iterations\":[7E0]"},
      {samples, "\"iterations\":[07]"},
      {samples, "\"iterations\":[7.]"},
      {samples, "\"iterations\":[null]"},
      {"\"repetition\":[3]", "\"repetition\":[3.0]"},
      {"\"repetition\":[3]", "\"repetition\":[-0.0]"},
      {"\"repetition\":[3]", "\"repetition\":[3.5]"},
      {"\"repetition\":[3]", "\"repetition\":[4294967299]"},
      {"\"repetition\":[3]", "\"repetition\":[9223372036854775809]"},
      {"\"repetition\":[3]", "\"repetition\":[9e15]"},
      {"\"repetition\":[3]", "\"repetition\":[8.9e15]"},
      {"\"repetition\":[3]", "\"repetition\":[null]"},
      {"\"process\":[0]", "\"process\":[0.0]"},
      {"\"process\":[0]", "\"process\":[18446744073709551615]"},
      {"\"threads\":1", "\"threads\":1.0"},
      {"\"threads\":1", "\"threads\":9223372036854775808"},
      {"\"threads\":1", "\"threads\":null"},
      // null metric values are NaN; null anywhere else is refused
      {"\"real_time\":[1.5]", "\"real_time\":[null]"},
      {"\"real_time\":[1.5]", "\"real_time\":[nul]"},
      {"\"real_time\":[1.5]", "\"real_time\":[nullx]"},
      {"\"real_time\":[1.5]", "\"real_time\":null"},
      {"\"metrics\":{", "\"metrics\":{\"c\":[null],"},
      // repeated keys: nlohmann keeps the last
      {"\"name\":\"BM_a\"", "\"name\":\"BM_b\",\"name\":\"BM_a\""},
      {"\"threads\":1", "\"threads\":2,\"threads\":1"},
      {"\"iterations\":", "\"iterations\":[1],\"iterations\":"},
      {"\"errors\":[]", "\"errors\":[{\"process\":0,\"message\":\"a\"}],\"errors\":[]"},
      {"\"errors\":[]", "\"errors\":[{\"process\":0,\"message\":\"a\",\"message\":\"b\"}]"},
      {"\"schema\":", "\"schema\":\"x\",\"schema\":"},
      {"\"processes\":", "\"processes\":[],\"processes\":"},
      // escapes in names and keys
      {"\"BM_a\"", "\"BM_a\\n\\t\\\"\\\\\\/\""},
      {"\"BM_a\"", "\"BM_\\u0061\""},
      {"\"BM_a\"", "\"BM_a\\u0000b\""},
      {"\"BM_a\"", "\"BM_a\\ud83d\\ude00\""},
      {"\"BM_a\"", "\"BM_a\\ud83d\""},
      {"\"BM_a\"", "\"BM_a\\ude00x\""},
      {"\"BM_a\"", "\"BM_a\\x\""},
      {"\"BM_a\"", "\"\""},
      {"\"BM_a\"", "\"BM_a\xc3\xa9\""},
      {"\"BM_a\"", "\"BM_a\xc3\""},
      {"\"BM_a\"", "\"BM_a\xed\xa0\x80\""},
      {"\"BM_a\"", "\"BM_a\x01\""},
      {"\"BM_a\"", "\"BM_a\x7f\""},
      {"\"name\"", "\"n\\u0061me\""},
      {"\"real_time\"", "\"real\\u005ftime\""},
      {"\"real_time\"", "\"real_time\\n\""},
      {"\"real_time\"", "\"real\\u0000time\""},
      {"\"schema\"", "\"sch\\u0065ma\""},
      // unknown members are ignored, but must be valid JSON
      {"\"threads\":1", "\"threads\":1,\"x\":{\"a\":[1,{\"b\":null}],\"c\":\"\\u00e9\"}"},
      {"\"threads\":1", "\"threads\":1,\"x\":[1,tru]"},
      {"\"threads\":1", "\"threads\":1,\"x\":[1e999]"},
      {"\"threads\":1", "\"threads\":1,\"x\":\"\xff\""},
      {"\"threads\":1", "\"threads\":1,\"x\":01"},
      {"\"errors\":[]", "\"errors\":[{\"process\":0,\"message\":\"a\",\"at\":[{}]}]"},
      {"\"errors\":[]", "\"errors\":[{\"process\":0,\"message\":\"a\",\"at\":[1,]}]"},
      {"\"created_at\"", "\"extra\":{\"deep\":[[[]]]},\"created_at\""},
      {"\"created_at\"", "\"extra\":[1 2],\"created_at\""},
      // missing columns, wrong types, other shapes
      {"\"process\":[0],", ""},
      {"\"metrics\":{\"cpu_time\":[2.5],\"real_time\":[1.5]},", ""},
      {"\"errors\":[]", "\"errors\":{}"},
      {"\"errors\":[]", "\"errors\":[1]"},
      {"\"errors\":[]", "\"errors\":[{\"process\":0}]"},
      {"\"errors\":[]", "\"errors\":[{\"process\":\"0\",\"message\":\"a\"}]"},
      {"\"errors\":[]", "\"errors\":[{\"process\":5,\"message\":\"a\"}]"},
      {"\"errors\":[]", "\"errors\":[{\"process\":0,\"message\":\"\\u00e9\"}]"},
      {"{\"benchmarks\"", "\xef\xbb\xbf{\"benchmarks\""},
      {"{\"benchmarks\"", " \n\t{\"benchmarks\""},
  };
  for (const auto& [from, to] : edits) expect_consistent(edited(record, from, to));
  using namespace std::string_view_literals;
  for (std::string_view tail :
       {""sv, " \n"sv, "x"sv, "}"sv, "{}"sv, "]"sv, ","sv, "\0"sv, "/* */"sv})
    expect_consistent(record + std::string(tail));
  for (std::size_t cut = 0; cut < record.size(); cut += 7) expect_consistent(record.substr(0, cut));
  EXPECT_GT(refused_, 40);
  // A metric named with a NUL is a valid record: the document reader takes the column by its
  // value, not by looking the name up as a C string.
  const Reading nul = document_reading(edited(record, "\"real_time\"", "\"real\\u0000time\""));
  ASSERT_TRUE(nul.record) << nul.error;
  EXPECT_EQ(nul.record->benchmarks.at(0).metrics.count(std::string("real\0time", 9)), 1u);
}

// Nesting: the document reader refuses more than kMaxJsonDepth levels anywhere, also inside
// members that no reader looks at.
TEST_F(DamagedRecords, DepthLimitHoldsInUnreadMembers) {
  const std::string record = small_record();
  for (int depth : {kMaxJsonDepth - 5, kMaxJsonDepth - 4, kMaxJsonDepth - 3, kMaxJsonDepth - 2,
                    kMaxJsonDepth - 1, kMaxJsonDepth, kMaxJsonDepth + 1}) {
    const std::string nested = std::string(static_cast<std::size_t>(depth), '[') +
                               std::string(static_cast<std::size_t>(depth), ']');
    expect_consistent(edited(record, "\"created_at\"", "\"x\":" + nested + ",\"created_at\""));
    expect_consistent(edited(record, "\"threads\":1", "\"threads\":1,\"x\":" + nested));
    expect_consistent(
        edited(record, "\"errors\":[]",
               "\"errors\":[{\"process\":0,\"message\":\"a\",\"x\":" + nested + "}]"));
  }
  // 256 levels in all: the top-level object, the member's 255 arrays
  const std::string deepest(static_cast<std::size_t>(kMaxJsonDepth - 1), '[');
  const std::string text =
      edited(record, "\"created_at\"",
             "\"x\":" + deepest + std::string(deepest.size(), ']') + ",\"created_at\"");
  EXPECT_TRUE(document_reading(text).record);
  EXPECT_FALSE(document_reading(edited(text, "\"x\":", "\"x\":[")).record);
  EXPECT_GT(refused_, 5);
}

// What the fast path must take itself rather than leave to the document reader: what writers
// produce, including escapes other than \u, integral numbers, null metrics and members it does not
// know.
TEST(RunRecordText, FastPathTakesOrdinaryVariants) {
  const std::string record = small_record();
  for (const std::string& text : {
           record,
           edited(record, "\"BM_a\"", "\"BM_a\\n\\t\\\"\\\\\\/\""),
           edited(record, "\"iterations\":[7.0]", "\"iterations\":[7]"),
           edited(record, "\"iterations\":[7.0]", "\"iterations\":[18446744073709551615]"),
           edited(record, "\"real_time\":[1.5]", "\"real_time\":[null]"),
           // 18 significant digits, some after leading zeros
           edited(record, "\"real_time\":[1.5]", "\"real_time\":[0.000123456789012345678]"),
           edited(record, "\"threads\":1", "\"threads\":1,\"x\":{\"a\":[1,{\"b\":null}]}"),
           edited(record, "\"created_at\"", "\"extra\":{\"deep\":[[[]]]},\"created_at\""),
           edited(record, "\"errors\":[]", "\"errors\":[{\"process\":0,\"message\":\"a\\nb\"}]"),
           json::parse(record).dump(2),
       }) {
    const std::optional<RunRecord> fast = read_run_record_text(text);
    ASSERT_TRUE(fast) << text;
    const Reading slow = document_reading(text);
    ASSERT_TRUE(slow.record) << slow.error;
    EXPECT_EQ(canonical(*fast), canonical(*slow.record)) << text;
  }
}

}  // namespace
}  // namespace benchgate
