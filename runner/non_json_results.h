#pragma once
// What a result file that is not JSON at all holds, for the message that refuses it: most often
// Google Benchmark's console table, saved where its JSON file was meant to go.
#include <string>
#include <string_view>

namespace benchgate::runner {

// Why `text` (a result file's content that is not a JSON document) cannot be read and what to do
// instead, for "<file>: <this>". `expected` lists the formats that can be read.
std::string explain_non_json(std::string_view text, std::string_view expected);

}  // namespace benchgate::runner
