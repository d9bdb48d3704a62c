#include "cli/colour_by_option.h"

#include <map>

namespace benchgate::cli {

CLI::Option* add_colour_by_option(CLI::App& app, const std::string& flag,
                                  profile::ColourBy& value) {
  static const std::map<std::string, profile::ColourBy> kNames = {
      {"self", profile::ColourBy::kSelf}, {"total", profile::ColourBy::kTotal}};
  return app
      .add_option(flag, value,
                  "Differential flame graph: colour each frame by the change of its function's "
                  "self share (samples where it is the leaf) or total share (samples with it on "
                  "the stack); the table of function deltas ranks by the same (default: self)")
      ->transform(CLI::CheckedTransformer(kNames));
}

}  // namespace benchgate::cli
