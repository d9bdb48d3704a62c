#pragma once
// Reading a forge's JSON answers. A malformed answer is the server's fault, not the user's, so
// core/json_input's InputErrors are re-thrown as EnvironmentError naming the request.
#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "forge/http_response.h"

namespace benchgate::forge {

// Parses `response.body`; `request` (e.g. "GET /user") names it in errors.
nlohmann::json parse_api_json(const HttpResponse& response, std::string_view request);

// Runs `read` (which uses core::json_field accessors) and turns its InputError into an
// EnvironmentError prefixed with `request`.
void read_api_fields(std::string_view request, const std::function<void()>& read);

// JSON text of `value` for a request body.
std::string to_request_body(const nlohmann::json& value);

}  // namespace benchgate::forge
