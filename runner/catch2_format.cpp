#include "runner/catch2_format.h"

#include <charconv>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "core/errors.h"
#include "runner/record_builder.h"
#include "runner/xml_elements.h"

namespace benchgate::runner {
namespace {

constexpr std::string_view kRootV2 = "Catch";
constexpr std::string_view kRootV3 = "Catch2TestRun";

// "line 5: <BenchmarkResults name="fib 15">", the start of every message about an element.
std::string where(const XmlElement& e) {
  const std::string* name = e.attribute("name");
  return name ? fmt::format("line {}: <{} name=\"{}\">", e.line, e.name, *name)
              : fmt::format("line {}: <{}>", e.line, e.name);
}

const std::string& required(const XmlElement& e, std::string_view key) {
  const std::string* value = e.attribute(key);
  if (!value) throw InputError(fmt::format("{}: attribute `{}` is missing", where(e), key));
  return *value;
}

double number(const XmlElement& e, std::string_view key) {
  const std::string& text = required(e, key);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    throw InputError(
        fmt::format("{}: attribute `{}`: \"{}\" is not a number", where(e), key, text));
  return value;
}

long long positive_integer(const XmlElement& e, std::string_view key) {
  const std::string& text = required(e, key);
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0)
    throw InputError(
        fmt::format("{}: attribute `{}`: \"{}\" is not a positive integer", where(e), key, text));
  return value;
}

const XmlElement* child(const XmlElement& e, std::string_view name) {
  for (const XmlElement& c : e.children)
    if (c.name == name) return &c;
  return nullptr;
}

// Walks the elements under a test case, collecting its benchmarks. `path` is the benchmark name
// so far: the test case and sections it is in, so that equally named BENCHMARKs of different
// test cases stay apart.
class Walker {
 public:
  explicit Walker(RunRecord& record) : record_(record) {}

  void walk(const XmlElement& e, const std::string& path) {
    for (const XmlElement& c : e.children) {
      if (c.name == "Group") {  // v2 wraps the test cases in one group
        walk(c, path);
      } else if (c.name == "TestCase" || c.name == "Section") {
        const std::string& name = required(c, "name");
        walk(c, path.empty() ? name : path + "/" + name);
      } else if (c.name == "BenchmarkResults") {
        benchmark(c, path);
      }
    }
  }

  void finish() { builder_.finish_into(record_); }

 private:
  void benchmark(const XmlElement& e, const std::string& path) {
    const std::string& name = required(e, "name");
    if (name.empty()) throw InputError(fmt::format("{}: attribute `name` is empty", where(e)));
    bool created = false;
    const std::size_t b =
        builder_.benchmark_index(path.empty() ? name : path + "/" + name, &created);
    // A benchmark outside the sections of its test case runs once per section: each run is one
    // more repetition in this process.
    const int repetition = repetitions_[b]++;
    if (const XmlElement* failed = child(e, "failed")) {
      const std::string* message = failed->attribute("message");
      builder_.add_error(b, 0,
                         fmt::format("repetition {}: the benchmark failed: {}", repetition,
                                     message ? *message : "(no message)"));
      return;
    }
    const XmlElement* mean = child(e, "mean");
    if (!mean) throw InputError(fmt::format("{}: no <mean> element and no <failed> one", where(e)));
    const double samples = static_cast<double>(positive_integer(e, "samples"));
    const double iterations = static_cast<double>(positive_integer(e, "iterations"));
    const double ns = number(*mean, "value");  // Catch2 reports nanoseconds
    if (ns <= 0)
      throw InputError(
          fmt::format("{}: attribute `value`: {} is not a positive duration", where(*mean), ns));
    builder_.begin_sample(b, 0, repetition, samples * iterations);
    builder_.set_metric(b, kRealTime, ns);
  }

  RunRecord& record_;
  RecordBuilder builder_;
  std::unordered_map<std::size_t, int> repetitions_;
};

}  // namespace

bool Catch2Format::recognises_text(std::string_view text) const {
  // Past blanks, the XML declaration and comments, the root element's start tag.
  for (;;) {
    const std::size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    text.remove_prefix(start);
    const bool declaration = text.starts_with("<?");
    if (!declaration && !text.starts_with("<!--")) break;
    const std::size_t end = text.find(declaration ? "?>" : "-->");
    if (end == std::string_view::npos) return false;
    text.remove_prefix(end + 2);
  }
  for (std::string_view root : {kRootV3, kRootV2}) {
    if (!text.starts_with("<") || !text.substr(1).starts_with(root)) continue;
    const std::string_view after = text.substr(1 + root.size());
    if (!after.empty() && (after[0] == ' ' || after[0] == '>' || after[0] == '\n' ||
                           after[0] == '\t' || after[0] == '\r' || after[0] == '/'))
      return true;
  }
  return false;
}

RunRecord Catch2Format::read_non_json(std::string_view text, const std::string& source) const {
  const XmlElement root = parse_xml(text);
  if (root.name != kRootV2 && root.name != kRootV3)
    throw InputError(fmt::format("{}: the root element is not <{}> (Catch2 v2) or <{}> (v3)",
                                 where(root), kRootV2, kRootV3));
  RunRecord record;
  ProcessInfo process;
  process.source = source;
  process.context = nlohmann::json::object();
  for (const char* key : {"name", "catch2-version", "rng-seed", "filters"})
    if (const std::string* value = root.attribute(key)) process.context[key] = *value;
  record.processes.push_back(std::move(process));
  Walker walker(record);
  walker.walk(root, "");
  walker.finish();
  if (record.benchmarks.empty())
    throw InputError(
        fmt::format("{}: no <BenchmarkResults>: the run had no BENCHMARK (Catch2 v2 needs "
                    "CATCH_CONFIG_ENABLE_BENCHMARKING; a test spec may have selected none)",
                    where(root)));
  return record;
}

}  // namespace benchgate::runner
