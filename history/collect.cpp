#include "history/collect.h"

#include <algorithm>
#include <atomic>
#include <future>
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
#include "history/job_points.h"
#include "history/movers.h"
#include "history/profile_marks.h"
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
  void add(const JobPoints& job, const WalkedCommit& commit) {
    const auto shared = std::make_shared<const HistoryJob>(
        HistoryJob{commit.commit, commit.summary.time, commit.summary.subject, job.created_at});
    for (const JobPoint& p : job.points) {
      HistoryPoint& point = at(job.suite, p.benchmark, p.metric, job.testbed).points.emplace_back();
      point.job = shared;
      point.estimate = p.estimate;
      point.low = p.low;
      point.high = p.high;
      point.processes = p.processes;
    }
  }
  std::vector<HistorySeries> take() { return std::move(series_); }

 private:
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

  std::string key_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<HistorySeries> series_;
};

// The records that are not part of the branch's history (store/baseline_origin.h), counted with
// a few reasons quoted, for one note at the end.
class PassedOver {
 public:
  void add(const std::string& commit, const std::vector<std::string>& reasons) {
    for (const std::string& why : reasons)
      if (quoted_.size() < kQuotedReasons)
        quoted_.push_back(fmt::format("{}: {}", short_id(commit), why));
    count_ += reasons.size();
  }

  void note(History& history, const std::string& branch) const {
    if (count_ == 0) return;
    history.notes.push_back(fmt::format(
        "passed over {} record(s) not made on the {} branch (e.g. {}); --baselines-from any "
        "includes them",
        count_, branch, fmt::join(quoted_, "; ")));
  }

 private:
  std::vector<std::string> quoted_;
  std::size_t count_ = 0;
};

// Calls on_entry(commit, points) for each of `recorded` in order, with what its stored entry
// contributes (nothing, when it has no entry any more). Reading a long history is mostly parsing
// its records, so entries are read in order, in batches, by one thread at a time (a store's
// repository handle is not shared between threads), the next batch while this one is measured;
// each batch is measured on every core (core/parallel_chunks.h: each record is parsed, reduced
// to its points and freed by the same thread, with a copy of `measurer` per thread) and handed
// on in order: the same history on any number of cores.
template <typename OnEntry>
void measure_entries(const std::vector<const WalkedCommit*>& recorded, const store::Store& store,
                     const EntryMeasurer& measurer, OnEntry on_entry) {
  using Texts = std::vector<std::optional<std::string>>;
  const auto read_batch = [&](std::size_t first) {
    Texts texts;
    for (std::size_t i = first; i < std::min(first + kReadBatch, recorded.size()); ++i)
      texts.push_back(store.read_text(recorded[i]->commit));
    return texts;
  };
  std::future<Texts> next = std::async(std::launch::async, read_batch, 0);
  std::vector<EntryPoints> entries(kReadBatch);
  for (std::size_t first = 0; first < recorded.size(); first += kReadBatch) {
    Texts texts = next.get();
    if (first + kReadBatch < recorded.size())
      next = std::async(std::launch::async, read_batch, first + kReadBatch);
    parallel_chunks(texts.size(), 8, [&] {
      return [&, mine = measurer](std::size_t begin, std::size_t end) mutable {
        for (std::size_t i = begin; i < end; ++i) {
          entries[i] =
              texts[i] ? mine.measure(recorded[first + i]->commit, *texts[i]) : EntryPoints{};
          texts[i].reset();
        }
      };
    });
    for (std::size_t i = 0; i < texts.size(); ++i) on_entry(*recorded[first + i], entries[i]);
  }
}

void keep_last(std::vector<HistorySeries>& series, std::size_t last) {
  for (HistorySeries& s : series)
    if (s.points.size() > last)
      s.points.erase(s.points.begin(), s.points.end() - static_cast<std::ptrdiff_t>(last));
}

// Series are independent: they are searched on every core.
void detect_all(History& history, const stats::ChangePointSettings& settings) {
  std::atomic<std::size_t> without_log_scale{0};
  parallel_chunks(history.series.size(), 4, [&] {
    return [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i)
        if (!detect_changes(history.series[i], settings)) ++without_log_scale;
    };
  });
  if (without_log_scale > 0)
    history.notes.push_back(fmt::format(
        "{} series have a level of 0 or below (a counter?): no change points were looked for in "
        "them, since changes are measured as ratios",
        without_log_scale.load()));
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
  PassedOver passed_over;
  std::size_t unreadable = 0, read = 0;
  std::vector<const WalkedCommit*> recorded;  // oldest first
  for (auto it = commits.rbegin(); it != commits.rend(); ++it)
    if (annotated.count(it->commit)) recorded.push_back(&*it);
  measure_entries(
      recorded, store, EntryMeasurer(query, {query.any_origin, branch.name}),
      [&](const WalkedCommit& commit, const EntryPoints& entry) {
        if (++read % kReadProgressEvery == 0)
          log_info("history: read the records of {} of {} commits", read, recorded.size());
        for (const store::LineProblem& problem : entry.problems)
          if (unreadable++ < kQuotedReasons)
            history.notes.push_back("unreadable stored record skipped: " + problem.describe());
        passed_over.add(commit.commit, entry.passed_over);
        for (const JobPoints& job : entry.jobs) table.add(job, commit);
      });
  if (unreadable > kQuotedReasons)
    history.notes.push_back(
        fmt::format("{} more unreadable stored records skipped", unreadable - kQuotedReasons));
  passed_over.note(history, branch.name);

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
