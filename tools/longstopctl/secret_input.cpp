#include "secret_input.h"

#include <termios.h>
#include <unistd.h>

#include <cctype>
#include <optional>
#include <string_view>

namespace longstop::ctl {
namespace {

std::string trimmed(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

// One line of `in`, or nullopt at the end of the input.
std::optional<std::string> readLine(std::FILE* in) {
  std::string line;
  for (int c; (c = std::fgetc(in)) != EOF;) {
    if (c == '\n') return line;
    line += static_cast<char>(c);
  }
  if (line.empty()) return std::nullopt;
  return line;
}

// Echo off on the terminal for as long as this lives; back as it was afterwards.
class NoEcho {
 public:
  explicit NoEcho(int fd) : fd_(fd) {
    if (::tcgetattr(fd_, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;  // the Enter still moves to the next line
    active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
  }
  ~NoEcho() {
    if (active_) ::tcsetattr(fd_, TCSANOW, &saved_);
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool active_ = false;
};

}  // namespace

SecretInput SecretInput::standard() {
  return SecretInput(stdin, stderr, ::isatty(STDIN_FILENO) == 1);
}

core::Result<std::string> SecretInput::read(const std::string& what) {
  std::string prompt = what + ": ";
  prompt[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(prompt[0])));
  return readAfter(prompt, what);
}

core::Result<std::string> SecretInput::readNew(const std::string& what) {
  auto first = read(what);
  if (!first.ok() || !terminal_) return first;
  auto again = readAfter("The same " + what + " again: ", what);
  if (!again.ok()) return again;
  if (*again != *first)
    return core::invalidInput("The " + what + " was not typed the same twice; nothing was changed.");
  return first;
}

core::Result<std::string> SecretInput::readAfter(const std::string& prompt, const std::string& what) {
  std::optional<NoEcho> quiet;
  if (terminal_) {
    quiet.emplace(::fileno(in_));  // before the prompt, so that nothing typed after it is ever shown
    if (prompts_) {
      std::fputs(prompt.c_str(), prompts_);
      std::fflush(prompts_);
    }
  }
  const std::optional<std::string> line = readLine(in_);
  std::string secret = line ? trimmed(*line) : std::string();
  if (secret.empty()) {
    return core::unauthorised("No " + what +
                              " was given. Type it when asked, or give it on standard input, one "
                              "line for each secret.");
  }
  return secret;
}

}  // namespace longstop::ctl
