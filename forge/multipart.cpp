#include "forge/multipart.h"

#include <random>

#include <fmt/format.h>

namespace benchgate::forge {
namespace {

// A filename goes inside a quoted header parameter: a quote, backslash or line break there would
// end the header early (or start a new one), so they become '_'.
std::string header_safe(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '"' || c == '\\' || c == '\r' || c == '\n') ? '_' : c;
  return out;
}

}  // namespace

MultipartBody multipart_form(const MultipartFile& file, unsigned long long boundary_seed) {
  std::mt19937_64 random(boundary_seed);
  std::string boundary;
  do {
    boundary = fmt::format("benchgate-{:016x}{:016x}", random(), random());
  } while (file.content.find(boundary) != std::string_view::npos);

  MultipartBody body;
  body.content_type = "multipart/form-data; boundary=" + boundary;
  body.bytes = fmt::format(
      "--{}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\n"
      "Content-Type: {}\r\n\r\n",
      boundary, header_safe(file.field), header_safe(file.filename), file.content_type);
  body.bytes.append(file.content);
  body.bytes += fmt::format("\r\n--{}--\r\n", boundary);
  return body;
}

}  // namespace benchgate::forge
