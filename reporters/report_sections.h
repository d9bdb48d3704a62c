#pragma once
// How the human-readable reports group and order rows: what changed first (the reason a reader
// opens the report), then what needs a closer look, then the quiet rest. Ordering only.
#include <string_view>
#include <vector>

#include "core/comparison.h"

namespace benchgate::report {

enum class Section {
  kChanged,    // regressions and improvements
  kAttention,  // BH warnings, inconclusive, untested, missing, or rows that carry errors
  kQuiet,      // unchanged and new
};

Section section_of(const BenchmarkComparison& row);
std::string_view section_title(Section section);

struct SectionRows {
  Section section;
  std::vector<const BenchmarkComparison*> rows;  // in display order
};

// The non-empty sections in display order. Within "changed": gate-blocking regressions, then
// unconfirmed ones, then improvements, each largest effect first; within "attention": warnings,
// inconclusive, missing, untested; otherwise the comparison's own order.
std::vector<SectionRows> sections_in_display_order(const Comparison& comparison);

}  // namespace benchgate::report
