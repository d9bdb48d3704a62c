#include "tests/ab/ab_fixture.h"

#include <fstream>

#include <fmt/format.h>

namespace benchgate::testing {

std::filesystem::path ab_program(const std::string& name) {
  return test_program("ab", name);
}

std::string ab_suite_command(const std::string& program, double min_time_seconds) {
  return fmt::format("{} --benchmark_min_time={}", ab_program(program).string(), min_time_seconds);
}

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

std::vector<nlohmann::json> ab_tags(const nlohmann::json& record) {
  std::vector<nlohmann::json> tags;
  for (const auto& p : record.at("processes"))
    tags.push_back(p.at("context").value("benchgate_ab", nlohmann::json()));
  return tags;
}

nlohmann::json comparison_row(const nlohmann::json& comparison, const std::string& benchmark) {
  for (const auto& row : comparison.at("benchmarks"))
    if (row.at("name") == benchmark) return row;
  return nullptr;
}

}  // namespace benchgate::testing
