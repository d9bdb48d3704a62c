#pragma once
// The JavaScript and CSS embedded in every flame graph SVG (flamegraph_svg.h). Kept apart from
// the layout code so that each reads on its own.
#include <string_view>

namespace benchgate::profile {

extern const std::string_view kFlamegraphCss;
// Expects, defined before it: DIFF (bool), TOTALS ([base, head]), GEOMETRY {width, pad,
// charWidth}; and in the document an element id="frame-data" whose text is the JSON
// {"names": [...], "functions": [...], "frames": [...]}: per drawn frame, in the order of the
// <g>s, the numbers name index, total, self or, differential, name index, base total, head
// total, base self, head self, all in one flat array; differential, per name index, its
// function's base self, head self, base total and head total (profile/function_shares.h).
extern const std::string_view kFlamegraphScript;

}  // namespace benchgate::profile
