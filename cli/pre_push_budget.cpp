#include "cli/pre_push_budget.h"

#include <map>

#include <fmt/format.h>

#include "prepush/pre_push_run.h"

namespace benchgate::cli {

CLI::Option* add_budget_option(CLI::App& app, double& seconds) {
  const std::map<std::string, double> units = {{"ms", 0.001}, {"s", 1}, {"m", 60}, {"min", 60}};
  return app
      .add_option("--budget", seconds,
                  "Time the whole pre-push check may take (e.g. 60s, 2m, 500ms; 0 = no limit). "
                  "Over budget the gate is stopped and the push goes ahead with a warning")
      ->transform(CLI::AsNumberWithUnit(units, CLI::AsNumberWithUnit::CASE_SENSITIVE, "UNIT"))
      ->check(CLI::NonNegativeNumber)
      ->type_name("DURATION")
      ->default_str(prepush::format_budget(seconds));
}

}  // namespace benchgate::cli
