#pragma once
// An estimated location shift of sample y relative to sample x, with its confidence interval.
// compare_runs works on log values, so exp() of these numbers are ratios head/base.

namespace benchgate::stats {

struct ShiftEstimate {
  double shift = 0;  // point estimate of y - x
  double low = 0;    // confidence interval; -inf / +inf when the samples are too small for it
  double high = 0;
};

}  // namespace benchgate::stats
