#include "cli/duration_option.h"

#include <fmt/format.h>

#include "core/duration.h"
#include "core/errors.h"

namespace benchgate::cli {

CLI::Option* add_duration_option(CLI::App& app, const std::string& name,
                                 std::function<void(double)> store, const std::string& help,
                                 double max_seconds) {
  return app
      .add_option_function<std::string>(
          name,
          [flag = name, store = std::move(store), max_seconds](const std::string& text) {
            const double seconds = parse_duration(text, flag);
            if (seconds > max_seconds)
              throw InputError(fmt::format("{} '{}': at most {:g}s", flag, text, max_seconds));
            store(seconds);
          },
          help)
      ->type_name("DURATION");
}

}  // namespace benchgate::cli
