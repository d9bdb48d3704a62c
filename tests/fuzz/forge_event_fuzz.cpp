// CI events: a GitHub event payload read by read_github_context from $GITHUB_EVENT_PATH (the
// first byte picks the event name), or GitLab CI's CI_*
// variables as `NAME=value` lines read by read_gitlab_context. Only InputError may escape.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/errors.h"
#include "forge/environment.h"
#include "forge/event.h"
#include "tests/fuzz/fuzz_file.h"

namespace {

constexpr std::array<const char*, 5> kEvents = {"pull_request", "pull_request_target", "push",
                                                "workflow_dispatch", "schedule"};

// `NAME=value` lines as an environment (a line without '=' is a variable set to "").
benchgate::forge::Environment lines_as_environment(std::string_view text) {
  std::map<std::string, std::string, std::less<>> variables;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    const std::size_t equals = line.find('=');
    variables[std::string(line.substr(0, equals))] =
        equals == std::string_view::npos ? "" : std::string(line.substr(equals + 1));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  return benchgate::forge::map_environment(std::move(variables));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace benchgate;
  if (size == 0) return 0;
  // The first byte modulo 8: an index into kEvents, or GitLab for 5-7.
  const std::size_t choice = data[0] % 8;
  try {
    if (choice < kEvents.size()) {
      const auto path = fuzz::write_input("event.json", data + 1, size - 1);
      const forge::Environment env = forge::map_environment({
          {"GITHUB_ACTIONS", "true"},
          {"GITHUB_EVENT_NAME", kEvents[choice]},
          {"GITHUB_EVENT_PATH", path.string()},
          {"GITHUB_REPOSITORY", "owner/name"},
          {"GITHUB_SHA", "0123456789012345678901234567890123456789"},
      });
      const forge::GithubContext context = forge::read_github_context(env);
      if (context.event.pull_request) (void)context.event.pull_request->from_fork();
      if (context.event.push) (void)context.event.push->to_default_branch();
    } else {
      const forge::Environment env =
          lines_as_environment(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
      (void)forge::detect_ci(env);
      const forge::GitlabContext context = forge::read_gitlab_context(env);
      if (context.merge_request) (void)context.merge_request->from_fork();
      (void)context.on_default_branch();
    }
  } catch (const InputError&) {
  }
  return 0;
}
