// Placeholder: replaced by the real `benchgate pre-push` subcommand.
#include "cli/command.h"

namespace benchgate::cli {
void register_pre_push_command(CLI::App& app, Action& action) {
  auto* sub = app.add_subcommand("pre-push", "(not implemented yet)");
  sub->group("");  // hidden until implemented
  sub->callback([&action] { action = [] { return 3; }; });
}
}  // namespace benchgate::cli
