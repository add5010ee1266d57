// Console: the cmd.exe session the fake commands run in: the machine, the current folder, the
// environment, ECHO on/off, what was printed, and where typed input (runas's password) comes from.
//
// Output goes to `output` (stdout and stderr interleaved, as a console window shows them) and,
// when set, to `sink` as it is written, so a live terminal sees a prompt before it is answered.
// Input is injected: a fixed answer, closed input, or a stream (see sim/cli for the terminal).
//
//   #include "fakes/commands.h"
//   fakes::FixedInput answer("1pass@word");
//   fakes::Console con(machine, answer);
//   std::optional<int> level = fakes::RunCommandLine(con, "runas /profile /user:ASPNET cmd.exe");
//   std::string printed = con.output;   // "Enter the password for ASPNET: \nAttempting to start cmd.exe as ..."
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fakes/environment.h"
#include "fakes/machine.h"

namespace fakes {

// Where a command reads a line the user types.
class ConsoleInput {
 public:
  virtual ~ConsoleInput() = default;
  // One line without its end-of-line; nullopt when input is closed (end of file).
  // `echo` false: the line is typed without echo (a password).
  virtual std::optional<std::string> ReadLine(bool echo) = 0;
  // True when the typist's own terminal already shows what is typed (a live console), so a
  // command echoes a visible answer into the transcript only, not to the live sink again.
  virtual bool ShowsTyping() const { return false; }
};

// The same answer to every prompt (a scenario's `answer`, `fixup-sim legacy --answer`).
class FixedInput : public ConsoleInput {
 public:
  explicit FixedInput(std::string answer) : answer_(std::move(answer)) {}
  std::optional<std::string> ReadLine(bool) override { return answer_; }

 private:
  std::string answer_;
};

// Input closed: every read meets end of file.
class ClosedInput : public ConsoleInput {
 public:
  std::optional<std::string> ReadLine(bool) override { return std::nullopt; }
};

enum class Stream { kOut, kErr };

// Something the session did outside this console window (runas opens a new window).
struct ConsoleNote {
  std::string text;  // "runas opened a new window: cmd.exe as XPPRO\ASPNET (profile loaded)"
};

struct Console {
  Console(Machine& m, ConsoleInput& in) : machine(m), input(in), env(DefaultEnvironment(m.state())) {
    cwd = env.Get("SystemDrive").value_or("C:") + "\\";
  }

  Machine& machine;
  ConsoleInput& input;
  Environment env;
  std::string cwd;                             // "C:\" ; the prompt is cwd + ">"
  bool echo_on = true;                         // a batch file starts with ECHO on
  std::string output;                          // everything printed, both streams
  std::function<void(std::string_view)> sink;  // live copy of the output, if set
  std::vector<ConsoleNote> notes;
  // The output as cmd.exe prints it: each password the console masks (WriteMasked) as it was
  // written. For the secret scan alone (sim::ConsoleForSecretScan), never shown.
  std::string unmasked_output;
  // Passwords the session was given, as typed (RememberSecret): on a command line (`net user
  // NAME PASSWORD`; a batch file's from its first line), or in a variable a batch file gives net
  // user as one. From then on the echo
  // of a command line, `echo` and `set` show them masked (MaskedCommandLine, MaskedSecrets), and
  // the `secrets` invariant looks for them in every output
  // [M: docs/windows-reference.md#choice-batch-masks-passwords].
  std::vector<std::string> typed_secrets;
  // Passwords everyone was told, never remembered, so shown: the published 1pass@word, which
  // fixup.cmd's own `echo` tells the user to type at runas, as the paper does.
  std::vector<std::string> public_passwords;
  // Redirections in force for the current command (`>nul`, `2>nul`): dropped streams.
  bool mute_out = false;
  bool mute_err = false;

  void Write(std::string_view text, Stream stream = Stream::kOut) { WriteMasked(text, text, stream); }
  // `shown` where cmd prints `as_written`: a password the session was given, masked [M:
  // docs/windows-reference.md#choice-batch-masks-passwords]; unmasked_output keeps `as_written`.
  void WriteMasked(std::string_view as_written, std::string_view shown, Stream stream = Stream::kOut) {
    if ((stream == Stream::kOut && mute_out) || (stream == Stream::kErr && mute_err)) return;
    output.append(shown);
    unmasked_output.append(as_written);
    if (sink) sink(shown);
  }
  // What the user typed at a visible prompt (net stop's Y/N): in the transcript, and live only
  // when the input does not show it already.
  void EchoTyped(std::string_view typed, std::string_view shown) {
    output.append(shown);
    unmasked_output.append(typed);
    if (sink && !input.ShowsTyping()) sink(shown);
  }
  void WriteLine(std::string_view text, Stream stream = Stream::kOut) { Write(std::string(text) + "\n", stream); }
  // A password net user took (on its line, or typed at its prompt): in typed_secrets for good.
  void RememberSecret(const std::string& password) {
    if (Remember(password)) taken_secrets_.push_back(password);
  }
  // What a batch file's password variable (one a `net user` line takes as its password) holds
  // now, by its folded name: in typed_secrets while it holds it. The value it held before goes
  // unless net user took it or another such variable holds it (it was never a password), so a
  // loop that grows the variable keeps one value, not one a turn.
  void RememberVariableSecret(const std::string& variable, const std::string& value) {
    std::string& held = variable_secrets_[variable];
    const std::string before = std::exchange(held, value);
    Remember(value);
    if (before.empty() || before == value || Among(taken_secrets_, before)) return;
    for (const auto& [name, now] : variable_secrets_)
      if (now == before) return;
    // Not there when it was never one: empty, `*` or public (Remember).
    if (auto it = std::find(typed_secrets.begin(), typed_secrets.end(), before); it != typed_secrets.end())
      typed_secrets.erase(it);
  }
  std::string Prompt() const { return cwd + ">"; }

 private:
  static bool Among(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
  }
  // Adds `password` to typed_secrets, unless it is empty, `*` (net's prompt) or public; whether
  // it is a secret now (false for those three).
  bool Remember(const std::string& password) {
    if (password.empty() || password == "*" || Among(public_passwords, password)) return false;
    if (!Among(typed_secrets, password)) typed_secrets.push_back(password);
    return true;
  }
  std::vector<std::string> taken_secrets_;               // those RememberSecret was given
  std::map<std::string, std::string> variable_secrets_;  // RememberVariableSecret's, by variable
};

}  // namespace fakes
