#include "cli/pre_push_budget.h"

#include <fmt/format.h>

#include "cli/duration_option.h"
#include "prepush/pre_push_run.h"

namespace benchgate::cli {

CLI::Option* add_budget_option(CLI::App& app, double& seconds) {
  return add_duration_option(
             app, "--budget", [&seconds](double s) { seconds = s; },
             "Time the whole pre-push check may take (e.g. 60s, 2m, 1h, 500ms; 0 = no limit). "
             "Over budget the gate is stopped and the push goes through with a NOT GATED warning")
      ->default_str(prepush::format_budget(seconds));
}

}  // namespace benchgate::cli
