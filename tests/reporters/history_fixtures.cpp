#include "tests/reporters/history_fixtures.h"

#include <memory>
#include <random>
#include <vector>

#include <fmt/format.h>

namespace benchgate::testing {

std::string synthetic_commit(std::size_t i) {
  return fmt::format("{:08x}{:016x}{:016x}", i, i * 0x9e3779b97f4a7c15ull, ~i);
}

void set_subject(HistoryPoint& point, const std::string& subject) {
  auto job = std::make_shared<HistoryJob>(*point.job);
  job->subject = subject;
  point.job = std::move(job);
}

History synthetic_history(std::size_t series, std::size_t points,
                          const std::string& commit_url_prefix) {
  History h;
  h.branch = "main";
  h.head = synthetic_commit(points - 1);
  h.store = "git:refs/notes/benchgate";
  h.commit_url_prefix = commit_url_prefix;
  h.commits_walked = points;
  h.detection = {30, 5, 0.02, 0.001};
  std::mt19937_64 random(15);
  std::normal_distribution<double> noise(0, 0.01);
  // One job per commit, shared by every series, as history/collect.cpp makes them.
  std::vector<std::shared_ptr<const HistoryJob>> jobs;
  for (std::size_t i = 0; i < points; ++i)
    jobs.push_back(std::make_shared<const HistoryJob>(
        HistoryJob{synthetic_commit(i), 1'760'000'000 + static_cast<long long>(i) * 86'400,
                   "commit " + std::to_string(i) + ": tune the parser", "2026-01-01T00:00:00Z"}));
  for (std::size_t k = 0; k < series; ++k) {
    HistorySeries s;
    s.suite = "micro";
    s.benchmark = "bench_" + std::to_string(k);
    s.metric = "real_time";
    s.testbed = "ci-x86";
    s.unit = "ns";
    const double base = 100.0 * static_cast<double>(k + 1);
    const bool changes = k % 2 == 0;
    const std::size_t at = points * (k % 3 + 1) / 4;
    const double after = base * (k % 4 == 0 ? 1.10 : 0.92);
    for (std::size_t i = 0; i < points; ++i) {
      HistoryPoint p;
      p.job = jobs[i];
      const double level = (changes && i >= at ? after : base) * (1 + noise(random));
      p.estimate = level;
      p.low = level * 0.99;
      p.high = level * 1.01;
      p.processes = 5;
      p.has_profile = i % 4 == 0;
      s.points.push_back(std::move(p));
    }
    if (changes && at > 0) {
      HistoryChange c;
      c.index = at;
      c.last_before = synthetic_commit(at - 1);
      c.first_after = synthetic_commit(at);
      c.before = base;
      c.before_low = base * 0.995;
      c.before_high = base * 1.005;
      c.after = after;
      c.after_low = after * 0.995;
      c.after_high = after * 1.005;
      c.ratio = after / base;
      c.p_value = 1e-6;
      s.changes.push_back(c);
    }
    h.series.push_back(std::move(s));
  }
  return h;
}

}  // namespace benchgate::testing
