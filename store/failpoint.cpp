#include "store/failpoint.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace benchgate::store {

void failpoint(const char* name) {
  const char* wanted = std::getenv("BENCHGATE_FAILPOINT");
  if (!wanted || std::strcmp(wanted, name) != 0) return;
  std::fprintf(stderr, "benchgate: failpoint %s reached\n", name);
  std::fflush(stderr);
  for (;;) ::pause();
}

}  // namespace benchgate::store
