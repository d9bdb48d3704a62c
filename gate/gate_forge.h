#pragma once
// Where the gate's report goes besides the report directory: the GitHub sticky PR comment, check
// run and job summary, or the GitLab MR note. Publishing never decides the verdict: a missing or
// read-only token, a fork, or an unreachable API is a warning, and the exit code stays the
// verdict's (docs/gate.md#publishing).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "forge/access.h"
#include "forge/environment.h"
#include "forge/http_client.h"
#include "forge/redactor.h"
#include "forge/secret.h"
#include "gate/gate_context.h"
#include "gate/gate_summary.h"

namespace benchgate::gate {

// The token and HTTP options every forge call of the gate goes through (forge/access.h).
using forge::forge_access;
using forge::ForgeAccess;

// How a forge shows a finding's SVG in its comment (a link, an image), as Markdown; "" for the
// default (the file name in the report directory).
using SvgLink = std::function<std::string(const ProfileFinding&)>;
// The gate's report for a forge, given how that forge shows the flame graph SVGs.
using ReportWithLinks = std::function<GateReport(const SvgLink&)>;

// `attachments` with each SVG shown as `svg_link` says.
Attachments with_svg_links(Attachments attachments, const SvgLink& svg_link);

// The SVGs are in the workflow artifact the action uploads (input `artifact-name`, passed as
// $BENCHGATE_ARTIFACT_NAME): the comment links to the run page that lists it.
// On a pull request the hand-off (gate_handoff.h) of `verdicts` is written to `report_dir`.
void publish_to_github(const GateContext& context, const std::vector<SuiteVerdict>& verdicts,
                       const ReportWithLinks& report_for, const ForgeAccess& access,
                       const std::filesystem::path& report_dir, const forge::Environment& env);
// The SVGs are uploaded to the project (uploads API) and shown as images in the note; an upload
// that fails leaves the file name in the section and a warning in the log.
void publish_to_gitlab(const GateContext& context, const ReportWithLinks& report_for,
                       const ForgeAccess& access, const forge::Environment& env,
                       const std::filesystem::path& report_dir);

// Prints a warning line, redacted.
void forge_warning(const ForgeAccess& access, std::string_view text);

}  // namespace benchgate::gate
