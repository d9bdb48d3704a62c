#include "stats/pairwise_differences.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>

#include "stats/descriptive.h"
#include "stats/distributions.h"

namespace benchgate::stats {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// How many differences lie below a value v. Rounding is monotone, so the computed difference
// fl(y_j - x_i) falls as x_i grows: in row j the differences <= v (or < v) are a suffix of i,
// found by binary search; and as fl(y_j - x_i) rises with y_j, that suffix only shrinks from one
// row to the next. Comparisons use the computed difference itself, so the counts agree exactly
// with the values finally selected.
struct Probe {
  double value = 0;
  std::size_t below = 0;    // differences < value
  std::size_t at_most = 0;  // differences <= value
};

class Selector {
 public:
  Selector(std::span<const double> x, std::span<const double> y, std::vector<double>& scratch)
      : x_(x), y_(y), scratch_(scratch), total_(x.size() * y.size()) {
    // A normal model of the differences for first guesses: centre = difference of the medians,
    // spread from the interquartile ranges (robust, O(1) on sorted samples).
    centre_ = median_of_sorted(y) - median_of_sorted(x);
    auto iqr_sd = [](std::span<const double> v) {
      return (v[v.size() * 3 / 4] - v[v.size() / 4]) / 1.349;
    };
    spread_ = std::hypot(iqr_sd(x), iqr_sd(y));
    if (!(spread_ > 0)) spread_ = (y.back() - x.front()) - (y.front() - x.back());
  }

  double select(std::size_t r) {
    // The candidates collected for the previous rank may already hold this one (the two middle
    // differences of an even count usually share them).
    if (collected_ && collected_from_ <= r && r < collected_from_ + scratch_.size())
      return select_collected(r);
    double lo = -kInf, hi = kInf;
    std::size_t at_most_lo = 0, below_hi = total_;  // invariant: at_most_lo <= r < below_hi
    auto narrow = [&](const Probe& p) {
      if (p.at_most <= r && p.value > lo) lo = p.value, at_most_lo = p.at_most;
      if (p.below > r && p.value < hi) hi = p.value, below_hi = p.below;
      return p.below <= r && r < p.at_most;  // the r-th difference equals p.value
    };
    for (std::size_t i = 0; i < probe_count_; ++i)
      if (narrow(probes_[i])) return probes_[i].value;

    const std::size_t enough = x_.size() + y_.size();
    double gallop = 0;
    bool guessed = false;
    std::size_t previous_inside = below_hi - at_most_lo;
    bool bisect = false;
    for (int step = 0; step < 100 && below_hi - at_most_lo > enough; ++step) {
      double v;
      const bool open_ended = std::isinf(lo) || std::isinf(hi);
      if (open_ended && !guessed && guess(r) > lo && guess(r) < hi) {
        v = guess(r);  // the normal model's quantile: usually within a few dozen ranks
        guessed = true;
      } else if (open_ended) {
        // One side known: step outwards, doubling, from a move sized for the densest part of
        // the normal model (so the first step usually brackets the target).
        const double from = std::isinf(lo) ? hi : lo;
        const double ranks_away = std::isinf(lo) ? static_cast<double>(below_hi - r)
                                                 : static_cast<double>(r + 1 - at_most_lo);
        gallop = gallop == 0 ? 2 * ranks_away * spread_ * std::sqrt(2 * std::numbers::pi) /
                                   static_cast<double>(total_)
                             : gallop * 2;
        v = std::isinf(lo) ? from - gallop : from + gallop;
      } else {
        // Interpolate on the counts; bisect when interpolation failed to halve the candidates.
        const double fraction = bisect ? 0.5
                                       : (static_cast<double>(r - at_most_lo) + 0.5) /
                                             static_cast<double>(below_hi - at_most_lo);
        v = lo + fraction * (hi - lo);
      }
      if (!(v > lo && v < hi)) break;  // as tight as doubles allow: select among the rest
      if (narrow(probe(v))) return v;
      const std::size_t inside = below_hi - at_most_lo;
      bisect = inside * 2 > previous_inside;
      previous_inside = inside;
    }
    scratch_.clear();
    collect_between(lo, hi);
    collected_ = true;
    collected_from_ = at_most_lo;
    return select_collected(r);
  }

 private:
  // The r-th difference overall among the collected candidates, which hold ranks
  // collected_from_ .. collected_from_ + size - 1.
  double select_collected(std::size_t r) {
    const auto target = scratch_.begin() + static_cast<std::ptrdiff_t>(r - collected_from_);
    std::nth_element(scratch_.begin(), target, scratch_.end());
    return *target;
  }

  double guess(std::size_t r) const {
    const double p = (static_cast<double>(r) + 0.5) / static_cast<double>(total_);
    return centre_ + spread_ * boost::math::quantile(Normal(), p);
  }

  Probe probe(double v) {
    const std::size_t m = x_.size();
    Probe p{v, 0, 0};
    std::size_t equal = 0;
    for (double yj : y_) {
      const std::size_t first_at_most = first_index(yj, v, std::greater<>());
      p.at_most += m - first_at_most;
      // Differences equal to v (rare unless there are ties) start the suffix of the row.
      for (std::size_t i = first_at_most; i < m && yj - x_[i] == v; ++i) ++equal;
    }
    p.below = p.at_most - equal;
    if (probe_count_ < probes_.size()) probes_[probe_count_++] = p;
    return p;
  }

  // First i at which `too_big(yj - x_i, v)` stops holding (m if never): the start of the suffix
  // of row j with differences <= v (too_big = greater) or < v (greater_equal). A binary search
  // with a fixed number of steps and a conditional move instead of a branch: walking a pointer
  // along x mispredicts on every row, and this is the hot loop of a comparison.
  template <typename TooBig>
  std::size_t first_index(double yj, double v, TooBig too_big) const {
    const double* base = x_.data();
    std::size_t n = x_.size();
    while (n > 1) {
      const std::size_t half = n / 2;
      base = too_big(yj - base[half], v) ? base + half : base;
      n -= half;
    }
    return static_cast<std::size_t>(base - x_.data()) + (too_big(yj - *base, v) ? 1 : 0);
  }

  // Appends every difference strictly between lo and hi to scratch_. Here the bounds move along
  // x with two pointers: the rows' ranges are short, so walking beats searching.
  void collect_between(double lo, double hi) {
    const std::size_t m = x_.size();
    std::size_t first_below_hi = 0, first_at_most_lo = 0;
    for (double yj : y_) {
      while (first_below_hi < m && yj - x_[first_below_hi] >= hi) ++first_below_hi;
      while (first_at_most_lo < m && yj - x_[first_at_most_lo] > lo) ++first_at_most_lo;
      for (std::size_t i = first_below_hi; i < first_at_most_lo; ++i)
        scratch_.push_back(yj - x_[i]);
    }
  }

  std::span<const double> x_, y_;
  std::vector<double>& scratch_;
  std::size_t total_;
  double centre_ = 0, spread_ = 0;
  std::array<Probe, 64> probes_{};
  std::size_t probe_count_ = 0;
  bool collected_ = false;          // scratch_ holds the candidates of an earlier search
  std::size_t collected_from_ = 0;  // how many differences lie below those candidates
};

}  // namespace

void pairwise_difference_order_statistics(std::span<const double> x, std::span<const double> y,
                                          std::span<const std::size_t> ranks, std::span<double> out,
                                          std::vector<double>& scratch) {
  Selector selector(x, y, scratch);
  for (std::size_t i = 0; i < ranks.size(); ++i) out[i] = selector.select(ranks[i]);
}

}  // namespace benchgate::stats
