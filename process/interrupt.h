#pragma once
// Ctrl-C and SIGTERM while children run. Children live in their own process groups (so a
// terminal's Ctrl-C reaches only benchgate); benchgate notices the signal, run_child stops the
// running child, and the caller skips the remaining launches and still writes what was measured.
namespace benchgate::process {

// Installs SIGINT/SIGTERM handlers that record the signal instead of terminating. Idempotent.
void install_interrupt_handlers();
// The signal that asked us to stop (SIGINT or SIGTERM), or 0.
int interrupt_signal();
// A descriptor that becomes readable once a stop was requested, for poll(); -1 before
// install_interrupt_handlers().
int interrupt_wakeup_fd();

}  // namespace benchgate::process
