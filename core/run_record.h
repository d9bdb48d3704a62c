#pragma once
// The run record: everything one `benchgate run` (or one ingested set of result files) measured.
//
// Samples are stored column-wise per benchmark (one vector per metric, plus the process and
// repetition each sample came from) because statistics read whole columns and because the JSON
// form stays compact: 10,000 benchmarks x 30 samples is a few MB, not hundreds.
//
// Every sample remembers its process: docs/design.md#the-unit-of-analysis — the process, not the
// repetition, is the unit of analysis, since timings drift between processes far more than within
// one.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace benchgate {

// Times are normalised to nanoseconds on ingest; these are the canonical metric names.
inline constexpr const char* kRealTime = "real_time";
inline constexpr const char* kCpuTime = "cpu_time";

struct ProcessInfo {
  int id = 0;                 // index referenced by BenchmarkResult::process
  std::string source;         // the file it was read from, or the command line that ran it
  std::string status = "ok";  // "ok", "failed" (crashed, timed out, bad output) or "missing"
  std::string message;        // why it failed, for humans
  nlohmann::json context = nlohmann::json::object();  // e.g. Google Benchmark's "context" block
};

struct BenchmarkError {
  int process = 0;
  std::string message;
};

struct BenchmarkResult {
  std::string name;
  int threads = 1;
  // Parallel columns, one entry per sample (repetition).
  std::vector<int> process;
  std::vector<int> repetition;
  std::vector<double> iterations;
  std::map<std::string, std::vector<double>> metrics;  // metric name -> one value per sample
  std::vector<BenchmarkError> errors;                  // error_occurred / skipped: never samples

  std::size_t sample_count() const { return process.size(); }
  const std::vector<double>* metric(const std::string& name) const {
    auto it = metrics.find(name);
    return it == metrics.end() ? nullptr : &it->second;
  }
};

struct RunRecord {
  static constexpr int kSchemaVersion = 1;
  std::string tool_version;
  std::string testbed;
  std::string created_at;  // ISO 8601 UTC
  std::string commit;      // empty when not known
  bool dirty = false;
  std::optional<unsigned long long> seed;  // order randomisation seed, when the runner chose one
  nlohmann::json environment = nlohmann::json::object();
  std::vector<ProcessInfo> processes;
  std::vector<BenchmarkResult> benchmarks;
  std::vector<std::string> notes;  // things a reader must know (missing processes, warnings)

  BenchmarkResult* find(const std::string& name);
  const BenchmarkResult* find(const std::string& name) const;
  // Returns the benchmark with this name, creating it (at the end) if it does not exist.
  BenchmarkResult& find_or_add(const std::string& name);
};

// True when both records are the two sides of one interleaved job (the interleaved gate tags them
// with the same `environment.interleaved.job`; `benchgate ab` with the same seed): their processes
// shared the job's machine state. Anything else is two jobs.
bool from_one_job(const RunRecord& a, const RunRecord& b);

// Appends `other`'s processes and samples to `into`, renumbering processes so that each stays
// distinct. The same benchmark in both records simply gets more samples
// (docs/design.md#the-unit-of-analysis: several files for one side are several processes of that
// side).
void merge_records(RunRecord& into, const RunRecord& other);
// The same for several records, in order, freeing each once it is merged: a side of many large
// files is never held twice, and each benchmark's columns are sized once.
void merge_records(RunRecord& into, std::vector<RunRecord>&& parts);

}  // namespace benchgate
