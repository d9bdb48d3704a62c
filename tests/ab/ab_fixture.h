#pragma once
// Running `benchgate ab` on the programs of tests/ab/programs and reading what it wrote.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/process.h"

namespace benchgate::testing {

// tests/ab/programs/<name> in the build tree.
std::filesystem::path ab_program(const std::string& name);
// The program's command for --base/--head, with a short per-benchmark time so jobs stay short.
std::string ab_suite_command(const std::string& program, double min_time_seconds = 0.01);
nlohmann::json read_json(const std::filesystem::path& path);
// The "benchgate_ab" tag of every process of a run record, in record order.
std::vector<nlohmann::json> ab_tags(const nlohmann::json& record);
// The row of `benchmark` in a comparison.json (null when absent).
nlohmann::json comparison_row(const nlohmann::json& comparison, const std::string& benchmark);

}  // namespace benchgate::testing
