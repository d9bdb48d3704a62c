#include "history/site_flamegraphs.h"

#include <optional>
#include <string>

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/log.h"
#include "profile/flamegraph_svg.h"
#include "profile/folded_format.h"
#include "profile/folded_packing.h"
#include "profile/line_reader.h"
#include "profile/profile_info.h"

namespace benchgate::history {
namespace {

constexpr const char* kDirectory = "flamegraphs";

// A file name from untrusted names: the series' and change's positions make it unique, the
// benchmark's name (letters, digits, '.', '_' and '-' only, at most 60) makes it readable.
std::string file_name(std::size_t series, std::size_t change, const std::string& benchmark) {
  std::string readable;
  for (char c : benchmark) {
    if (readable.size() == 60) break;
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    readable += plain ? c : '_';
  }
  return fmt::format("s{}-c{}-{}.svg", series, change, readable);
}

// The stored profile of the series' benchmark on `commit`, unpacked and read into `side`.
std::optional<profile::ProfileInfo> read_side(const store::ProfileStore& profiles,
                                              const HistorySeries& s, const std::string& commit,
                                              profile::FrameTrie& trie, profile::Side side) {
  const auto stored = profiles.load(commit, s.testbed, s.suite, s.benchmark);
  if (!stored) return std::nullopt;
  const std::string label = fmt::format("the profile of {} on {}", s.benchmark, commit);
  const std::string folded =
      profile::unpack_folded(stored->encoding, stored->data, label, stored->size);
  profile::ProfileInfo info;
  profile::LineReader lines(folded, label);
  profile::read_folded(lines, trie, side, info);
  return info;
}

// The flame graph of one change, or nothing when a side has no profile.
std::optional<std::string> render_change(const store::ProfileStore& profiles,
                                         const HistorySeries& s, const HistoryChange& c) {
  profile::FrameTrie trie;
  const auto before = read_side(profiles, s, c.last_before, trie, profile::kBase);
  if (!before) return std::nullopt;
  const auto after = read_side(profiles, s, c.first_after, trie, profile::kHead);
  if (!after) return std::nullopt;
  profile::require_comparable(*before, *after);
  profile::RenderOptions options;
  options.differential = true;
  options.title = fmt::format("{}: {:.7} -> {:.7}", s.benchmark, c.last_before, c.first_after);
  return profile::render_flamegraph_svg(trie, options);
}

}  // namespace

std::size_t write_site_flamegraphs(History& history, const store::ProfileStore& profiles,
                                   const std::filesystem::path& site) {
  std::size_t written = 0;
  for (std::size_t i = 0; i < history.series.size(); ++i) {
    HistorySeries& s = history.series[i];
    for (std::size_t k = 0; k < s.changes.size(); ++k) {
      HistoryChange& c = s.changes[k];
      std::optional<std::string> svg;
      try {
        svg = render_change(profiles, s, c);
      } catch (const InputError& e) {
        log_warning("no flame graph for the change of {} at {}: {}", s.benchmark, c.first_after,
                    e.what());
      }
      if (!svg) continue;
      const std::string relative = std::string(kDirectory) + "/" + file_name(i, k, s.benchmark);
      std::filesystem::create_directories(site / kDirectory);
      write_file_atomically(site / relative, *svg);
      c.flamegraph = relative;
      ++written;
    }
  }
  return written;
}

}  // namespace benchgate::history
