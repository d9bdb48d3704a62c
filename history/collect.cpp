#include "history/collect.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/log.h"
#include "core/parallel_chunks.h"
#include "git/history.h"
#include "git/revision.h"
#include "history/branch_choice.h"
#include "history/change_detection.h"
#include "history/movers.h"
#include "history/profile_marks.h"
#include "stats/analysis_units.h"
#include "stats/descriptive.h"
#include "stats/median_interval.h"
#include "store/baseline_origin.h"

namespace benchgate::history {
namespace {

// A progress line every this many commits walked, and every this many recorded commits read
// (reading records is the slow part): a long history says it is alive.
constexpr std::size_t kProgressEvery = 20000;
constexpr std::size_t kReadProgressEvery = 2000;
// Stored entries read before they are parsed together: enough to keep every core busy, few enough
// that a batch of texts and records stays a few megabytes.
constexpr std::size_t kReadBatch = 256;
// Reasons for passed-over records quoted in the notes; the rest are counted.
constexpr std::size_t kQuotedReasons = 3;

std::string short_id(const std::string& commit) {
  return commit.substr(0, 12);
}

struct WalkedCommit {
  std::string commit;
  git::CommitSummary summary;
};

// The first-parent history from `head`, newest first, down to the root, the edge of a shallow
// clone, or the first commit older than --since.
std::vector<WalkedCommit> walk(const git::Repository& repo, const std::string& head,
                               const HistoryQuery& query, History& history) {
  std::vector<WalkedCommit> out;
  git::FirstParentWalk walker(repo, head);
  while (true) {
    git::CommitSummary summary = git::commit_summary(repo, walker.commit()).value();
    if (query.since && summary.time < *query.since) break;
    out.push_back({walker.commit(), std::move(summary)});
    if (out.size() % kProgressEvery == 0) log_info("history: walked {} commits", out.size());
    if (walker.step()) continue;
    if (walker.end() == git::FirstParentWalk::End::kShallow) {
      history.shallow = true;
      history.notes.push_back(fmt::format(
          "the history stops at {}, {} commit(s) back: this clone is shallow and older records "
          "are not shown; {}",
          short_id(walker.commit()), out.size(), git::kDeepenHint));
    }
    break;
  }
  return out;
}

// Where the points of each series go while records are read, in first-seen order.
class SeriesTable {
 public:
  HistorySeries& at(const std::string& suite, const std::string& benchmark,
                    const std::string& metric, const std::string& testbed) {
    key_.assign(suite).append(1, '\0').append(benchmark).append(1, '\0').append(metric);
    key_.append(1, '\0').append(testbed);
    auto [it, added] = index_.try_emplace(key_, series_.size());
    if (added) {
      HistorySeries& s = series_.emplace_back();
      s.suite = suite;
      s.benchmark = benchmark;
      s.metric = metric;
      s.testbed = testbed;
      // Times are nanoseconds from ingest on (core/run_record.h); counters carry no unit.
      if (metric == kRealTime || metric == kCpuTime) s.unit = "ns";
    }
    return series_[it->second];
  }
  std::vector<HistorySeries> take() { return std::move(series_); }

 private:
  std::string key_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<HistorySeries> series_;
};

// Reads one record's benchmarks into the table as points of `commit`.
class PointMaker {
 public:
  PointMaker(const HistoryQuery& query, SeriesTable& table) : query_(query), table_(table) {}

  void add(const RunRecord& record, const WalkedCommit& commit) {
    const auto job = std::make_shared<const HistoryJob>(
        HistoryJob{commit.commit, commit.summary.time, commit.summary.subject, record.created_at});
    const auto suite_field = record.environment.find("suite");
    const std::string suite = suite_field != record.environment.end() && suite_field->is_string()
                                  ? suite_field->get<std::string>()
                                  : std::string();
    for (const BenchmarkResult& result : record.benchmarks) {
      if (!wanted(result.name)) continue;
      if (!query_.metric.empty()) {
        if (const std::vector<double>* values = result.metric(query_.metric))
          add_point(record, job, suite, result, query_.metric, *values);
        continue;
      }
      for (const auto& [metric, values] : result.metrics)
        add_point(record, job, suite, result, metric, values);
    }
  }

 private:
  // The same names come back in every record: each is matched against --benchmark once.
  bool wanted(const std::string& name) {
    if (!query_.benchmark) return true;
    auto [it, added] = matches_.try_emplace(name, false);
    if (added) it->second = std::regex_search(name, *query_.benchmark);
    return it->second;
  }

  void add_point(const RunRecord& record, const std::shared_ptr<const HistoryJob>& job,
                 const std::string& suite, const BenchmarkResult& result, const std::string& metric,
                 const std::vector<double>& values) {
    stats::group_by_process(result.process, values, groups_, scratch_);
    if (groups_.samples() == 0) return;  // every sample failed: nothing measured here
    stats::process_medians(groups_, medians_);
    const stats::MedianInterval interval = stats::median_interval(medians_);
    HistoryPoint& point =
        table_.at(suite, result.name, metric, record.testbed).points.emplace_back();
    point.job = job;
    // The job's level (stats::job_level) from the medians already at hand: job_level would sort
    // them again into a vector of its own, a million allocations on a long history.
    point.estimate = stats::median_of_sorted(medians_);
    point.low = interval.low;
    point.high = interval.high;
    point.processes = groups_.processes();
  }

  const HistoryQuery& query_;
  SeriesTable& table_;
  stats::ProcessGroups groups_;
  std::vector<std::pair<int, double>> scratch_;
  std::vector<double> medians_;
  std::unordered_map<std::string, bool> matches_;
};

// Drops the records that are not part of the branch's history (store/baseline_origin.h) and
// remembers why, for one note at the end.
class OriginFilter {
 public:
  OriginFilter(const HistoryQuery& query, const std::string& branch)
      : policy_{query.any_origin, branch} {}

  void apply(const std::string& commit, std::vector<RunRecord>& records) {
    std::erase_if(records, [&](const RunRecord& record) {
      auto why = store::why_not_a_baseline(record, policy_);
      if (!why) return false;
      if (reasons_.size() < kQuotedReasons)
        reasons_.push_back(fmt::format("{}: {}", short_id(commit), *why));
      ++passed_over_;
      return true;
    });
  }

  void note(History& history) const {
    if (passed_over_ == 0) return;
    history.notes.push_back(fmt::format(
        "passed over {} record(s) not made on the {} branch (e.g. {}); --baselines-from any "
        "includes them",
        passed_over_, policy_.target_branch, fmt::join(reasons_, "; ")));
  }

 private:
  store::OriginPolicy policy_;
  std::vector<std::string> reasons_;
  std::size_t passed_over_ = 0;
};

void keep_last(std::vector<HistorySeries>& series, std::size_t last) {
  for (HistorySeries& s : series)
    if (s.points.size() > last)
      s.points.erase(s.points.begin(), s.points.end() - static_cast<std::ptrdiff_t>(last));
}

void detect_all(History& history, const stats::ChangePointSettings& settings) {
  std::size_t without_log_scale = 0;
  for (HistorySeries& s : history.series)
    if (!detect_changes(s, settings)) ++without_log_scale;
  if (without_log_scale > 0)
    history.notes.push_back(fmt::format(
        "{} series have a level of 0 or below (a counter?): no change points were looked for in "
        "them, since changes are measured as ratios",
        without_log_scale));
}

}  // namespace

History collect_history(const HistoryQuery& query, const store::Store& store,
                        const store::ProfileStore* profiles) {
  History history;
  const git::Repository repo = git::Repository::open(query.repo);
  const BranchChoice branch =
      choose_branch(repo, query.repo, query.branch, query.remote, history.notes);
  history.branch = branch.name;
  history.head = git::resolve_revision(repo, branch.revision);
  history.store = store.describe();
  history.detection = {query.detection.window, query.detection.min_segment,
                       query.detection.min_magnitude, query.detection.max_p_value};

  const std::vector<WalkedCommit> commits = walk(repo, history.head, query, history);
  history.commits_walked = commits.size();
  const std::vector<std::string> listed = store.annotated_commits();
  const std::unordered_set<std::string> annotated(listed.begin(), listed.end());

  SeriesTable table;
  PointMaker points(query, table);
  OriginFilter origins(query, branch.name);
  std::size_t unreadable = 0, read = 0;
  std::vector<const WalkedCommit*> recorded_commits;  // oldest first
  for (auto it = commits.rbegin(); it != commits.rend(); ++it)
    if (annotated.count(it->commit)) recorded_commits.push_back(&*it);
  // Reading a long history is mostly parsing its records. A batch of entries is read in order on
  // this thread (a store's repository handle is not shared between threads), parsed on every core
  // (core/parallel_chunks.h), and turned into points in order: the same history on any number of
  // cores.
  std::vector<std::string> texts(kReadBatch);
  std::vector<store::CommitRecords> batch(kReadBatch);
  for (std::size_t first = 0; first < recorded_commits.size(); first += kReadBatch) {
    const std::size_t size = std::min(kReadBatch, recorded_commits.size() - first);
    std::vector<bool> found(size);
    for (std::size_t i = 0; i < size; ++i) {
      std::optional<std::string> text = store.read_text(recorded_commits[first + i]->commit);
      found[i] = text.has_value();
      texts[i] = text ? std::move(*text) : std::string();
    }
    parallel_chunks(size, 8, [&] {
      return [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
          batch[i] = found[i] ? store::records_of_entry(recorded_commits[first + i]->commit,
                                                        texts[i], query.testbed)
                              : store::CommitRecords{};
      };
    });
    for (std::size_t i = 0; i < size; ++i) {
      const WalkedCommit& commit = *recorded_commits[first + i];
      if (++read % kReadProgressEvery == 0)
        log_info("history: read the records of {} of {} commits", read, recorded_commits.size());
      store::CommitRecords& loaded = batch[i];
      for (const store::LineProblem& problem : loaded.problems)
        if (unreadable++ < kQuotedReasons)
          history.notes.push_back("unreadable stored record skipped: " + problem.describe());
      origins.apply(commit.commit, loaded.records);
      // Several jobs on one commit are several points, in the order they were recorded.
      std::stable_sort(
          loaded.records.begin(), loaded.records.end(),
          [](const RunRecord& a, const RunRecord& b) { return a.created_at < b.created_at; });
      for (const RunRecord& record : loaded.records) points.add(record, commit);
    }
  }
  if (unreadable > kQuotedReasons)
    history.notes.push_back(
        fmt::format("{} more unreadable stored records skipped", unreadable - kQuotedReasons));
  origins.note(history);

  history.series = table.take();
  if (query.last) keep_last(history.series, *query.last);
  if (profiles)
    if (std::size_t unreadable = mark_profiles(history.series, *profiles))
      history.notes.push_back(
          fmt::format("{} commit(s) have unreadable stored profile lines, skipped ({})", unreadable,
                      profiles->describe()));
  detect_all(history, query.detection);
  order_worst_movers_first(history.series);
  return history;
}

}  // namespace benchgate::history
