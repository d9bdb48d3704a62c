// Speed of `benchgate compare` end to end, minus process start-up: read both sides from disk
// (ingest), compare (statistics), render the JSON report. Targets
// (docs/development.md#benchmarks-of-benchgate-itself): < 200 ms for 10,000 benchmarks x 30 samples
// per side as run records, < 250 ms as Google Benchmark JSON; 1,000 x 30 as one Google Benchmark
// file per side < 30 ms and >= 400x faster than Google Benchmark's tools/compare.py on the same
// files, measured in the same run.
//
// Shapes measured:
// - BM_CompareRunRecords/processes:10: 10 processes x 3 repetitions (per-process medians).
// - BM_CompareRunRecords/processes:1: 1 process x 30 repetitions (single-run analysis).
// - BM_CompareGbenchFiles: the same data as Google Benchmark JSON, 10 files per side.
// - BM_CompareGbenchFile/benchmarks:1000: 1,000 x 30 repetitions, one file per side.
// - BM_ReadGbenchText: ingest alone, 10,000 x 30 in one file, from memory (>= 1 GB/s).
// - BM_SimdjsonWalkOfTheSameText: simdjson's bare walk of that text, the ceiling of the above.
// - BM_ComparePyOnTheSameFiles: tools/compare.py on the 1,000 x 30 files, once, and the ratio
//   (counter `benchgate_faster_x`); needs BENCHGATE_COMPARE_PY=<google/benchmark>/tools/compare.py.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "core/atomic_file.h"
#include "core/json_input.h"
#include "core/run_record_json.h"
#include "reporters/reporter.h"
#include "runner/gbench_format.h"
#include "runner/result_format.h"
#include "stats/compare.h"
#include "stats/job_rows.h"

namespace {
using namespace benchgate;
using namespace benchgate::runner;
namespace fs = std::filesystem;

constexpr int kSamplesPerSide = 30;

fs::path scratch_dir() {
  fs::path dir = fs::temp_directory_path() / "benchgate-compare-bench";
  fs::create_directories(dir);
  return dir;
}

// A side of `processes` processes, kSamplesPerSide samples per benchmark, log-normal timings
// with a per-process drift (as real machines have) and a 10% slowdown on every 100th benchmark.
RunRecord make_side(int processes, bool head, unsigned seed, int benchmarks = 10000) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0.0, 0.02), drift(0.0, 0.01);
  RunRecord r;
  r.tool_version = "bench";
  r.testbed = "bench";
  for (int p = 0; p < processes; ++p)
    r.processes.push_back({p, fmt::format("p{}", p), "ok", "", nlohmann::json::object()});
  std::vector<double> process_drift(processes);
  for (auto& d : process_drift) d = drift(rng);
  const int per_process = kSamplesPerSide / processes;
  for (int b = 0; b < benchmarks; ++b) {
    BenchmarkResult bm;
    bm.name = fmt::format("BM_Kernel{}/{}", b / 8, b % 8);
    double base_ns = 100.0 + b;
    if (head && b % 100 == 0) base_ns *= 1.10;
    auto& real = bm.metrics[kRealTime];
    auto& cpu = bm.metrics[kCpuTime];
    for (int p = 0; p < processes; ++p)
      for (int rep = 0; rep < per_process; ++rep) {
        bm.process.push_back(p);
        bm.repetition.push_back(rep);
        bm.iterations.push_back(1000);
        double v = base_ns * std::exp(process_drift[p] + noise(rng));
        real.push_back(v);
        cpu.push_back(v * 0.99);
      }
    r.benchmarks.push_back(std::move(bm));
  }
  return r;
}

// Process `process` of a side as a Google Benchmark JSON file, as --benchmark_format=json
// --benchmark_repetitions writes it.
void write_gbench_file(const RunRecord& side, int process, const fs::path& file) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& bm : side.benchmarks)
    for (std::size_t i = 0; i < bm.sample_count(); ++i) {
      if (bm.process[i] != process) continue;
      entries.push_back({{"name", bm.name},
                         {"run_name", bm.name},
                         {"run_type", "iteration"},
                         {"repetitions", kSamplesPerSide / side.processes.size()},
                         {"repetition_index", bm.repetition[i]},
                         {"threads", 1},
                         {"iterations", bm.iterations[i]},
                         {"real_time", bm.metrics.at(kRealTime)[i]},
                         {"cpu_time", bm.metrics.at(kCpuTime)[i]},
                         {"time_unit", "ns"}});
    }
  nlohmann::json doc = {{"context", {{"date", "2026-11-21"}, {"library_build_type", "release"}}},
                        {"benchmarks", std::move(entries)}};
  write_file_atomically(file, doc.dump(1));
}

// The same side written as one Google Benchmark JSON file per process.
void write_gbench_files(const RunRecord& side, const fs::path& dir) {
  fs::create_directories(dir);
  for (const auto& process : side.processes)
    write_gbench_file(side, process.id, dir / fmt::format("p{:02}.json", process.id));
}

void run_compare(benchmark::State& state, const fs::path& base, const fs::path& head) {
  auto reporter = report::make_reporter("json");
  stats::CompareOptions options;
  std::size_t bytes = 0;
  for (auto _ : state) {
    Sides sides = runner::load_sides(base, head);
    Comparison c = stats::compare_runs(sides.base, sides.head, options);
    std::string report = reporter->render(c);
    bytes = report.size();
    benchmark::DoNotOptimize(report.data());
  }
  state.counters["report_bytes"] = static_cast<double>(bytes);
  state.counters["input_bytes"] =
      static_cast<double>(fs::is_directory(base) ? 0 : fs::file_size(base) + fs::file_size(head));
}

void BM_CompareRunRecords(benchmark::State& state) {
  const int processes = static_cast<int>(state.range(0));
  fs::path dir = scratch_dir();
  fs::path base = dir / fmt::format("base-{}.json", processes);
  fs::path head = dir / fmt::format("head-{}.json", processes);
  if (!fs::exists(base)) write_run_record_file(make_side(processes, false, 1), base);
  if (!fs::exists(head)) write_run_record_file(make_side(processes, true, 2), head);
  run_compare(state, base, head);
}
BENCHMARK(BM_CompareRunRecords)
    ->ArgName("processes")
    ->Arg(10)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_CompareGbenchFiles(benchmark::State& state) {
  fs::path dir = scratch_dir();
  fs::path base = dir / "gbench-base";
  fs::path head = dir / "gbench-head";
  if (!fs::exists(base)) write_gbench_files(make_side(10, false, 1), base);
  if (!fs::exists(head)) write_gbench_files(make_side(10, true, 2), head);
  run_compare(state, base, head);
}
BENCHMARK(BM_CompareGbenchFiles)->Unit(benchmark::kMillisecond)->UseRealTime();

// One Google Benchmark file per side of `benchmarks` x 30 repetitions, as compare.py takes them.
std::pair<fs::path, fs::path> gbench_file_pair(int benchmarks) {
  const fs::path dir = scratch_dir();
  const fs::path base = dir / fmt::format("gbench-{}-base.json", benchmarks);
  const fs::path head = dir / fmt::format("gbench-{}-head.json", benchmarks);
  if (!fs::exists(base)) write_gbench_file(make_side(1, false, 1, benchmarks), 0, base);
  if (!fs::exists(head)) write_gbench_file(make_side(1, true, 2, benchmarks), 0, head);
  return {base, head};
}

void BM_CompareGbenchFile(benchmark::State& state) {
  const auto [base, head] = gbench_file_pair(static_cast<int>(state.range(0)));
  run_compare(state, base, head);
}
BENCHMARK(BM_CompareGbenchFile)
    ->ArgName("benchmarks")
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Parse throughput of the Google Benchmark fast path (simdjson), from memory: one file of
// 10,000 benchmarks x 30 repetitions (84 MB) into a run record. Target >= 1 GB/s.
void BM_ReadGbenchText(benchmark::State& state) {
  const auto [base, head] = gbench_file_pair(10000);
  const std::string text = read_text_file(base);
  const GbenchFormat format;
  for (auto _ : state) {
    std::optional<RunRecord> record = format.read_text(text, "base.json");
    if (!record) state.SkipWithError("the fast path refused the file");
    benchmark::DoNotOptimize(record);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadGbenchText)->Unit(benchmark::kMillisecond)->UseRealTime();

// What BM_ReadGbenchText is held against: simdjson's own On-Demand walk of the same text, every
// value of every entry parsed (numbers as doubles, strings as views), nothing checked and no
// record built. Neither the fast path's checks nor its record can make it faster than this.
void BM_SimdjsonWalkOfTheSameText(benchmark::State& state) {
  namespace od = simdjson::ondemand;
  const auto [base, head] = gbench_file_pair(10000);
  const simdjson::padded_string text = simdjson::padded_string::load(base.string());
  od::parser parser;
  for (auto _ : state) {
    double numbers = 0;
    std::size_t string_bytes = 0;
    od::document document = parser.iterate(text);
    for (od::object entry : document["benchmarks"].get_array())
      for (od::field field : entry) {
        od::value value = field.value();
        if (value.type() == od::json_type::number)
          numbers += value.get_double();
        else if (value.type() == od::json_type::string)
          string_bytes += std::string_view(value.get_string()).size();
      }
    benchmark::DoNotOptimize(numbers);
    benchmark::DoNotOptimize(string_bytes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SimdjsonWalkOfTheSameText)->Unit(benchmark::kMillisecond)->UseRealTime();

// compare.py is not packaged by Debian: point BENCHGATE_COMPARE_PY at a checkout's
// tools/compare.py (it needs python3-scipy). Times one run of `compare.py benchmarks base head`
// and, on the same files in the same process, benchgate's compare (the best of 20).
void BM_ComparePyOnTheSameFiles(benchmark::State& state) {
  const char* script = std::getenv("BENCHGATE_COMPARE_PY");
  if (!script || !fs::exists(script)) {
    state.SkipWithError(
        "BENCHGATE_COMPARE_PY is not set to Google Benchmark's tools/compare.py (not packaged by "
        "Debian; it is in the google/benchmark repository)");
    for (auto _ : state) {
    }
    return;
  }
  const auto [base, head] = gbench_file_pair(1000);
  using Clock = std::chrono::steady_clock;
  double ours = 1e9;
  for (int i = 0; i < 20; ++i) {
    const auto start = Clock::now();
    Sides sides = runner::load_sides(base, head);
    Comparison c = stats::compare_runs(sides.base, sides.head, stats::CompareOptions{});
    benchmark::DoNotOptimize(report::make_reporter("json")->render(c));
    ours = std::min(ours, std::chrono::duration<double>(Clock::now() - start).count());
  }
  const std::string command = fmt::format("/usr/bin/python3 '{}' benchmarks '{}' '{}' > /dev/null",
                                          script, base.string(), head.string());
  double theirs = 0;
  for (auto _ : state) {
    const auto start = Clock::now();
    if (std::system(command.c_str()) != 0) state.SkipWithError(("failed: " + command).c_str());
    theirs = std::chrono::duration<double>(Clock::now() - start).count();
  }
  state.counters["compare_py_s"] = theirs;
  state.counters["benchgate_ms"] = ours * 1e3;
  state.counters["benchgate_faster_x"] = theirs / ours;
}
BENCHMARK(BM_ComparePyOnTheSameFiles)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// Stored mode's statistics for a gate run: the job-to-job spread learnt from 30 recorded jobs of
// 10,000 benchmarks x 10 processes x 3 repetitions, then head's job judged against the nearest
// one with it (docs/statistics.md#stored-mode-the-job-is-a-unit). The store walk is in
// store_bench.
void BM_StoredModeJudge(benchmark::State& state) {
  const int jobs = static_cast<int>(state.range(0));
  std::vector<RunRecord> history;
  for (int j = 0; j < jobs; ++j) history.push_back(make_side(10, false, 100 + j));
  const RunRecord head = make_side(10, true, 2);
  std::vector<const RunRecord*> pointers;
  for (const auto& job : history) pointers.push_back(&job);
  for (auto _ : state) {
    const stats::SuiteJobSpread spread =
        stats::estimate_job_spread(stats::levels_of_jobs(pointers, kRealTime));
    stats::CompareOptions options;
    options.across_jobs.emplace();
    options.across_jobs->base_jobs = {pointers.back()};
    options.across_jobs->spread = &spread;
    Comparison c = stats::compare_runs(history.back(), head, options);
    benchmark::DoNotOptimize(c.benchmarks.data());
  }
}
BENCHMARK(BM_StoredModeJudge)
    ->ArgName("jobs")
    ->Arg(30)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
