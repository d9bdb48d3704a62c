#pragma once
// The profile findings of a report in Markdown (a PR/MR comment): per changed benchmark a
// collapsed "Where the time went" section with the top function deltas and the flame graph, and
// the notes on what could not be profiled. Names of functions and benchmarks are untrusted
// (a pull request controls its symbols): every one goes through escape_markdown.
#include <string>

#include "core/report.h"

namespace benchgate::report {

// The top function deltas as a table, with where each side came from and the noise rule.
std::string function_delta_table(const FunctionDeltas& deltas);

// One finding: <details><summary>Where the time went: …</summary> what was compared (or why head
// alone), the table, and the SVG — its forge link or image when set, else its file name.
std::string profile_section(const ProfileFinding& finding);

// The notes, then the sections, of every finding of the report; "" when there is none.
std::string profile_sections(const Report& report);

}  // namespace benchgate::report
