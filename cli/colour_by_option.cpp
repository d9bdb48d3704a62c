#include "cli/colour_by_option.h"

namespace benchgate::cli {

CLI::Option* add_colour_by_option(CLI::App& app, const std::string& flag,
                                  profile::ColourBy& value) {
  // Checked as one of two words (the error lists them), then stored as the type.
  return app
      .add_option_function<std::string>(
          flag,
          [&value](const std::string& word) {
            value = word == "total" ? profile::ColourBy::kTotal : profile::ColourBy::kSelf;
          },
          "Differential flame graph: colour each frame by the change of its function's self "
          "share (samples where it is the leaf) or total share (samples with it on the stack); "
          "the table of function deltas ranks by the same (default: self)")
      ->check(CLI::IsMember({"self", "total"}));
}

}  // namespace benchgate::cli
