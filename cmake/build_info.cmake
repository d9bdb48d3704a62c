# Writes the C++ file that tells `benchgate --version` which commit and build type it was built
# from. Run at every build (script mode, from cli/CMakeLists.txt), because the commit changes
# without CMake configuring again; the file is rewritten only when its content changes, so a
# build without a new commit compiles nothing.
# -DSOURCE_DIR= -DOUTPUT= -DBUILD_TYPE= [-DGIT=path of git] [-DCOMMIT=given commit]
#
# COMMIT (the BENCHGATE_COMMIT cache variable) names the commit of a build from a source archive,
# which has no .git to read it from. Otherwise it is HEAD of SOURCE_DIR, with "-dirty" when
# tracked files differ from it; "unknown" when neither is there, never a guess.
if(NOT COMMIT STREQUAL "" AND NOT COMMIT MATCHES "^[0-9A-Za-z._+-]+$")
  message(FATAL_ERROR "BENCHGATE_COMMIT '${COMMIT}' is not a commit name (letters, digits, . _ + -)")
endif()
if(COMMIT STREQUAL "")
  set(COMMIT unknown)
  if(GIT AND EXISTS "${SOURCE_DIR}/.git")
    execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" rev-parse --short=12 HEAD
      RESULT_VARIABLE status OUTPUT_VARIABLE head ERROR_QUIET OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(status EQUAL 0 AND head MATCHES "^[0-9a-f]+$")
      set(COMMIT "${head}")
      execute_process(COMMAND "${GIT}" -C "${SOURCE_DIR}" status --porcelain --untracked-files=no
        RESULT_VARIABLE status OUTPUT_VARIABLE changes ERROR_QUIET)
      if(status EQUAL 0 AND NOT changes STREQUAL "")
        set(COMMIT "${COMMIT}-dirty")
      endif()
    endif()
  endif()
endif()
if(BUILD_TYPE STREQUAL "")
  set(BUILD_TYPE "no build type")
endif()
set(content "// Generated at build time by cmake/build_info.cmake: do not edit.
#include \"cli/build_info.h\"
namespace benchgate::cli {
const char* const kBuildCommit = \"${COMMIT}\";
const char* const kBuildType = \"${BUILD_TYPE}\";
}  // namespace benchgate::cli
")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL content)
  file(WRITE "${OUTPUT}" "${content}")
endif()
