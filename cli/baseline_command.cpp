// Placeholder: replaced by the real `benchgate baseline` subcommand.
#include "cli/command.h"

namespace benchgate::cli {
void register_baseline_command(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("baseline", "(not implemented yet)");
  sub->callback([&action] { action = [] { return 3; }; });
}
}  // namespace benchgate::cli
