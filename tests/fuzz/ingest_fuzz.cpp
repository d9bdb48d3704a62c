// Result-file ingest as `benchgate compare` reads a side: load_results on a file, which tries each
// format's fast path, then parses and detects Google Benchmark, nanobench, hyperfine or a run
// record, or reads Catch2's XML or result lines (runner/result_formats.cpp, runner/xml_elements.h,
// runner/lines_format.h). Only InputError may escape. And the Google Benchmark fast path
// (simdjson, GbenchFormat::read_text) must read nothing the document reader refuses, and what it
// reads it must read as the document reader does.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/run_record_json.h"
#include "runner/gbench_format.h"
#include "runner/result_format.h"
#include "tests/fuzz/fuzz_file.h"

namespace {

void compare_gbench_readers(std::string_view text) {
  const benchgate::runner::GbenchFormat gbench;
  const std::optional<benchgate::RunRecord> fast = gbench.read_text(text, "fuzz");
  if (!fast) return;
  std::optional<benchgate::RunRecord> slow;
  try {
    const nlohmann::json document = nlohmann::json::parse(text);
    if (gbench.recognises(document)) slow = gbench.read(document, "fuzz");
  } catch (const nlohmann::json::exception&) {
  } catch (const benchgate::InputError&) {
  }
  const char* differs = !slow ? "the gbench fast path reads what the document reader refuses"
                        : to_json(*fast).dump() != to_json(*slow).dump()
                            ? "the gbench fast path reads another record"
                            : nullptr;
  if (differs) {
    std::fprintf(stderr, "ingest_fuzz: %s\n", differs);
    std::abort();  // libFuzzer keeps the input as a crash
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  compare_gbench_readers(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto path = benchgate::fuzz::write_input("result.json", data, size);
  try {
    (void)benchgate::runner::load_results(path);
  } catch (const benchgate::InputError&) {
  }
  return 0;
}
