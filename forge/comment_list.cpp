#include "forge/comment_list.h"

#include <fmt/format.h>

#include "core/json_input.h"
#include "forge/api_json.h"

namespace benchgate::forge {

std::vector<RemoteComment> parse_comment_list(const nlohmann::json& list, CommentFields fields,
                                              std::string_view request) {
  namespace jf = json_field;
  std::vector<RemoteComment> comments;
  read_api_fields(request, [&] {
    jf::array(list, "");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = fmt::format("[{}]", i);
      RemoteComment comment;
      comment.id = jf::integer(jf::member(list[i], fields.id, where), where + "." + fields.id);
      const auto* author = jf::optional_member(list[i], fields.author_object, where);
      if (author && author->is_object()) {
        const std::string author_where = fmt::format("{}.{}", where, fields.author_object);
        comment.author = jf::string(jf::member(*author, fields.author_name, author_where),
                                    fmt::format("{}.{}", author_where, fields.author_name));
      }
      if (const auto* body = jf::optional_member(list[i], fields.body, where);
          body && body->is_string())
        comment.body = body->get<std::string>();
      if (const auto* url = jf::optional_member(list[i], fields.url, where);
          url && url->is_string())
        comment.url = url->get<std::string>();
      if (const auto* state = jf::optional_member(list[i], "state", where);
          state && state->is_string())
        comment.closed = state->get<std::string>() == "closed";
      if (const auto* system = jf::optional_member(list[i], "system", where); system)
        comment.system = jf::boolean(*system, where + ".system");
      comments.push_back(std::move(comment));
    }
  });
  return comments;
}

UpsertResult parse_written_comment(const HttpResponse& response, bool created,
                                   std::string_view request, CommentFields fields) {
  namespace jf = json_field;
  UpsertResult result;
  result.created = created;
  nlohmann::json comment = parse_api_json(response, request);
  read_api_fields(request, [&] {
    result.id = jf::integer(jf::member(comment, fields.id, ""), fields.id);
    if (const auto* url = jf::optional_member(comment, fields.url, ""); url && url->is_string())
      result.url = url->get<std::string>();
  });
  return result;
}

}  // namespace benchgate::forge
