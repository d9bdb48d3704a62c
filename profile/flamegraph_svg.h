#pragma once
// Render: a self-contained interactive flame graph SVG (inline CSS and JS, nothing fetched), for
// one profile or a differential pair. One <g> per drawn frame inside <g id="frames">, in the
// order of the frame table the script holds, so the script never searches the DOM.
//   - plain: width = the frame's samples; warm colours by name, kernel (_[k]) orange, inlined
//     (_[i]) aqua, like FlameGraph.
//   - differential: width = the head's samples, plus room for frames that vanished (drawn
//     hatched, at their base share); colour = change of the frame's function's self share
//     (or, with colour_by total, its total share) in percentage points, on a diverging scale
//     (profile/diverging_colour.h) symmetric around 0 that spans the largest change drawn; a
//     legend under the subtitle shows the scale and its ends. The diff's top-N table ranks by
//     the same number (profile/function_shares.h), so its first row is the most saturated frame.
// Click zooms into a frame, "Search" (or Ctrl-F) highlights a regex, Esc resets; hovering
// shows the function's self and total shares, base -> head and the change. Frames narrower than
// `min_frame_px` are pruned, and the threshold doubles until the file fits `max_bytes`.
#include <cstddef>
#include <optional>
#include <string>

#include "profile/frame_trie.h"
#include "profile/function_shares.h"
#include "profile/profile_info.h"

namespace benchgate::profile {

struct RenderOptions {
  std::string title = "Flame Graph";
  std::string subtitle;                  // e.g. what was compared; generated when empty
  bool differential = false;             // base on kBase, head on kHead
  ColourBy colour_by = ColourBy::kSelf;  // differential: which share's change is the colour
  // differential: head time / base time as measured (flamegraph diff --ratio, the gate's
  // timing): the colour is then the change of time in % of the base's (change_points)
  std::optional<double> time_ratio;
  // differential: a function whose change does not pass the noise rule is drawn grey, as the
  // diff's table leaves it out (the same rule and numbers: flamegraph diff --min-samples/--min-z)
  NoiseRule noise;
  double width = 1200;
  double min_frame_px = 0.1;
  std::size_t max_bytes = 5 * 1024 * 1024;
};

std::string render_flamegraph_svg(const FrameTrie& trie, const RenderOptions& options);

}  // namespace benchgate::profile
