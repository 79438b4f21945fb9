// Running the render tools (python3 + soffice, poppler) as child processes with a deadline.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace bidfmt::render {

// Runs argv[0] (an absolute path) in its own process group with stdin from /dev/null and stdout
// and stderr into `output_file`; `extra_env` ("K=V") is added to bidfmt's environment, less any
// sanitizer settings. Returns the exit status, 128+signal, -1 when it cannot start, or -2 when it
// ran past `timeout_s` (the whole process group is killed then).
int run_program(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env, const std::string& output_file,
                int timeout_s);

// Starts argv[0] as run_program does, without waiting: stdin from `stdin_fd` (/dev/null when -1).
// Returns its pid (also its process group), or -1 when it cannot start.
pid_t spawn_program(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env, int stdin_fd,
                    const std::string& output_file);

// Waits for a spawn_program child: its exit status, 128+signal, or -2 when it ran past
// `timeout_s` (its whole process group is killed then).
int wait_program(pid_t pid, int timeout_s);

// A private temp directory (bidfmt-<what>-XXXXXX), removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& what);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

// The program's absolute path when it is on PATH, else "".
std::string on_path(const std::string& name);

}  // namespace bidfmt::render
