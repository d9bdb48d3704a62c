#include "profile/profile_loader.h"

#include <fstream>

#include <fmt/format.h>

#include "core/errors.h"
#include "profile/folded_format.h"
#include "profile/perf_tool.h"
#include "profile/speedscope_format.h"

namespace benchgate::profile {
namespace {

enum class Format { kPerfData, kSpeedscope, kPerfScript, kFolded, kGzip };

bool ends_with_count(std::string_view line) {
  if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return false;
  const auto space = line.find_last_of(" \t");
  if (space == std::string_view::npos || space + 1 == line.size()) return false;
  for (char c : line.substr(space + 1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Decides from the first 64 KiB: enough for any header and the first sample.
Format detect_format(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open", path.string()));
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.starts_with("PERFILE2")) return Format::kPerfData;
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
      static_cast<unsigned char>(head[1]) == 0x8b) {
    return Format::kGzip;
  }
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && head[first] == '{') return Format::kSpeedscope;
  // The first line that is neither empty nor a comment: a folded line ends with its count, a
  // perf script header ends with "event:" (plus, for some events, fields that are not a count).
  LineReader lines(head, path.string());
  std::string_view line;
  while (lines.next(line)) {
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == ' ' || line.front() == '\t') return Format::kPerfScript;
    return ends_with_count(line) ? Format::kFolded : Format::kPerfScript;
  }
  return Format::kFolded;  // empty: an empty profile either way
}

}  // namespace

ProfileInfo load_profile_into(const std::filesystem::path& path, FrameTrie& trie, Side side,
                              const LoadOptions& options) {
  ProfileInfo info;
  switch (detect_format(path)) {
    case Format::kPerfData: {
      const std::string text = run_perf_script(path, options.perf_program);
      LineReader lines(text, path.string());
      fold_perf_script(lines, trie, side, options.fold, info);
      info.format = "perf.data";
      break;
    }
    case Format::kSpeedscope:
      read_speedscope(path, trie, side, info);
      break;
    case Format::kPerfScript: {
      LineReader lines(path);
      fold_perf_script(lines, trie, side, options.fold, info);
      break;
    }
    case Format::kFolded: {
      LineReader lines(path);
      read_folded(lines, trie, side, info);
      break;
    }
    case Format::kGzip:
      throw InputError(
          fmt::format("{}: gzip-compressed input (pprof?) is not supported yet; "
                      "convert it with `pprof -raw` or give folded stacks",
                      path.string()));
  }
  return info;
}

Profile load_profile(const std::filesystem::path& path, const LoadOptions& options) {
  Profile profile;
  profile.info = load_profile_into(path, profile.trie, kBase, options);
  return profile;
}

}  // namespace benchgate::profile
