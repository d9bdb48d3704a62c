// The JSON readers differential against nlohmann: the simdjson fast path (core/fast_json.h) must
// only accept what nlohmann accepts, with the same values and types; parse_json_text must agree
// with nlohmann except for its documented depth limit; the run-record fast path
// (read_run_record_text) must give the same record as the document path. Only InputError may escape
// a reader.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_input.h"
#include "core/run_record_json.h"

namespace {

using nlohmann::json;

// Values and number types (integer, unsigned, float) both: dump prints 1 and 1.0 differently.
std::string canonical(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

[[noreturn]] void differ(const char* what) {
  // abort() makes libFuzzer keep the input as a crash.
  fprintf(stderr, "json_fuzz: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const json reference = json::parse(text, nullptr, /*allow_exceptions=*/false);
  const bool reference_accepts = !reference.is_discarded();

  if (const std::optional<json> quick = parse_json_quickly(text)) {
    if (!reference_accepts) differ("the fast path accepts what nlohmann refuses");
    if (canonical(*quick) != canonical(reference)) differ("the fast path reads another value");
  }

  std::optional<json> document;
  try {
    document = parse_json_text(text, "fuzz");
  } catch (const InputError& e) {
    // Refusing valid JSON is only allowed for the depth limit.
    if (reference_accepts && !std::strstr(e.what(), "nested deeper than"))
      differ("parse_json_text refuses what nlohmann accepts");
  }
  if (document) {
    if (!reference_accepts) differ("parse_json_text accepts what nlohmann refuses");
    if (canonical(*document) != canonical(reference)) differ("parse_json_text reads another value");
  }

  // Run records: the fast path's record is the document path's, and anything else is refused
  // with an InputError.
  const std::optional<RunRecord> fast = read_run_record_text(text);
  std::optional<RunRecord> slow;
  try {
    if (document) slow = run_record_from_json(*document);
  } catch (const InputError&) {
  }
  if (fast) {
    if (!slow) differ("the run-record fast path accepts what the document path refuses");
    if (canonical(to_json(*fast)) != canonical(to_json(*slow)))
      differ("the run-record fast path reads another record");
  }
  try {
    (void)parse_run_record(text, "fuzz");
  } catch (const InputError&) {
  }
  return 0;
}
