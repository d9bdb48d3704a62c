#include "tests/history/history_fixture.h"

#include "store/store_factory.h"
#include "tests/store/git_fixture.h"

namespace benchgate::testing {

RunRecord make_job(const JobSpec& spec) {
  RunRecord r;
  r.tool_version = "0.1.0";
  r.testbed = spec.testbed;
  r.created_at = spec.created_at;
  r.environment["suite"] = spec.suite;
  for (int p = 0; p < spec.processes; ++p) r.processes.push_back({p, "bench", "ok", "", {}});
  for (const auto& [name, level] : spec.levels) {
    BenchmarkResult& b = r.find_or_add(name);
    for (int p = 0; p < spec.processes; ++p) {
      const double process_level = level * (1 + 0.01 * (p - spec.processes / 2));
      for (int rep = 0; rep < 3; ++rep) {
        b.process.push_back(p);
        b.repetition.push_back(rep);
        b.iterations.push_back(1000);
        b.metrics[kRealTime].push_back(process_level * (1 + 0.001 * (rep - 1)));
        b.metrics[kCpuTime].push_back(process_level * 0.9);
      }
    }
  }
  return r;
}

HistoryRepo::HistoryRepo() {
  init_repo(path());
}

std::string HistoryRepo::commit(const std::string& message) {
  return testing::commit(path(), message);
}

void HistoryRepo::record(const std::string& commit, RunRecord record) {
  record.commit = commit;
  store()->save(commit, {record});
}

void HistoryRepo::job(const std::string& commit, const JobSpec& spec) {
  record(commit, make_job(spec));
}

std::unique_ptr<store::Store> HistoryRepo::store() const {
  return store::open_store("git", path());
}

}  // namespace benchgate::testing
