// Placeholder: replaced by the real `benchgate run` subcommand.
#include "cli/command.h"

namespace benchgate::cli {
void register_run_command(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("run", "(not implemented yet)");
  sub->callback([&action] { action = [] { return 3; }; });
}
}  // namespace benchgate::cli
