#include "gate/gate_profiles.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/run_record.h"
#include "core/text.h"
#include "git/remotes.h"
#include "profile/diff_summary.h"
#include "profile/flamegraph_svg.h"
#include "profile/folded_format.h"
#include "profile/folded_packing.h"
#include "profile/line_reader.h"
#include "profile/profile_diff.h"
#include "store/notes_sync.h"
#include "store/profile_store.h"

namespace benchgate::gate {
namespace {
namespace fs = std::filesystem;

constexpr const char* kFlamegraphDir = "flamegraphs";

bool is_change(Verdict v) {
  return v == Verdict::kRegression || v == Verdict::kImprovement;
}

// The head/base *time* ratio the diff turns share deltas into time deltas with: the measured
// ratio when the gated metric is a time, nothing for counters and throughputs.
std::optional<double> time_ratio(const BenchmarkComparison& row) {
  const bool time_metric = row.metric == kRealTime || row.metric == kCpuTime;
  if (!time_metric || !std::isfinite(row.ratio) || row.ratio <= 0) return std::nullopt;
  return row.ratio;
}

std::string change_text(const BenchmarkComparison& row) {
  if (!std::isfinite(row.ratio)) return std::string(to_string(row.verdict));
  return fmt::format("{}, {:+.1f}% {}", to_string(row.verdict), (row.ratio - 1) * 100, row.metric);
}

// The notes ref that holds the profiles of the gate's store, or nothing for a directory store.
std::optional<std::string> profile_ref(const GateSettings& settings) {
  const store::StoreSpec profiles = settings.store.profiles();
  if (!profiles.is_git()) return std::nullopt;
  return profiles.notes_ref;
}

store::SyncOptions sync_options(const GateSettings& settings, const std::string& ref) {
  store::SyncOptions options;
  options.repo = settings.repo;
  options.remote = settings.remote;
  options.ref = ref;
  return options;
}

// Reads folded text into `side` of `trie`.
profile::ProfileInfo read_into(const std::string& folded, const std::string& label,
                               profile::FrameTrie& trie, profile::Side side) {
  profile::ProfileInfo info;
  profile::LineReader lines(folded, label);
  profile::read_folded(lines, trie, side, info);
  return info;
}

void pack(const std::string& folded, store::StoredProfile& p) {
  profile::PackedFolded packed = profile::pack_folded(folded);
  p.encoding = std::move(packed.encoding);
  p.data = std::move(packed.data);
  p.size = folded.size();
}

// The folded text of a stored profile; nothing (after a warning) when its packing is unknown or
// its data corrupt.
std::optional<std::string> unpack(const store::StoredProfile& p, const std::string& what) {
  try {
    return profile::unpack_folded(p.encoding, p.data, what, p.size);
  } catch (const InputError& e) {
    log_warning("{}", e.what());
    return std::nullopt;
  }
}

}  // namespace

ProfileFinding explain_with_profiles(const ProfileDiffInput& input, const fs::path& report_dir) {
  const BenchmarkComparison& row = *input.row;
  ProfileFinding out;
  out.suite = input.suite;
  out.benchmark = row.name;
  out.verdict = row.verdict;
  out.ratio = row.ratio;
  out.metric = row.metric;
  out.base_label = input.base_label;
  out.head_label = input.head_label;
  out.testbed = input.testbed;

  profile::FrameTrie trie;
  std::optional<profile::ProfileInfo> base;
  profile::ProfileInfo head;
  out.head_only = input.why_no_base;
  out.head_only_detail = input.why_no_base_detail;
  if (input.base_folded) {
    base = read_into(*input.base_folded, input.base_label, trie, profile::kBase);
    head = read_into(input.head_folded, input.head_label, trie, profile::kHead);
    try {
      profile::require_comparable(*base, head);
      out.head_only = HeadOnlyReason::kNone;
      out.head_only_detail.clear();
    } catch (const InputError& e) {
      out.head_only = HeadOnlyReason::kIncomparable;
      out.head_only_detail = e.what();
      base.reset();
    }
  }
  if (!base) {  // head alone, on the side a plain flame graph draws
    trie = profile::FrameTrie();
    head = read_into(input.head_folded, input.head_label, trie, profile::kBase);
  }
  out.head = profile::profile_source(head);

  profile::RenderOptions render;
  render.differential = base.has_value();
  render.colour_by = input.colour_by;
  render.time_ratio = time_ratio(row);
  render.title = fmt::format("{} / {}", input.suite, row.name);
  render.subtitle =
      base ? fmt::format("{} -> {}: {}", input.base_label, input.head_label, change_text(row))
           : fmt::format("{} only (no base profile)", input.head_label);
  out.svg_file = fmt::format("{}/{}-{}.svg", kFlamegraphDir, profile_file_stem(input.suite),
                             profile_file_stem(row.name));
  const fs::path svg = report_dir / out.svg_file;
  fs::create_directories(svg.parent_path());
  write_file_atomically(svg, profile::render_flamegraph_svg(trie, render));
  if (!base) return out;

  profile::DiffOptions options;
  options.rank_by = input.colour_by;
  options.time_ratio = time_ratio(row);
  if (options.time_ratio) options.base_time_ns = row.base_median;
  out.deltas = profile::function_deltas(profile::diff_profiles(trie, *base, head, options));
  return out;
}

GateProfiles::GateProfiles(const GateSettings& settings, const GateContext& context)
    : settings_(settings), context_(context), profiler_(settings.profile, /*quiet=*/false) {}

const runner::SuiteConfig* GateProfiles::profilable_suite(const std::string& name,
                                                          std::string& why_not) {
  const runner::SuiteConfig* suite = settings_.config.suite(name);
  if (!suite)
    why_not =
        fmt::format("suite {} is not a [[suite]] of the config, so it cannot be run here", name);
  else if (const runner::SuiteFormat format = suite_format_of(*suite);
           format != runner::SuiteFormat::kGbench)
    why_not = not_profiled_note(name, format);
  return why_not.empty() ? suite : nullptr;
}

const CapturedProfile* GateProfiles::capture(const runner::SuiteConfig& suite,
                                             const std::string& benchmark, std::size_t index,
                                             std::size_t count) {
  const auto key = std::make_pair(suite.name, benchmark);
  if (auto it = captured_.find(key); it != captured_.end()) return &it->second;
  auto captured = profiler_.capture(suite, benchmark, index, count);
  if (!captured) return nullptr;
  return &captured_.emplace(key, std::move(*captured)).first->second;
}

std::optional<std::string> GateProfiles::base_profile(const SuiteVerdict& verdict,
                                                      const std::string& benchmark,
                                                      std::string& commit_used) {
  if (!profiles_fetched_) {
    profiles_fetched_ = true;
    const auto ref = profile_ref(settings_);
    if (ref && settings_.fetch && git::remote_exists(settings_.repo, settings_.remote)) {
      try {
        const auto report = store::fetch_notes(sync_options(settings_, *ref));
        log_info("fetched profiles from {} ({} note(s) merged)", settings_.remote,
                 report.notes_merged);
      } catch (const EnvironmentError& e) {
        log_warning("could not fetch profiles from {}: {}; using the profiles of this clone only",
                    settings_.remote, e.what());
      }
    }
  }
  const auto store = store::open_profile_store(settings_.store, settings_.repo);
  for (const auto& commit : verdict.baseline_commits) {
    const auto stored = store->load(commit, verdict.testbed, verdict.suite, benchmark);
    if (!stored) continue;
    auto folded = unpack(
        *stored, fmt::format("the profile of {} stored for {}", benchmark, short_commit(commit)));
    if (!folded) continue;
    commit_used = commit;
    return folded;
  }
  return std::nullopt;
}

std::vector<GateProfiles::Change> GateProfiles::take_largest_changes(std::vector<Change> changes) {
  // Largest effects first (either direction): those are worth the profiling time.
  std::stable_sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) {
    return std::abs(std::log(a.row->ratio)) > std::abs(std::log(b.row->ratio));
  });
  const std::size_t budget = kMaxExplained - std::min(kMaxExplained, explained_);
  for (std::size_t i = budget; i < changes.size(); ++i)
    attachments_[changes[i].verdict->suite].notes.push_back(
        fmt::format("{} was not profiled: the gate profiles the {} largest changes only.",
                    changes[i].row->name, kMaxExplained));
  if (changes.size() > budget) changes.resize(budget);
  explained_ += changes.size();
  return changes;
}

void GateProfiles::attach(const Change& change, const CapturedProfile& head,
                          ProfileDiffInput input) {
  input.suite = change.verdict->suite;
  input.row = change.row;
  input.head_folded = head.folded;
  input.head_label = "commit " + short_commit(context_.head);
  input.testbed = change.verdict->testbed;
  input.colour_by = settings_.profile_colour_by;
  auto& profiles = attachments_[input.suite].profiles;
  profiles.push_back(explain_with_profiles(input, settings_.report_dir));
  log_info("{} flame graph of {} written to {}",
           profiles.back().differential() ? "differential" : "head-only", change.row->name,
           (settings_.report_dir / profiles.back().svg_file).string());
}

void GateProfiles::head_not_captured(const Change& change) {
  attachments_[change.verdict->suite].notes.push_back(fmt::format(
      "{}: the profile of head could not be captured (see the job log).", change.row->name));
}

void GateProfiles::explain_changes(const std::vector<SuiteVerdict>& verdicts) {
  if (settings_.profile.mode == runner::ProfileMode::kNone) return;
  std::vector<Change> changes;
  for (const auto& v : verdicts) {
    if (!v.has_baseline) continue;
    for (const auto& row : v.comparison.benchmarks)
      if (is_change(row.verdict)) changes.push_back({&v, &row});
  }
  if (changes.empty()) return;
  changes = take_largest_changes(std::move(changes));
  // Suites that cannot be profiled here are said once each, instead of once per benchmark.
  std::map<std::string, const runner::SuiteConfig*> suites;
  for (const auto& c : changes) {
    const std::string& name = c.verdict->suite;
    if (suites.count(name)) continue;
    std::string why_not;
    suites[name] = profilable_suite(name, why_not);
    if (!suites[name]) attachments_[name].notes.push_back(why_not + ": no profiles.");
  }
  const bool any = std::any_of(suites.begin(), suites.end(), [](auto& s) { return s.second; });
  if (any && !profiler_usable(suites)) return;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const SuiteVerdict& v = *changes[i].verdict;
    const std::string& benchmark = changes[i].row->name;
    const runner::SuiteConfig* suite = suites[v.suite];
    if (!suite) continue;
    const CapturedProfile* head = capture(*suite, benchmark, i + 1, changes.size());
    if (!head) {
      head_not_captured(changes[i]);
      continue;
    }
    std::string base_commit;
    ProfileDiffInput input;
    input.base_folded = base_profile(v, benchmark, base_commit);
    input.base_label = "commit " + short_commit(base_commit);
    input.why_no_base = HeadOnlyReason::kNoStoredBase;
    if (!v.baseline_commits.empty())
      input.why_no_base_detail = short_commit(v.baseline_commits.front());
    attach(changes[i], *head, std::move(input));
  }
}

void GateProfiles::explain_interleaved(const runner::SuiteConfig& base_suite,
                                       const runner::SuiteConfig& head_suite,
                                       const SuiteVerdict& verdict,
                                       const std::string& base_commit) {
  if (settings_.profile.mode == runner::ProfileMode::kNone) return;
  std::vector<Change> changes;
  for (const auto& row : verdict.comparison.benchmarks)
    if (is_change(row.verdict)) changes.push_back({&verdict, &row});
  if (changes.empty()) return;
  changes = take_largest_changes(std::move(changes));
  if (const runner::SuiteFormat format = suite_format_of(head_suite);
      format != runner::SuiteFormat::kGbench) {
    attachments_[verdict.suite].notes.push_back(not_profiled_note(verdict.suite, format) + '.');
    return;
  }
  if (!profiler_usable({{verdict.suite, &head_suite}})) return;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const std::string& benchmark = changes[i].row->name;
    // Fresh captures of both builds (not the stored-mode cache: both sides share the suite name).
    auto head = profiler_.capture(head_suite, benchmark, 2 * i + 1, 2 * changes.size());
    if (!head) {
      head_not_captured(changes[i]);
      continue;
    }
    auto base = profiler_.capture(base_suite, benchmark, 2 * i + 2, 2 * changes.size());
    ProfileDiffInput input;
    if (base) input.base_folded = std::move(base->folded);
    input.base_label = "commit " + short_commit(base_commit);
    input.why_no_base = HeadOnlyReason::kBaseNotCaptured;
    attach(changes[i], *head, std::move(input));
  }
}

bool GateProfiles::profiler_usable(
    const std::map<std::string, const runner::SuiteConfig*>& suites) {
  if (profiler_.usable()) return true;
  for (const auto& [name, suite] : suites)
    if (suite)
      attachments_[name].notes.push_back("Profiles were requested but not captured: " +
                                         profiler_.why_not());
  return false;
}

void GateProfiles::record(const std::vector<SuiteHead>& heads) {
  if (settings_.profile.mode != runner::ProfileMode::kAll || !context_.record) return;
  struct Target {
    const runner::SuiteConfig* suite;
    const SuiteHead* head;
  };
  std::vector<Target> targets;
  std::size_t count = 0;
  for (const auto& h : heads) {
    if (!h.complete) continue;  // not recorded as a baseline, so no profiles either
    std::string why_not;
    const runner::SuiteConfig* suite = profilable_suite(h.name, why_not);
    if (!suite) {
      log_info("{}: no profiles recorded", why_not);
      continue;
    }
    targets.push_back({suite, &h});
    count += h.record.benchmarks.size();
  }
  if (targets.empty() || !profiler_.usable()) return;
  std::vector<store::StoredProfile> profiles;
  std::size_t index = 0;
  for (const auto& t : targets)
    for (const auto& benchmark : t.head->record.benchmarks) {
      const CapturedProfile* captured = capture(*t.suite, benchmark.name, ++index, count);
      if (!captured) continue;
      store::StoredProfile p;
      p.testbed = t.head->record.testbed;
      p.suite = t.head->name;
      p.benchmark = benchmark.name;
      pack(captured->folded, p);
      profiles.push_back(std::move(p));
    }
  if (profiles.empty()) return;
  try {
    const auto store = store::open_profile_store(settings_.store, settings_.repo);
    store->save(context_.head, profiles);
    log_info("stored {} profile(s) of {} in {}", profiles.size(), short_commit(context_.head),
             store->describe());
  } catch (const std::runtime_error& e) {  // InputError or EnvironmentError: never fatal here
    log_warning("the profiles were not stored: {}", e.what());
    return;
  }
  const auto ref = profile_ref(settings_);
  if (!ref || !settings_.push || !git::remote_exists(settings_.repo, settings_.remote)) return;
  try {
    const auto report = store::push_notes(sync_options(settings_, *ref));
    log_info("pushed profiles to {} ({})", settings_.remote, report.remote_url);
  } catch (const EnvironmentError& e) {
    log_warning("the profiles were stored locally but could not be pushed to {}: {}",
                settings_.remote, e.what());
  }
}

}  // namespace benchgate::gate
