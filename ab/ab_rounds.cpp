#include "ab/ab_rounds.h"

#include <fmt/format.h>

#include "core/log.h"
#include "process/interrupt.h"
#include "runner/progress.h"

namespace benchgate::ab {
namespace {

nlohmann::json ab_tag(const std::string& side, int round, int attempt, int position) {
  return {{"side", side}, {"round", round}, {"attempt", attempt}, {"position", position}};
}

// One side's process in this round, retried up to kAbRetries times. Returns its record, or
// nothing after recording every failed attempt in `round`.
std::optional<RunRecord> run_side(const AbSide& side, AbRound& round, int position,
                                  const std::filesystem::path& scratch_dir,
                                  runner::Progress& progress) {
  const runner::SuiteConfig& suite = side.suite;
  for (int attempt = 1; attempt <= 1 + kAbRetries; ++attempt) {
    const auto out = scratch_dir / fmt::format("{}-{}-{}.json", side.name, round.round, attempt);
    runner::LaunchResult result =
        runner::run_gbench_process(suite, side.probe, side.cpus, out, progress);
    const nlohmann::json tag = ab_tag(side.name, round.round, attempt, position);
    if (result.process.status == "ok" && result.record) {
      for (auto& p : result.record->processes) p.context["benchgate_ab"] = tag;
      return std::move(result.record);
    }
    result.process.context["benchgate_ab"] = tag;
    round.failures.push_back(std::move(result.process));
    if (process::interrupt_signal()) break;  // we stopped it ourselves: no retry
  }
  return std::nullopt;
}

// The first process of a job, or of a round after the other side ran, meets cold caches, page
// cache and CPU frequency; warm-up processes take that hit and are thrown away.
void run_warmups(const AbSide& side, int round, const std::filesystem::path& scratch_dir,
                 runner::Progress& progress) {
  const runner::SuiteConfig& suite = side.suite;
  for (int k = 1; k <= side.warmup_processes; ++k) {
    if (process::interrupt_signal()) return;
    const auto out = scratch_dir / fmt::format("warmup-{}-{}-{}.json", side.name, round, k);
    const runner::LaunchResult result =
        runner::run_gbench_process(suite, side.probe, side.cpus, out, progress);
    if (result.process.status != "ok")
      log_info("round {}, {} warm-up process {} of {} failed (ignored): {}", round, side.name, k,
               side.warmup_processes, result.process.message);
  }
}

}  // namespace

bool base_runs_first(std::uint64_t seed, int round) {
  const int block = (round + 1) / 2;
  std::uint64_t z = seed + 0x9e3779b97f4a7c15ull * static_cast<std::uint64_t>(block);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  const bool block_starts_with_base = (z >> 63) == 0;
  return round % 2 == 1 ? block_starts_with_base : !block_starts_with_base;
}

int whole_blocks(int rounds) {
  return rounds + rounds % 2;
}

AbRound run_ab_round(const AbSide& base, const AbSide& head, int round, std::uint64_t seed,
                     const std::filesystem::path& scratch_dir, runner::Progress& progress) {
  AbRound result;
  result.round = round;
  result.base_first = base_runs_first(seed, round);
  const AbSide* order[2] = {&base, &head};
  if (!result.base_first) std::swap(order[0], order[1]);
  run_warmups(*order[0], round, scratch_dir, progress);
  for (int position = 0; position < 2; ++position) {
    if (process::interrupt_signal()) break;
    auto record = run_side(*order[position], result, position, scratch_dir, progress);
    (order[position] == &base ? result.base : result.head) = std::move(record);
  }
  return result;
}

}  // namespace benchgate::ab
