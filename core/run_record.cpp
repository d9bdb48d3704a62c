#include "core/run_record.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace benchgate {

BenchmarkResult* RunRecord::find(const std::string& name) {
  for (auto& b : benchmarks)
    if (b.name == name) return &b;
  return nullptr;
}

const BenchmarkResult* RunRecord::find(const std::string& name) const {
  for (const auto& b : benchmarks)
    if (b.name == name) return &b;
  return nullptr;
}

BenchmarkResult& RunRecord::find_or_add(const std::string& name) {
  if (auto* b = find(name)) return *b;
  benchmarks.push_back(BenchmarkResult{});
  benchmarks.back().name = name;
  return benchmarks.back();
}

bool from_one_job(const RunRecord& a, const RunRecord& b) {
  const auto tag = [](const RunRecord& r) -> const nlohmann::json* {
    auto it = r.environment.find("interleaved");
    return it != r.environment.end() && it->is_object() ? &*it : nullptr;
  };
  const nlohmann::json* ta = tag(a);
  const nlohmann::json* tb = tag(b);
  if (!ta || !tb) return false;
  const auto job_a = ta->find("job"), job_b = tb->find("job");
  if (job_a != ta->end() && job_b != tb->end()) return *job_a == *job_b;
  return a.seed && b.seed && *a.seed == *b.seed && a.created_at == b.created_at;
}

namespace {

// `src`'s samples and errors after `dst`'s, its processes renumbered by `offset`. `final_count` is
// the number of samples `dst` will have once every part is merged: each column is sized once.
void append_samples(BenchmarkResult& dst, const BenchmarkResult& src, int offset,
                    std::size_t final_count) {
  const std::size_t before = dst.sample_count();
  dst.process.reserve(final_count);
  dst.repetition.reserve(final_count);
  dst.iterations.reserve(final_count);
  for (int p : src.process) dst.process.push_back(p + offset);
  dst.repetition.insert(dst.repetition.end(), src.repetition.begin(), src.repetition.end());
  dst.iterations.insert(dst.iterations.end(), src.iterations.begin(), src.iterations.end());
  // A metric present on only one side of the merge would leave ragged columns; pad with NaN so
  // columns stay aligned with `process` (statistics skip NaN values).
  for (auto& [metric, values] : dst.metrics)
    if (!src.metrics.count(metric)) values.resize(before + src.sample_count(), std::nan(""));
  for (const auto& [metric, values] : src.metrics) {
    auto& column = dst.metrics[metric];
    column.reserve(final_count);
    column.resize(before, std::nan(""));
    column.insert(column.end(), values.begin(), values.end());
  }
  for (auto e : src.errors) {
    e.process += offset;
    dst.errors.push_back(std::move(e));
  }
}

// Every merge: `parts` in order, as if merged one by one. `release(i)` is called once part i is
// copied, so that the bulk merge can free it.
template <typename Release>
void merge_parts(RunRecord& into, const std::vector<const RunRecord*>& parts, Release release) {
  // Where each part's benchmarks go, found once. The files of one side list their benchmarks in
  // the same order, so each is first looked for at its own position in `into`; an index by name,
  // built at the first miss, finds the others (never quadratic in the benchmark count). Then each
  // benchmark's samples to come are counted, so that its columns are sized once.
  std::unordered_map<std::string, std::size_t> index;
  bool indexed = false;
  std::vector<std::size_t> final_count;
  for (const BenchmarkResult& b : into.benchmarks) final_count.push_back(b.sample_count());
  std::vector<std::vector<std::size_t>> targets(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::vector<BenchmarkResult>& from = parts[i]->benchmarks;
    targets[i].reserve(from.size());
    for (std::size_t j = 0; j < from.size(); ++j) {
      const BenchmarkResult& src = from[j];
      std::size_t b = j;
      if (j >= into.benchmarks.size() || into.benchmarks[j].name != src.name) {
        if (!indexed) {
          for (std::size_t k = 0; k < into.benchmarks.size(); ++k)
            index.try_emplace(into.benchmarks[k].name, k);
          indexed = true;
        }
        const auto [it, inserted] = index.try_emplace(src.name, into.benchmarks.size());
        if (inserted) {
          into.benchmarks.push_back(BenchmarkResult{});
          into.benchmarks.back().name = src.name;
          into.benchmarks.back().threads = src.threads;
          final_count.push_back(0);
        }
        b = it->second;
      }
      targets[i].push_back(b);
      final_count[b] += src.sample_count();
    }
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const RunRecord& other = *parts[i];
    int offset = 0;
    for (const auto& p : into.processes) offset = std::max(offset, p.id + 1);
    for (auto p : other.processes) {
      p.id += offset;
      into.processes.push_back(std::move(p));
    }
    for (std::size_t j = 0; j < other.benchmarks.size(); ++j)
      append_samples(into.benchmarks[targets[i][j]], other.benchmarks[j], offset,
                     final_count[targets[i][j]]);
    for (const auto& n : other.notes) into.notes.push_back(n);
    release(i);
  }
}

}  // namespace

void merge_records(RunRecord& into, const RunRecord& other) {
  merge_parts(into, {&other}, [](std::size_t) {});
}

void merge_records(RunRecord& into, std::vector<RunRecord>&& parts) {
  std::vector<const RunRecord*> pointers;
  for (const RunRecord& part : parts) pointers.push_back(&part);
  merge_parts(into, pointers, [&](std::size_t i) { parts[i] = RunRecord{}; });
}

}  // namespace benchgate
