#include "core/json_scalar.h"

#include <cmath>

#include <fmt/format.h>

#include "core/errors.h"

namespace benchgate::json_field {
using Kind = Scalar::Kind;

Scalar scalar_of(const nlohmann::json& value) {
  using T = nlohmann::json::value_t;
  switch (value.type()) {
    case T::null:
      return Scalar::of(Kind::null);
    case T::boolean: {
      Scalar s = Scalar::of(Kind::boolean);
      s.boolean = value.get<bool>();
      return s;
    }
    case T::number_integer:
      return Scalar::of_integer(value.get<long long>());
    case T::number_unsigned:
      return Scalar::of_unsigned(value.get<unsigned long long>());
    case T::number_float:
      return Scalar::of_floating(value.get<double>());
    case T::string:
      return Scalar::of_string(value.get_ref<const std::string&>());
    case T::array:
      return Scalar::of(Kind::array);
    case T::object:
      return Scalar::of(Kind::object);
    default: {
      Scalar s = Scalar::of(Kind::other);
      s.other_type = value.type_name();
      return s;
    }
  }
}

std::string describe_type(const Scalar& value) {
  switch (value.kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "boolean";
    case Kind::floating:
      return std::isfinite(value.floating) ? "number" : "a non-finite number";
    case Kind::integer:
    case Kind::unsigned_integer:
      return "number";
    case Kind::string:
      return "string";
    case Kind::array:
      return "array";
    case Kind::object:
      return "object";
    default:
      return std::string(value.other_type);
  }
}

void array(const Scalar& value, const std::string& where) {
  if (value.kind != Kind::array)
    throw InputError(
        fmt::format("field `{}`: expected an array, got {}", where, describe_type(value)));
}

void object(const Scalar& value, const std::string& where) {
  if (value.kind != Kind::object)
    throw InputError(
        fmt::format("field `{}`: expected an object, got {}", where, describe_type(value)));
}

std::string string(const Scalar& value, const std::string& where) {
  if (value.kind != Kind::string)
    throw InputError(
        fmt::format("field `{}`: expected a string, got {}", where, describe_type(value)));
  return std::string(value.string);
}

bool boolean(const Scalar& value, const std::string& where) {
  if (value.kind != Kind::boolean)
    throw InputError(
        fmt::format("field `{}`: expected true or false, got {}", where, describe_type(value)));
  return value.boolean;
}

double finite_number(const Scalar& value, const std::string& where) {
  return finite_number_at(value, [&] { return where; });
}
double finite_number(const Scalar& value, const ElementPath& where) {
  return finite_number_at(value, [&] { return where.str(); });
}
long long integer(const Scalar& value, const std::string& where) {
  return integer_at(value, [&] { return where; });
}
long long integer(const Scalar& value, const ElementPath& where) {
  return integer_at(value, [&] { return where.str(); });
}

}  // namespace benchgate::json_field
