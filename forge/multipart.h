#pragma once
// multipart/form-data (RFC 7578) with one file part: what GitLab's uploads API takes (the flame
// graph SVGs embedded in merge-request notes). One part is all we send, so this stays small.
#include <string>
#include <string_view>

namespace benchgate::forge {

struct MultipartFile {
  std::string field;         // form field name ("file")
  std::string filename;      // sent in Content-Disposition; quotes and line breaks are replaced
  std::string content_type;  // of the part ("image/svg+xml")
  std::string_view content;
};

struct MultipartBody {
  std::string content_type;  // "multipart/form-data; boundary=..."
  std::string bytes;
};

// `boundary_seed` makes the boundary unpredictable across calls; a boundary that occurs in the
// content is never used (a new one is drawn).
MultipartBody multipart_form(const MultipartFile& file, unsigned long long boundary_seed);

}  // namespace benchgate::forge
