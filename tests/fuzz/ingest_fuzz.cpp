// Result-file ingest as `benchgate compare` reads a side: load_results on a file, which tries each
// format's fast path, then parses and detects Google Benchmark, nanobench, hyperfine or a run
// record, or reads Catch2's XML or result lines (runner/result_formats.cpp, runner/xml_elements.h,
// runner/lines_format.h). Only InputError may escape. And the Google Benchmark fast path
// (simdjson, GbenchFormat::read_text) must read nothing the document reader refuses, and what it
// reads it must read as the document reader does. An input with a NUL byte is also read as two
// files of one side, split there: the side reader (GbenchSideReader) must read them as the
// document reader's two records merged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/run_record.h"
#include "core/run_record_json.h"
#include "runner/gbench_format.h"
#include "runner/result_format.h"
#include "tests/fuzz/fuzz_file.h"

namespace {

// The document reader's record of `text`, or nothing when it refuses it.
std::optional<benchgate::RunRecord> document_record(const std::string& text) {
  const benchgate::runner::GbenchFormat gbench;
  try {
    const nlohmann::json document = nlohmann::json::parse(text);
    if (gbench.recognises(document)) return gbench.read(document, "fuzz");
  } catch (const nlohmann::json::exception&) {
  } catch (const benchgate::InputError&) {
  }
  return std::nullopt;
}

void fail_unless_same(const benchgate::RunRecord& fast,
                      const std::optional<benchgate::RunRecord>& slow) {
  const char* differs = !slow ? "the gbench fast path reads what the document reader refuses"
                        : to_json(fast).dump() != to_json(*slow).dump()
                            ? "the gbench fast path reads another record"
                            : nullptr;
  if (differs) {
    std::fprintf(stderr, "ingest_fuzz: %s\n", differs);
    std::abort();  // libFuzzer keeps the input as a crash
  }
}

void compare_gbench_readers(const std::string& text) {
  if (const std::optional<benchgate::RunRecord> fast =
          benchgate::runner::GbenchFormat().read_text(text, "fuzz"))
    fail_unless_same(*fast, document_record(text));
}

void compare_gbench_side(const std::string& first, const std::string& second) {
  benchgate::runner::GbenchSideReader side;
  if (!side.add(first, "fuzz") || !side.add(second, "fuzz")) return;
  const benchgate::RunRecord fast = side.finish();
  std::optional<benchgate::RunRecord> slow = document_record(first);
  const std::optional<benchgate::RunRecord> other = document_record(second);
  if (slow && other)
    benchgate::merge_records(*slow, *other);
  else
    slow.reset();
  fail_unless_same(fast, slow);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  compare_gbench_readers(text);
  if (const std::size_t split = text.find('\0'); split != std::string::npos)
    compare_gbench_side(text.substr(0, split), text.substr(split + 1));
  const auto path = benchgate::fuzz::write_input("result.json", data, size);
  try {
    (void)benchgate::runner::load_results(path);
  } catch (const benchgate::InputError&) {
  }
  return 0;
}
