#pragma once
// From interleaved rounds to what the statistics read: one run record per side (every process,
// failed attempts and missing rounds marked) and the pairing by round that the comparison uses —
// only rounds complete on both sides, so that each side's drift is matched by the other's.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ab/ab_rounds.h"
#include "core/run_record.h"
#include "stats/sequential_monitor.h"

namespace benchgate::ab {

struct AbRecords {
  RunRecord base, head;                // everything measured, for DIR/base.json and DIR/head.json
  RunRecord base_paired, head_paired;  // complete rounds only: what is compared
  std::vector<int> incomplete_rounds;  // rounds missing a side (after its retry)
  std::vector<int> excluded_rounds;    // complete, but left out as disturbed (ab/round_screen.h)
};

// `base_common` / `head_common` carry the record-level fields (testbed, seed, environment).
AbRecords assemble_records(const std::vector<AbRound>& rounds, const RunRecord& base_common,
                           const RunRecord& head_common);

// Per benchmark, round by round: the median of `metric` in the base and in the head process of
// each paired round (complete, not excluded) that measured it on both sides, and which of the two
// ran second.
std::vector<stats::PairedSeries> paired_series(
    const std::vector<AbRound>& rounds, const std::string& metric,
    const std::function<double(std::string_view)>& threshold_for);

}  // namespace benchgate::ab
