#pragma once
// Hostile names for property tests of every writer that puts untrusted text into a document
// (Markdown comments, SVG, JUnit XML): random bytes biased towards what breaks such documents.
#include <cstdint>
#include <string>
#include <vector>

namespace benchgate::testing {

// `count` strings from `seed`: pieces of invalid UTF-8 (0xF5-0xFF leads, overlong forms, encoded
// surrogates, truncated sequences), C0/C1 controls, XML and Markdown syntax, mentions, links and
// raw HTML, glued to random bytes. The same seed gives the same strings.
std::vector<std::string> hostile_strings(std::size_t count, std::uint64_t seed);

// "" when `document` is valid UTF-8 and well-formed XML 1.0 (python3's strict UTF-8 decoder and
// xml.etree, not our code, decide), else what they said.
std::string xml_problem(const std::string& document);

}  // namespace benchgate::testing
