#include "ab/round_screen.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "stats/common_mode.h"
#include "stats/descriptive.h"

namespace benchgate::ab {

double process_disturbance(const RunRecord& process, const std::string& metric) {
  std::vector<double> cvs;
  for (const BenchmarkResult& b : process.benchmarks) {
    const std::vector<double>* values = b.metric(metric);
    if (values && values->size() >= 2) cvs.push_back(stats::coefficient_of_variation(*values));
  }
  return cvs.empty() ? std::nan("") : stats::median_in_place(cvs);
}

std::optional<std::string> disturbed_block(std::span<const AbRound> block,
                                           std::span<const double> job_scores,
                                           const std::string& metric) {
  if (job_scores.size() < stats::kFewestTypicalProcesses) return std::nullopt;
  const double typical = stats::median(job_scores);
  if (!std::isfinite(typical)) return std::nullopt;
  const double limit = std::max(kDisturbedFactor * typical, kDisturbedFloor);
  for (const AbRound& round : block) {
    if (!round.complete()) continue;
    for (const auto* side : {&*round.base, &*round.head}) {
      const double score = process_disturbance(*side, metric);
      if (score > limit)
        return fmt::format(
            "round {} had a disturbed process (its repetitions spread {:.1f}%, against {:.1f}% "
            "typical for this job)",
            round.round, 100 * score, 100 * typical);
    }
  }
  return std::nullopt;
}

std::optional<std::string> disturbed_as_a_whole(const std::vector<stats::PairedSeries>& series,
                                                int first) {
  std::vector<std::span<const stats::RoundPair>> all;
  for (const auto& s : series) all.emplace_back(s.rounds);
  const auto deviations = stats::common_mode_deviations(all);
  const double limit = stats::common_mode_limit(deviations);
  for (const auto& d : deviations) {
    if ((d.round != first && d.round != first + 1) || !(std::fabs(d.deviation) > limit)) continue;
    return fmt::format(
        "round {} had a disturbed process (all its benchmarks {:+.0f}% from their usual level at "
        "once, beyond the ±{:.0f}% of an ordinary process of this job; log scale)",
        d.round, 100 * d.deviation, 100 * limit);
  }
  return std::nullopt;
}

std::vector<stats::PairedSeries> same_state_rounds(const std::vector<stats::PairedSeries>& series,
                                                   std::string& note) {
  note.clear();
  std::vector<std::span<const stats::RoundPair>> all;
  for (const auto& s : series) all.emplace_back(s.rounds);
  const auto split = stats::two_state_split(all);
  if (!split) return series;
  constexpr std::size_t kFewest = 4;
  if (split->same_state_rounds.size() < kFewest) {
    note = fmt::format(
        "this job's processes ran in two machine states ({:+.0f}%), and only {} of {} rounds had "
        "both processes in the same one: every round is compared, states and all",
        100 * std::expm1(split->shift), split->same_state_rounds.size(), split->rounds);
    return series;
  }
  note = fmt::format(
      "this job's processes ran in two machine states: {} of {} base and {} of {} head processes "
      "were in one {:+.0f}% slower, in all benchmarks at once (another CPU, or a neighbour); only "
      "the {} rounds whose two processes shared a state are compared",
      split->slow_base, split->rounds, split->slow_head, split->rounds,
      100 * std::expm1(split->shift), split->same_state_rounds.size(), split->rounds);
  const std::set<int> keep(split->same_state_rounds.begin(), split->same_state_rounds.end());
  std::vector<stats::PairedSeries> out = series;
  for (auto& s : out)
    std::erase_if(s.rounds, [&keep](const stats::RoundPair& r) { return !keep.contains(r.round); });
  return out;
}

std::vector<std::size_t> first_rounds_to_screen(std::size_t rounds_so_far) {
  if (rounds_so_far < 4) return {};
  if (rounds_so_far == 4) return {0, 2};
  return {rounds_so_far - 2};
}

}  // namespace benchgate::ab
