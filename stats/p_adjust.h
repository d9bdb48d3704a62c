#pragma once
// Adjusting p-values for testing many benchmarks at once (docs/design.md#statistics): without it,
// 100 unchanged benchmarks tested at alpha = 0.05 fail nearly every pull request. Results are in
// input order and equal R's p.adjust(p, "holm") / p.adjust(p, "BH"). NaN inputs are not allowed.
#include <span>
#include <vector>

namespace benchgate::stats {

// Holm's step-down adjustment: controls the family-wise error rate (the chance of any false
// alarm) at alpha when adjusted p <= alpha is rejected. Decides the gate.
std::vector<double> holm_adjust(std::span<const double> p);

// Benjamini–Hochberg step-up q-values: control the expected share of false discoveries among the
// rejected. Less strict than Holm; decides warnings.
std::vector<double> benjamini_hochberg_adjust(std::span<const double> p);

}  // namespace benchgate::stats
