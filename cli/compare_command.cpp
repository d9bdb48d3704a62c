// Placeholder: replaced by the real `benchgate compare` subcommand.
#include "cli/command.h"

namespace benchgate::cli {
void register_compare_command(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("compare", "(not implemented yet)");
  sub->callback([&action] { action = [] { return 3; }; });
}
}  // namespace benchgate::cli
