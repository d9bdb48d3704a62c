// The fork hand-off files, which come from an untrusted run: the input is read both as event.json
// (gate/handoff_event.h) and as results.json (gate/gate_handoff_results.h), what `gate publish`
// reads before it renders the comment. Only InputError may escape.
#include <cstddef>
#include <cstdint>

#include "core/errors.h"
#include "gate/gate_handoff_results.h"
#include "gate/handoff_event.h"
#include "tests/fuzz/fuzz_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate;
  fuzz::write_input(gate::kHandoffEventFile, data, size);
  try {
    (void)gate::read_handoff(fuzz::scratch_dir());
  } catch (const InputError&) {
  }
  const auto results = fuzz::write_input(gate::kHandoffResultsFile, data, size);
  try {
    (void)gate::read_handoff_results(results);
  } catch (const InputError&) {
  }
  return 0;
}
