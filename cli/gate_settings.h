#pragma once
// The gate's settings, resolved once from the command line and benchgate.toml: defaults, then the
// file, then the flags given. Every value is checked here, before anything runs.
#include "cli/gate_options.h"
#include "gate/gate_handoff.h"
#include "gate/gate_settings.h"

namespace benchgate::cli {

// InputError naming the flag, the file or the config key that is wrong.
gate::GateSettings resolve_gate_settings(const GateFlags& flags);
gate::PublishSettings resolve_publish_settings(const PublishFlags& flags);

}  // namespace benchgate::cli
