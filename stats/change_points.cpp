#include "stats/change_points.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "stats/descriptive.h"
#include "stats/energy_statistic.h"
#include "stats/welch.h"

namespace benchgate::stats {
namespace {

constexpr double kLevelConfidence = 0.95;

// [begin, end) of the series.
struct Segment {
  std::size_t begin = 0, end = 0;
};

// The split of [begin, end) of `x` with the largest e-divisive statistic (stats/energy_statistic.h)
// among those at [from, to), or `end` when there is none (each side needs `min_segment` points).
// Ties go to the earliest split, so the result is deterministic.
void best_in(std::span<const double> x, std::size_t begin, std::size_t end, std::size_t from,
             std::size_t to, std::size_t min_segment, std::size_t& best, double& best_q) {
  const std::vector<double> q = energy_statistics(x.subspan(begin, end - begin), min_segment);
  for (std::size_t tau = from; tau < to; ++tau) {
    const double v = q[tau - begin];
    if (v > best_q) {  // NaN (too close to an end) never compares greater
      best_q = v;
      best = tau;
    }
  }
}

// The split of `s` that maximises the e-divisive statistic, or s.end when no split leaves
// `min_segment` points on each side. The statistic over a whole segment costs O(n^2), and over a
// long history it is dominated by its largest change, which hides the smaller ones near it. So,
// as Hunter/Otava do with their windows, a segment longer than 4 x `window` is looked at in
// stretches of 4 x window points (the last one aligned to the segment's end), each overlapping
// the next by half: every split lies in the middle half of one stretch, and only there is it
// scored, with at least `window` points either side where the segment has them. The stretches
// have the same length, so their statistics compare. Shorter segments (and window 0) are scored
// whole. O(n * window) per segment; recursive bisection repeats it for each segment it splits (a
// 1,000-point series: about a millisecond per level on this machine, bench/change_points_bench).
std::size_t best_split(std::span<const double> x, Segment s, std::size_t min_segment,
                       std::size_t window) {
  std::size_t best = s.end;
  double best_q = -std::numeric_limits<double>::infinity();
  const std::size_t length = s.end - s.begin, stretch = 4 * window;
  if (window == 0 || length <= stretch) {
    best_in(x, s.begin, s.end, s.begin, s.end, min_segment, best, best_q);
    return best;
  }
  const std::size_t stride = stretch / 2;
  for (std::size_t start = s.begin;; start += stride) {
    const bool last = start + stretch >= s.end;
    const std::size_t begin = last ? s.end - stretch : start;
    // The middle half of this stretch, [start + window, start + 3 window); the first stretch also
    // scores the segment's start and the last one its end, where no stretch can have `window`
    // points on the outer side. The last one may begin before `start`: it only scores from there.
    const std::size_t from = start == s.begin ? s.begin : start + window;
    const std::size_t to = last ? s.end : start + stretch - window;
    best_in(x, begin, begin + stretch, from, to, min_segment, best, best_q);
    if (last) break;
  }
  return best;
}

// The mean of `v` with its t interval: welch_shift_interval's arithmetic for one sample (the
// standard error of a mean has n - 1 degrees of freedom).
ShiftEstimate level_interval(std::span<const double> v) {
  const auto n = static_cast<double>(v.size());
  WelchResult one;
  one.shift = mean(v);
  one.standard_error = sample_sd(v) / std::sqrt(n);
  one.df = n - 1;
  return welch_shift_interval(one, kLevelConfidence);
}

// The change point at `index` between the segments [begin, index) and [index, end), each cut to
// `window` points next to the change (0: all), tested with Welch's t-test.
ChangePoint describe(std::span<const double> x, std::size_t begin, std::size_t index,
                     std::size_t end, std::size_t window) {
  if (window > 0) {
    begin = std::max(begin, index > window ? index - window : 0);
    end = std::min(end, index + window);
  }
  const auto before = x.subspan(begin, index - begin), after = x.subspan(index, end - index);
  const WelchResult test = welch_t_test(before, after);
  const ShiftEstimate b = level_interval(before), a = level_interval(after);
  ChangePoint c;
  c.index = index;
  c.p_value = test.p_value;
  c.before = b.shift, c.before_low = b.low, c.before_high = b.high;
  c.after = a.shift, c.after_low = a.low, c.after_high = a.high;
  c.before_n = before.size(), c.after_n = after.size();
  return c;
}

bool accepted(const ChangePoint& c, const ChangePointSettings& settings) {
  // Levels are logs, so the relative change of the level is exp(after - before) - 1.
  const double magnitude = std::fabs(std::expm1(c.after - c.before));
  return c.p_value <= settings.max_p_value && magnitude >= settings.min_magnitude;
}

// Recursive bisection: split `s` at its best point if that point passes the test, then each side.
void bisect(std::span<const double> x, Segment s, const ChangePointSettings& settings,
            std::vector<std::size_t>& found) {
  const std::size_t tau = best_split(x, s, settings.min_segment, settings.window);
  if (tau == s.end) return;
  if (!accepted(describe(x, s.begin, tau, s.end, settings.window), settings)) return;
  found.push_back(tau);
  bisect(x, {s.begin, tau}, settings, found);
  bisect(x, {tau, s.end}, settings, found);
}

// Each change point tested again between its final neighbours: a later split next to an earlier
// change point shortens the segments it was accepted on. The weakest one that fails now (largest
// p-value; the earliest among equals) is dropped and the rest re-tested, until all pass.
std::vector<ChangePoint> settle(std::span<const double> x, std::vector<std::size_t> indices,
                                const ChangePointSettings& settings) {
  std::sort(indices.begin(), indices.end());
  for (;;) {
    std::vector<ChangePoint> points;
    for (std::size_t i = 0; i < indices.size(); ++i) {
      const std::size_t begin = i == 0 ? 0 : indices[i - 1];
      const std::size_t end = i + 1 == indices.size() ? x.size() : indices[i + 1];
      points.push_back(describe(x, begin, indices[i], end, settings.window));
    }
    std::size_t weakest = points.size();
    for (std::size_t i = 0; i < points.size(); ++i)
      if (!accepted(points[i], settings) &&
          (weakest == points.size() || points[i].p_value > points[weakest].p_value))
        weakest = i;
    if (weakest == points.size()) return points;
    indices.erase(indices.begin() + static_cast<std::ptrdiff_t>(weakest));
  }
}

}  // namespace

std::vector<ChangePoint> detect_change_points(std::span<const double> values,
                                              const ChangePointSettings& settings) {
  if (std::any_of(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }))
    throw std::invalid_argument("change-point detection needs finite values");
  // Welch's test needs two values a side, whatever min_segment says, and a window narrower than
  // a segment would test fewer points than the segment is guaranteed to have.
  ChangePointSettings used = settings;
  used.min_segment = std::max<std::size_t>(settings.min_segment, 2);
  if (used.window > 0) used.window = std::max(used.window, used.min_segment);
  std::vector<std::size_t> found;
  bisect(values, {0, values.size()}, used, found);
  return settle(values, std::move(found), used);
}

}  // namespace benchgate::stats
