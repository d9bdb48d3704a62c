// Malformed input (docs/statistics.md#how-this-is-tested-testsstats, "Done when"): every case is an
// InputError whose message names the file and the offending field (or line:column), never a crash.
// Cases are real files on disk: fixtures cut from or written by the real tools, or small documents
// written by the test.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::ingest_fixture;
using testing::load_error;

class Malformed : public ::testing::Test {
 protected:
  // Writes `content` to `name` in a fresh directory and returns the loader's message, which
  // must start with the file's path.
  std::string error_for(const std::string& name, const std::string& content,
                        const std::optional<std::string>& format = std::nullopt) {
    const auto path = dir_ / name;
    testing::write_file(path, content);
    std::string msg = load_error(path, format);
    EXPECT_THAT(msg, ::testing::StartsWith(path.string())) << msg;
    return msg;
  }
  // A Google Benchmark document with one iteration entry whose fields are `fields`.
  static std::string gbench_entry(const std::string& fields) {
    return R"({"context": {}, "benchmarks": [{"name": "BM_a", "run_name": "BM_a",
      "run_type": "iteration", "repetitions": 1, "threads": 1, )" +
           fields + "}]}";
  }
  static std::string valid_fields(const std::string& override_real_time) {
    return R"("repetition_index": 0, "iterations": 10, "real_time": )" + override_real_time +
           R"(, "cpu_time": 1.5, "time_unit": "ns")";
  }
  testing::TempDir dir_;
};

TEST_F(Malformed, TruncatedFile) {
  // The first 1500 bytes of a real Google Benchmark file.
  const auto path = ingest_fixture("malformed/truncated.json");
  std::string msg = load_error(path);
  EXPECT_THAT(msg, AllOf(HasSubstr(path.string() + ":"), HasSubstr("truncated")));
}

TEST_F(Malformed, EmptyFile) {
  EXPECT_THAT(error_for("empty.json", ""), HasSubstr("empty.json: the file is empty: expected a "
                                                     "Google Benchmark JSON file"));
  EXPECT_THAT(error_for("blank.json", " \n\n"), HasSubstr("blank.json: the file is empty"));
}

TEST_F(Malformed, TextThatIsNotJsonIsCalledThat) {
  // Not "invalid literal (NaN and Infinity are not valid JSON numbers)".
  const std::string msg = error_for("hello.json", "hello world\nsecond line\n");
  EXPECT_THAT(msg, HasSubstr("hello.json: not JSON (it begins `hello world`): expected a Google "
                             "Benchmark JSON file"));
  EXPECT_THAT(msg, ::testing::Not(HasSubstr("NaN")));
  // JSON that goes wrong later keeps its line and field.
  EXPECT_THAT(error_for("later.json", "{\"benchmarks\": [hello]}"),
              HasSubstr("later.json:1:17: invalid JSON in field `benchmarks`"));
}

TEST_F(Malformed, GoogleBenchmarkConsoleOutputGetsTheFlagsForJson) {
  // The real tool's table, as `./bench > results.json` leaves it, with and without its stderr.
  for (const char* fixture : {"malformed/console.txt", "malformed/console_with_context.txt"}) {
    const auto path = ingest_fixture(fixture);
    std::string msg = load_error(path);
    EXPECT_THAT(msg, AllOf(::testing::StartsWith(path.string() + ": not JSON but Google "
                                                                 "Benchmark's console output"),
                           HasSubstr("--benchmark_out=FILE --benchmark_out_format=json")))
        << fixture;
  }
  EXPECT_THAT(error_for("csv.json",
                        "name,iterations,real_time,cpu_time,time_unit\n\"BM_a\",1,2,"
                        "3,ns\n"),
              HasSubstr("not JSON but Google Benchmark's CSV output; benchgate reads its JSON"));
}

TEST_F(Malformed, WrongTypeOfATime) {
  std::string msg = error_for("string_time.json", gbench_entry(valid_fields("\"12\"")));
  EXPECT_THAT(msg, HasSubstr("field `benchmarks[0].real_time`: expected a number, got string"));
}

TEST_F(Malformed, WrongTypeOfStructuralFields) {
  EXPECT_THAT(error_for("unit.json", gbench_entry(R"("iterations": 1, "real_time": 1,
                "cpu_time": 1, "time_unit": 9)")),
              HasSubstr("field `benchmarks[0].time_unit`: expected a string, got number"));
  EXPECT_THAT(error_for("iters.json", gbench_entry(R"("iterations": "many", "real_time": 1,
                "cpu_time": 1, "time_unit": "ns")")),
              HasSubstr("field `benchmarks[0].iterations`: expected an integer, got string"));
  EXPECT_THAT(error_for("error_flag.json", gbench_entry(R"("error_occurred": "yes",
                "iterations": 1, "real_time": 1, "cpu_time": 1, "time_unit": "ns")")),
              HasSubstr("field `benchmarks[0].error_occurred`: expected true or false"));
  EXPECT_THAT(error_for("run_type.json", R"({"benchmarks": [{"name": "BM_a", "run_type": 1}]})"),
              HasSubstr("field `benchmarks[0].run_type`: expected a string"));
}

TEST_F(Malformed, NonNumericUnknownFieldIsDescriptiveNotAnError) {
  // Newer Google Benchmark versions add fields; only numeric ones can be counters.
  testing::write_file(dir_ / "label.json",
                      gbench_entry(valid_fields("1") + R"(, "label": "warm", "hits": true)"));
  RunRecord r = load_results(dir_ / "label.json");
  EXPECT_EQ(r.benchmarks.at(0).metric("hits"), nullptr);
  EXPECT_EQ(r.benchmarks.at(0).metrics.size(), 2u);
}

TEST_F(Malformed, UnknownValues) {
  EXPECT_THAT(error_for("unit.json", gbench_entry(R"("iterations": 1, "real_time": 1,
                "cpu_time": 1, "time_unit": "min")")),
              HasSubstr("field `benchmarks[0].time_unit`: \"min\" is not a time unit"));
  EXPECT_THAT(error_for("type.json", R"({"benchmarks": [{"name": "BM_a", "run_type": "warmup"}]})"),
              HasSubstr("field `benchmarks[0].run_type`: \"warmup\" is neither"));
  EXPECT_THAT(error_for("threads.json", gbench_entry(valid_fields("1") + R"(, "threads": 0)")),
              HasSubstr("field `benchmarks[0].threads`"));
}

TEST_F(Malformed, NaNLiteralFromARealBenchmark) {
  // Google Benchmark 1.7.1 itself writes a 0/0 counter as the bare word NaN.
  const auto path = ingest_fixture("malformed/nan_counter.json");
  std::string msg = load_error(path);
  EXPECT_THAT(msg, AllOf(HasSubstr(path.string() + ":"), HasSubstr("`hit_ratio`"),
                         HasSubstr("NaN and Infinity are not valid JSON")));
}

TEST_F(Malformed, InfinityLiteral) {
  std::string msg = error_for("inf.json", gbench_entry(valid_fields("Infinity")));
  EXPECT_THAT(msg, AllOf(HasSubstr("inf.json:2:"), HasSubstr("`real_time`"),
                         HasSubstr("NaN and Infinity are not valid JSON")));
}

TEST_F(Malformed, NumberOverflowingToInfinity) {
  std::string msg = error_for("overflow.json", gbench_entry(valid_fields("1e999")));
  EXPECT_THAT(msg, AllOf(HasSubstr("overflow.json:2:"), HasSubstr("field `real_time`"),
                         HasSubstr("number overflow parsing '1e999'")));
}

TEST_F(Malformed, TimeOverflowingWhenScaledToNanoseconds) {
  std::string msg = error_for("scaled.json", gbench_entry(R"("iterations": 1,
    "real_time": 1e305, "cpu_time": 1, "time_unit": "s")"));
  EXPECT_THAT(msg, HasSubstr("field `benchmarks[0].real_time`: 1e+305 overflows"));
}

TEST_F(Malformed, NegativeOrZeroTimes) {
  EXPECT_THAT(error_for("negative.json", gbench_entry(valid_fields("-3"))),
              HasSubstr("field `benchmarks[0].real_time`: -3 is not a positive duration"));
  EXPECT_THAT(error_for("zero.json", gbench_entry(valid_fields("0"))),
              HasSubstr("field `benchmarks[0].real_time`: 0 is not a positive duration"));
  EXPECT_THAT(error_for("zero_cpu.json", gbench_entry(R"("iterations": 1, "real_time": 1,
                "cpu_time": 0, "time_unit": "ns")")),
              HasSubstr("field `benchmarks[0].cpu_time`: 0 is not a positive duration"));
}

TEST_F(Malformed, DuplicateNameWithConflictingUnits) {
  std::string msg = error_for("units.json", R"({"benchmarks": [
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 0, "iterations": 1,
     "real_time": 1, "cpu_time": 1, "time_unit": "ns"},
    {"name": "BM_b", "run_type": "iteration", "repetition_index": 0, "iterations": 1,
     "real_time": 1, "cpu_time": 1, "time_unit": "ns"},
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 1, "iterations": 1,
     "real_time": 1, "cpu_time": 1, "time_unit": "ms"}]})");
  // Both entries are named.
  EXPECT_THAT(msg, AllOf(HasSubstr("field `benchmarks[2].time_unit`"), HasSubstr("`benchmarks[0]`"),
                         HasSubstr("\"BM_a\"")));
}

TEST_F(Malformed, DuplicateNameWithConflictingThreads) {
  std::string msg = error_for("threads.json", R"({"benchmarks": [
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 0, "threads": 1,
     "iterations": 1, "real_time": 1, "cpu_time": 1, "time_unit": "ns"},
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 1, "threads": 4,
     "iterations": 1, "real_time": 1, "cpu_time": 1, "time_unit": "ns"}]})");
  EXPECT_THAT(msg, AllOf(HasSubstr("field `benchmarks[1].threads`: 4 conflicts with 1"),
                         HasSubstr("`benchmarks[0]`")));
}

TEST_F(Malformed, DuplicateNameRepeatingARepetition) {
  std::string msg = error_for("twice.json", R"({"benchmarks": [
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 0, "iterations": 1,
     "real_time": 1, "cpu_time": 1, "time_unit": "ns"},
    {"name": "BM_a", "run_type": "iteration", "repetition_index": 0, "iterations": 1,
     "real_time": 2, "cpu_time": 2, "time_unit": "ns"}]})");
  EXPECT_THAT(msg, AllOf(HasSubstr("field `benchmarks[1].repetition_index`"),
                         HasSubstr("already appeared in `benchmarks[0]`")));
}

TEST_F(Malformed, EmptyBenchmarks) {
  EXPECT_THAT(error_for("empty.json", R"({"context": {}, "benchmarks": []})"),
              AllOf(HasSubstr("field `benchmarks`"), HasSubstr("no benchmark results in")));
}

TEST_F(Malformed, DeepNesting) {
  std::string deep =
      R"({"context": {}, "benchmarks": [)" + std::string(1000, '[') + std::string(1000, ']') + "]}";
  EXPECT_THAT(error_for("deep.json", deep), HasSubstr("nested deeper than"));
}

TEST_F(Malformed, InvalidUtf8InAName) {
  std::string msg = error_for("utf8.json",
                              "{\"benchmarks\": [\n{\"name\": \"BM_\xff\xfe\",\n"
                              "\"iterations\": 1}]}");
  EXPECT_THAT(msg, AllOf(HasSubstr("utf8.json:2:"), HasSubstr("`name`")));
}

TEST_F(Malformed, NonObjectEntry) {
  std::string msg = error_for("entry2.json", R"({"benchmarks": [{"name": "BM_a",
    "iterations": 1, "real_time": 1, "cpu_time": 1, "time_unit": "ns"}, 42]})");
  EXPECT_THAT(msg, HasSubstr("field `benchmarks[1]`: expected an object, got number"));
}

TEST_F(Malformed, MissingOrEmptyName) {
  EXPECT_THAT(error_for("noname.json", R"({"benchmarks": [{"iterations": 1, "real_time": 1,
                "cpu_time": 1, "time_unit": "ns"}]})"),
              HasSubstr("field `benchmarks[0].name`: missing"));
  EXPECT_THAT(error_for("emptyname.json", R"({"benchmarks": [{"name": "", "iterations": 1,
                "real_time": 1, "cpu_time": 1, "time_unit": "ns"}]})"),
              HasSubstr("field `benchmarks[0].name`: empty"));
}

TEST_F(Malformed, MissingTimeFields) {
  EXPECT_THAT(error_for("notime.json", gbench_entry(R"("iterations": 1, "time_unit": "ns")")),
              HasSubstr("field `benchmarks[0].real_time`: missing"));
  EXPECT_THAT(error_for("nounit.json", gbench_entry(R"("iterations": 1, "real_time": 1,
                "cpu_time": 1)")),
              HasSubstr("field `benchmarks[0].time_unit`: missing"));
}

TEST_F(Malformed, WrongTopLevel) {
  EXPECT_THAT(error_for("array.json", "[1, 2]"), HasSubstr("not a recognised result file"));
  EXPECT_THAT(error_for("forced.json", "[1, 2]", "gbench"),
              HasSubstr("expected an object, got array"));
  EXPECT_THAT(error_for("context.json", R"({"context": [], "benchmarks": [{"name": "a"}]})"),
              HasSubstr("field `context`: expected an object"));
}

TEST_F(Malformed, HyperfineCases) {
  EXPECT_THAT(error_for("h_empty.json", R"({"results": []})"),
              AllOf(HasSubstr("field `results`"), HasSubstr("no benchmark results in")));
  EXPECT_THAT(error_for("h_type.json", R"({"results": [{"command": "a", "times": ["0.1"]}]})"),
              HasSubstr("field `results[0].times[0]`: expected a number, got string"));
  EXPECT_THAT(error_for("h_neg.json", R"({"results": [{"command": "a", "times": [0.1, -0.1]}]})"),
              HasSubstr("field `results[0].times[1]`: -0.1 is not a positive duration"));
  EXPECT_THAT(error_for("h_zero.json", R"({"results": [{"command": "a", "times": [0]}]})"),
              AllOf(HasSubstr("field `results[0].times[0]`"), HasSubstr("--shell=none")));
  EXPECT_THAT(error_for("h_codes.json", R"({"results": [{"command": "a", "times": [0.1, 0.2],
                "exit_codes": [0]}]})"),
              HasSubstr("field `results[0].exit_codes`: has 1 entries, expected 2"));
  EXPECT_THAT(error_for("h_cmd.json", R"({"results": [{"times": [0.1]}]})"),
              HasSubstr("field `results[0].command`: missing"));
  EXPECT_THAT(error_for("h_entry.json", R"({"results": ["sleep 1"]})"),
              HasSubstr("field `results[0]`: expected an object, got string"));
  EXPECT_THAT(error_for("h_user.json", R"({"results": [{"command": "a", "times": [0.1],
                "user": "0.1"}]})"),
              HasSubstr("field `results[0].user`: expected a number"));
  EXPECT_THAT(error_for("h_mem.json", R"({"results": [{"command": "a", "times": [0.1],
                "memory_usage_byte": [-5]}]})"),
              HasSubstr("field `results[0].memory_usage_byte[0]`: -5 is negative"));
}

TEST_F(Malformed, BenchgateRunRecordCases) {
  EXPECT_THAT(error_for("r_schema.json", R"({"schema": "benchgate.run/9", "processes": [],
                "benchmarks": []})"),
              HasSubstr("field `schema`: unsupported"));
  EXPECT_THAT(error_for("r_column.json", R"({"schema": "benchgate.run/1",
                "processes": [{"id": 0}], "benchmarks": [{"name": "a", "process": [0],
                "repetition": [0], "iterations": [1], "metrics": {"real_time": [1, 2]}}]})"),
              HasSubstr("field `benchmarks[0].metrics.real_time`: has 2 entries, expected 1"));
}

}  // namespace
}  // namespace benchgate::runner
