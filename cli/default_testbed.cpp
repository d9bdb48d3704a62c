#include "cli/default_testbed.h"

#include "runner/environment.h"

namespace benchgate::cli {

std::string this_machine_testbed() {
  return runner::testbed_fingerprint(runner::capture_environment());
}

}  // namespace benchgate::cli
