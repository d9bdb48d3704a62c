#include "cli/gate_profiles.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "cli/baseline_actions.h"
#include "cli/short_commit.h"
#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/run_record.h"
#include "git/remotes.h"
#include "profile/diff_report.h"
#include "profile/flamegraph_svg.h"
#include "profile/folded_format.h"
#include "profile/gzip_codec.h"
#include "profile/line_reader.h"
#include "profile/profile_diff.h"
#include "reporters/markdown_escape.h"
#include "store/notes_sync.h"
#include "store/profile_store.h"

namespace benchgate::cli {
namespace {
namespace fs = std::filesystem;
using report::escape_markdown;

// How stored profiles are packed (store/profile_store.h leaves it to us): folded text,
// gzip-compressed — or as it is when that is smaller (a profile of a few stacks is smaller than
// gzip's header and trailer).
constexpr std::string_view kFoldedGzip = "folded+gzip";
constexpr std::string_view kFolded = "folded";
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
std::optional<std::string> profile_ref(const GateFlags& flags) {
  const std::string spec = store::profile_store_spec(flags.store);
  if (spec.rfind("git:", 0) != 0) return std::nullopt;
  return BaselineCommon{flags.repo, spec}.notes_ref();
}

store::SyncOptions sync_options(const GateFlags& flags, const std::string& ref) {
  store::SyncOptions options;
  options.repo = flags.repo;
  options.remote = flags.remote;
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
  std::string packed = profile::gzip_compress(folded);
  const bool compress = packed.size() < folded.size();
  p.encoding = compress ? kFoldedGzip : kFolded;
  p.data = compress ? std::move(packed) : folded;
  p.size = folded.size();
}

// The folded text of a stored profile; nothing (after a warning) when its packing is unknown or
// its data corrupt.
std::optional<std::string> unpack(const store::StoredProfile& p, const std::string& what) {
  if (p.encoding == kFolded) return p.data;
  if (p.encoding != kFoldedGzip) {
    fmt::print(stderr,
               "benchgate: warning: {} is packed as \"{}\", which this benchgate does not read\n",
               what, p.encoding);
    return std::nullopt;
  }
  try {
    return profile::gzip_decompress(p.data, what);
  } catch (const InputError& e) {
    fmt::print(stderr, "benchgate: warning: {}\n", e.what());
    return std::nullopt;
  }
}

}  // namespace

std::string ProfileAttachment::section(std::string_view svg_markdown) const {
  std::string svg_line;
  if (!svg_markdown.empty())
    svg_line = std::string(svg_markdown);
  else if (!svg_file.empty())
    svg_line = fmt::format("{} flame graph in the report directory: `{}`",
                           differential ? "Differential" : "Head", svg_file);
  return fmt::format("\n<details>\n<summary>{}</summary>\n\n{}{}\n</details>\n", summary, body,
                     svg_line.empty() ? "" : "\n" + svg_line + "\n");
}

ProfileAttachment explain_with_profiles(const ProfileDiffInput& input, const fs::path& report_dir) {
  const BenchmarkComparison& row = *input.row;
  ProfileAttachment out;
  out.suite = input.suite;
  out.benchmark = row.name;
  out.verdict = row.verdict;
  out.summary = fmt::format("Where the time went: <code>{}</code> ({})",
                            report::escape_markdown_html(row.name),
                            report::escape_markdown_html(change_text(row)));

  profile::FrameTrie trie;
  std::string why_no_base = input.why_no_base;
  std::optional<profile::ProfileInfo> base;
  profile::ProfileInfo head;
  if (input.base_folded) {
    base = read_into(*input.base_folded, input.base_label, trie, profile::kBase);
    head = read_into(input.head_folded, input.head_label, trie, profile::kHead);
    try {
      profile::require_comparable(*base, head);
    } catch (const InputError& e) {
      why_no_base =
          fmt::format("the stored base profile cannot be compared: {}", escape_markdown(e.what()));
      base.reset();
    }
  }
  if (!base) {  // head alone, on the side a plain flame graph draws
    trie = profile::FrameTrie();
    head = read_into(input.head_folded, input.head_label, trie, profile::kBase);
  }

  profile::RenderOptions render;
  render.differential = base.has_value();
  render.title = fmt::format("{} / {}", input.suite, row.name);
  render.subtitle =
      base ? fmt::format("{} -> {}: {}", input.base_label, input.head_label, change_text(row))
           : fmt::format("{} only (no base profile)", input.head_label);
  out.differential = render.differential;
  out.svg_file = fmt::format("{}/{}-{}.svg", kFlamegraphDir, profile_file_stem(input.suite),
                             profile_file_stem(row.name));
  const fs::path svg = report_dir / out.svg_file;
  fs::create_directories(svg.parent_path());
  write_file_atomically(svg, profile::render_flamegraph_svg(trie, render));

  if (!base) {
    out.body = fmt::format("> {}: showing head only ({} {} samples).\n", why_no_base, head.samples,
                           escape_markdown(head.event));
    return out;
  }
  profile::DiffOptions options;
  options.time_ratio = time_ratio(row);
  if (options.time_ratio) options.base_time_ns = row.base_median;
  const profile::ProfileDiff diff = profile::diff_profiles(trie, *base, head, options);
  out.body = fmt::format("Self time by function, base vs head ({} samples):\n\n{}",
                         escape_markdown(head.event.empty() ? "perf" : head.event),
                         profile::diff_markdown(diff));
  return out;
}

ProfileMode gate_profile_mode(const GateFlags& flags, const Config& config) {
  if (flags.profile.empty()) return config.run.profile.mode;
  return profile_mode_from_string(flags.profile).value_or(ProfileMode::kNone);
}

GateProfiles::GateProfiles(const GateFlags& flags, const Config& config, const GateContext& context)
    : flags_(flags),
      config_(config),
      context_(context),
      settings_(config.run.profile),
      profiler_(settings_, /*quiet=*/false) {
  settings_.mode = gate_profile_mode(flags, config);
}

const SuiteConfig* GateProfiles::profilable_suite(const std::string& name, std::string& why_not) {
  const SuiteConfig* suite = config_.suite(name);
  if (!suite)
    why_not =
        fmt::format("suite {} is not a [[suite]] of the config, so it cannot be run here", name);
  else if (!is_gbench_suite(*suite))
    why_not = fmt::format(
        "suite {} is timed as a whole command; profiles are taken of Google Benchmark suites",
        name);
  return why_not.empty() ? suite : nullptr;
}

const CapturedProfile* GateProfiles::capture(const SuiteConfig& suite, const std::string& benchmark,
                                             std::size_t index, std::size_t count) {
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
    const auto ref = profile_ref(flags_);
    if (ref && !flags_.no_fetch && git::remote_exists(flags_.repo, flags_.remote)) {
      try {
        const auto report = store::fetch_notes(sync_options(flags_, *ref));
        fmt::print(stderr, "benchgate: fetched profiles from {} ({} note(s) merged)\n",
                   flags_.remote, report.notes_merged);
      } catch (const EnvironmentError& e) {
        fmt::print(stderr,
                   "benchgate: warning: could not fetch profiles from {}: {}; using the profiles "
                   "of this clone only\n",
                   flags_.remote, e.what());
      }
    }
  }
  const auto store = store::open_profile_store(flags_.store, flags_.repo);
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
    notes_[changes[i].verdict->suite].push_back(
        fmt::format("{} was not profiled: the gate profiles the {} largest changes only.",
                    escape_markdown(changes[i].row->name), kMaxExplained));
  if (changes.size() > budget) changes.resize(budget);
  explained_ += changes.size();
  return changes;
}

void GateProfiles::attach(const Change& change, const CapturedProfile& head,
                          std::optional<std::string> base_folded, const std::string& base_label,
                          const std::string& head_label, const std::string& why_no_base) {
  ProfileDiffInput input;
  input.suite = change.verdict->suite;
  input.row = change.row;
  input.head_folded = head.folded;
  input.head_label = head_label;
  input.base_folded = std::move(base_folded);
  input.base_label = base_label;
  input.why_no_base = why_no_base;
  attachments_.push_back(explain_with_profiles(input, flags_.report_dir));
  fmt::print(stderr, "benchgate: {} flame graph of {} written to {}\n",
             attachments_.back().differential ? "differential" : "head-only", change.row->name,
             (fs::path(flags_.report_dir) / attachments_.back().svg_file).string());
}

void GateProfiles::head_not_captured(const Change& change) {
  notes_[change.verdict->suite].push_back(
      fmt::format("{}: the profile of head could not be captured (see the job log).",
                  escape_markdown(change.row->name)));
}

void GateProfiles::explain_changes(const std::vector<SuiteVerdict>& verdicts) {
  if (settings_.mode == ProfileMode::kNone) return;
  std::vector<Change> changes;
  for (const auto& v : verdicts) {
    if (!v.has_baseline) continue;
    for (const auto& row : v.comparison.benchmarks)
      if (is_change(row.verdict)) changes.push_back({&v, &row});
  }
  if (changes.empty()) return;
  changes = take_largest_changes(std::move(changes));
  // Suites that cannot be profiled here are said once each, instead of once per benchmark.
  std::map<std::string, const SuiteConfig*> suites;
  for (const auto& c : changes) {
    const std::string& name = c.verdict->suite;
    if (suites.count(name)) continue;
    std::string why_not;
    suites[name] = profilable_suite(name, why_not);
    if (!suites[name]) notes_[name].push_back(escape_markdown(why_not) + ": no profiles.");
  }
  const bool any = std::any_of(suites.begin(), suites.end(), [](auto& s) { return s.second; });
  if (any && !profiler_usable(suites)) return;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const SuiteVerdict& v = *changes[i].verdict;
    const std::string& benchmark = changes[i].row->name;
    const SuiteConfig* suite = suites[v.suite];
    if (!suite) continue;
    const CapturedProfile* head = capture(*suite, benchmark, i + 1, changes.size());
    if (!head) {
      head_not_captured(changes[i]);
      continue;
    }
    std::string base_commit;
    auto base = base_profile(v, benchmark, base_commit);
    attach(changes[i], *head, std::move(base), "commit " + short_commit(base_commit),
           "commit " + short_commit(context_.head),
           fmt::format("no base profile stored for {} (testbed {})",
                       v.baseline_commits.empty()
                           ? "the baseline"
                           : "`" + short_commit(v.baseline_commits.front()) + "`",
                       escape_markdown(v.testbed)));
  }
}

void GateProfiles::explain_interleaved(const SuiteConfig& base_suite, const SuiteConfig& head_suite,
                                       const SuiteVerdict& verdict,
                                       const std::string& base_commit) {
  if (settings_.mode == ProfileMode::kNone) return;
  std::vector<Change> changes;
  for (const auto& row : verdict.comparison.benchmarks)
    if (is_change(row.verdict)) changes.push_back({&verdict, &row});
  if (changes.empty()) return;
  changes = take_largest_changes(std::move(changes));
  if (!is_gbench_suite(head_suite)) {
    notes_[verdict.suite].push_back(fmt::format(
        "suite {} is timed as a whole command; profiles are taken of Google Benchmark suites: no "
        "profiles.",
        escape_markdown(verdict.suite)));
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
    attach(changes[i], *head,
           base ? std::optional<std::string>(std::move(base->folded)) : std::nullopt,
           "commit " + short_commit(base_commit), "commit " + short_commit(context_.head),
           "the profile of the base build could not be captured (see the job log)");
  }
}

bool GateProfiles::profiler_usable(const std::map<std::string, const SuiteConfig*>& suites) {
  if (profiler_.usable()) return true;
  for (const auto& [name, suite] : suites)
    if (suite)
      notes_[name].push_back("Profiles were requested but not captured: " +
                             escape_markdown(profiler_.why_not()));
  return false;
}

void GateProfiles::record(const std::vector<SuiteHead>& heads) {
  if (settings_.mode != ProfileMode::kAll || !context_.record) return;
  struct Target {
    const SuiteConfig* suite;
    const SuiteHead* head;
  };
  std::vector<Target> targets;
  std::size_t count = 0;
  for (const auto& h : heads) {
    if (!h.complete) continue;  // not recorded as a baseline, so no profiles either
    std::string why_not;
    const SuiteConfig* suite = profilable_suite(h.name, why_not);
    if (!suite) {
      fmt::print(stderr, "benchgate: {}: no profiles recorded\n", why_not);
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
    const auto store = store::open_profile_store(flags_.store, flags_.repo);
    store->save(context_.head, profiles);
    fmt::print(stderr, "benchgate: stored {} profile(s) of {} in {}\n", profiles.size(),
               short_commit(context_.head), store->describe());
  } catch (const std::runtime_error& e) {  // InputError or EnvironmentError: never fatal here
    fmt::print(stderr, "benchgate: warning: the profiles were not stored: {}\n", e.what());
    return;
  }
  const auto ref = profile_ref(flags_);
  if (!ref || flags_.no_push || !git::remote_exists(flags_.repo, flags_.remote)) return;
  try {
    const auto report = store::push_notes(sync_options(flags_, *ref));
    fmt::print(stderr, "benchgate: pushed profiles to {} ({})\n", flags_.remote, report.remote_url);
  } catch (const EnvironmentError& e) {
    fmt::print(stderr,
               "benchgate: warning: the profiles were stored locally but could not be pushed to "
               "{}: {}\n",
               flags_.remote, e.what());
  }
}

SuiteAppendix GateProfiles::appendix(const SvgLink& svg_link) const {
  SuiteAppendix out;
  for (const auto& [suite, notes] : notes_)
    for (const auto& note : notes) out[suite] += "\n> " + note + "\n";
  for (const auto& a : attachments_)
    out[a.suite] += a.section(svg_link && !a.svg_file.empty() ? svg_link(a) : std::string());
  return out;
}

}  // namespace benchgate::cli
