// RunLegacyScript: a batch file run the way the paper tells the user to run it.
#include "sim/legacy_run.h"

#include <cstring>
#include <filesystem>

#include "caller_session.h"
#include "fakes/whole_file.h"

namespace sim {

std::string DefaultLegacyScript(const std::string& start_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path base : {fs::path(start_dir.empty() ? "." : start_dir), fs::current_path(ec)}) {
    base = fs::absolute(base, ec);
    for (fs::path dir = base; !dir.empty(); dir = dir.parent_path()) {
      for (const fs::path& candidate : {dir / "scenarios" / "legacy" / "fixup.cmd", dir / "legacy" / "fixup.cmd"}) {
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
      }
      if (dir == dir.parent_path()) break;
    }
  }
  return std::string(kBuiltInFixupCmdName);
}

std::string ConsoleForSecretScan(std::string console) {
  const std::string_view published = kFixupCmdPassword;
  for (size_t at = console.find(published); at != std::string::npos; at = console.find(published, at))
    console.replace(at, published.size(), "(published temporary password)");
  return console;
}

void OpenConsoleSecrets(fakes::Console& con, const std::set<std::string>& earlier_passwords) {
  for (const std::string& password : earlier_passwords) con.RememberSecret(password);
}

LegacyRun RunLegacyScript(fakes::Machine& machine, const std::string& script_path, fakes::ConsoleInput& input,
                          const std::set<std::string>& earlier_passwords, std::function<void(std::string_view)> live) {
  LegacyRun run;
  std::string text;
  std::string name;
  if (script_path == kBuiltInFixupCmdName) {
    text = BuiltInFixupCmd();
    name = "fixup.cmd";
  } else {
    if (int err = fakes::ReadWholeFile(script_path, text); err != 0) {
      run.load_error = script_path + ": cannot open the file: " + fakes::ReadErrorText(err);  // as a scenario's
      return run;
    }
    name = std::filesystem::path(script_path).filename().string();
  }
  // The paper: extract to c:\ and type c:\fixup.cmd at a cmd.exe prompt, one the caller started
  // from Start > Run in its interactive logon.
  LoadCallerProfile(machine);
  fakes::Console con(machine, input);
  con.sink = std::move(live);
  con.public_passwords = {kFixupCmdPassword};  // its `echo` tells the user to type it
  OpenConsoleSecrets(con, earlier_passwords);
  const std::string typed = "c:\\" + name;
  con.Write(con.Prompt() + typed + "\n");
  BatchResult r = RunBatch(con, text, typed);
  if (!r.window_closed) con.Write("\n" + con.Prompt());
  con.Write("\n");
  run.console = con.output;
  run.unmasked_console = con.unmasked_output;
  for (const auto& n : con.notes) run.notes.push_back(n.text);
  run.errorlevel = r.errorlevel;
  run.commands = r.commands;
  run.failures = r.failures;
  run.error = r.error;
  run.passwords = con.typed_secrets;
  return run;
}

}  // namespace sim
