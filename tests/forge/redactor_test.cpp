#include "forge/redactor.h"

#include <gtest/gtest.h>

#include <ostream>
#include <type_traits>

#include <fmt/format.h>

#include "forge/link_header.h"
#include "forge/secret.h"

namespace benchgate::forge {
namespace {

// A Secret cannot reach text by accident: not formattable, not streamable, not convertible.
template <typename T>
concept Streamable = requires(std::ostream& out, const T& value) {
  out << value;
};
static_assert(!fmt::is_formattable<Secret>::value);
static_assert(!Streamable<Secret>);
static_assert(!std::is_convertible_v<Secret, std::string>);
static_assert(!std::is_convertible_v<std::string, Secret>);

TEST(Redactor, MasksEveryOccurrenceRawAndPercentEncoded) {
  Redactor redactor;
  redactor.add(Secret("tok/en+with=odd&chars"));
  std::string out = redactor.redact(
      "a tok/en+with=odd&chars b tok%2Fen%2Bwith%3Dodd%26chars c tok/en+with=odd&chars");
  EXPECT_EQ(out, "a *** b *** c ***");
}

TEST(Redactor, IgnoresEmptyAndTrivialSecrets) {
  Redactor redactor;
  redactor.add(Secret(""));
  redactor.add(Secret("a"));
  EXPECT_EQ(redactor.redact("a banana"), "a banana");
}

TEST(Redactor, LongerSecretIsMaskedWholeWhenItContainsAShorterOne) {
  Redactor redactor;
  redactor.add(Secret("abcdefgh"));
  redactor.add(Secret("abcdefgh-ijklmnop"));
  EXPECT_EQ(redactor.redact("x abcdefgh-ijklmnop y"), "x *** y");
}

TEST(LinkHeader, FindsNextAmongOtherRelations) {
  EXPECT_EQ(
      next_page_link(
          R"(<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel="next", <https://a/x?page=9>; rel="last")"),
      "https://a/x?page=3");
  EXPECT_EQ(
      next_page_link(R"(<https://a/x?page=1>; rel="first", <https://a/x?page=2>; rel="prev")"),
      std::nullopt);
  EXPECT_EQ(next_page_link(""), std::nullopt);
}

}  // namespace
}  // namespace benchgate::forge
