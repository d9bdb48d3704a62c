#include "stats/sequential_monitor.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

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

  // Indices, not pointers: state_for() may grow states_.
  std::vector<std::size_t> looked;
  for (const auto& s : series) {
    SequentialState& state = state_for(s);
    if (state.decided || s.base.size() < 2) continue;
    state.last = paired_log_look(s.base, s.head);
    state.rounds = static_cast<int>(s.base.size());
    state.z.emplace_back(look_index, state.last.z);
    looked.push_back(static_cast<std::size_t>(&state - states_.data()));
  }
  holm_step_down();

  // Each benchmark's own repeated CI has coverage 1 - alpha, like the fixed design's CI
  // (docs/design.md#statistics); Holm only enters through `rejected`.
  const double c = cache().get(design_.alpha, information_)[look_index];
  for (std::size_t index : looked) {
    SequentialState* s = &states_[index];
    const double half = repeated_ci_half_width(s->last, c);
    s->ratio = std::exp(s->last.mean_log_ratio);
    s->ci_low = std::exp(s->last.mean_log_ratio - half);
    s->ci_high = std::exp(s->last.mean_log_ratio + half);
    s->verdict = decide_verdict(s->rejected ? 0.0 : 1.0, s->ratio, s->ci_low, s->ci_high,
                                design_.alpha, s->threshold);
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
    std::span<const double> schedule(information_.data(), last_look + 1);
    auto stops_at = [&](double log_level) {
      return crosses(s.z,
                     group_sequential_boundaries(design_.spending, std::exp(log_level), schedule));
    };
    // The fixed-sample p-value of the best look is a lower bound: no look's boundary is looser
    // than the fixed-sample critical value at the same level.
    double best = 1.0;
    for (const auto& [look, z] : s.z) best = std::min(best, nominal_level(z));
    double lo = std::log(std::max(best, kSmallestLevel)), hi = std::log(0.999999);
    if (!stops_at(hi)) {
      p.push_back(1.0);
      continue;
    }
    if (stops_at(lo)) {
      p.push_back(std::exp(lo));
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
