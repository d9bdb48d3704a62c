#include "store/store_spec.h"

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::store {
namespace {

constexpr std::string_view kProfilesSuffix = "-profiles";
constexpr std::string_view kCalibrationSuffix = "-calibration";

}  // namespace

StoreSpec parse_store_spec(std::string_view text) {
  StoreSpec spec;
  spec.text = std::string(text);
  if (text == "git") return spec;
  if (text.rfind("git:", 0) == 0) {
    spec.notes_ref = std::string(text.substr(4));
    if (spec.notes_ref.rfind("refs/notes/", 0) != 0)
      throw InputError(fmt::format("--store {}: the ref must start with refs/notes/", text));
    return spec;
  }
  if (text.rfind("dir:", 0) == 0 && text.size() > 4) {
    spec.kind = StoreSpec::Kind::kDirectory;
    spec.directory = std::string(text.substr(4));
    return spec;
  }
  throw InputError(fmt::format("--store {}: expected git, git:REF or dir:PATH", text));
}

StoreSpec StoreSpec::profiles() const {
  if (is_git()) return parse_store_spec("git:" + notes_ref + std::string(kProfilesSuffix));
  return parse_store_spec("dir:" + (directory / "profiles").string());
}

StoreSpec StoreSpec::calibrations() const {
  if (is_git()) return parse_store_spec("git:" + notes_ref + std::string(kCalibrationSuffix));
  return parse_store_spec("dir:" + (directory / "calibration").string());
}

}  // namespace benchgate::store
