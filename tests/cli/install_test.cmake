# `cmake --install BUILD_DIR --prefix PREFIX`, then PREFIX/bin/benchgate --version must name
# VERSION. Run by CTest (tests/cli/CMakeLists.txt) with -DBUILD_DIR= -DPREFIX= -DVERSION=.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${status}):\n${out}${err}")
endif()
set(binary "${PREFIX}/bin/benchgate")
if(NOT EXISTS "${binary}")
  message(FATAL_ERROR "cmake --install did not install ${binary}:\n${out}")
endif()
# The installed copy, not the build tree's, from a directory outside the build.
execute_process(COMMAND "${binary}" --version WORKING_DIRECTORY "${PREFIX}"
  RESULT_VARIABLE status OUTPUT_VARIABLE version ERROR_VARIABLE err)
if(NOT status EQUAL 0 OR NOT version MATCHES "^benchgate ${VERSION}")
  message(FATAL_ERROR "${binary} --version: status ${status}, '${version}${err}'")
endif()
# The binary and its man pages (benchgate.1 and one per subcommand), nothing else.
file(GLOB_RECURSE installed RELATIVE "${PREFIX}" "${PREFIX}/*")
list(REMOVE_ITEM installed bin/benchgate)
list(FILTER installed EXCLUDE REGEX "^share/man/man1/benchgate(-[a-z-]+)?\\.1\\.gz$")
if(NOT installed STREQUAL "")
  message(FATAL_ERROR "expected only bin/benchgate and its man pages under the prefix, also got: ${installed}")
endif()
if(NOT EXISTS "${PREFIX}/share/man/man1/benchgate.1.gz")
  message(FATAL_ERROR "cmake --install did not install the man page share/man/man1/benchgate.1.gz")
endif()
message(STATUS "installed ${binary}: ${version}")
