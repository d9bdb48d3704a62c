#include "profile/perf_script_parser.h"

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "profile/demangle.h"
#include "profile/folded_format.h"
#include "profile/string_hash.h"

namespace benchgate::profile {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split_blanks(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_blank(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !is_blank(text[i])) ++i;
    if (i > start) tokens.push_back(text.substr(start, i - start));
  }
  return tokens;
}

// "3007.131478:" — the one header token with a fixed shape, so the others are found from it
// (the comm before it may contain spaces: "Web Content").
bool is_timestamp(std::string_view token) {
  if (token.size() < 4 || token.back() != ':') return false;
  token.remove_suffix(1);
  const auto dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == token.size()) return false;
  return std::all_of(token.begin(), token.begin() + static_cast<std::ptrdiff_t>(dot), is_digit) &&
         std::all_of(token.begin() + static_cast<std::ptrdiff_t>(dot) + 1, token.end(), is_digit);
}

bool is_pid(std::string_view token) {  // "21527" or "21527/21530"
  return !token.empty() &&
         std::all_of(token.begin(), token.end(), [](char c) { return is_digit(c) || c == '/'; });
}

// "cpu-clock:pppH:" -> "cpu-clock", "cycles:u:" -> "cycles"; "sched:sched_switch:" stays whole
// because "sched_switch" is not a set of perf's modifier letters.
std::string event_name(std::string_view token) {
  if (!token.empty() && token.back() == ':') token.remove_suffix(1);
  const auto colon = token.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < token.size() &&
      token.substr(colon + 1).find_first_not_of("ukhIGHpPSDWe") == std::string_view::npos) {
    token = token.substr(0, colon);
  }
  return std::string(token);
}

struct Header {
  bool ok = false;
  std::string event;
  std::string_view comm;
};

Header parse_header(std::string_view line) {
  Header header;
  const auto tokens = split_blanks(line);
  std::size_t time_index = tokens.size();
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (is_timestamp(tokens[i])) {
      time_index = i;
      break;
    }
  }
  std::size_t event_index = tokens.size();
  if (time_index < tokens.size()) {
    event_index = time_index + 1;
    if (event_index < tokens.size() &&
        std::all_of(tokens[event_index].begin(), tokens[event_index].end(), is_digit)) {
      ++event_index;  // the period
    }
    std::size_t pid_index = time_index - 1;
    if (tokens[pid_index].starts_with('[') && pid_index > 0) --pid_index;  // "[000]" cpu
    if (is_pid(tokens[pid_index]) && pid_index > 0) {
      header.comm =
          trim(line.substr(0, static_cast<std::size_t>(tokens[pid_index].data() - line.data())));
    } else {
      header.comm = tokens[0];
    }
  } else {  // perf script -F without time: the first "word:" token after the comm
    for (std::size_t i = 1; i < tokens.size(); ++i) {
      if (tokens[i].size() > 1 && tokens[i].back() == ':' && !is_digit(tokens[i].front())) {
        event_index = i;
        break;
      }
    }
    if (!tokens.empty()) header.comm = tokens[0];
  }
  if (event_index >= tokens.size() || tokens[event_index].back() != ':') return header;
  header.event = event_name(tokens[event_index]);
  header.ok = !header.event.empty();
  return header;
}

std::string_view basename_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_kernel_dso(std::string_view dso) {
  return dso.starts_with("[kernel") || dso.starts_with("[guest.kernel");
}

// Turns frame lines into trie names. perf repeats the same few thousand "symbol+off (dso)"
// texts across millions of lines, so each distinct text is demangled and interned once.
class FrameNamer {
 public:
  explicit FrameNamer(FrameTrie& trie) : trie_(trie) {}

  // `text` is the frame line after its address. Returns false when it is not a frame.
  NameId name(std::string_view text) {
    if (auto found = cache_.find(text); found != cache_.end()) return found->second;
    std::string_view symbol = text;
    std::string_view dso;
    if (!text.empty() && text.back() == ')') {
      const auto open = text.rfind(" (");
      if (open != std::string_view::npos) {
        dso = text.substr(open + 2, text.size() - open - 3);
        symbol = text.substr(0, open);
      }
    }
    const NameId id = trie_.intern(perf_frame_name(trim(symbol), dso));
    cache_.emplace(std::string(text), id);
    return id;
  }

 private:
  FrameTrie& trie_;
  std::unordered_map<std::string, NameId, TransparentStringHash, std::equal_to<>> cache_;
};

}  // namespace

std::string perf_frame_name(std::string_view symbol, std::string_view dso) {
  // "name+0x1e" -> "name"
  if (const auto plus = symbol.rfind("+0x");
      plus != std::string_view::npos && plus > 0 && plus + 3 < symbol.size() &&
      std::all_of(symbol.begin() + static_cast<std::ptrdiff_t>(plus) + 3, symbol.end(), is_hex)) {
    symbol = symbol.substr(0, plus);
  }
  std::string name;
  if (symbol.empty() || symbol == "[unknown]") {
    const bool known_dso = !dso.empty() && dso != "[unknown]" && dso != "inlined";
    name = known_dso ? fmt::format("[{}]", basename_of(dso)) : "[unknown]";
  } else if (looks_mangled(symbol)) {
    name = demangle_symbol(symbol);
  } else {
    name = std::string(symbol);
  }
  name = sanitize_frame_name(std::move(name));
  if (is_kernel_dso(dso)) name += "_[k]";
  if (dso == "inlined") name += "_[i]";
  return name;
}

// Long on purpose (about 80 lines): one streaming pass over perf script's sample blocks, whose
// state (event, stack, malformed counts) the steps share.
void fold_perf_script(LineReader& lines, FrameTrie& trie, Side side, const FoldOptions& options,
                      ProfileInfo& info) {
  info.source = lines.source();
  info.format = "perf-script";
  info.unit = std::string(kUnitSamples);
  info.event = options.event;
  FrameNamer namer(trie);
  std::vector<NameId> frames;  // leaf first, as perf prints them
  bool in_sample = false;
  bool keep_sample = false;
  std::string comm;
  std::uint64_t other_event_samples = 0;
  std::string other_events;
  std::uint64_t without_callchain = 0;

  const auto finish_sample = [&] {
    if (in_sample && keep_sample) {
      NodeId node = kRootNode;
      if (options.include_process_name) node = trie.child(node, trie.intern(comm));
      if (frames.empty()) {
        ++without_callchain;
        frames.push_back(trie.intern(kNoCallchainFrame));
      }
      for (auto it = frames.rbegin(); it != frames.rend(); ++it) node = trie.child(node, *it);
      trie.add_samples(node, side, 1);
      ++info.samples;
    }
    in_sample = false;
    frames.clear();
  };

  std::string_view line;
  while (lines.next(line)) {
    if (line.empty() || trim(line).empty()) {
      finish_sample();
      continue;
    }
    if (line.front() == '#') continue;  // `perf script --header` comments
    if (!is_blank(line.front())) {
      finish_sample();
      const Header header = parse_header(line);
      in_sample = true;
      keep_sample = false;
      if (!header.ok) {
        info.warnings.malformed(info.source, lines.line_number(),
                                "not a perf script sample header (comm pid time: event:)");
        continue;
      }
      if (info.event.empty()) info.event = header.event;
      if (header.event != info.event) {
        ++other_event_samples;
        if (other_events.find(header.event) == std::string::npos) {
          other_events += (other_events.empty() ? "" : ", ") + header.event;
        }
        continue;
      }
      keep_sample = true;
      if (options.include_process_name) comm = sanitize_frame_name(std::string(header.comm));
      continue;
    }
    // A frame line: blanks, a hex address, then "symbol+off (dso)".
    std::string_view rest = trim(line);
    std::size_t address_end = 0;
    while (address_end < rest.size() && is_hex(rest[address_end])) ++address_end;
    if (!in_sample || address_end == 0 ||
        (address_end < rest.size() && !is_blank(rest[address_end]))) {
      info.warnings.malformed(info.source, lines.line_number(),
                              in_sample ? "frame line without a hex address"
                                        : "frame line outside a sample (no header before it)");
      continue;
    }
    if (keep_sample) frames.push_back(namer.name(trim(rest.substr(address_end))));
  }
  finish_sample();
  if (other_event_samples > 0) {
    info.warnings.notes.push_back(fmt::format(
        "skipped {} samples of other events ({}); this profile keeps '{}' (select with --event)",
        other_event_samples, other_events, info.event));
  }
  if (without_callchain > 0) {
    info.warnings.notes.push_back(fmt::format(
        "{} samples have no call chain (record with -g or --call-graph dwarf)", without_callchain));
  }
}

}  // namespace benchgate::profile
