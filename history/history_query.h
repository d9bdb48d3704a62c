#pragma once
// What `benchgate history` collects, resolved once from the command line (docs/history.md): the
// branch, the filters and the change-point settings, all typed.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>

#include "stats/change_points.h"

namespace benchgate::history {

struct HistoryQuery {
  std::filesystem::path repo = ".";
  // The branch (or any revision) whose first-parent history is walked; empty: the repository's
  // default branch, else the current branch.
  std::string branch;
  std::string remote = "origin";  // whose default branch counts (git/remotes.h)
  // Only benchmarks whose name this matches (std::regex_search); the text is kept for messages.
  std::optional<std::regex> benchmark;
  // Only commits whose committer time is at or after this (seconds since the epoch).
  std::optional<long long> since;
  // Only the last N recorded jobs of each series.
  std::optional<std::size_t> last;
  // Only records of this testbed; every testbed otherwise, each its own series.
  std::optional<std::string> testbed;
  // One metric (real_time, cpu_time, a counter), or every metric a record has when empty.
  std::string metric = "real_time";
  // Records made on other branches or built by other commits count too (as `--baselines-from any`).
  bool any_origin = false;
  stats::ChangePointSettings detection;
};

}  // namespace benchgate::history
