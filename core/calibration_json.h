#pragma once
// The calibration JSON (core/calibration.h): `benchgate calibrate -o FILE`, one line per
// calibration in the calibration store, and `benchgate compare --calibration FILE`.
// Numbers: null where not measured (NaN), the string "none" where no δ could be gated (+inf).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/calibration.h"

namespace benchgate {

nlohmann::json to_json(const Calibration& calibration);
// InputError naming `where` and the field for anything that is not a calibration of this schema.
Calibration calibration_from_json(const nlohmann::json& document, const std::string& where);
Calibration calibration_from_text(std::string_view text, const std::string& where);
Calibration read_calibration_file(const std::string& path);

}  // namespace benchgate
