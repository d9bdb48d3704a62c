// `benchgate baseline find`: which stored commit would serve as the baseline for HEAD, and why.
#include <cstdio>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/baseline_actions.h"
#include "core/errors.h"
#include "core/text.h"
#include "runner/environment.h"
#include "store/baseline_finder.h"

namespace benchgate::cli {

int run_baseline_find(const BaselineCommon& common, const FindOptions& options) {
  std::unique_ptr<store::Store> store = common.open();
  const std::string testbed = options.testbed ? *options.testbed : runner::this_machine_testbed();
  store::BaselineQuery query;
  query.repo = common.repo_or_cwd();
  query.head = options.head;
  query.target = options.base;
  query.testbed = testbed;
  query.max_distance = options.max_distance;
  query.window = options.window;
  query.origins.any_branch = options.baselines_from == "any";
  store::BaselineResult result = store::find_baseline(query, *store);
  warn_about(result.problems);
  if (common.format == "json") {
    nlohmann::json found = nlohmann::json::array();
    for (const auto& c : result.baselines)
      found.push_back(
          {{"commit", c.commit}, {"distance", c.distance}, {"records", c.records.size()}});
    nlohmann::json out = {{"head", result.head},
                          {"target", result.target},
                          {"merge_base", result.merge_base},
                          {"testbed", testbed},
                          {"found", result.found()},
                          {"baselines", found},
                          {"trail", result.trail},
                          {"passed_over", result.passed_over},
                          {"summary", result.summary()}};
    fmt::print("{}\n", out.dump(2));
  } else {
    fmt::print("merge-base of {} ({}) and {} ({}): {}\n", options.head, short_commit(result.head),
               options.base, short_commit(result.target), result.merge_base);
    fmt::print("first-parent ancestors looked at (testbed {}):\n", testbed);
    for (const auto& line : result.trail) fmt::print("  {}\n", line);
    fmt::print("{}\n", result.summary());
  }
  if (!result.found())
    throw InputError(
        fmt::format("no baseline for testbed {} within {} commit(s) of the merge-base "
                    "{}; save one with `benchgate baseline save` or raise --max-distance",
                    testbed, options.max_distance, result.merge_base));
  return kExitPass;
}

}  // namespace benchgate::cli
