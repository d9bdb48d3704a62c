#pragma once
// Calibrations beside the baselines (`benchgate calibrate`, docs/usage.md#calibrate-benchgate-
// calibrate), mirroring store/profile_store.h: the entry of commit C holds one JSON line per
// calibration made at C (the branch tip calibrated), one per testbed and run. For git the entries
// are notes under their own ref (refs/notes/benchgate-calibration next to refs/notes/benchgate),
// for the directory store a calibration/ folder.
//
// Writes go through Store::save_lines: the same atomic, line-merging writer as the baselines, so
// concurrent writers keep each other's lines. Readers take the newest line of a testbed.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calibration.h"
#include "store/store.h"
#include "store/store_spec.h"

namespace benchgate::store {

struct CalibrationEntries {
  bool found = false;  // the commit has an entry at all
  std::vector<Calibration> calibrations;
  std::vector<LineProblem> problems;  // unreadable lines, with commit and line number
};

class CalibrationStore {
 public:
  explicit CalibrationStore(std::unique_ptr<Store> lines);

  // Adds `calibration` to the entry of its commit. It must name a testbed and a commit
  // (InputError otherwise, nothing written); created_at is set when empty.
  void save(const Calibration& calibration);
  CalibrationEntries load_all(const std::string& commit) const;
  // The newest calibration of `testbed` made at `commit`, if any. Unreadable lines are skipped
  // and added to `problems` when given.
  std::optional<Calibration> load(const std::string& commit, const std::string& testbed,
                                  std::vector<LineProblem>* problems = nullptr) const;

  std::string describe() const { return lines_->describe(); }

 private:
  std::unique_ptr<Store> lines_;
};

// git -> git:refs/notes/benchgate-calibration, git:REF -> git:REF-calibration,
// dir:PATH -> dir:PATH/calibration.
std::string calibration_store_spec(const std::string& baseline_spec);
std::unique_ptr<CalibrationStore> open_calibration_store(const StoreSpec& baseline_spec,
                                                         const std::filesystem::path& repo);

// One calibration as its stored line (compact JSON, no newline), and back (InputError naming
// `where`).
std::string calibration_to_line(const Calibration& calibration);
Calibration calibration_from_line(std::string_view line, const std::string& where);

}  // namespace benchgate::store
