#pragma once
// Crash-testing hook: when the environment variable BENCHGATE_FAILPOINT equals `name`, the process
// announces it on stderr and stops there forever, so a test can SIGKILL it at exactly that point
// of a write (tests/store/crash_test.cpp). Costs one getenv when unused.
namespace benchgate::store {
void failpoint(const char* name);
}
