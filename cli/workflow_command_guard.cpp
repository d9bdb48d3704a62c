#include "cli/workflow_command_guard.h"

#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <string_view>

namespace benchgate::cli {
namespace {

// One stream's filter state. A ':' at the start of a line is held back until the next byte says
// whether a second one follows, so a `::` split across two writes is caught too.
struct Guard {
  int fd;
  bool at_line_start = true;
  bool colon_held = false;
};

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

ssize_t guarded_write(void* cookie, const char* data, size_t size) {
  auto& g = *static_cast<Guard*>(cookie);
  std::string out;
  out.reserve(size + 2);
  for (size_t i = 0; i < size; ++i) {
    const char c = data[i];
    if (g.colon_held) {
      g.colon_held = false;
      out += c == ':' ? " :" : ":";
    } else if (g.at_line_start && c == ':') {
      g.colon_held = true;
      g.at_line_start = false;
      continue;
    }
    out += c;
    g.at_line_start = c == '\n';
  }
  if (!write_all(g.fd, out)) return -1;
  return static_cast<ssize_t>(size);
}

int guarded_close(void* cookie) {
  auto& g = *static_cast<Guard*>(cookie);
  if (g.colon_held) write_all(g.fd, ":");
  g.colon_held = false;
  return 0;
}

FILE* guarded_stream(Guard& guard, int buffering) {
  cookie_io_functions_t io{};
  io.write = guarded_write;
  io.close = guarded_close;
  FILE* stream = fopencookie(&guard, "w", io);
  if (stream) setvbuf(stream, nullptr, buffering, BUFSIZ);
  return stream;
}

}  // namespace

void guard_workflow_commands() {
  const char* actions = std::getenv("GITHUB_ACTIONS");
  if (!actions || std::string_view(actions) != "true") return;
  // Never freed: they serve stdout and stderr until exit, which flushes and closes them.
  static Guard out{STDOUT_FILENO}, err{STDERR_FILENO};
  fflush(stdout);
  fflush(stderr);
  // Buffered as before: stdout by lines, stderr not at all.
  if (FILE* s = guarded_stream(out, _IOLBF)) stdout = s;
  if (FILE* s = guarded_stream(err, _IONBF)) stderr = s;
}

}  // namespace benchgate::cli
