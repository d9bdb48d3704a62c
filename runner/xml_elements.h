#pragma once
// The element tree of an XML file, for result formats that are XML (Catch2's --reporter xml),
// read with expat (Debian's libexpat): elements and their attributes, references decoded;
// character data, comments, processing instructions and CDATA are checked and skipped. A DOCTYPE
// (where entities are declared) is refused.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace benchgate::runner {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // values with references decoded
  std::vector<XmlElement> children;
  std::size_t line = 0;  // where its start tag is (1-based), for messages

  // The attribute's value, or nullptr.
  const std::string* attribute(std::string_view key) const;
};

// The root element of `text`. Throws InputError "line N: ..." for anything malformed; nesting
// deeper than 256 elements is refused rather than followed.
XmlElement parse_xml(std::string_view text);

}  // namespace benchgate::runner
