// iisreset [/stop | /start | /restart | /status] over the fake Service Control Manager.
//
// Texts [S: docs/windows-reference.md#net-commands]: "Attempting stop..." / "Internet services successfully stopped",
// "Attempting start..." / "Internet services successfully started", "... successfully
// restarted" for the default restart. /stop stops IISADMIN and every service depending on it;
// /start starts only the IIS services set to Automatic [S]. Choices [M]: failure lines "Stop
// attempt failed." / "Start attempt failed." and errorlevel 1; a caller who is not an
// administrator gets the access-denied text of iisreset and errorlevel 1; /status prints one
// line per IIS service.
#include <algorithm>

#include "cmd_common.h"
#include "fakes/commands.h"
#include "fakes/scm.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

constexpr std::string_view kIisServices[] = {"IISADMIN", "W3SVC", "SMTPSVC", "MSFTPSVC", "NNTPSVC", "HTTPFilter"};

bool StopIis(Console& con) {
  con.Write("Attempting stop...\n");
  Scm scm(con.machine);
  const fixer::ServiceInfo* admin = scm.Find("IISADMIN");
  if (admin && admin->state == fixer::ServiceState::kRunning) {
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
    if (!s || s->start_type != fixer::StartType::kAutomatic || s->state == fixer::ServiceState::kRunning) continue;
    if (auto st = scm.Start(std::string(name)); !st.ok()) {
      con.Write("Start attempt failed.\n", Stream::kErr);
      return false;
    }
  }
  if (announce) con.Write("Internet services successfully started\n");
  return true;
}

}  // namespace

int RunIisreset(Console& con, const std::vector<std::string>& args) {
  if (!CallerIsAdmin(con.machine)) {
    con.Write(
        "Access denied, you must be an administrator of the remote computer to use this\n"
        "command. Either have your account added to the administrator local group of\n"
        "the remote computer or to the domain administrator global group.\n",
        Stream::kErr);
    return 1;
  }
  std::string mode = "restart";
  for (const auto& a : args) {
    const std::string lower = fixer::FoldWindowsName(a);
    if (lower == "/stop" || lower == "/start" || lower == "/restart" || lower == "/status")
      mode = lower.substr(1);
    else if (lower == "/noforce" || lower.rfind("/timeout:", 0) == 0)
      continue;
    else {
      con.Write(
          "IISRESET.EXE (c) Microsoft Corp. 1998-1999\n\nUsage:\niisreset [computername]\n\n"
          "    /RESTART            Stop and then restart all Internet services.\n"
          "    /START              Start all Internet services.\n"
          "    /STOP               Stop all Internet services.\n"
          "    /STATUS             Display the status of all Internet services.\n",
          Stream::kErr);
      return 1;
    }
  }
  if (mode == "status") {
    Scm scm(con.machine);
    for (std::string_view name : kIisServices) {
      const fixer::ServiceInfo* s = scm.Find(std::string(name));
      if (!s) continue;
      const bool running = s->state == fixer::ServiceState::kRunning;
      con.Write("Status for " + s->display_name + " ( " + s->name + " ) : " + (running ? "Running" : "Stopped") + "\n");
    }
    return 0;
  }
  if (mode == "stop") return StopIis(con) ? 0 : 1;
  if (mode == "start") return StartIis(con, true) ? 0 : 1;
  if (!StopIis(con) || !StartIis(con, false)) return 1;
  con.Write("Internet services successfully restarted\n");
  return 0;
}

}  // namespace fakes
