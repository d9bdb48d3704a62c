// The suggestions of `benchgate calibrate` (gate/calibrate.h): per benchmark what each mode can
// gate on this testbed, and the [[gate.thresholds]] rules for those the configured δ cannot.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "gate/calibrate_steps.h"
#include "gate/stored_jobs.h"
#include "stats/verdict.h"

namespace benchgate::gate {
namespace {

// Thresholds are suggested in whole half-percents, rounded up.
double round_up(double delta) {
  return std::ceil(delta * 200 - 1e-9) / 200;
}

std::string percent(double delta) {
  if (!std::isfinite(delta)) return "no δ below 100%";
  const double p = delta * 100;
  return std::fabs(p - std::round(p)) < 1e-9 ? fmt::format("{:.0f}%", p)
                                             : fmt::format("{:.1f}%", p);
}

// A TOML basic string.
std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A glob matching exactly `name`: the glob's special characters in brackets.
std::string literal_glob(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (c == '*' || c == '?' || c == '[' || c == ']')
      out += std::string("[") + c + "]";
    else
      out += c;
  }
  return out;
}

}  // namespace

double interleaved_gateable(double round_sd, std::size_t measured, int rounds, double alpha,
                            std::size_t family) {
  if (!std::isfinite(round_sd) || measured < 2 || rounds < 2) return HUGE_VAL;
  const auto fits = [&](double delta) {
    stats::SampleSizeQuestion q;
    q.design = stats::UnitDesign::kPairedRounds;
    q.log_sd = round_sd;
    q.current_n = measured;
    q.threshold = delta;
    q.alpha = alpha;
    q.family_size = std::max<std::size_t>(family, 1);
    const auto needed = stats::units_needed(q);
    return needed && *needed <= static_cast<std::size_t>(rounds);
  };
  double low = 1e-4, high = 0.99;
  if (!fits(high)) return HUGE_VAL;
  if (fits(low)) return low;
  for (int i = 0; i < 50; ++i) {  // units_needed falls as δ grows
    const double mid = (low + high) / 2;
    (fits(mid) ? high : low) = mid;
  }
  return high;
}

void add_suggestions(const CalibrateSettings& settings, Calibration& out) {
  const bool interleaved_gate = settings.gate.mode == runner::GateMode::kInterleaved;
  std::string rules;
  for (const auto& suite : out.suites) {
    const bool stored_trusted = suite.stored && suite.stored->jobs >= kFewestHistoryJobs;
    for (const auto& b : suite.benchmarks) {
      const bool has_stored = stored_trusted && !std::isnan(b.stored_gateable);
      const bool has_il = !std::isnan(b.interleaved_gateable);
      std::vector<std::string> parts;
      if (has_il)
        parts.push_back(
            std::isfinite(b.interleaved_gateable)
                ? fmt::format("at {} with {} interleaved rounds",
                              percent(round_up(b.interleaved_gateable)), out.round_budget)
                : fmt::format("at no δ below 100% with {} interleaved rounds", out.round_budget));
      if (has_stored)
        parts.push_back(
            std::isfinite(b.stored_gateable)
                ? fmt::format("at {} in stored mode", percent(round_up(b.stored_gateable)))
                : "at no δ below 100% in stored mode");
      if (parts.empty()) continue;
      std::string sentence = fmt::format("{} can be gated {}", b.name, parts.front());
      if (parts.size() > 1) sentence += fmt::format("; {}", parts[1]);
      sentence += fmt::format(" (configured δ {})", percent(b.threshold));
      out.suggestions.push_back(sentence);

      // The mode the gate runs in decides which figure the rule follows; the other mode's when
      // that one was not measured.
      const double mode_delta = interleaved_gate && has_il ? b.interleaved_gateable
                                : has_stored               ? b.stored_gateable
                                                           : b.interleaved_gateable;
      if (!(mode_delta > b.threshold)) continue;
      const double suggested =
          std::isfinite(mode_delta) ? std::min(round_up(mode_delta), 0.99) : 0.99;
      rules += fmt::format("[[gate.thresholds]]  # {} (suite {}){}\nmatch = {}\nthreshold = {}\n\n",
                           b.name, suite.name,
                           std::isfinite(mode_delta) ? "" : ": no δ below 100% is gateable",
                           toml_string(literal_glob(b.name)), fmt::format("{:.3g}", suggested));
    }
  }
  if (!rules.empty())
    out.toml_snippet = fmt::format(
        "# benchgate calibrate, testbed {}, {}: benchmarks the configured δ cannot gate in {} "
        "mode.\n# The first matching rule wins: put these before your own [[gate.thresholds]].\n{}",
        out.testbed, out.date(), interleaved_gate ? "interleaved" : "stored", rules);
}

}  // namespace benchgate::gate
