#include "profile/diff_summary.h"

namespace benchgate::profile {

ProfileSource profile_source(const ProfileInfo& info) {
  return {info.source, info.format, info.event, info.unit, info.samples};
}

FunctionDeltas function_deltas(const ProfileDiff& diff) {
  FunctionDeltas out;
  out.base = profile_source(diff.base);
  out.head = profile_source(diff.head);
  out.ranked_by = diff.ranked_by;
  out.time_ratio = diff.time_ratio;
  out.min_samples = diff.min_samples;
  out.min_z = diff.min_z;
  out.functions_compared = diff.functions_compared;
  out.functions_below_noise = diff.functions_below_noise;
  out.top = diff.top;
  return out;
}

}  // namespace benchgate::profile
