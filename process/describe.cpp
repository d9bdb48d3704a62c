#include "process/describe.h"

#include <signal.h>
#include <string.h>

#include <fmt/format.h>

#include "core/text_lines.h"

namespace benchgate::process {
namespace {

const char* signal_name(int signo) {
  const char* abbrev = sigabbrev_np(signo);
  return abbrev ? abbrev : "?";
}

}  // namespace

std::string describe_outcome(const ChildOutcome& o, const ChildSpec& spec) {
  std::string how;
  if (o.exited)
    how = fmt::format("exited with status {}", o.exit_status);
  else if (o.signal)
    how = fmt::format("was killed by signal SIG{} ({}{})", signal_name(o.signal), o.signal,
                      o.signal == SIGSEGV ? ", segmentation fault" : "");
  if (o.timed_out && spec.timeout)
    how = fmt::format("timed out after {:g} s and was stopped ({})", spec.timeout->count(), how);
  if (o.interrupted) how = fmt::format("was stopped because benchgate was interrupted ({})", how);
  return how;
}

std::string last_lines(std::string_view text, std::size_t count, std::string_view prefix) {
  std::vector<std::string_view> lines;
  for (std::string_view line : physical_lines(text))
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
  std::string out;
  for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
    out += fmt::format("{}{}\n", prefix, lines[i]);
  return out;
}

std::string shell_quote_command(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& arg : argv) {
    if (!out.empty()) out += ' ';
    const bool plain = !arg.empty() && arg.find_first_not_of(
                                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789_-+=/.,:@%") == std::string::npos;
    if (plain) {
      out += arg;
      continue;
    }
    out += '\'';
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    out += '\'';
  }
  return out;
}

}  // namespace benchgate::process
