#include "runner/xml_elements.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "core/errors.h"
#include "core/utf8.h"

namespace benchgate::runner {
namespace {

constexpr std::size_t kMaxDepth = 256;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  XmlElement document() {
    skip_misc();
    if (at_end() || peek() != '<')
      fail(at_end() ? "no root element: the file is empty" : "expected `<` (a start tag)");
    XmlElement root = element();
    skip_misc();
    if (!at_end()) fail("text after the root element's end tag");
    return root;
  }

 private:
  [[noreturn]] void fail(std::string_view why) {
    throw InputError(fmt::format("line {}: {}", line_here(), why));
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  bool starts(std::string_view s) const { return text_.substr(pos_).starts_with(s); }
  void skip_spaces() {
    while (!at_end() && is_space(peek())) ++pos_;
  }
  // Skips to just past `end`, or fails naming `what` was never closed.
  void skip_past(std::string_view end, std::string_view what) {
    const std::size_t found = text_.find(end, pos_);
    if (found == std::string_view::npos) fail(fmt::format("{} is never closed", what));
    pos_ = found + end.size();
  }
  // The line of `pos_`, counted on from the last position asked about: the reader only moves
  // forward, so a file's newlines are counted once, not once per element.
  std::size_t line_here() {
    counted_lines_ += static_cast<std::size_t>(
        std::count(text_.begin() + counted_to_, text_.begin() + pos_, '\n'));
    counted_to_ = pos_;
    return counted_lines_ + 1;
  }

  // Whitespace, comments and processing instructions (the `<?xml ...?>` declaration) between
  // elements at the top level.
  void skip_misc() {
    for (;;) {
      skip_spaces();
      if (starts("<?")) {
        skip_past("?>", "a `<?` processing instruction");
      } else if (starts("<!--")) {
        skip_past("-->", "a comment");
      } else if (starts("<!")) {
        fail("a DOCTYPE or other declaration, which result files do not have");
      } else {
        return;
      }
    }
  }

  std::string name() {
    const std::size_t start = pos_;
    while (!at_end() && is_name_char(peek())) ++pos_;
    if (at_end()) fail("the file ends inside a tag: is it cut short?");
    if (pos_ == start) fail("expected a name");
    return std::string(text_.substr(start, pos_ - start));
  }

  // Decodes the value between quotes, character references included.
  std::string attribute_value() {
    if (at_end() || (peek() != '"' && peek() != '\'')) fail("expected a quoted attribute value");
    const char quote = text_[pos_++];
    std::string value;
    for (;;) {
      if (at_end()) fail("an attribute value is never closed");
      const char c = text_[pos_++];
      if (c == quote) return value;
      if (c == '<') fail("`<` inside an attribute value");
      if (c != '&') {
        value += c;
        continue;
      }
      const std::size_t semicolon = text_.find(';', pos_);
      if (semicolon == std::string_view::npos || semicolon - pos_ > 10)
        fail("`&` that does not start a character reference");
      const std::string_view ref = text_.substr(pos_, semicolon - pos_);
      pos_ = semicolon + 1;
      value += reference(ref);
    }
  }

  std::string reference(std::string_view ref) {
    if (ref == "lt") return "<";
    if (ref == "gt") return ">";
    if (ref == "amp") return "&";
    if (ref == "quot") return "\"";
    if (ref == "apos") return "'";
    if (ref.size() >= 2 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      std::uint32_t cp = 0;
      for (char d : digits) {
        int v = d >= '0' && d <= '9'          ? d - '0'
                : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                              : -1;
        if (v < 0 || cp > 0x10FFFF) fail(fmt::format("`&{};` is not a character reference", ref));
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      }
      if (digits.empty() || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        fail(fmt::format("`&{};` is not a character reference", ref));
      std::string out;
      append_utf8(out, static_cast<char32_t>(cp));
      return out;
    }
    fail(fmt::format("`&{};` is not one of XML's predefined references", ref));
  }

  // The start tag at `pos_` (just past '<'): its name and attributes. Returns whether it was
  // empty (`<x/>`).
  bool start_tag(XmlElement& element) {
    element.line = line_here();
    element.name = name();
    for (;;) {
      const bool spaced = !at_end() && is_space(peek());
      skip_spaces();
      if (at_end()) fail(fmt::format("start tag `<{}` is never closed", element.name));
      if (starts("/>")) {
        pos_ += 2;
        return true;
      }
      if (peek() == '>') {
        ++pos_;
        return false;
      }
      if (!spaced)
        fail(fmt::format("expected a space before an attribute of `<{}>`", element.name));
      std::string key = name();
      skip_spaces();
      if (at_end() || peek() != '=') fail(fmt::format("attribute `{}` has no `=`", key));
      ++pos_;
      skip_spaces();
      if (element.attribute(key)) fail(fmt::format("attribute `{}` given twice", key));
      element.attributes.emplace_back(std::move(key), attribute_value());
    }
  }

  // The element whose start tag begins at `pos_`. Iterative, so that deep nesting in a hostile
  // file cannot exhaust the stack.
  XmlElement element() {
    std::vector<XmlElement> open;
    for (;;) {
      // At a '<': a start tag, an end tag, a comment or CDATA.
      if (starts("<!--")) {
        skip_past("-->", "a comment");
      } else if (starts("<![CDATA[")) {
        skip_past("]]>", "a CDATA section");
      } else if (starts("<?")) {
        skip_past("?>", "a `<?` processing instruction");
      } else if (starts("</")) {
        if (open.empty()) fail("an end tag without a start tag");
        pos_ += 2;
        const std::string closing = name();
        skip_spaces();
        if (at_end() || peek() != '>') fail(fmt::format("end tag `</{}` is never closed", closing));
        ++pos_;
        if (closing != open.back().name)
          fail(fmt::format("end tag `</{}>` closes `<{}>` (line {})", closing, open.back().name,
                           open.back().line));
        XmlElement done = std::move(open.back());
        open.pop_back();
        if (open.empty()) return done;
        open.back().children.push_back(std::move(done));
      } else if (starts("<!")) {
        fail("a declaration inside an element");
      } else {
        ++pos_;
        XmlElement started;
        const bool empty = start_tag(started);
        if (empty && open.empty()) return started;
        if (empty) {
          open.back().children.push_back(std::move(started));
        } else {
          if (open.size() >= kMaxDepth) fail("elements nested too deeply");
          open.push_back(std::move(started));
        }
      }
      // Character data up to the next tag is skipped: result formats keep their values in
      // attributes.
      const std::size_t next = text_.find('<', pos_);
      if (next == std::string_view::npos)
        fail(fmt::format("element `<{}>` (line {}) is never closed", open.back().name,
                         open.back().line));
      pos_ = next;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t counted_to_ = 0, counted_lines_ = 0;
};

}  // namespace

const std::string* XmlElement::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return &v;
  return nullptr;
}

XmlElement parse_xml(std::string_view text) {
  return Reader(text).document();
}

}  // namespace benchgate::runner
