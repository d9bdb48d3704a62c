#pragma once
// The testbed a command means when --testbed is not given (docs/design.md#testbeds): this
// machine's fingerprint (runner::this_machine_testbed), the name `benchgate run` records and
// `benchgate gate` looks up, so that `baseline find`, `baseline save` and `compare
// --base-commit` meet the records made here.

namespace benchgate::cli {

// The help text's words for that default, the same in every subcommand's --help.
inline constexpr const char* kThisMachineTestbed =
    "this machine's fingerprint of CPU model, cores and OS";

}  // namespace benchgate::cli
