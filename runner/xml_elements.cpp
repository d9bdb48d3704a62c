#include "runner/xml_elements.h"

#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <expat.h>
#include <fmt/format.h>

#include "core/clean_text.h"
#include "core/errors.h"

namespace benchgate::runner {
namespace {

constexpr std::size_t kMaxDepth = 256;

// Builds the element tree from expat's callbacks. Character data, comments, processing
// instructions and CDATA have no handler, so expat checks them and they are skipped: result
// formats keep their values in attributes.
class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view text) : text_(text), parser_(XML_ParserCreate(nullptr)) {
    if (!parser_) throw EnvironmentError("expat could not create an XML parser (out of memory?)");
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), &TreeBuilder::on_start, &TreeBuilder::on_end);
    // A DOCTYPE is where entities are declared (and "billion laughs" expanded): refused.
    XML_SetStartDoctypeDeclHandler(parser_.get(), &TreeBuilder::on_doctype);
  }
  // expat holds `this` as its user data.
  TreeBuilder(const TreeBuilder&) = delete;
  TreeBuilder& operator=(const TreeBuilder&) = delete;

  XmlElement document() {
    // XML_Parse takes an int length: a larger text goes in pieces.
    constexpr std::size_t kPiece = INT_MAX / 2;
    std::string_view rest = text_;
    do {
      const std::string_view piece = rest.substr(0, kPiece);
      rest.remove_prefix(piece.size());
      if (XML_Parse(parser_.get(), piece.data(), static_cast<int>(piece.size()), rest.empty()) !=
          XML_STATUS_OK)
        fail();
    } while (!rest.empty());
    if (!root_) throw InputError("line 1: no root element");  // expat has refused that already
    return std::move(*root_);
  }

 private:
  struct FreeParser {
    void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
  };

  std::size_t line() const { return XML_GetCurrentLineNumber(parser_.get()); }

  // Stops the parser from a callback; document() then reports `why` at the current line.
  void refuse(std::string why) {
    refused_ = fmt::format("line {}: {}", line(), why);
    XML_StopParser(parser_.get(), XML_FALSE);
  }

  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    auto& builder = *static_cast<TreeBuilder*>(self);
    if (!builder.refused_.empty()) return;  // expat may call on after being stopped
    if (builder.open_.size() >= kMaxDepth) return builder.refuse("elements nested too deeply");
    XmlElement element;
    element.name = name;
    element.line = builder.line();
    for (const XML_Char** a = attributes; *a; a += 2) element.attributes.emplace_back(a[0], a[1]);
    builder.open_.push_back(std::move(element));
  }

  static void XMLCALL on_end(void* self, const XML_Char* /*name: expat checked it matches*/) {
    auto& builder = *static_cast<TreeBuilder*>(self);
    if (!builder.refused_.empty() || builder.open_.empty()) return;
    XmlElement done = std::move(builder.open_.back());
    builder.open_.pop_back();
    if (builder.open_.empty())
      builder.root_ = std::move(done);
    else
      builder.open_.back().children.push_back(std::move(done));
  }

  static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*,
                                 int) {
    static_cast<TreeBuilder*>(self)->refuse(
        "a DOCTYPE declaration, which result files do not have");
  }

  // The text from expat's error position (the start of the token or tag it stopped at) to the
  // end of that tag, at most a few kilobytes.
  std::string_view at_error() const {
    const XML_Index at = XML_GetCurrentByteIndex(parser_.get());
    if (at < 0 || static_cast<std::size_t>(at) >= text_.size()) return {};
    const std::string_view from = text_.substr(static_cast<std::size_t>(at), 4096);
    return from.substr(0, from.find('>'));
  }

  // Text of the file for a message: at most 64 bytes, made safe to print (core/clean_text.h).
  static std::string quoted(std::string_view from_file) {
    return clean_text(from_file.substr(0, 64));
  }

  // The first reference in `tag` that is not one of XML's own: `&bogus;`.
  static std::string_view undefined_reference(std::string_view tag) {
    for (std::size_t amp = tag.find('&'); amp != std::string_view::npos;
         amp = tag.find('&', amp + 1)) {
      const std::string_view ref = tag.substr(amp, tag.find(';', amp) - amp + 1);
      if (ref.size() > 2 && ref[1] != '#' && ref != "&lt;" && ref != "&gt;" && ref != "&amp;" &&
          ref != "&quot;" && ref != "&apos;")
        return ref;
    }
    return "&...;";
  }

  // Expat's reason, said as a person reading the file needs it where expat's own words are terse.
  std::string reason(XML_Error code) const {
    switch (code) {
      case XML_ERROR_TAG_MISMATCH: {  // expat points at the end tag's name
        if (open_.empty()) break;
        std::string_view closing = at_error();
        if (closing.starts_with("</")) closing.remove_prefix(2);
        return fmt::format("end tag `</{}>` closes `<{}>` (line {})",
                           quoted(closing.substr(0, closing.find_first_of(" \t\r\n"))),
                           quoted(open_.back().name), open_.back().line);
      }
      case XML_ERROR_DUPLICATE_ATTRIBUTE: {  // expat points at the second one's name
        const std::string_view name = at_error();
        return fmt::format("attribute `{}` given twice",
                           quoted(name.substr(0, name.find_first_of("= \t\r\n"))));
      }
      case XML_ERROR_UNDEFINED_ENTITY:
        return fmt::format(
            "`{}` is not one of XML's predefined references (&lt; &gt; &amp; "
            "&quot; &apos;) nor a character reference",
            quoted(undefined_reference(at_error())));
      case XML_ERROR_NO_ELEMENTS:
        return open_.empty()
                   ? "no root element: the file is empty or has no tag"
                   : fmt::format("the file ends inside `<{}>` (line {}): is it cut short?",
                                 quoted(open_.back().name), open_.back().line);
      case XML_ERROR_UNCLOSED_TOKEN:
      case XML_ERROR_PARTIAL_CHAR:
        return "the file ends inside a tag: is it cut short?";
      case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
        return "text after the root element's end tag";
      default:
        break;
    }
    // expat's own words, e.g. "not well-formed (invalid token)".
    return fmt::format("{}, column {}", XML_ErrorString(code),
                       XML_GetCurrentColumnNumber(parser_.get()) + 1);
  }

  [[noreturn]] void fail() const {
    const XML_Error code = XML_GetErrorCode(parser_.get());
    if (code == XML_ERROR_ABORTED) throw InputError(refused_);
    throw InputError(fmt::format("line {}: {}", line(), reason(code)));
  }

  std::string_view text_;
  std::unique_ptr<XML_ParserStruct, FreeParser> parser_;
  std::vector<XmlElement> open_;  // the elements started and not yet ended, outermost first
  std::optional<XmlElement> root_;
  std::string refused_;  // why a callback stopped the parser
};

}  // namespace

const std::string* XmlElement::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return &v;
  return nullptr;
}

XmlElement parse_xml(std::string_view text) {
  return TreeBuilder(text).document();
}

}  // namespace benchgate::runner
