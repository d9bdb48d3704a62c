#pragma once
// A real git repository in a temporary directory whose commits carry recorded jobs in the real
// store (git notes by default), for the history tests.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/provenance.h"
#include "core/run_record.h"
#include "store/store.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {

// One job: `processes` processes, each with three repetitions around its own level; process p of
// benchmark b measures levels[b] * (1 + 0.01 * (p - processes / 2)) so the job's level is
// levels[b] (for an odd number of processes).
struct JobSpec {
  std::string testbed = "ci";
  std::string suite = "unit";
  std::string created_at = "2026-01-01T00:00:00Z";
  int processes = 5;
  std::vector<std::pair<std::string, double>> levels = {{"BM_A", 100}, {"BM_B", 200}};
};
RunRecord make_job(const JobSpec& spec);

class HistoryRepo {
 public:
  HistoryRepo();
  const std::filesystem::path& path() const { return dir_.path(); }
  // An empty commit on the checked-out branch; its full id.
  std::string commit(const std::string& message);
  // Stores `record` (its commit set to `commit`) through the real git notes store.
  void record(const std::string& commit, RunRecord record);
  // Stores make_job(spec) on `commit`.
  void job(const std::string& commit, const JobSpec& spec = {});
  std::unique_ptr<store::Store> store() const;

 private:
  TempDir dir_{"benchgate-history"};
};

}  // namespace benchgate::testing
