// The ingest fast paths (ResultFormat::read_text, straight from the text) against the document
// readers (ResultFormat::read over nlohmann's parse, the oracle): the same record from every
// fixture and every valid variant, nothing from a text the document reader refuses, and so, through
// load_results, exactly the document reader's error messages.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/json_input.h"
#include "core/run_record.h"
#include "core/run_record_json.h"
#include "runner/gbench_format.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::ingest_fixture;
using testing::load_error;

// What the document reader makes of `text` as `format`: its record, or nothing when it refuses.
std::optional<RunRecord> document_reading(const ResultFormat& format, const std::string& text) {
  try {
    const json document = json::parse(text);
    if (!format.recognises(document)) return std::nullopt;
    return format.read(document, "source.json");
  } catch (const json::exception&) {
    return std::nullopt;
  } catch (const InputError&) {
    return std::nullopt;
  }
}

// Records compared as their compact JSON: doubles shortest-round-trip, so equal to the bit.
std::string canonical(const RunRecord& r) {
  return to_json(r).dump();
}

// Returns whether the document reader accepted `text`.
bool expect_consistent(const ResultFormat& format, const std::string& text) {
  const std::optional<RunRecord> slow = document_reading(format, text);
  const std::optional<RunRecord> fast = format.read_text(text, "source.json");
  if (!slow) {
    EXPECT_FALSE(fast) << format.name() << " fast path read what its document reader refuses:\n"
                       << text;
  } else if (fast) {
    EXPECT_EQ(canonical(*fast), canonical(*slow)) << text;
  }
  return slow.has_value();
}

TEST(IngestFastPath, FixturesReadTheSameBothWays) {
  const std::vector<std::pair<std::string, std::string>> fixtures = {
      {"benchgate", "benchgate/two_processes.json"},
      {"gbench", "gbench/repetitions.json"},
      {"gbench", "gbench/single.json"},
      {"gbench", "gbench/legacy_no_run_type.json"},
      {"gbench", "gbench/skipped_v1_8.json"},
      {"gbench", "gbench/two_processes/run1.json"},
      {"gbench", "gbench/two_processes/run2.json"}};
  for (const auto& [format_name, fixture] : fixtures) {
    const ResultFormat& format = result_format_named(format_name);
    const std::string text = testing::read_file(ingest_fixture(fixture));
    EXPECT_TRUE(format.read_text(text, "source.json")) << fixture << " must take the fast path";
    EXPECT_TRUE(expect_consistent(format, text)) << fixture;
    for (const ResultFormat* other : result_formats()) {
      if (other == &format) continue;
      EXPECT_FALSE(other->read_text(text, "source.json")) << other->name() << " read " << fixture;
    }
  }
  // A `schema` makes a file no Google Benchmark file, however much it looks like one.
  json with_schema = testing::raw_fixture("gbench/repetitions.json");
  with_schema["schema"] = "other.tool/1";
  EXPECT_FALSE(expect_consistent(result_format_named("gbench"), with_schema.dump()));
  // Only aggregates: refused, by the document reader.
  EXPECT_FALSE(
      expect_consistent(result_format_named("gbench"),
                        testing::read_file(ingest_fixture("gbench/aggregates_only.json"))));
}

// A Google Benchmark file damaged field by field, as other versions or hand edits might.
TEST(IngestFastPath, DamagedGbenchFilesAreNeverReadDifferently) {
  const ResultFormat& gbench = result_format_named("gbench");
  const json original = testing::raw_fixture("gbench/repetitions.json");
  const std::vector<json> values = {json(nullptr), json("x"), json("us"),    json("aggregate"),
                                    json(true),    json(-1),  json(0),       json(2.5),
                                    json(1e300),   json(3),   json::array(), json::object()};
  std::mt19937_64 rng(17);
  int refused = 0;
  for (int i = 0; i < 2000; ++i) {
    json document = original;
    json& entries = document["benchmarks"];
    for (int n = 1 + static_cast<int>(rng() % 2); n > 0; --n) {
      json& entry = entries[rng() % entries.size()];
      auto field = std::next(entry.begin(), static_cast<std::ptrdiff_t>(rng() % entry.size()));
      switch (rng() % 4) {
        case 0:
          entry.erase(field);
          break;
        case 1:
          entries.push_back(entry);  // the same repetition twice
          break;
        case 2:
          document[rng() % 2 ? "context" : "benchmarks"] = values[rng() % values.size()];
          break;
        default:
          *field = values[rng() % values.size()];
      }
      if (!document["benchmarks"].is_array() || document["benchmarks"].empty()) break;
    }
    refused += expect_consistent(gbench, rng() % 2 ? document.dump() : document.dump(2)) ? 0 : 1;
  }
  EXPECT_GT(refused, 500) << "the damage should often make invalid files";
}

// Through load_results: the message of a malformed file is exactly the document reader's,
// prefixed with the file as load_results always does.
TEST(IngestFastPath, ErrorsAreTheDocumentReadersErrors) {
  testing::TempDir dir;
  auto replaced = [&](const std::string& fixture, const std::string& from, const std::string& to) {
    std::string text = testing::read_file(ingest_fixture(fixture));
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  };
  const std::string record = "benchgate/two_processes.json", gbench = "gbench/repetitions.json";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"benchgate", replaced(record, "[10250.0,", "[10250.0, 1.0,")},  // ragged column
      {"benchgate", replaced(record, "\"process\": [0, 0, 1, 1]", "\"process\": [0, 0, 1, 5]")},
      {"benchgate", replaced(record, "[10250.0,", "[NaN,")},
      {"benchgate", replaced(record, "[10250.0,", "[1e999,")},
      {"benchgate", replaced(record, "[10250.0,", "[\"10250\",")},
      {"benchgate", replaced(record, "\"BM_Download\"", "\"BM_Sort/1024\"")},  // a name twice
      {"benchgate", replaced(record, "\"threads\": 1,", "\"threads\": \"one\",")},
      {"benchgate", replaced(record, "\"iterations\": [5000,", "\"iterations\": [5000.5e400,")},
      {"benchgate", replaced(record, "}\n", "}\n}")},  // trailing garbage
      {"gbench", replaced(gbench, "\"time_unit\": \"ns\"", "\"time_unit\": \"min\"")},
      {"gbench", replaced(gbench, "\"iterations\": ", "\"iterations\": -")},
      {"gbench", replaced(gbench, "\"repetition_index\": 1", "\"repetition_index\": 0")},
      {"gbench", replaced(gbench, "\"run_type\": \"iteration\"", "\"run_type\": 7")},
      {"gbench", replaced(gbench, "\"real_time\": ", "\"real_time\": Infinity, \"x\": ")},
      {"gbench", replaced(gbench, "\"context\": {", "\"context\": [{")}};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& [format_name, text] = cases[i];
    const fs::path file = dir / ("case" + std::to_string(i) + ".json");
    testing::write_file(file, text);
    std::string expected;
    try {
      const json document = parse_json_text(text, file.string());
      result_format_named(format_name).read(document, file.string());
      ADD_FAILURE() << "case " << i << " should be invalid";
    } catch (const InputError& e) {
      // Syntax errors already name the file; field errors get it from load_results.
      const std::string what = e.what();
      expected = what.rfind(file.string(), 0) == 0 ? what : file.string() + ": " + what;
    }
    EXPECT_EQ(load_error(file), expected) << "case " << i;
  }
}

// A Google Benchmark file of some of `names`, in a shuffled order: repetitions, aggregates,
// skipped entries, a counter in some files, and a unit and thread count of its own.
json random_gbench_file(std::mt19937_64& rng, const std::vector<std::string>& names) {
  json entries = json::array();
  const std::string unit = rng() % 2 ? "ns" : "us";
  const int threads = 1 + static_cast<int>(rng() % 2);
  const bool counter = rng() % 2;
  std::vector<std::string> order = names;
  std::shuffle(order.begin(), order.end(), rng);
  order.resize(1 + rng() % order.size());
  for (const std::string& name : order) {
    if (rng() % 8 == 0) {
      entries.push_back({{"name", name},
                         {"run_name", name},
                         {"run_type", "iteration"},
                         {"threads", threads},
                         {"error_occurred", true},
                         {"error_message", "no input"}});
      continue;
    }
    const int repetitions = 1 + static_cast<int>(rng() % 3);
    for (int r = 0; r < repetitions; ++r) {
      json entry = {{"name", name},
                    {"run_name", name},
                    {"run_type", "iteration"},
                    {"repetitions", repetitions},
                    {"repetition_index", r},
                    {"threads", threads},
                    {"iterations", 1000 + rng() % 9000},
                    {"real_time", 1.0 + static_cast<double>(rng() % 100000) / 7.0},
                    {"cpu_time", 1.0 + static_cast<double>(rng() % 100000) / 9.0},
                    {"time_unit", unit}};
      if (counter) entry["bytes_per_second"] = static_cast<double>(rng() % 1000000);
      entries.push_back(entry);
    }
    if (repetitions > 1)
      entries.push_back({{"name", name + "_mean"},
                         {"run_name", name},
                         {"run_type", "aggregate"},
                         {"aggregate_name", "mean"},
                         {"iterations", 3},
                         {"real_time", 1.0},
                         {"cpu_time", 1.0},
                         {"time_unit", unit}});
  }
  return {{"context", {{"host_name", "h"}, {"num_cpus", 2}}}, {"benchmarks", entries}};
}

// What the document reader makes of the directory's files, merged in name order: the oracle.
RunRecord merged_by_documents(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::optional<RunRecord> merged;
  for (const fs::path& file : files) {
    RunRecord record =
        result_format_named("gbench").read(json::parse(testing::read_file(file)), file.string());
    if (merged)
      merge_records(*merged, record);
    else
      merged = std::move(record);
  }
  return std::move(*merged);
}

// A directory of Google Benchmark files is read into one record as its files are read
// (GbenchSideReader): the record must be the files' records merged in order, also when the files
// name different benchmarks in different orders, units and thread counts, and when one file sends
// the whole side the ordinary way.
TEST(IngestFastPath, ADirectoryReadAsOneSideIsItsFilesMerged) {
  std::mt19937_64 rng(23);
  const std::vector<std::string> names = {"BM_A", "BM_B/8", "BM_C/64", "BM_D<int>", "BM_E"};
  for (int round = 0; round < 40; ++round) {
    testing::TempDir dir;
    const int files = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < files; ++f) {
      std::string text = random_gbench_file(rng, names).dump(rng() % 2 ? 2 : -1);
      // Now and then a name with an escape, which the fast path leaves to the document reader.
      if (round % 5 == 4 && f == files - 1) {
        const std::size_t at = text.find("\"BM_");
        text.replace(at, 4, "\"BM\\u005f");
      }
      testing::write_file(dir / fmt::format("run{}.json", f), text);
    }
    const RunRecord expected = merged_by_documents(dir.path());
    const RunRecord side = load_results(dir.path());
    ASSERT_EQ(canonical(side), canonical(expected)) << "round " << round;
    ASSERT_EQ(side.processes.size(), static_cast<std::size_t>(files));
  }
}

// The side reader itself, on the same files: it reads them, with no fallback involved.
TEST(IngestFastPath, TheSideReaderReadsPlainFilesItself) {
  std::mt19937_64 rng(29);
  testing::TempDir dir;
  GbenchSideReader side;
  for (int f = 0; f < 3; ++f) {
    const fs::path file = dir / fmt::format("run{}.json", f);
    testing::write_file(file, random_gbench_file(rng, {"BM_X", "BM_Y", "BM_Z"}).dump(2));
    ASSERT_TRUE(side.add(read_text_file(file), file.string())) << file;
  }
  EXPECT_EQ(canonical(side.finish()), canonical(merged_by_documents(dir.path())));
  // A file it cannot read spends it.
  GbenchSideReader other;
  EXPECT_FALSE(other.add(R"({"results": []})", "hyperfine.json"));
}

}  // namespace
}  // namespace benchgate::runner
