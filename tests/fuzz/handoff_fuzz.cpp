// The fork hand-off files (gate/gate_handoff.h), which come from an untrusted run: the input is
// event.json, read by read_handoff next to a fixed report.md. Only InputError may escape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.h"
#include "gate/gate_handoff.h"
#include "tests/fuzz/fuzz_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate;
  static const bool report_written = [] {
    const std::string report = "## benchgate\n";
    fuzz::write_input(gate::kHandoffReportFile,
                      reinterpret_cast<const std::uint8_t*>(report.data()), report.size());
    return true;
  }();
  (void)report_written;
  fuzz::write_input(gate::kHandoffEventFile, data, size);
  try {
    std::string markdown;
    (void)gate::read_handoff(fuzz::scratch_dir(), markdown);
  } catch (const InputError&) {
  }
  return 0;
}
