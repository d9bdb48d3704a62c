#pragma once
// Ingest plug-in point (docs/architecture.md#how-to-add-a-plug-in): one ResultFormat per foreign
// result format. Adding a format is one new file implementing this interface plus one line in
// result_formats.cpp.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/run_record.h"

namespace benchgate::runner {

class ResultFormat {
 public:
  virtual ~ResultFormat() = default;
  // Short name used by --format and in messages: "gbench", "hyperfine", "benchgate".
  virtual std::string_view name() const = 0;
  // Cheap structural check used for auto-detection; must not throw.
  virtual bool recognises(const nlohmann::json& document) const = 0;
  // Converts one parsed file into a run record. Each file is at least one process
  // (docs/design.md#the-unit-of-analysis). Throws InputError whose message names the offending
  // field (the caller adds the file name).
  virtual RunRecord read(const nlohmann::json& document, const std::string& source) const = 0;
  // Optional fast path: the same record as `read` straight from the file's text, for formats
  // whose files are too big to parse into a document first. Returns nothing when it cannot (the
  // text is not this format, or is malformed); the caller then parses the text and calls `read`,
  // which explains any error. Must return nothing for a document `recognises` refuses, or an
  // earlier format recognises: fast paths are tried in detection order, before any document
  // exists to detect a format with. `text` as read_text_file returns it can be read in place.
  virtual std::optional<RunRecord> read_text(const std::string& /*text*/,
                                             const std::string& /*source*/) const {
    return std::nullopt;
  }
  // Formats whose files are not JSON (Catch2's XML) are read from the text instead:
  // `recognises_text` is their cheap detection (must not throw; JSON formats say no), and
  // `read_non_json` reads a file it accepted, or one forced with --format, throwing InputError
  // that names the line and field. Such formats recognise no JSON document.
  virtual bool recognises_text(std::string_view /*text*/) const { return false; }
  virtual bool reads_text() const { return false; }
  virtual RunRecord read_non_json(std::string_view text, const std::string& source) const;
};

// Base of the formats that are not JSON: they recognise no JSON document and read only text.
class TextResultFormat : public ResultFormat {
 public:
  bool recognises(const nlohmann::json& /*document*/) const final { return false; }
  // Throws InputError: a document forced on a text format (it never gets one otherwise).
  RunRecord read(const nlohmann::json& document, const std::string& source) const final;
  bool reads_text() const final { return true; }
};

// Reads one result file's text as `format` (its own reader for a text format, else the text parsed
// as JSON) or, without a format, as the format detection finds. InputError messages start with
// `source`.
RunRecord read_results_text(const std::string& text, const std::string& source,
                            const ResultFormat* format);

// All registered formats, in detection order.
const std::vector<const ResultFormat*>& result_formats();
// The format called `name`; throws InputError listing the known names if there is none.
const ResultFormat& result_format_named(std::string_view name);

// Reads one side of a comparison: a results file, or a directory whose every `*.json` file is
// one more process of that side (sorted by name, so the order is reproducible). Formats are
// detected per file unless `format` is given. Throws InputError naming the file and field.
RunRecord load_results(const std::filesystem::path& path,
                       const std::optional<std::string>& format = std::nullopt);
// Each `*.json` file of the directory `dir` as a record of its own, sorted by file name, for
// callers that group them (the gate reads a `run --config` directory as one suite per record).
std::vector<RunRecord> load_each_result_file(
    const std::filesystem::path& dir, const std::optional<std::string>& format = std::nullopt);
// Reads and merges several files or directories into one side.
RunRecord load_results(const std::vector<std::filesystem::path>& paths,
                       const std::optional<std::string>& format = std::nullopt);

// Both sides of a comparison, each as load_results reads it, read at the same time: they are
// independent, and reading them is most of a compare. When both fail, base's error is thrown,
// so the message never depends on which thread finished first.
struct Sides {
  RunRecord base;
  RunRecord head;
};
Sides load_sides(const std::filesystem::path& base, const std::filesystem::path& head,
                 const std::optional<std::string>& format = std::nullopt);

}  // namespace benchgate::runner
