#include "profile/diverging_colour.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace benchgate::profile {
namespace {

struct Lab {
  double l, a, b;
};

// sRGB (0..1, gamma-encoded) <-> CIELAB, D65 white (the sRGB standard's formulas).
double to_linear(double c) {
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double to_gamma(double c) {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}
constexpr double kWhite[3] = {0.95047, 1.0, 1.08883};
constexpr double kEpsilon = 216.0 / 24389, kKappa = 24389.0 / 27;
double lab_f(double t) {
  return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16) / 116;
}
double lab_f_inverse(double f) {
  const double t = f * f * f;
  return t > kEpsilon ? t : (116 * f - 16) / kKappa;
}

Lab to_lab(double r, double g, double b) {
  r = to_linear(r), g = to_linear(g), b = to_linear(b);
  const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / kWhite[0];
  const double y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / kWhite[1];
  const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / kWhite[2];
  const double fx = lab_f(x), fy = lab_f(y), fz = lab_f(z);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

std::string to_hex(const Lab& lab) {
  const double fy = (lab.l + 16) / 116;
  const double x = lab_f_inverse(fy + lab.a / 500) * kWhite[0];
  const double y = lab_f_inverse(fy) * kWhite[1];
  const double z = lab_f_inverse(fy - lab.b / 200) * kWhite[2];
  const double rgb[3] = {3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
                         -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
                         0.0556434 * x - 0.2040259 * y + 1.0572252 * z};
  int c[3];
  for (int i = 0; i < 3; ++i)
    c[i] = static_cast<int>(std::lround(255 * std::clamp(to_gamma(rgb[i]), 0.0, 1.0)));
  return fmt::format("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
}

// The map's points at 0, 1/4, 1/2, 3/4 and 1 (Moreland's table, sRGB 0..1).
const std::array<Lab, 5>& anchors() {
  static const std::array<Lab, 5> points = {
      to_lab(0.229805700, 0.298717966, 0.753683153),  // #3b4cc0
      to_lab(0.552953156, 0.688929332, 0.995375608),  // #8db0fe
      to_lab(0.865395197, 0.865395197, 0.865395197),  // #dddddd
      to_lab(0.955688793, 0.603499006, 0.483012143),  // #f49a7b
      to_lab(0.705673158, 0.015556160, 0.150232812),  // #b40426
  };
  return points;
}

}  // namespace

std::string diverging_colour(double t) {
  const double at = (std::clamp(std::isnan(t) ? 0.0 : t, -1.0, 1.0) + 1) * 2;  // 0..4
  const auto segment = std::min<std::size_t>(static_cast<std::size_t>(at), 3);
  const double f = at - static_cast<double>(segment);
  const Lab& from = anchors()[segment];
  const Lab& to = anchors()[segment + 1];
  return to_hex(
      {from.l + (to.l - from.l) * f, from.a + (to.a - from.a) * f, from.b + (to.b - from.b) * f});
}

}  // namespace benchgate::profile
