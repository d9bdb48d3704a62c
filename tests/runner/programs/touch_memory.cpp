// Command-mode test program: touches argv[1] MiB of memory (so its peak RSS is at least that),
// optionally exits with status argv[2].
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  std::size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 0;
  std::vector<char> memory(mib << 20);
  for (std::size_t i = 0; i < memory.size(); i += 4096) memory[i] = static_cast<char>(i);
  volatile char sink = memory.empty() ? 0 : memory[memory.size() / 2];
  (void)sink;
  return argc > 2 ? std::atoi(argv[2]) : 0;
}
