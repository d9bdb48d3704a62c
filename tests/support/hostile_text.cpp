#include "tests/support/hostile_text.h"

#include <iterator>
#include <random>
#include <string_view>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {

constexpr std::string_view kPieces[] = {"\xF5\x80\x80\x80",
                                        "\xFF",
                                        "\xFE",
                                        "\xC0\xAF",
                                        "\xE0\x80\xAF",
                                        "\xF0\x80\x80\xAF",
                                        "\xED\xA0\x80",
                                        "\xED\xBF\xBF",
                                        "\xF4\x90\x80\x80",
                                        "\xE2\x82",
                                        "\xF0\x9F\x98",
                                        "\xEF\xBF\xBE",
                                        "\xC2\x85",
                                        "\x1B[31m",
                                        std::string_view("\0", 1),
                                        "\x01\x08\x0B\x0C\x7F",
                                        "\n# heading\n",
                                        "\r\n> quote",
                                        "]]>",
                                        "<!--",
                                        "-->",
                                        "<img src=x onerror=alert(1)>",
                                        "&amp;",
                                        "\"'",
                                        "@octocat",
                                        "#1",
                                        "[click](https://evil.example)",
                                        "![x](http://e/x.png)",
                                        "https://evil.example/a",
                                        "www.evil.example",
                                        "`",
                                        "```",
                                        "| cell |",
                                        "\\*_~$"};

}  // namespace

std::vector<std::string> hostile_strings(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<int> byte(0, 255),
      piece(0, static_cast<int>(std::size(kPieces)) - 1), parts(1, 6), kind(0, 2);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string s;
    for (int n = parts(random); n > 0; --n) {
      switch (kind(random)) {
        case 0:
          s += kPieces[piece(random)];
          break;
        case 1:
          s += static_cast<char>(byte(random));
          break;
        default:
          s += "BM_name";
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string xml_problem(const std::string& document) {
  TempDir dir("benchgate-xml");
  const auto path = dir / "document.xml";
  write_file(path, document);
  const auto result = run_process({"/usr/bin/python3", "-c",
                                   "import sys, xml.etree.ElementTree as ET\n"
                                   "data = open(sys.argv[1], 'rb').read()\n"
                                   "data.decode('utf-8', 'strict')\n"
                                   "ET.fromstring(data)\n",
                                   path.string()});
  return result.exit_code == 0 ? "" : result.err.empty() ? "python3 failed" : result.err;
}

}  // namespace benchgate::testing
