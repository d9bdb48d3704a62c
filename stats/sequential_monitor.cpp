#include "stats/sequential_monitor.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <tuple>

#include "stats/verdict.h"

namespace benchgate::stats {
namespace {

// Repeated p-values are found by bisection on log(level) down to this relative width.
constexpr double kLogLevelTolerance = 0.01;
constexpr double kSmallestLevel = 1e-12;

// Whether a test at `level` would have stopped for a difference at one of `z`'s looks.
bool crosses(const std::vector<std::pair<int, double>>& z, const std::vector<double>& boundaries) {
  for (const auto& [look, value] : z)
    if (value >= boundaries[look]) return true;
  return false;
}

// Boundaries at the bisection's levels, shared by every monitor of the process.
std::vector<double> bisection_boundaries(SpendingFunction spending, double log_level,
                                         std::span<const double> schedule) {
  using Key = std::tuple<SpendingFunction, double, std::vector<double>>;
  static std::mutex mutex;
  static std::map<Key, std::vector<double>> cache;
  Key key{spending, log_level, std::vector<double>(schedule.begin(), schedule.end())};
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto boundaries = group_sequential_boundaries(spending, std::exp(log_level), schedule);
  std::lock_guard lock(mutex);
  if (cache.size() > 200000) cache.clear();  // a bound, never reached by a real job
  cache.emplace(std::move(key), boundaries);
  return boundaries;
}

}  // namespace

const std::vector<double>& BoundaryCache::get(double level, std::span<const double> information) {
  auto key = std::make_pair(level, std::vector<double>(information.begin(), information.end()));
  auto it = cache_.find(key);
  if (it == cache_.end())
    it = cache_.emplace(key, group_sequential_boundaries(spending_, level, information)).first;
  return it->second;
}

SequentialMonitor::SequentialMonitor(SequentialDesign design, BoundaryCache* shared_cache)
    : design_(design), own_cache_(design.spending), shared_cache_(shared_cache) {
  if (!(design_.alpha > 0 && design_.alpha < 1))
    throw std::invalid_argument("alpha must be in (0, 1)");
  if (design_.max_rounds < 2) throw std::invalid_argument("max_rounds must be at least 2");
  if (shared_cache_ && shared_cache_->spending() != design_.spending)
    throw std::invalid_argument("the boundary cache uses another spending function");
}

SequentialState& SequentialMonitor::state_for(const PairedSeries& series) {
  for (auto& s : states_)
    if (s.name == series.name) return s;
  SequentialState& s = states_.emplace_back();
  s.name = series.name;
  s.threshold = series.threshold;
  return s;
}

void SequentialMonitor::look(int rounds, std::span<const PairedSeries> series, bool final) {
  if (finished_) throw std::logic_error("no look can follow the final one");
  const double t = final ? 1.0 : std::min(1.0, static_cast<double>(rounds) / design_.max_rounds);
  if (!information_.empty() && !(t > information_.back()))
    throw std::invalid_argument("looks must come at increasing round counts");
  information_.push_back(t);
  finished_ = final || t >= 1.0;
  const int look_index = static_cast<int>(information_.size()) - 1;
  // Each benchmark's own repeated interval has coverage 1 - alpha, like the fixed design's
  // (docs/interleaved.md#the-analysis); Holm only enters through `rejected`.
  const double interval_alpha = design_.interval_alpha > 0 ? design_.interval_alpha : design_.alpha;
  const double boundary = cache().get(interval_alpha, information_)[look_index];
  // An early look of a small alpha can have a boundary whose nominal level underflows to 0, a
  // confidence of exactly 1 that the interval functions refuse; the largest level below 1 gives
  // the same interval, one that bounds nothing yet.
  const double confidence = std::min(1 - nominal_level(boundary), std::nextafter(1.0, 0.0));

  // Indices, not pointers: state_for() may grow states_.
  std::vector<std::size_t> looked;
  for (const auto& s : series) {
    SequentialState& state = state_for(s);
    if (s.rounds.size() < 2) continue;
    state.last = analyse_paired_rounds(s.rounds, confidence);
    state.rounds = static_cast<int>(s.rounds.size());
    state.z.emplace_back(look_index, z_for_two_sided_p(state.last.p_value));
    looked.push_back(static_cast<std::size_t>(&state - states_.data()));
  }
  holm_step_down();

  for (std::size_t index : looked) {
    SequentialState* s = &states_[index];
    s->ratio = std::exp(s->last.log_ratio);
    s->ci_low = std::exp(s->last.log_low);
    s->ci_high = std::exp(s->last.log_high);
    s->verdict =
        decide_verdict(s->rejected ? 0.0 : 1.0, s->ci_low, s->ci_high, design_.alpha, s->threshold);
    s->decided = s->verdict != Verdict::kInconclusive;
  }
}

void SequentialMonitor::holm_step_down() {
  for (;;) {
    const auto open = std::count_if(states_.begin(), states_.end(),
                                    [](const SequentialState& s) { return !s.rejected; });
    if (open == 0) return;
    const auto& boundaries = cache().get(design_.alpha / static_cast<double>(open), information_);
    bool any = false;
    for (auto& s : states_)
      if (!s.rejected && crosses(s.z, boundaries)) s.rejected = any = true;
    if (!any) return;
  }
}

bool SequentialMonitor::all_decided() const {
  return std::all_of(states_.begin(), states_.end(),
                     [](const SequentialState& s) { return s.decided; });
}

std::vector<std::string> SequentialMonitor::undecided() const {
  std::vector<std::string> names;
  for (const auto& s : states_)
    if (!s.decided) names.push_back(s.name);
  return names;
}

std::vector<double> SequentialMonitor::sequential_p_values() const {
  std::vector<double> p;
  for (const auto& s : states_) {
    if (s.z.empty()) {
      p.push_back(1.0);
      continue;
    }
    const int last_look = s.z.back().first;
    if (last_look == 0 && information_[0] >= 1.0) {  // the fixed design: p itself
      p.push_back(s.last.p_value);
      continue;
    }
    std::span<const double> schedule(information_.data(), last_look + 1);
    // The fixed-sample p-value of the best look is a lower bound: no look's boundary is looser
    // than the fixed-sample critical value at the same level.
    double best = 1.0;
    for (const auto& [look, z] : s.z) best = std::min(best, nominal_level(z));
    const double floor = std::log(std::max(best, kSmallestLevel));
    auto stops_at = [&](double log_level) {
      return log_level >= floor &&
             crosses(s.z, bisection_boundaries(design_.spending, log_level, schedule));
    };
    // Always the same bisection points between the same two ends, so that the boundaries of one
    // schedule are computed once for every benchmark and every job of a process (simulations
    // look at thousands).
    double lo = std::log(kSmallestLevel), hi = std::log(0.999999);
    if (!stops_at(hi)) {
      p.push_back(1.0);
      continue;
    }
    if (stops_at(lo)) {
      p.push_back(kSmallestLevel);
      continue;
    }
    while (hi - lo > kLogLevelTolerance) {
      const double mid = 0.5 * (lo + hi);
      (stops_at(mid) ? hi : lo) = mid;
    }
    p.push_back(std::exp(hi));
  }
  return p;
}

}  // namespace benchgate::stats
