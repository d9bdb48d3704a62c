#pragma once
// Runs a piece of code in a forked child whose address space may grow by only `headroom_bytes`
// (RLIMIT_AS), so a test can show that a small input does not allocate megabytes without the
// machine ever giving them: an allocation beyond the headroom fails in the child, not the test.
#include <cstddef>
#include <functional>
#include <string>

namespace benchgate::testing {

struct LimitedRun {
  enum class Ended { returned, threw, out_of_memory, crashed } ended = Ended::crashed;
  std::string text;  // what the body returned, or the exception's message
};

// False under AddressSanitizer, whose shadow memory needs more address space than any limit.
bool memory_limits_work();

// `body` runs in a child process; its return value (or exception message) comes back.
LimitedRun run_with_memory_headroom(const std::function<std::string()>& body,
                                    std::size_t headroom_bytes);

}  // namespace benchgate::testing
