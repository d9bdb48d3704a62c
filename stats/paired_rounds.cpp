#include "stats/paired_rounds.h"

#include <cmath>
#include <stdexcept>

#include "stats/descriptive.h"
#include "stats/hodges_lehmann.h"
#include "stats/signed_rank.h"
#include "stats/walsh_interval.h"

namespace benchgate::stats {
namespace {

double log_ratio(const RoundPair& r) {
  if (!(r.base > 0) || !(r.head > 0) || !std::isfinite(r.base) || !std::isfinite(r.head))
    throw std::invalid_argument("a paired round needs finite values > 0 on both sides");
  return std::log(r.head) - std::log(r.base);
}

}  // namespace

std::optional<double> position_effect(std::span<const RoundPair> rounds) {
  std::vector<double> second, first;
  for (const RoundPair& r : rounds) (r.head_second ? second : first).push_back(log_ratio(r));
  if (second.empty() || first.empty()) return std::nullopt;
  // The estimate only; the interval is not needed (a low confidence keeps it cheap).
  return hodges_lehmann_shift(first, second, 0.5).shift / 2;
}

std::vector<double> side_values(std::span<const RoundPair> rounds, bool head) {
  std::vector<double> values;
  values.reserve(rounds.size());
  for (const RoundPair& r : rounds) values.push_back(head ? r.head : r.base);
  return values;
}

void adjusted_log_ratios(std::span<const RoundPair> rounds, double position_log,
                         std::vector<double>& out) {
  out.clear();
  out.reserve(rounds.size());
  for (const RoundPair& r : rounds)
    out.push_back(log_ratio(r) - (r.head_second ? position_log : -position_log));
}

PairedRoundsAnalysis analyse_paired_rounds(std::span<const RoundPair> rounds, double confidence) {
  if (rounds.empty()) throw std::invalid_argument("the paired analysis needs at least one round");
  PairedRoundsAnalysis a;
  a.rounds = rounds.size();
  const std::optional<double> position = position_effect(rounds);
  a.position_adjusted = position.has_value();
  a.position_log = position.value_or(0.0);
  std::vector<double> d;
  adjusted_log_ratios(rounds, a.position_log, d);
  const WalshInterval interval = walsh_interval(d, confidence);
  a.log_ratio = interval.estimate;
  a.log_low = interval.low;
  a.log_high = interval.high;
  a.p_value = wilcoxon_signed_rank(d).p_value;
  a.log_sd = sample_sd(d);
  return a;
}

}  // namespace benchgate::stats
