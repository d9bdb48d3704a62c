#pragma once
// Helpers shared by the ingest tests: where the committed fixtures are, the raw JSON of a fixture
// (the oracle the readers are checked against), and the message of an expected InputError.
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "runner/result_format.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {

// tests/data/ingest/<relative>, produced by tests/data/ingest/generate/generate.sh.
inline std::filesystem::path ingest_fixture(const std::string& relative) {
  return source_dir() / "tests" / "data" / "ingest" / relative;
}

// The fixture as plain nlohmann JSON, read without any benchgate code.
inline nlohmann::json raw_fixture(const std::string& relative) {
  return nlohmann::json::parse(read_file(ingest_fixture(relative)));
}

// The message of the InputError that loading `path` throws, or "(no error)".
inline std::string load_error(const std::filesystem::path& path,
                              const std::optional<std::string>& format = std::nullopt) {
  try {
    runner::load_results(path, format);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace benchgate::testing
