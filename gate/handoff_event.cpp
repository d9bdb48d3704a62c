#include "gate/handoff_event.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_input.h"
#include "forge/ascii.h"
#include "forge/sticky_comment.h"

namespace benchgate::gate {
namespace fs = std::filesystem;
namespace jf = json_field;

std::string handoff_event_text(const Handoff& h) {
  const nlohmann::json event = {{"pr_number", h.pr_number},
                                {"head_sha", h.head_sha},
                                {"repository", h.repository},
                                {"marker_key", h.marker_key},
                                {"verdict", h.verdict}};
  return event.dump(2) + "\n";
}

Handoff read_handoff(const fs::path& dir) {
  const fs::path event_path = dir / kHandoffEventFile;
  nlohmann::json event = read_json_file(event_path);
  Handoff h;
  try {
    jf::object(event, "(document)");
    h.pr_number = jf::integer(jf::member(event, "pr_number", ""), "pr_number");
    h.head_sha = jf::string(jf::member(event, "head_sha", ""), "head_sha");
    h.repository = jf::string(jf::member(event, "repository", ""), "repository");
    h.marker_key = jf::string(jf::member(event, "marker_key", ""), "marker_key");
    if (const auto* verdict = jf::optional_member(event, "verdict", ""))
      h.verdict = jf::string(*verdict, "verdict");
    if (h.pr_number <= 0)
      throw InputError(fmt::format("field `pr_number`: {} is not a PR number", h.pr_number));
    if (!forge::is_commit_sha(h.head_sha))
      throw InputError(fmt::format("field `head_sha`: `{}` is not a commit id", h.head_sha));
    forge::sticky_marker(h.marker_key);  // refuses a key that could break out of the marker
  } catch (const InputError& e) {
    throw InputError(fmt::format("{}: {}", event_path.string(), e.what()));
  }
  return h;
}

}  // namespace benchgate::gate
