#include "runner/lines_format.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/text_lines.h"
#include "runner/record_builder.h"

namespace benchgate::runner {
namespace {

std::string_view trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

bool skipped(std::string_view line) {
  const std::string_view t = trim(line);
  return t.empty() || t.front() == '#';
}

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<double> nanoseconds_per(std::string_view unit) {
  if (unit.empty() || unit == "ns") return 1.0;
  if (unit == "us") return 1e3;
  if (unit == "ms") return 1e6;
  if (unit == "s") return 1e9;
  return std::nullopt;
}

struct Line {
  std::string name;  // empty: a bare number
  double nanoseconds = 0;
};

// One result line, or InputError "line N: ..." naming the field at fault.
Line parse_line(std::string_view text, std::size_t number) {
  std::vector<std::string_view> fields;
  for (std::size_t start = 0;;) {
    const std::size_t comma = text.find(',', start);
    fields.push_back(trim(text.substr(start, comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (fields.size() > 3)
    throw InputError(fmt::format("line {}: {} fields; expected a number, or name,value[,unit]",
                                 number, fields.size()));
  Line line;
  const std::string_view value = fields.size() == 1 ? fields[0] : fields[1];
  const std::string_view field = fields.size() == 1 ? "the number" : "field 2 (value)";
  if (fields.size() > 1) {
    if (fields[0].empty())
      throw InputError(fmt::format("line {}: field 1 (name) is empty", number));
    line.name = std::string(fields[0]);
  }
  const std::optional<double> x = parse_number(value);
  if (!x)
    throw InputError(fmt::format("line {}: {}: \"{}\" is not a number", number, field, value));
  if (*x <= 0)
    throw InputError(fmt::format("line {}: {}: {} is not a positive duration", number, field, *x));
  const std::string_view unit = fields.size() == 3 ? fields[2] : std::string_view();
  const std::optional<double> scale = nanoseconds_per(unit);
  if (!scale)
    throw InputError(fmt::format(
        "line {}: field 3 (unit): \"{}\" is not a time unit (ns, us, ms or s)", number, unit));
  line.nanoseconds = *x * *scale;
  return line;
}

}  // namespace

RunRecord read_result_lines(std::string_view text, const std::string& source,
                            const std::string& default_name) {
  RunRecord record;
  ProcessInfo process;
  process.source = source;
  record.processes.push_back(std::move(process));
  RecordBuilder builder;
  std::unordered_map<std::size_t, int> repetitions;
  const std::vector<std::string_view> lines = physical_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (skipped(lines[i])) continue;
    const Line line = parse_line(trim(lines[i]), i + 1);
    const std::size_t b = builder.benchmark_index(line.name.empty() ? default_name : line.name);
    builder.begin_sample(b, 0, repetitions[b]++, 1.0);
    builder.set_metric(b, kRealTime, line.nanoseconds);
  }
  if (builder.benchmark_count() == 0)
    throw InputError("no result lines: expected one number, or name,value[,unit], per line");
  builder.finish_into(record);
  return record;
}

bool LinesFormat::recognises_text(std::string_view text) const {
  // Line by line without splitting the whole text: every file is asked, large JSON ones too.
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (skipped(line)) continue;
    // The shape only (a number, or a name and a number, and at most a third field): a line with
    // a wrong unit or a negative time is still this format, and read_non_json says what is wrong.
    line = trim(line);
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos) return parse_number(line).has_value();
    const std::string_view rest = line.substr(comma + 1);
    const std::size_t second = rest.find(',');
    if (second != std::string_view::npos && rest.find(',', second + 1) != std::string_view::npos)
      return false;
    return parse_number(trim(rest.substr(0, second))).has_value();
  }
  return false;
}

RunRecord LinesFormat::read_non_json(std::string_view text, const std::string& source) const {
  return read_result_lines(text, source, std::filesystem::path(source).stem().string());
}

}  // namespace benchgate::runner
