// Reading one side of a comparison from result files (see result_format.h).
#include <algorithm>
#include <exception>
#include <future>
#include <system_error>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "runner/gbench_format.h"
#include "runner/non_json_results.h"
#include "runner/result_format.h"

namespace benchgate::runner {
namespace fs = std::filesystem;

namespace {

constexpr const char* kExpectedFormats =
    "a Google Benchmark JSON file (an object with a `benchmarks` array, from "
    "--benchmark_out_format=json), a hyperfine --export-json file (an object with a `results` "
    "array), nanobench's JSON (templates::json()), Catch2's XML (--reporter xml), result lines "
    "(a number, or name,value[,unit], per line) or a benchgate run record "
    "(`\"schema\": \"benchgate.run/1\"`)";

const ResultFormat& detect_format(const nlohmann::json& document, const std::string& file) {
  for (const ResultFormat* format : result_formats())
    if (format->recognises(document)) return *format;
  throw InputError(
      fmt::format("{}: not a recognised result file: expected {}", file, kExpectedFormats));
}

// The file's JSON document. JSON with a mistake is refused with its line and field; a file that
// is not JSON at all (it does not start like a document) is told so, with what to give instead.
nlohmann::json parse_result_json(const std::string& text, const std::string& file) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  try {
    if (start != std::string::npos) return parse_json_text(text, file);
  } catch (const InputError&) {
    if (text[start] == '{' || text[start] == '[') throw;
  }
  throw InputError(fmt::format("{}: {}", file, explain_non_json(text, kExpectedFormats)));
}

RunRecord read_with_file_name(const ResultFormat& format, const std::string& text,
                              const nlohmann::json* document, const std::string& source) {
  try {
    return document ? format.read(*document, source) : format.read_non_json(text, source);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", source, e.what()));
  }
}

RunRecord load_file(const fs::path& file, const std::optional<std::string>& format_name) {
  // Resolve a forced format first: a misspelt --format is a usage error whatever the file holds.
  const ResultFormat* forced = format_name ? &result_format_named(*format_name) : nullptr;
  return read_results_text(read_text_file(file), file.string(), forced);
}

// The `*.json` files of `dir`, sorted by name so that process numbering is reproducible.
std::vector<fs::path> json_files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  std::size_t entries = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    ++entries;
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec)
    throw InputError(fmt::format("{}: cannot list directory: {}", dir.string(), ec.message()));
  if (files.empty())
    throw InputError(
        fmt::format("{}: {}: expected one result file per process, named *.json ({})", dir.string(),
                    entries == 0 ? "directory is empty"
                                 : fmt::format("no *.json files among its {} entries", entries),
                    kExpectedFormats));
  std::sort(files.begin(), files.end());
  return files;
}

// The format that reads `text` without JSON, if any: formats that are not JSON come first, since
// their files would only be refused as "not JSON".
const ResultFormat* non_json_format(const std::string& text, const ResultFormat* forced) {
  for (const ResultFormat* format : forced ? std::vector{forced} : result_formats())
    if (format->reads_text() && (forced || format->recognises_text(text))) return format;
  return nullptr;
}

// A directory of Google Benchmark files (the large case: ten 8 MB files a side) read into one
// record as its files are read; nullopt as soon as a file is anything else or anything unusual,
// and the directory is then read file by file, which explains any error.
std::optional<RunRecord> read_gbench_directory(const std::vector<fs::path>& files,
                                               const ResultFormat* forced) {
  if (forced && forced->name() != GbenchFormat().name()) return std::nullopt;
  GbenchSideReader side;
  std::string text;  // one buffer for every file
  for (const fs::path& file : files) {
    read_text_file(file, text);
    if (non_json_format(text, forced) || !side.add(text, file.string())) return std::nullopt;
  }
  return side.finish();
}

}  // namespace

RunRecord read_results_text(const std::string& text, const std::string& source,
                            const ResultFormat* forced) {
  if (const ResultFormat* format = non_json_format(text, forced))
    return read_with_file_name(*format, text, nullptr, source);
  // Fast paths next, in detection order. A fast path reads only documents that its format and
  // no earlier one recognises (result_formats.cpp), so a record is what detection would give.
  for (const ResultFormat* format : forced ? std::vector{forced} : result_formats())
    if (std::optional<RunRecord> record = format->read_text(text, source))
      return std::move(*record);
  const nlohmann::json document = parse_result_json(text, source);
  return read_with_file_name(forced ? *forced : detect_format(document, source), text, &document,
                             source);
}

RunRecord load_results(const fs::path& path, const std::optional<std::string>& format) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status))
    throw InputError(
        fmt::format("{}: no such file or directory (expected a result file or a directory of them)",
                    path.string()));
  if (!fs::is_directory(status)) return load_file(path, format);
  // Every file of a directory is one more process of the same side
  // (docs/design.md#the-unit-of-analysis).
  const ResultFormat* forced = format ? &result_format_named(*format) : nullptr;
  if (std::optional<RunRecord> side = read_gbench_directory(json_files_in(path), forced))
    return std::move(*side);
  // Merged at once, each file freed once merged: a side of many large files is never held
  // twice, and no benchmark's columns grow file by file.
  std::vector<RunRecord> records = load_each_result_file(path, format);
  RunRecord side = std::move(records.front());
  records.erase(records.begin());
  merge_records(side, std::move(records));
  return side;
}

std::vector<RunRecord> load_each_result_file(const fs::path& dir,
                                             const std::optional<std::string>& format) {
  std::vector<RunRecord> records;
  for (const fs::path& file : json_files_in(dir)) records.push_back(load_file(file, format));
  return records;
}

RunRecord load_results(const std::vector<fs::path>& paths,
                       const std::optional<std::string>& format) {
  if (paths.empty()) throw InputError("no result files given");
  RunRecord side = load_results(paths.front(), format);
  for (std::size_t i = 1; i < paths.size(); ++i)
    merge_records(side, load_results(paths[i], format));
  return side;
}

Sides load_sides(const fs::path& base, const fs::path& head,
                 const std::optional<std::string>& format) {
  std::future<RunRecord> base_side =
      std::async(std::launch::async, [&] { return load_results(base, format); });
  std::exception_ptr head_error;
  Sides sides;
  try {
    sides.head = load_results(head, format);
  } catch (...) {
    head_error = std::current_exception();
  }
  sides.base = base_side.get();  // rethrows base's error first
  if (head_error) std::rethrow_exception(head_error);
  return sides;
}

}  // namespace benchgate::runner
