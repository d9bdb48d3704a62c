#pragma once
// The hand-off's event.json (docs/gate.md#fork-pull-requests-the-two-workflow-pattern): which PR,
// which head commit and which sticky comment a fork's gate run reports on. Written by the fork's
// run, so read strictly: publish checks each field against GitHub before it believes it.
#include <filesystem>
#include <string>

namespace benchgate::gate {

inline constexpr const char* kHandoffEventFile = "event.json";
inline constexpr const char* kHandoffReportFile = "report.md";

struct Handoff {
  long long pr_number = 0;
  std::string head_sha;
  std::string repository;  // owner/name of the base repository
  std::string marker_key;
  std::string verdict;  // pass, fail or neutral (informational)
};

// event.json's text for `handoff`.
std::string handoff_event_text(const Handoff& handoff);
// Reads `dir`/event.json; InputError naming the file and field.
Handoff read_handoff(const std::filesystem::path& dir);

}  // namespace benchgate::gate
