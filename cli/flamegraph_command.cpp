// Placeholder: replaced by the real `benchgate flamegraph` subcommand.
#include "cli/command.h"

namespace benchgate::cli {
void register_flamegraph_command(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("flamegraph", "(not implemented yet)");
  sub->group("");  // hidden until implemented
  sub->callback([&action] { action = [] { return 3; }; });
}
}  // namespace benchgate::cli
