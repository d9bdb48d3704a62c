// `benchgate history` speed (target, docs/history.md: < 2 s): collecting the history of a branch of
// 10,000 commits, each with one recorded job of 100 benchmarks (5 processes each), from the git
// notes store and from a directory store. The repository and both stores are generated once by
// one `git fast-import` stream (commits and the notes commit) and kept in
// $TMPDIR/benchgate-history-bench-v1 for later runs; delete it to regenerate.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "history/collect.h"
#include "store/record_lines.h"
#include "store/store_factory.h"

namespace {
namespace fs = std::filesystem;
using namespace benchgate;

constexpr int kCommits = 10000;
constexpr int kBenchmarks = 100;
constexpr int kProcesses = 5;

RunRecord job_record(int commit) {
  RunRecord r;
  r.tool_version = "0.1.0";
  r.testbed = "ci";
  r.created_at = "2026-01-01T00:00:00Z";
  r.environment["suite"] = "bench";
  for (int p = 0; p < kProcesses; ++p) r.processes.push_back({p, "bench", "ok", "", {}});
  for (int b = 0; b < kBenchmarks; ++b) {
    BenchmarkResult& result = r.find_or_add("BM_Case/" + std::to_string(b));
    for (int p = 0; p < kProcesses; ++p) {
      result.process.push_back(p);
      result.repetition.push_back(0);
      result.iterations.push_back(1000);
      // A level that steps up by 30% halfway, with a little deterministic wobble.
      const double level = (100.0 + b) * (commit < kCommits / 2 ? 1.0 : 1.3);
      result.metrics[kRealTime].push_back(level * (1 + 0.001 * ((commit * 7 + p * 3) % 11)));
      result.metrics[kCpuTime].push_back(level);
    }
  }
  return r;
}

void run(const std::string& command, const std::string& input = {}) {
  FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  fwrite(input.data(), 1, input.size(), pipe);
  if (pclose(pipe) != 0) throw std::runtime_error(command + " failed");
}

std::string data_block(const std::string& text) {
  return "data " + std::to_string(text.size()) + "\n" + text + "\n";
}

// The repository (`repo`, notes under refs/notes/benchgate) and the directory store (`dir`).
struct Fixture {
  fs::path root = fs::temp_directory_path() / "benchgate-history-bench-v1";
  fs::path repo = root / "repo";
  fs::path dir = root / "store";

  Fixture() {
    if (fs::exists(root / "complete")) return;
    fs::remove_all(root);
    fs::create_directories(dir);
    run("git init -q -b main '" + repo.string() + "'");
    std::string stream;
    std::string notes =
        "commit refs/notes/benchgate\ncommitter bench <bench@example.com> "
        "1700000000 +0000\n" +
        data_block("history bench records");
    std::vector<std::string> entries;
    for (int i = 1; i <= kCommits; ++i) {
      stream += "commit refs/heads/main\nmark :" + std::to_string(i) +
                "\ncommitter bench <bench@example.com> " + std::to_string(1700000000 + 60 * i) +
                " +0000\n" + data_block("commit " + std::to_string(i));
      if (i > 1) stream += "from :" + std::to_string(i - 1) + "\n";
      stream += "\n";
      entries.push_back(store::join_lines({store::record_to_line(job_record(i - 1))}));
      notes += "N inline :" + std::to_string(i) + "\n" + data_block(entries.back());
    }
    run("git -C '" + repo.string() + "' fast-import --quiet --export-marks='" +
            (root / "marks").string() + "'",
        stream + notes + "\n");
    // The marks file maps :i to the commit id: the directory store's keys.
    std::ifstream marks(root / "marks");
    for (std::string mark, id; marks >> mark >> id;) {
      const int i = std::stoi(mark.substr(1));
      std::ofstream(dir / (id + ".jsonl")) << entries[i - 1];
    }
    std::ofstream(root / "complete") << "ok\n";
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void collect(benchmark::State& state, const std::string& store_spec) {
  Fixture& f = fixture();
  const auto store = store::open_store(store_spec, f.repo);
  history::HistoryQuery query;
  query.repo = f.repo;
  query.branch = "main";
  for (auto _ : state) {
    History h = history::collect_history(query, *store);
    if (h.series.size() != kBenchmarks || h.series[0].points.size() != kCommits)
      state.SkipWithError("wrong history");
    benchmark::DoNotOptimize(h);
  }
}

void BM_HistoryGitNotes(benchmark::State& state) {
  collect(state, "git");
}
BENCHMARK(BM_HistoryGitNotes)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

void BM_HistoryDirectory(benchmark::State& state) {
  collect(state, "dir:" + fixture().dir.string());
}
BENCHMARK(BM_HistoryDirectory)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
