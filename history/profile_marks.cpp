#include "history/profile_marks.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace benchgate::history {
namespace {

std::string key_of(const std::string& testbed, const std::string& suite,
                   const std::string& benchmark) {
  return testbed + '\0' + suite + '\0' + benchmark;
}

}  // namespace

std::size_t mark_profiles(std::vector<HistorySeries>& series, const store::ProfileStore& profiles) {
  const std::vector<std::string> listed = profiles.annotated_commits();
  if (listed.empty()) return 0;
  const std::unordered_set<std::string> with_profiles(listed.begin(), listed.end());
  // commit -> the (testbed, suite, benchmark) keys profiled on it; read once per commit.
  std::unordered_map<std::string, std::unordered_set<std::string>> profiled;
  std::size_t unreadable = 0;
  for (HistorySeries& s : series) {
    const std::string key = key_of(s.testbed, s.suite, s.benchmark);
    for (HistoryPoint& point : s.points) {
      if (!with_profiles.count(point.job->commit)) continue;
      auto [it, added] = profiled.try_emplace(point.job->commit);
      if (added) {
        const store::ProfileEntries entries = profiles.load_all(point.job->commit);
        if (!entries.problems.empty()) ++unreadable;
        for (const store::StoredProfile& p : entries.profiles)
          it->second.insert(key_of(p.testbed, p.suite, p.benchmark));
      }
      point.has_profile = it->second.count(key) > 0;
    }
  }
  return unreadable;
}

}  // namespace benchgate::history
