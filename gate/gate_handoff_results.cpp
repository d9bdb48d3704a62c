#include "gate/gate_handoff_results.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/comparison_json.h"
#include "core/errors.h"
#include "core/json_input.h"

namespace benchgate::gate {
namespace {
namespace jf = json_field;
using nlohmann::json;

// Bounds on what a fork may hand over: far above any real gate run.
constexpr std::size_t kMaxSuites = 64;

std::string text(const json& object, const char* key, const std::string& where) {
  return jf::string(jf::member(object, key, where), where.empty() ? key : where + "." + key);
}

bool flag(const json& object, const char* key, const std::string& where) {
  return jf::boolean(jf::member(object, key, where), where.empty() ? key : where + "." + key);
}

}  // namespace

std::string handoff_results_text(const std::vector<SuiteVerdict>& verdicts) {
  json suites = json::array();
  for (const auto& v : verdicts)
    suites.push_back({{"suite", v.suite},
                      {"testbed", v.testbed},
                      {"has_baseline", v.has_baseline},
                      {"failed", v.failed},
                      {"baseline_line", v.baseline_line},
                      {"comparison", to_json(v.comparison)}});
  const json document = {{"schema", kHandoffResultsSchema}, {"suites", suites}};
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::vector<SuiteVerdict> read_handoff_results(const std::filesystem::path& file) {
  const json document = read_json_file(file);
  std::vector<SuiteVerdict> verdicts;
  try {
    jf::object(document, "(document)");
    if (text(document, "schema", "") != kHandoffResultsSchema)
      throw InputError(fmt::format("field `schema`: expected `{}`", kHandoffResultsSchema));
    const json& suites = jf::array(jf::member(document, "suites", ""), "suites");
    if (suites.empty() || suites.size() > kMaxSuites)
      throw InputError(
          fmt::format("field `suites`: {} suites, expected 1 to {}", suites.size(), kMaxSuites));
    for (std::size_t i = 0; i < suites.size(); ++i) {
      const std::string where = fmt::format("suites[{}]", i);
      const json& s = jf::object(suites[i], where);
      SuiteVerdict v;
      v.suite = text(s, "suite", where);
      v.testbed = text(s, "testbed", where);
      v.has_baseline = flag(s, "has_baseline", where);
      v.failed = flag(s, "failed", where);
      v.baseline_line = text(s, "baseline_line", where);
      v.comparison =
          comparison_from_json(jf::member(s, "comparison", where), where + ".comparison");
      verdicts.push_back(std::move(v));
    }
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", file.string(), e.what()));
  }
  return verdicts;
}

}  // namespace benchgate::gate
