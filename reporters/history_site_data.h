#pragma once
// The history as the dashboard's data: compact JSON (each commit once, each series as parallel
// arrays) made safe to sit inside <script type="application/json"> in an HTML page.
#include <string>
#include <string_view>

#include "core/history.h"

namespace benchgate::report {

// The JSON the dashboard's script reads (reporters/site/dashboard.js), already escaped with
// script_safe_json. `order` lists the series for the overview: latest change first.
std::string history_site_json(const History& history);

// `json` with '<', '>', '&', U+2028 and U+2029 written as \uXXXX escapes: no "</script>" or
// "<!--" can end or change the element, and nothing is read differently as JavaScript. These
// characters only occur inside JSON strings, where the escapes mean the same text.
std::string script_safe_json(std::string_view json);

}  // namespace benchgate::report
