#pragma once
// One JSON value as a validator needs it, whoever parsed it: its type as nlohmann types it
// (`1` an integer, `9223372036854775808` unsigned, `1.0` floating) and, for scalars, the value.
// The document reader makes these from nlohmann values and the run-record fast path from
// simdjson's, so the rules below (json_field::integer, finite_number, string) are written once
// and give both readers the same values and the same messages.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/json_input.h"

namespace benchgate::json_field {

struct Scalar {
  enum class Kind : std::uint8_t {
    null,
    boolean,
    integer,
    unsigned_integer,
    floating,
    string,
    array,
    object,
    other,  // nlohmann's binary or discarded values: only named in messages
  };
  Kind kind = Kind::null;
  bool boolean = false;
  long long integer = 0;
  unsigned long long unsigned_integer = 0;
  double floating = 0;
  std::string_view string;      // Kind::string; points into the text or document read
  std::string_view other_type;  // Kind::other: the type's name

  static Scalar of(Kind kind) {
    Scalar s;
    s.kind = kind;
    return s;
  }
  static Scalar of_integer(long long v) {
    Scalar s = of(Kind::integer);
    s.integer = v;
    return s;
  }
  static Scalar of_unsigned(unsigned long long v) {
    Scalar s = of(Kind::unsigned_integer);
    s.unsigned_integer = v;
    return s;
  }
  static Scalar of_floating(double v) {
    Scalar s = of(Kind::floating);
    s.floating = v;
    return s;
  }
  static Scalar of_string(std::string_view v) {
    Scalar s = of(Kind::string);
    s.string = v;
    return s;
  }
};

// `value` as a Scalar; a string's view lives as long as `value`.
Scalar scalar_of(const nlohmann::json& value);
// "number", "string", "a non-finite number", ...: the `got ...` of a message.
std::string describe_type(const Scalar& value);

// Each throws InputError naming `where` unless `value` has that type.
void array(const Scalar& value, const std::string& where);
void object(const Scalar& value, const std::string& where);
std::string string(const Scalar& value, const std::string& where);
bool boolean(const Scalar& value, const std::string& where);
double finite_number(const Scalar& value, const std::string& where);
double finite_number(const Scalar& value, const ElementPath& where);
// An integer, or a whole floating number below 9e15 (1e3 is 1000); unsigned values wrap as
// nlohmann's get<long long> does.
long long integer(const Scalar& value, const std::string& where);
long long integer(const Scalar& value, const ElementPath& where);

// The same rules with the path built only for a message: `where()` returns it. For readers of
// millions of values, whose paths cost more to format than the values to read.
template <typename Where>
double finite_number_at(const Scalar& value, const Where& where) {
  switch (value.kind) {
    case Scalar::Kind::floating:
      if (std::isfinite(value.floating)) return value.floating;
      throw InputError(
          fmt::format("field `{}`: number is not finite (NaN or out of range)", where()));
    case Scalar::Kind::integer:
      return static_cast<double>(value.integer);
    case Scalar::Kind::unsigned_integer:
      return static_cast<double>(value.unsigned_integer);
    default:
      throw InputError(
          fmt::format("field `{}`: expected a number, got {}", where(), describe_type(value)));
  }
}

template <typename Where>
long long integer_at(const Scalar& value, const Where& where) {
  if (value.kind == Scalar::Kind::integer) return value.integer;
  if (value.kind == Scalar::Kind::unsigned_integer)
    return static_cast<long long>(value.unsigned_integer);
  if (value.kind == Scalar::Kind::floating) {
    const double d = value.floating;
    if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 9e15)
      return static_cast<long long>(d);
  }
  throw InputError(
      fmt::format("field `{}`: expected an integer, got {}", where(), describe_type(value)));
}

}  // namespace benchgate::json_field
