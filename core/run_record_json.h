#pragma once
// The run-record JSON schema, version 1 (docs/run-record.md). Writing is total; reading validates
// every field and throws InputError naming the field path, so a bad record is refused before it
// reaches statistics or the store.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/run_record.h"

namespace benchgate {

inline constexpr const char* kRunRecordSchema = "benchgate.run/1";

nlohmann::json to_json(const RunRecord& record);
RunRecord run_record_from_json(const nlohmann::json& document);  // throws InputError
bool looks_like_run_record(const nlohmann::json& document);

// The fast path (run_record_text.cpp): the record in `text`, read without building a document,
// or nullopt when the text is anything but a valid run record. Never throws InputError: then
// parse the text (parse_json_text) and call run_record_from_json, which explain the problem.
std::optional<RunRecord> read_run_record_text(std::string_view text);

// The record in `text`: the fast path, else the document path, whose InputError names `source`
// (malformed JSON) or the field (an invalid record).
RunRecord parse_run_record(std::string_view text, const std::string& source);

// Reads and validates a run-record file; errors are prefixed with the path.
RunRecord read_run_record_file(const std::filesystem::path& path);
// Writes atomically (temporary file + rename) so readers see the old or the new file, never half.
void write_run_record_file(const RunRecord& record, const std::filesystem::path& path);

}  // namespace benchgate
