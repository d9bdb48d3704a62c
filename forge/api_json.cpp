#include "forge/api_json.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/json_input.h"

namespace benchgate::forge {

nlohmann::json parse_api_json(const HttpResponse& response, std::string_view request) {
  try {
    return parse_json_text(response.body, fmt::format("response to {}", request));
  } catch (const InputError& e) {
    throw EnvironmentError(e.what());
  }
}

void read_api_fields(std::string_view request, const std::function<void()>& read) {
  try {
    read();
  } catch (const InputError& e) {
    throw EnvironmentError(fmt::format("unexpected response to {}: {}", request, e.what()));
  }
}

std::string to_request_body(const nlohmann::json& value) {
  // `replace`: invalid UTF-8 in a report must not abort publishing it.
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace benchgate::forge
