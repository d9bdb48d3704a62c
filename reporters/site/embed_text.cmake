# Turns a text file into a .cpp defining `std::string benchgate::report::NAME()` that returns
# it byte for byte, so the binary carries the dashboard's scripts and Chart.js and the written site
# fetches nothing. Run at build time:
#   cmake -DINPUT=file -DOUTPUT=file.cpp -DNAME=function -P embed_text.cmake
# The text is cut into raw string literals of at most 8,000 bytes joined at run time: some
# compilers limit the length of one literal, including adjacent literals concatenated.
cmake_minimum_required(VERSION 3.25)
file(READ "${INPUT}" text)
set(delimiter "bgembed")
string(FIND "${text}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw string delimiter )${delimiter}\"")
endif()
string(LENGTH "${text}" length)
set(chunk 8000)
# The file's name only: the generated source is then the same in every build tree (ccache).
get_filename_component(input_name "${INPUT}" NAME)
set(out "// Generated from ${input_name} by reporters/site/embed_text.cmake; do not edit.\n")
string(APPEND out "#include <string>\n#include <string_view>\n\nnamespace benchgate::report {\n")
string(APPEND out "namespace {\nconstexpr std::string_view kChunks[] = {\n")
set(at 0)
while(at LESS length)
  string(SUBSTRING "${text}" ${at} ${chunk} piece)
  string(APPEND out "R\"${delimiter}(${piece})${delimiter}\",\n")
  math(EXPR at "${at} + ${chunk}")
endwhile()
if(length EQUAL 0)
  string(APPEND out "\"\",\n")
endif()
string(APPEND out "};\n}  // namespace\n\nstd::string ${NAME}() {\n  std::string out;\n")
string(APPEND out "  out.reserve(${length});\n  for (auto piece : kChunks) out += piece;\n")
string(APPEND out "  return out;\n}\n\n}  // namespace benchgate::report\n")
file(WRITE "${OUTPUT}.tmp" "${out}")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
