// Baseline store speed on a repository with 10,000 annotated commits (targets, docs/store.md:
// find < 50 ms, save < 20 ms). The repository is built once in the first benchmark's setup:
// the commits in one `git fast-import` stream (the benchgate library has no call to make commits),
// then one note per commit through the store itself.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "store/baseline_finder.h"
#include "store/git_notes_store.h"

namespace {
namespace fs = std::filesystem;
using namespace benchgate;

constexpr int kCommits = 10000;

benchgate::RunRecord bench_record(const std::string& tag, int benchmarks) {
  RunRecord r;
  r.tool_version = "0.1.0";
  r.testbed = "ci";
  r.created_at = "2024-01-01T00:00:00Z";
  r.processes = {{0, "bench", "ok", "", {}}, {1, "bench", "ok", "", {}}};
  for (int i = 0; i < benchmarks; ++i) {
    BenchmarkResult& b = r.find_or_add("BM_" + tag + "/" + std::to_string(i));
    b.process = {0, 0, 1, 1};
    b.repetition = {0, 1, 0, 1};
    b.iterations = {1000, 1000, 1000, 1000};
    b.metrics["real_time"] = {10.0 + i, 10.5 + i, 10.2 + i, 10.1 + i};
  }
  return r;
}

// Runs `command` with `input` on its stdin; its stdout, or std::runtime_error when it fails.
std::string run_shell(const std::string& command, const std::string& input = {}) {
  const fs::path output =
      fs::temp_directory_path() / ("benchgate-store-bench-out-" + std::to_string(getpid()));
  FILE* pipe = popen((command + " > " + output.string()).c_str(), "w");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  fwrite(input.data(), 1, input.size(), pipe);
  if (pclose(pipe) != 0) throw std::runtime_error(command + " failed");
  std::string text;
  if (FILE* file = fopen(output.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    fclose(file);
  }
  fs::remove(output);
  return text;
}

struct Fixture {
  fs::path dir;
  std::vector<std::string> commits;  // oldest first

  Fixture() {
    char pattern[] = "/tmp/benchgate-store-bench-XXXXXX";
    dir = mkdtemp(pattern);
    const std::string git = "git -C '" + dir.string() + "' ";
    run_shell(git + "init -q -b main");
    std::string stream;
    for (int i = 1; i <= kCommits; ++i) {
      const std::string message = "commit " + std::to_string(i - 1);
      stream += "commit refs/heads/main\nmark :" + std::to_string(i) +
                "\ncommitter bench <bench@example.com> 1700000000 +0000\ndata " +
                std::to_string(message.size()) + "\n" + message + "\n";
      if (i > 1) stream += "from :" + std::to_string(i - 1) + "\n";
      stream += "\n";
    }
    run_shell(git + "fast-import --quiet", stream);
    const std::string ids = run_shell(git + "rev-list --reverse main");
    for (std::size_t start = 0; start + 40 <= ids.size(); start += 41)
      commits.push_back(ids.substr(start, 40));
    if (commits.size() != static_cast<std::size_t>(kCommits))
      throw std::runtime_error("git fast-import made " + std::to_string(commits.size()) +
                               " commits");
    // Every commit annotated except the newest 30, so `find` walks 30 commits before a hit.
    store::GitNotesStore notes(dir);
    for (int i = 0; i + 30 < kCommits; ++i)
      notes.save(commits[i], {bench_record(std::to_string(i), 3)});
  }
  ~Fixture() { fs::remove_all(dir); }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_FindBaseline(benchmark::State& state) {
  Fixture& f = fixture();
  store::BaselineQuery query;
  query.repo = f.dir;
  query.head = "HEAD";
  query.target = f.commits.back();
  query.testbed = "ci";
  for (auto _ : state) {
    store::BaselineResult r = store::find_baseline(query);
    if (!r.found() || r.baselines[0].distance != 30) state.SkipWithError("wrong baseline");
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_FindBaseline)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SaveRecord(benchmark::State& state) {
  Fixture& f = fixture();
  store::GitNotesStore notes(f.dir);
  int round = 0;
  for (auto _ : state) {
    // A fresh record each time (a duplicate would be a no-op), spread over the history.
    const std::string& commit = f.commits[(round * 7919) % kCommits];
    notes.save(commit, {bench_record("save" + std::to_string(round++), 50)});
  }
}
BENCHMARK(BM_SaveRecord)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
