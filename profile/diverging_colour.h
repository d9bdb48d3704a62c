#pragma once
// The colour scale of differential flame graphs: Moreland's "cool to warm" diverging map
// (K. Moreland, "Diverging Color Maps for Scientific Visualization", ISVC 2009; matplotlib's and
// ParaView's "coolwarm"). Blue #3b4cc0 for the largest shrink, a neutral grey #dddddd at no
// change, red #b40426 for the largest growth; lightness falls evenly towards both ends, so the
// eye reads a stronger colour as a larger change whatever its sign. It is interpolated in
// CIELAB between five of the map's published points (0, 1/4, 1/2, 3/4, 1), which keeps the
// steps perceptually even (the map itself is defined in Msh, a polar form of CIELAB).
#include <string>

namespace benchgate::profile {

// `t` in [-1, 1] (clamped): -1 the bluest, 0 grey, +1 the reddest. "#rrggbb".
std::string diverging_colour(double t);

}  // namespace benchgate::profile
