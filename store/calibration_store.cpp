#include "store/calibration_store.h"

#include <ctime>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "core/calibration_json.h"
#include "core/errors.h"
#include "core/text_lines.h"
#include "store/store_factory.h"

namespace benchgate::store {

std::string calibration_to_line(const Calibration& calibration) {
  // nlohmann writes keys sorted and escapes control characters: one line, the same bytes for the
  // same calibration (exact duplicates collapse in the line merge).
  return to_json(calibration).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Calibration calibration_from_line(std::string_view line, const std::string& where) {
  return calibration_from_text(line, where);
}

CalibrationStore::CalibrationStore(std::unique_ptr<Store> lines) : lines_(std::move(lines)) {}

void CalibrationStore::save(const Calibration& calibration) {
  if (calibration.testbed.empty() || calibration.commit.empty())
    throw InputError(fmt::format(
        "calibration of testbed \"{}\" at commit \"{}\": testbed and commit are both required; "
        "nothing was saved",
        calibration.testbed, calibration.commit));
  Calibration c = calibration;
  if (c.created_at.empty())
    c.created_at = fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
  lines_->save_lines(c.commit, {calibration_to_line(c)});
}

CalibrationEntries CalibrationStore::load_all(const std::string& commit) const {
  CalibrationEntries out;
  const std::optional<std::string> text = lines_->read_text(commit);
  if (!text) return out;
  out.found = true;
  parse_entry_lines(*text, commit, "calibration", out.calibrations, out.problems,
                    [](std::string_view line, const std::string& where) {
                      return calibration_from_line(line, where);
                    });
  return out;
}

std::optional<Calibration> CalibrationStore::load(const std::string& commit,
                                                  const std::string& testbed,
                                                  std::vector<LineProblem>* problems) const {
  CalibrationEntries entries = load_all(commit);
  if (problems) problems->insert(problems->end(), entries.problems.begin(), entries.problems.end());
  return newest_entry(entries.calibrations,
                      [&](const Calibration& c) { return c.testbed == testbed; });
}

std::string calibration_store_spec(const std::string& baseline_spec) {
  return parse_store_spec(baseline_spec).calibrations().text;
}

std::unique_ptr<CalibrationStore> open_calibration_store(const StoreSpec& baseline_spec,
                                                         const std::filesystem::path& repo) {
  return std::make_unique<CalibrationStore>(open_store(baseline_spec.calibrations(), repo));
}

}  // namespace benchgate::store
