// iisreset [computername] [/stop | /start | /restart | /status] over the fake Service Control Manager.
//
// Texts [S: docs/windows-reference.md#net-commands]: "Attempting stop..." / "Internet services successfully stopped",
// "Attempting start..." / "Internet services successfully started", "... successfully
// restarted" for the default restart. /stop stops IISADMIN and every service depending on it;
// /start starts only the IIS services set to Automatic [S]. The computer name comes first, as the
// usage text says; the local computer's runs here, as without it [S: #iisreset-computer]. Choices
// [M]: failure lines "Stop attempt failed." / "Start attempt failed." and errorlevel 1; a caller
// who is not an administrator gets the access-denied text of iisreset and errorlevel 1; /status
// prints one line per IIS service, its state as the SCM gives it; a remote computer is not there
// to answer (the simulated machine is alone): "The RPC server is unavailable.".
#include <algorithm>

#include "cmd_common.h"
#include "fakes/commands.h"
#include "fakes/scm.h"
#include "fixer/name_case.h"
#include "fixer/win_error.h"

namespace fakes {
namespace {

constexpr std::string_view kIisServices[] = {"IISADMIN", "W3SVC", "SMTPSVC", "MSFTPSVC", "NNTPSVC", "HTTPFilter"};

bool Stopped(const fixer::ServiceInfo& s) { return s.state == fixer::ServiceState::kStopped; }

bool StopIis(Console& con) {
  con.Write("Attempting stop...\n");
  Scm scm(con.machine);
  const fixer::ServiceInfo* admin = scm.Find("IISADMIN");
  // A paused (or pending) IISADMIN is started: the stop goes to it too [#services].
  if (admin && !Stopped(*admin)) {
    if (auto stopped = scm.StopWithDependents("IISADMIN"); !stopped.ok()) {
      con.Write("Stop attempt failed.\n", Stream::kErr);
      return false;
    }
  }
  con.Write("Internet services successfully stopped\n");
  return true;
}

bool StartIis(Console& con, bool announce) {
  con.Write("Attempting start...\n");
  Scm scm(con.machine);
  for (std::string_view name : kIisServices) {
    const fixer::ServiceInfo* s = scm.Find(std::string(name));
    // A started service (running, paused or pending) has nothing to start: StartService would answer 1056.
    if (!s || s->start_type != fixer::StartType::kAutomatic || !Stopped(*s)) continue;
    if (auto st = scm.Start(std::string(name)); !st.ok()) {
      con.Write("Start attempt failed.\n", Stream::kErr);
      return false;
    }
  }
  if (announce) con.Write("Internet services successfully started\n");
  return true;
}

// The state's word in a /status line [M]: "Running" and "Stopped" as before, the others likewise.
std::string_view StatusWord(fixer::ServiceState state) {
  switch (state) {
    case fixer::ServiceState::kStopped: return "Stopped";
    case fixer::ServiceState::kStartPending: return "Start Pending";
    case fixer::ServiceState::kStopPending: return "Stop Pending";
    case fixer::ServiceState::kRunning: return "Running";
    case fixer::ServiceState::kPaused: return "Paused";
  }
  return "Unknown";
}

int PrintStatus(Console& con) {
  Scm scm(con.machine);
  for (std::string_view name : kIisServices) {
    const fixer::ServiceInfo* s = scm.Find(std::string(name));
    if (!s) continue;
    con.Write("Status for " + s->display_name + " ( " + s->name + " ) : " + std::string(StatusWord(s->state)) + "\n");
  }
  return 0;
}

// The local computer by any name that reaches it: its own name, or the loopback's [M].
bool IsLocalComputer(const Console& con, const std::string& name) {
  return fixer::SameWindowsName(name, con.machine.state().products.os.computer_name) ||
         fixer::SameWindowsName(name, "localhost") || name == "127.0.0.1";
}

int Usage(Console& con) {
  con.Write(
      "IISRESET.EXE (c) Microsoft Corp. 1998-1999\n\nUsage:\niisreset [computername]\n\n"
      "    /RESTART            Stop and then restart all Internet services.\n"
      "    /START              Start all Internet services.\n"
      "    /STOP               Stop all Internet services.\n"
      "    /STATUS             Display the status of all Internet services.\n",
      Stream::kErr);
  return 1;
}

}  // namespace

int RunIisreset(Console& con, const std::vector<std::string>& args) {
  std::string mode = "restart";
  std::string computer;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string lower = fixer::FoldWindowsName(args[i]);
    if (lower == "/stop" || lower == "/start" || lower == "/restart" || lower == "/status")
      mode = lower.substr(1);
    else if (lower == "/noforce" || lower.rfind("/timeout:", 0) == 0)
      continue;
    else if (i == 0 && !lower.starts_with("/") && !lower.starts_with("-"))
      computer = args[i];  // iisreset [computername] [options]: the name first
    else
      return Usage(con);
  }
  if (!computer.empty() && !IsLocalComputer(con, computer)) {
    // The connection fails before any attempt: "<Mode> attempt failed." and the RPC error.
    std::string word = mode;
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    con.Write(word + " attempt failed.\n" + std::string(fixer::WinErrorText(fixer::kRpcServerUnavailable)) + "\n",
              Stream::kErr);
    return 1;
  }
  if (!CallerIsAdmin(con.machine)) {
    con.Write(
        "Access denied, you must be an administrator of the remote computer to use this\n"
        "command. Either have your account added to the administrator local group of\n"
        "the remote computer or to the domain administrator global group.\n",
        Stream::kErr);
    return 1;
  }
  if (mode == "status") return PrintStatus(con);
  if (mode == "stop") return StopIis(con) ? 0 : 1;
  if (mode == "start") return StartIis(con, true) ? 0 : 1;
  if (!StopIis(con) || !StartIis(con, false)) return 1;
  con.Write("Internet services successfully restarted\n");
  return 0;
}

}  // namespace fakes
