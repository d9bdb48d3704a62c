#include "reporters/history_site.h"

#include "core/errors.h"

namespace benchgate::reporters {

// Placeholder until the site lands.
void write_history_site(const History&, const std::filesystem::path&) {
  throw InputError("--format html is not available in this build");
}

}  // namespace benchgate::reporters
