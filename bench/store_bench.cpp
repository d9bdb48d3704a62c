// Baseline store speed on a repository with 10,000 annotated commits (targets, docs/store.md:
// find < 50 ms, save < 20 ms). The repository is built once in the first benchmark's setup,
// directly with libgit2: commits, then one note per commit through the store itself.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "store/baseline_finder.h"
#include "store/git_handle.h"
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

struct Fixture {
  fs::path dir;
  std::vector<std::string> commits;  // oldest first

  Fixture() {
    char pattern[] = "/tmp/benchgate-store-bench-XXXXXX";
    dir = mkdtemp(pattern);
    store::ensure_libgit2();
    git_repository* raw = nullptr;
    git_repository_init(&raw, dir.c_str(), 0);
    store::RepoPtr repo(raw);
    store::SignaturePtr signature;
    git_signature* sig = nullptr;
    git_signature_new(&sig, "bench", "bench@example.com", 1700000000, 0);
    signature.reset(sig);
    git_treebuilder* builder = nullptr;
    git_treebuilder_new(&builder, repo.get(), nullptr);
    git_oid tree_id;
    git_treebuilder_write(&tree_id, builder);
    git_treebuilder_free(builder);
    git_tree* tree = nullptr;
    git_tree_lookup(&tree, repo.get(), &tree_id);
    store::CommitPtr parent;
    for (int i = 0; i < kCommits; ++i) {
      git_oid id;
      const git_commit* parents[] = {parent.get()};
      std::string message = "commit " + std::to_string(i);
      git_commit_create(&id, repo.get(), i + 1 == kCommits ? "HEAD" : nullptr, signature.get(),
                        signature.get(), nullptr, message.c_str(), tree, parent ? 1 : 0, parents);
      parent = store::lookup_commit(repo.get(), id);
      commits.push_back(store::to_hex(id));
    }
    git_tree_free(tree);
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
