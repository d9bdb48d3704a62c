#include "cli/bisect_output.h"

#include <fmt/format.h>

#include "core/comparison_json.h"
#include "core/text.h"

namespace benchgate::cli {
namespace {

// The rows in the comparison JSON's own form (docs/reports.md#json), so that a step's benchmark
// reads like any other comparison row.
nlohmann::json rows_json(const std::vector<BenchmarkComparison>& rows) {
  Comparison comparison;
  comparison.benchmarks = rows;
  return to_json(comparison)["benchmarks"];
}

std::string range_text(const gate::BisectResult& r) {
  const auto suspects = r.suspects();
  std::string text = fmt::format("the first bad commit is one of these {} (after {}, known good):",
                                 suspects.size(), short_commit(r.last_good));
  for (const auto& commit : suspects) text += "\n  " + commit;
  return text;
}

}  // namespace

std::string bisect_console_text(const gate::BisectResult& r) {
  std::string out = fmt::format("bisect of suite {}: GOOD {} .. BAD {}, {} commit(s)\n", r.suite,
                                short_commit(r.good), short_commit(r.bad), r.path.size() - 1);
  for (const auto& step : r.steps) {
    out += fmt::format("  step {}: {} {} ({} rounds, alpha {:.3g}){}\n", step.number,
                       short_commit(step.commit), to_string(step.verdict), step.rounds, step.alpha,
                       step.note.empty() ? "" : ": " + step.note);
    for (const auto& row : step.benchmarks) out += fmt::format("    {}\n", gate::describe_row(row));
  }
  switch (r.outcome) {
    case gate::BisectOutcome::kFound:
      out += fmt::format(
          "first bad commit: {}\n  slower benchmarks: {}\n  error probability <= {:.3g} (the sum "
          "of "
          "the {} steps' error rates)\n",
          r.first_bad, fmt::join(r.hunted, ", "), r.error_bound, r.steps.size());
      break;
    case gate::BisectOutcome::kNoRegression:
      out += fmt::format("no regression to hunt: {}\n", r.stop_reason);
      break;
    case gate::BisectOutcome::kRange:
      out += fmt::format("no single commit: {}\n{}\n  error probability <= {:.3g}\n", r.stop_reason,
                         range_text(r), r.error_bound);
      break;
  }
  return out;
}

nlohmann::json bisect_json(const gate::BisectResult& r) {
  nlohmann::json doc = {{"schema", kBisectSchema},
                        {"outcome", to_string(r.outcome)},
                        {"suite", r.suite},
                        {"good", r.good},
                        {"bad", r.bad},
                        {"path", r.path},
                        {"last_good", r.last_good},
                        {"first_bad", r.first_bad},
                        {"suspects", r.suspects()},
                        {"hunted", r.hunted},
                        {"error_bound", r.error_bound},
                        {"stop_reason", r.stop_reason}};
  doc["culprit"] = r.outcome == gate::BisectOutcome::kFound ? nlohmann::json(r.first_bad)
                                                            : nlohmann::json(nullptr);
  auto& steps = doc["steps"] = nlohmann::json::array();
  for (const auto& step : r.steps)
    steps.push_back({{"step", step.number},
                     {"commit", step.commit},
                     {"verdict", to_string(step.verdict)},
                     {"alpha", step.alpha},
                     {"rounds", step.rounds},
                     {"commits_left", step.commits_left},
                     {"note", step.note},
                     {"benchmarks", rows_json(step.benchmarks)}});
  return doc;
}

}  // namespace benchgate::cli
