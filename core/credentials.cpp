#include "core/credentials.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include <sys/prctl.h>

extern char** environ;

namespace benchgate {
namespace {

struct Vault {
  std::mutex mutex;
  std::map<std::string, std::string, std::less<>> values;
};

Vault& vault() {
  static Vault v;
  return v;
}

bool is_credential_word(std::string_view word) {
  static constexpr std::string_view kWords[] = {"TOKEN", "PASSWORD", "PASSWD", "SECRET", "JWT"};
  for (std::string_view w : kWords) {
    if (w.size() != word.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < w.size() && same; ++i)
      same = (word[i] >= 'a' && word[i] <= 'z' ? word[i] - 'a' + 'A' : word[i]) == w[i];
    if (same) return true;
  }
  return false;
}

// Takes `entry` ("NAME=VALUE", an element of environ) into the vault, overwrites its value bytes
// in place and unsets the variable.
void withdraw_entry(char* entry, std::string_view name) {
  char* value = entry + name.size() + 1;
  const std::size_t length = std::strlen(value);
  {
    std::lock_guard lock(vault().mutex);
    vault().values.insert_or_assign(std::string(name), std::string(value, length));
  }
  // volatile: the bytes are never read again, and the compiler must not drop the stores.
  volatile char* bytes = value;
  for (std::size_t i = 0; i < length; ++i) bytes[i] = '\0';
  unsetenv(std::string(name).c_str());
}

std::string_view name_of(const char* entry) {
  const char* eq = std::strchr(entry, '=');
  return eq ? std::string_view(entry, static_cast<std::size_t>(eq - entry)) : std::string_view();
}

// Withdraws the entries whose name satisfies `wanted`; unsetenv rearranges environ, so the
// entries are picked first and withdrawn after.
template <class Wanted>
void withdraw_matching(Wanted wanted) {
  std::vector<char*> picked;
  for (char** e = environ; e && *e; ++e)
    if (std::string_view name = name_of(*e); !name.empty() && wanted(name)) picked.push_back(*e);
  for (char* entry : picked) withdraw_entry(entry, name_of(entry));
  // A process holding a credential is made non-dumpable: its /proc/<pid>/environ and
  // /proc/<pid>/mem, and ptrace of it, are then refused to other processes of the same user (the
  // code under review that it starts among them) unless they have CAP_SYS_PTRACE. Its children are
  // unaffected: exec makes them dumpable again.
  if (!picked.empty()) prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

}  // namespace

bool is_credential_name(std::string_view name) {
  if (name == "CI_REPOSITORY_URL") return true;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find('_', start);
    if (end == std::string_view::npos) end = name.size();
    if (is_credential_word(name.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

void withdraw_credentials_from_environment() {
  withdraw_matching(is_credential_name);
}

void withdraw_from_environment(std::string_view name) {
  withdraw_matching([name](std::string_view n) { return n == name; });
}

std::optional<std::string> environment_value(std::string_view name) {
  {
    std::lock_guard lock(vault().mutex);
    auto it = vault().values.find(name);
    if (it != vault().values.end()) return it->second;
  }
  const char* value = std::getenv(std::string(name).c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

std::vector<std::pair<std::string, std::string>> withdrawn_variables() {
  std::lock_guard lock(vault().mutex);
  return {vault().values.begin(), vault().values.end()};
}

}  // namespace benchgate
