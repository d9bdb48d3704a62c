// The fast path (simdjson, core/fast_json.h) against nlohmann::json::parse, the oracle: on every
// text it reads it must build the very same document (types, and doubles to the bit), and it must
// read nothing that nlohmann refuses (that text goes to nlohmann, which explains the error).

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "core/json_input.h"

namespace benchgate {
namespace {
using nlohmann::json;

// Same types and bits: nlohmann's operator== calls 0 and -0.0 equal, and 1 and 1.0.
bool identical(const json& a, const json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  switch (a.type()) {
    case json::value_t::object:
      for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
        if (i.key() != j.key() || !identical(*i, *j)) return false;
      return true;
    case json::value_t::array:
      for (std::size_t i = 0; i < a.size(); ++i)
        if (!identical(a[i], b[i])) return false;
      return true;
    case json::value_t::number_float:
      return std::bit_cast<std::uint64_t>(a.get<double>()) ==
             std::bit_cast<std::uint64_t>(b.get<double>());
    default:
      return a == b;
  }
}

std::optional<json> nlohmann_reading(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

// The quick reader may leave a text to nlohmann, but what it reads must be what nlohmann reads.
void expect_agrees(std::string_view text) {
  const std::optional<json> quick = parse_json_quickly(text);
  const std::optional<json> expected = nlohmann_reading(text);
  if (!expected) {
    EXPECT_FALSE(quick) << "read what nlohmann refuses: " << text;
  } else if (quick) {
    EXPECT_TRUE(identical(*quick, *expected))
        << text << "\n  quick:    " << quick->dump() << "\n  nlohmann: " << expected->dump();
  }
}

// ... and these it must read itself: they are what the fast path is for.
void expect_reads(std::string_view text) {
  EXPECT_TRUE(parse_json_quickly(text)) << "left to nlohmann: " << text;
  expect_agrees(text);
}

TEST(FastJson, NumbersAreTypedAndRoundedAsNlohmannTypesAndRoundsThem) {
  for (const char* number : {"0",
                             "-0",
                             "7",
                             "-7",
                             "0.0",
                             "-0.0",
                             "1000.0",
                             "0.1",
                             "98.33068287966593",
                             "1e-300",
                             "4.9e-324",
                             "4.9406564584124654e-324",
                             "2.2250738585072014e-308",
                             "2.225073858507201e-308",
                             "1e-320",
                             "1.7976931348623157e308",
                             "1E2",
                             "1e+2",
                             "1E-2",
                             "-1.5e-7",
                             "9007199254740993",
                             "9007199254740993.0",
                             "123456789012345678",
                             "-123456789012345678",
                             "1234567890123456789",
                             "-1234567890123456789",
                             "9223372036854775807",
                             "-9223372036854775808",
                             "18446744073709551615"}) {
    expect_reads(std::string("[") + number + "]");
    expect_reads(std::string("{\"v\": ") + number + "}");
  }
  EXPECT_TRUE(std::signbit(parse_json_quickly("[-0.0]")->at(0).get<double>()));
  EXPECT_TRUE(parse_json_quickly("[-0]")->at(0).is_number_integer());
  EXPECT_TRUE(parse_json_quickly("[18446744073709551615]")->at(0).is_number_unsigned());
  EXPECT_TRUE(parse_json_quickly("[-9223372036854775808]")->at(0).is_number_integer());
}

TEST(FastJson, WhatSimdjsonMightReadDifferentlyIsLeftToNlohmann) {
  // Integers beyond 64 bits (nlohmann makes doubles of them), floats of 19 or more significant
  // digits (simdjson 3.0.1 misreads some), a whole document that is a scalar.
  for (const char* text :
       {"[18446744073709551616]", "[-9223372036854775809]", "[123456789012345678901234567890]",
        "[0.12345678901234567890123]", "[1.0000000000000000001e5]", "7", "\"a\"", "null"}) {
    EXPECT_FALSE(parse_json_quickly(text)) << text;
    expect_agrees(text);
  }
}

TEST(FastJson, NumbersOutOfRangeAreLeftToNlohmann) {
  // Overflow is an error and underflow rounds to zero; nlohmann decides both, with a position.
  for (const char* number : {"1e999", "-1e999", "1.7976931348623159e308"}) {
    EXPECT_FALSE(parse_json_quickly(std::string("[") + number + "]")) << number;
    expect_agrees(std::string("[") + number + "]");
  }
  expect_agrees("[1e-400]");
}

TEST(FastJson, RandomNumbersAgreeToTheBit) {
  std::mt19937_64 rng(20261122);
  json expected = json::array();
  std::string text = "[";
  auto add = [&](const std::string& literal) { text += (text.size() > 1 ? "," : "") + literal; };
  char buffer[64];
  for (int i = 0; i < 20000; ++i) {
    // Any finite double, printed with 17 digits (as Google Benchmark does) and shortest (as
    // nlohmann does); decimals of random length and exponent; integers of 1 to 20 digits.
    double d;
    do d = std::bit_cast<double>(rng());
    while (!std::isfinite(d));
    std::snprintf(buffer, sizeof buffer, "%.17g", d);
    add(buffer);
    add(json(d).dump());
    // At most 17 significant digits, as writers of doubles print them.
    std::snprintf(buffer, sizeof buffer, "%.*fe%d", static_cast<int>(rng() % 13),
                  static_cast<double>(rng() % 100000) / 7.0, static_cast<int>(rng() % 600) - 300);
    add(buffer);
    // Short decimals around the limits of exact arithmetic (2^53, 10^22).
    std::string decimal =
        std::to_string(rng() % 2 ? (std::uint64_t{1} << 53) - 2 + rng() % 5 : rng() % 100000000);
    if (decimal.size() > 1 && rng() % 2) decimal.insert(1 + rng() % (decimal.size() - 1), ".");
    add(decimal + "e" + std::to_string(static_cast<int>(rng() % 61) - 30));
    add(decimal);
    std::string digits = (rng() % 2 ? "-" : "") + std::to_string(1 + rng() % 9);
    for (int n = static_cast<int>(rng() % 18); n > 0; --n)
      digits += static_cast<char>('0' + rng() % 10);
    add(digits);
  }
  text += "]";
  expect_reads(text);
}

TEST(FastJson, MalformedNumbersAreLeftToNlohmann) {
  for (const char* number : {"01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "1.5.2", "--1",
                             "1ee2", "0x10", "NaN", "Infinity", "-Infinity", "1_000"}) {
    ASSERT_FALSE(nlohmann_reading(number)) << number << " (the oracle must refuse it)";
    EXPECT_FALSE(parse_json_quickly(number)) << number;
    EXPECT_FALSE(parse_json_quickly(std::string("[") + number + "]")) << number;
  }
}

TEST(FastJson, StringsAgree) {
  expect_reads(R"(["", "plain", "with spaces and [brackets] {braces}: 1, 2"])");
  // Escapes and UTF-8 are decoded and checked by simdjson; \u escapes (surrogates, \u0000) and
  // keys with escapes are left to nlohmann.
  expect_reads(R"(["quote \" backslash \\ slash \/ \b\f\n\r\t"])");
  expect_reads("[\"caf\xc3\xa9 \xf0\x9f\x98\x80\"]");
  expect_agrees(R"(["\u00e9\ud83d\ude00", "\u0000"])");
  expect_agrees(R"({"k\u00e9y": 1, "a\"b": 2})");
  for (const char* bad : {"[\"\xff\"]", "[\"a\x01\"]", "[\"unterminated]", "[\"\\x\"]",
                          "[\"\\ud800\"]", "[\"\\u12\"]", "\"a\\\""})
    expect_agrees(bad);
}

TEST(FastJson, StructureAgrees) {
  expect_reads(" \t\r\n{ \"a\" : [ 1 , { } , [ ] , true , false , null ] , \"b\" : { } } \n");
  expect_reads("[]");
  expect_reads("{}");
  // A repeated key keeps its last value, as nlohmann's parser does.
  expect_reads(R"({"a": 1, "b": 2, "a": [3]})");
  EXPECT_EQ(parse_json_quickly(R"({"a": 1, "a": 2})")->at("a"), 2);
  for (const char* bad : {"",    " ",         "{} x",           "[1,]",         "[,1]",
                          "{,}", "{\"a\" 1}", "{\"a\":}",       "{1: 2}",       "[1 2]",
                          "tru", "nul",       "truex",          "[true false]", "{\"a\": 1",
                          "[",   "]",         "\xef\xbb\xbf{}", "{\"a\": 1}}",  "[1]]"})
    expect_agrees(bad);
  // A member where an element belongs (an object's `{` lost): every kind of value must be read,
  // not skipped, because On-Demand skips what is left unread more leniently than it reads.
  for (const char* bad : {R"([["a": []]])", R"([[1: []]])", R"([[true: 1]])", R"([[null: 1]])",
                          R"([["a", "b": 2]])", R"({"k": ["a": 1]})", R"([["a": [], "b": 1}])",
                          R"([[null: [], "b": 1}])", R"([["x", true, "a": [], "b": 74}]])"}) {
    ASSERT_FALSE(nlohmann_reading(bad)) << bad;
    EXPECT_FALSE(parse_json_quickly(bad)) << bad;
  }
}

TEST(FastJson, DeepNestingIsLeftToTheCheckedParser) {
  const int depth = kMaxJsonDepth + 10;
  const std::string deep = std::string(depth, '[') + std::string(depth, ']');
  EXPECT_FALSE(parse_json_quickly(deep));
  EXPECT_THROW(parse_json_text(deep, "deep.json"), InputError);
  const std::string shallow = std::string(100, '[') + std::string(100, ']');
  expect_reads(shallow);
}

// Random documents, written compact and indented, and then damaged one byte at a time.
class RandomDocuments {
 public:
  explicit RandomDocuments(unsigned seed) : rng_(seed) {}

  json value(int depth) {
    switch (depth > 4 ? rng_() % 4 : rng_() % 6) {
      case 0:
        return pick({json(nullptr), json(true), json(false)});
      case 1:
        return number();
      case 2:
        return text();
      case 3:
        return static_cast<json::number_integer_t>(rng_() % 2000) - 1000;
      case 4: {
        json a = json::array();
        for (int n = static_cast<int>(rng_() % 5); n > 0; --n) a.push_back(value(depth + 1));
        return a;
      }
      default: {
        json o = json::object();
        for (int n = static_cast<int>(rng_() % 5); n > 0; --n) o[text()] = value(depth + 1);
        return o;
      }
    }
  }

  std::string damage(std::string text) {
    static const std::string kBytes = "{}[],:\"\\ 0123456789-+.eEtrufalsn\x01\xff";
    if (text.empty()) return text;
    const std::size_t at = rng_() % text.size();
    const char byte = kBytes[rng_() % kBytes.size()];
    switch (rng_() % 4) {
      case 0:
        return text.erase(at, 1);
      case 1:
        return text.insert(at, 1, byte);
      case 2:
        text[at] = byte;
        return text;
      default:
        return text.substr(0, at);
    }
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  json pick(std::initializer_list<json> choices) {
    return *(choices.begin() + static_cast<std::ptrdiff_t>(rng_() % choices.size()));
  }
  json number() {
    const double magnitude = std::pow(10.0, static_cast<double>(rng_() % 40) - 20);
    return std::uniform_real_distribution<double>(-magnitude, magnitude)(rng_);
  }
  std::string text() {
    static const std::vector<std::string> kPieces = {
        "a",        "BM_Sort/1024",     " ",         "\"", "\\", "/", "\n", "\t",
        "\xc3\xa9", "\xf0\x9f\x98\x80", "real_time", "{",  "]",  ":", ","};
    std::string s;
    for (int n = static_cast<int>(rng_() % 6); n > 0; --n) s += kPieces[rng_() % kPieces.size()];
    return s;
  }
  std::mt19937_64 rng_;
};

TEST(FastJson, RandomDocumentsAreReadAsNlohmannReadsThem) {
  RandomDocuments documents(7);
  int read_quickly = 0, containers = 0;
  for (int i = 0; i < 2000; ++i) {
    const json document = documents.value(0);
    if (!document.is_array() && !document.is_object()) continue;
    ++containers;
    read_quickly += parse_json_quickly(document.dump()).has_value();
    expect_agrees(document.dump());
    expect_agrees(document.dump(2));
    expect_agrees(document.dump(1, '\t', true));  // \u escapes for everything non-ASCII
  }
  // Keys with escapes are left to nlohmann; the rest is read here.
  EXPECT_GT(read_quickly, containers / 2) << read_quickly << " of " << containers;
}

TEST(FastJson, DamagedDocumentsAreNeverReadDifferently) {
  RandomDocuments documents(11);
  for (int i = 0; i < 5000; ++i) {
    const json document = documents.value(0);
    std::string text = documents.rng()() % 2 ? document.dump() : document.dump(2);
    for (int n = 1 + static_cast<int>(documents.rng()() % 3); n > 0; --n)
      text = documents.damage(std::move(text));
    expect_agrees(text);
  }
}

}  // namespace
}  // namespace benchgate
