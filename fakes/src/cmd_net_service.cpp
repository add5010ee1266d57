// net start / net stop NAME [/y] over the fake Service Control Manager.
//
// Texts [S: docs/windows-reference.md#net-commands]: "The <Display> service is starting." / "...
// was started successfully.",
// "... is stopping." / "... was stopped successfully.", 2182, 2185, 3521 "The <Display> service
// is not started.". Dependents [S: Q236166 header; WS03 netcmd stop.c]: net stop lists the running
// dependents and asks "Do you want to continue this operation? (Y/N) [N]:" (NetAsk) unless /y; each
// dependent is then stopped with its own messages. The name may be the key or display name.
// `net start` alone lists the started services: "These Windows services are started:", each
// display name indented by three spaces, a blank line, "The command completed successfully.".
#include <algorithm>

#include "cmd_common.h"
#include "cmd_net.h"
#include "cmd_net_messages.h"
#include "cmd_net_service_args.h"
#include "cmd_net_switches.h"
#include "fakes/commands.h"
#include "fakes/scm.h"
#include "fixer/name_case.h"
#include "who_may.h"

namespace fakes::cmd {
namespace {

constexpr std::string_view kStartUsage = "NET START\n[service]\n";
constexpr std::string_view kStopUsage = "NET STOP\nservice\n";

// Stops one service, with net's two lines and a blank line; error text on failure.
bool StopOne(Console& con, Scm& scm, const std::string& key) {
  const std::string display = DisplayOf(scm, key);
  con.Write("The " + display + " service is stopping.\n");
  if (auto st = scm.Stop(key); !st.ok()) {
    NetError(con, st.code(), st.message());
    return false;
  }
  con.Write("The " + display + " service was stopped successfully.\n\n");
  return true;
}

// `net start` alone: the started (active) services by display name, in case-insensitive order.
int ListStarted(Console& con) {
  std::vector<std::string> names;
  for (const fixer::ServiceInfo& s : con.machine.state().services) {
    if (s.state != fixer::ServiceState::kStopped) names.push_back(s.display_name);
  }
  SortAsNetLists(names);
  con.Write("These Windows services are started:\n\n");
  for (const std::string& name : names) con.Write("   " + name + "\n");
  con.Write("\n");
  NetOk(con);
  return 0;
}

}  // namespace

ServiceArgs ParseServiceArgs(const std::vector<std::string>& args) {
  ServiceArgs out;
  std::vector<std::string> words;
  for (const auto& a : args) {
    if (IsOption(a, "/y") || IsOption(a, "/ye") || IsOption(a, "/yes"))
      out.answer = true;
    else if (IsOption(a, "/n") || IsOption(a, "/no"))
      out.answer = false;
    else if (!a.empty() && a[0] == '/')
      out.options.push_back(a);
    else
      words.push_back(a);
  }
  // An unquoted display name arrives as several words: net joins them [M].
  for (const auto& w : words) out.name += (out.name.empty() ? "" : " ") + w;
  if (out.name.size() >= 2 && out.name.front() == '"' && out.name.back() == '"')
    out.name = out.name.substr(1, out.name.size() - 2);
  return out;
}

std::string DisplayOf(const Scm& scm, const std::string& key) {
  const fixer::ServiceInfo* s = scm.Find(key);
  return s ? s->display_name : key;
}

const fixer::ServiceInfo* ControllableService(Console& con, const Scm& scm, const std::string& name) {
  const fixer::ServiceInfo* svc = scm.Find(name);
  if (!svc) {
    NetError(con, fixer::kNerrBadServiceName);
    return nullptr;
  }
  if (!MayControlServices(con.machine).ok()) {
    NetError(con, fixer::kErrorAccessDenied);
    return nullptr;
  }
  return svc;
}

int NetStart(Console& con, const std::vector<std::string>& args) {
  ServiceArgs a = ParseServiceArgs(args);
  // The switches of the LAN Manager services' own (net start server /X) are not modelled [M].
  if (auto level = CheckNetSwitches(con, a.options, {}, kStartUsage)) return *level;
  if (a.name.empty()) return ListStarted(con);
  Scm scm(con.machine);
  const fixer::ServiceInfo* svc = ControllableService(con, scm, a.name);
  if (!svc) return kNetFailed;
  // Any state but stopped is started: a paused service is still running, suspended
  // (docs/windows-reference.md#services), and `net start` lists it among the started ones.
  if (svc->state != fixer::ServiceState::kStopped) return NetError(con, fixer::kNerrServiceAlreadyStarted);
  const std::string key = svc->name;
  const std::string display = svc->display_name;
  // The SCM's refusals (1058 disabled, 1068 dependency, 1069 logon) come from StartService
  // itself, before net prints "is starting." [M]: the error alone.
  if (auto st = scm.Start(key); !st.ok()) return NetError(con, st.code(), st.message());
  con.Write("The " + display + " service is starting.\n");
  con.Write("The " + display + " service was started successfully.\n\n");
  return 0;
}

int NetStop(Console& con, const std::vector<std::string>& args) {
  ServiceArgs a = ParseServiceArgs(args);
  if (auto level = CheckNetSwitches(con, a.options, {}, kStopUsage)) return *level;
  if (a.name.empty()) return NetSyntax(con, kStopUsage);
  Scm scm(con.machine);
  const fixer::ServiceInfo* svc = ControllableService(con, scm, a.name);
  if (!svc) return kNetFailed;
  const std::string key = svc->name;
  const std::string display = svc->display_name;
  // A paused service is started too, and SERVICE_CONTROL_STOP stops it
  // (docs/windows-reference.md#services). [M] A pending one is still "not started" here.
  if (svc->state != fixer::ServiceState::kRunning && svc->state != fixer::ServiceState::kPaused)
    return NetError(con, kNetServiceNotStarted, NetMessage(kNetServiceNotStarted, display));

  auto dependents = scm.ActiveDependents(key);
  if (!dependents.ok()) return NetError(con, dependents.status().code(), dependents.status().message());
  if (!dependents->empty()) {
    con.Write("The following services are dependent on the " + display +
              " service.\n"
              "Stopping the " +
              display + " service will also stop these services.\n\n");
    for (const auto& d : *dependents) con.Write("   " + DisplayOf(scm, d) + "\n");
    con.Write("\n");
    // stop.c: `if (!YorN(APE_ProceedWOp, 0)) NetcmdExit(2);`, net user's question and its rules.
    const std::optional<bool> go = NetAsk(con, "Do you want to continue this operation?", false, a.answer);
    if (!go.value_or(false)) return kNetFailed;
    for (const auto& d : *dependents)
      if (!StopOne(con, scm, d)) return kNetFailed;
  }
  return StopOne(con, scm, key) ? 0 : kNetFailed;
}

}  // namespace fakes::cmd
