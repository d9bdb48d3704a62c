// Result-file ingest as `benchgate compare` reads a side: load_results on a file, which tries each
// format's fast path, then parses and detects Google Benchmark, nanobench, hyperfine or a run
// record, or reads Catch2's XML or result lines (runner/result_formats.cpp, runner/xml_elements.h,
// runner/lines_format.h). Only InputError may escape.
#include <cstddef>
#include <cstdint>

#include "core/errors.h"
#include "runner/result_format.h"
#include "tests/fuzz/fuzz_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = benchgate::fuzz::write_input("result.json", data, size);
  try {
    (void)benchgate::runner::load_results(path);
  } catch (const benchgate::InputError&) {
  }
  return 0;
}
