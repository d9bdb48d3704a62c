#pragma once
// The JavaScript and CSS embedded in every flame graph SVG (flamegraph_svg.h). Kept apart from
// the layout code so that each reads on its own.
#include <string_view>

namespace benchgate::profile {

extern const std::string_view kFlamegraphCss;
// Expects, defined before it: NAMES (array of strings), F (frame table: [name, total, self] or,
// differential, [name, base total, head total, base self, head self]), DIFF (bool),
// TOTALS ([base, head]), GEOMETRY {width, pad, charWidth}.
extern const std::string_view kFlamegraphScript;

}  // namespace benchgate::profile
