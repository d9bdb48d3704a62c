#pragma once
// Untrusted text (benchmark names, labels, messages: whatever a benchmark author or a fork's pull
// request wrote) made safe to put into a GitHub/GitLab Markdown comment: it cannot end a table
// cell, open an HTML comment that hides the rest of the comment, inject HTML or links, or mention
// a user / reference an issue.
#include <string>
#include <string_view>

namespace benchgate::report {

// For Markdown text: markup characters backslash-escaped, HTML as entities.
std::string escape_markdown(std::string_view untrusted);
// For text inside raw HTML of a Markdown document (e.g. `<summary>…</summary>`, where Markdown is
// not rendered and backslashes would show): the markup characters as numeric character
// references instead of backslash escapes, so the text is inert there and in Markdown alike.
std::string escape_markdown_html(std::string_view untrusted);
// Untrusted text shown as code in Markdown text: `<code>` around escape_markdown. Never a
// backtick code span, which a backtick in the text would end, letting the rest become Markdown.
std::string markdown_code(std::string_view untrusted);

}  // namespace benchgate::report
