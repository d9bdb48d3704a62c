#include "tests/stats/python_oracle.h"

#include <gtest/gtest.h>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {
constexpr const char* kPython = "/usr/bin/python3";
}  // namespace

std::string scipy_missing_reason() {
  const auto probe = run_process({kPython, "-c", "import scipy.stats"});
  if (probe.exit_code == 0) return "";
  return std::string(kPython) + " cannot import scipy (install python3-scipy): " + probe.err;
}

std::string run_python_oracle(std::string_view script, std::string_view input) {
  TempDir dir("benchgate-oracle");
  write_file(dir / "input.txt", input);
  write_file(dir / "oracle.py", script);
  const auto result =
      run_process({kPython, (dir / "oracle.py").string(), (dir / "input.txt").string()});
  if (result.exit_code != 0) {
    ADD_FAILURE() << "oracle script failed: " << result.err;
    return "";
  }
  return result.out;
}

}  // namespace benchgate::testing
