#include "profile/profile_loader.h"

#include <fstream>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"
#include "profile/folded_format.h"
#include "profile/gzip_codec.h"
#include "profile/perf_tool.h"
#include "profile/pprof_format.h"
#include "profile/speedscope_format.h"

namespace benchgate::profile {
namespace {

enum class Format { kPerfData, kSpeedscope, kPerfScript, kFolded, kPprof, kGzip };

// How much of a file decides its format: enough for any header and the first sample.
constexpr std::size_t kDetectBytes = 64 * 1024;

bool ends_with_count(std::string_view line) {
  if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) return false;
  const auto space = line.find_last_of(" \t");
  if (space == std::string_view::npos || space + 1 == line.size()) return false;
  for (char c : line.substr(space + 1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Format detect_format(std::string_view head, const std::string& source) {
  head = head.substr(0, kDetectBytes);
  if (head.starts_with("PERFILE2")) return Format::kPerfData;
  if (is_gzip(head)) return Format::kGzip;
  if (looks_like_pprof(head)) return Format::kPprof;
  const auto first = head.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && head[first] == '{') return Format::kSpeedscope;
  // The first line that is neither empty nor a comment: a folded line ends with its count, a
  // perf script header ends with "event:" (plus, for some events, fields that are not a count).
  LineReader lines(head, source);
  std::string_view line;
  while (lines.next(line)) {
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == ' ' || line.front() == '\t') return Format::kPerfScript;
    return ends_with_count(line) ? Format::kFolded : Format::kPerfScript;
  }
  return Format::kFolded;  // empty: an empty profile either way
}

std::string read_head(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open", path.string()));
  std::string head(kDetectBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// A gzip file: pprof (its normal form on disk), or folded / perf script text compressed to
// save space. Decompressed in memory; the text formats then read it as they read a file.
void load_gzip(const std::filesystem::path& path, FrameTrie& trie, Side side,
               const LoadOptions& options, ProfileInfo& info) {
  // Text is rendered up to ~1.2 GB (docs/profiles.md#limits); a pprof inside is held to
  // kMaxPprofBytes by read_pprof.
  const std::string data = gzip_decompress(read_text_file(path), path.string(), kMaxGzipBytes);
  switch (detect_format(data, path.string())) {
    case Format::kPprof:
      read_pprof(data, path.string(), trie, side, options.pprof, info);
      break;
    case Format::kFolded: {
      LineReader lines(data, path.string());
      read_folded(lines, trie, side, info);
      break;
    }
    case Format::kPerfScript: {
      LineReader lines(data, path.string());
      fold_perf_script(lines, trie, side, options.fold, info);
      break;
    }
    default:
      throw InputError(
          fmt::format("{}: gzip-compressed, but neither pprof nor folded or perf script text; "
                      "decompress it first",
                      path.string()));
  }
}

}  // namespace

ProfileInfo load_profile_into(const std::filesystem::path& path, FrameTrie& trie, Side side,
                              const LoadOptions& options) {
  ProfileInfo info;
  switch (detect_format(read_head(path), path.string())) {
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
    case Format::kPprof:
      read_pprof(read_text_file(path), path.string(), trie, side, options.pprof, info);
      break;
    case Format::kGzip:
      load_gzip(path, trie, side, options, info);
      break;
  }
  return info;
}

Profile load_profile(const std::filesystem::path& path, const LoadOptions& options) {
  Profile profile;
  profile.info = load_profile_into(path, profile.trie, kBase, options);
  profile.trie.finish_loading();
  return profile;
}

}  // namespace benchgate::profile
