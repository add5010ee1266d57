// The history generator of explore (explore.h): what an administrator does before and after the
// fixer (the scenario step kinds), the fixer's verbs and strategies with faults and crashes at
// random calls, and `legacy` runs of fixup.cmd (docs/explore.md).
#include <string>
#include <vector>

#include "sim/explore.h"
#include "sim/legacy_run.h"
#include "sim/sweep.h"

namespace sim {
namespace {

// The mutating operations a fixer run makes (the errors their Windows calls really give:
// sweep_faults.cpp's ErrorsFor).
const std::vector<std::string>& FixerOps() {
  static const std::vector<std::string> kOps = {"scm.stop",        "scm.start",        "sam.set_password",
                                                "sam.create_user", "sam.set_flags",    "journal.append",
                                                "profile.create",  "acl.set_dacl",     "lsa.store_secret",
                                                "lsa.grant",       "sql.create_login", "registry.set_value"};
  return kOps;
}

struct MachineFacts {
  bool aspnet = false, iis = true, sql = false, bob = false, has_ms03_032 = false;
  std::string system_root = "C:\\WINDOWS";  // %SystemRoot%: C:\WINNT on Windows 2000
  std::vector<std::string> apps;
};

MachineFacts FactsOf(const std::vector<MachineFeature>& machine) {
  MachineFacts f;
  for (const MachineFeature& m : machine) {
    if (m.section == "frameworks") f.aspnet = true;
    if (m.section == "web_server" && m.value == "cassini") f.iis = false;
    if (m.section == "sql") f.sql = true;
    if (m.section == "os" && m.value.rfind("windows-2000", 0) == 0) f.system_root = "C:\\WINNT";
    if (m.section == "accounts" && m.key == "bob") f.bob = true;
    if (m.section == "hotfixes" && m.value == "MS03-032") f.has_ms03_032 = true;
    if (m.section == "applications") {
      for (const char* app : {"/LM/W3SVC/1/ROOT/shop", "/LM/W3SVC/1/ROOT/admin"})
        if (m.value.find(app) != std::string::npos) f.apps.push_back(app);
    }
  }
  return f;
}

// Long and complex enough for every policy the machines and `set_policy` steps set (at most 14).
constexpr const char* kNewAccountPassword = "Tulip#2003pass!";

Step S(std::string kind, std::map<std::string, std::string> args) { return {std::move(kind), std::move(args), {}, {}}; }

class HistoryBuilder {
 public:
  HistoryBuilder(ExploreRandom& r, MachineFacts facts) : r_(r), f_(std::move(facts)) {}

  std::vector<Step> Build() {
    if (!f_.has_ms03_032 && r_.Chance(70)) steps_.push_back(S("install_hotfix", {{"id", "MS03-032"}}));
    const uint64_t n = 1 + r_.Below(6);
    for (uint64_t i = 0; i < n; ++i) {
      if (pending_) {
        Recover();
        continue;
      }
      switch (r_.Below(10)) {
        case 0:
        case 1:
        case 2: Fixer(); break;
        case 3: Request(); break;
        case 4:
          if (r_.Chance(30)) {
            Legacy();
            break;
          }
          [[fallthrough]];
        default: Administrator(); break;
      }
    }
    bool applied = false;
    for (const Step& s : steps_) applied |= s.kind == "fixer" && s.args.at("command") == "apply";
    if (!applied) steps_.push_back(S("fixer", {{"command", "apply"}}));
    if (pending_ || r_.Chance(40)) steps_.push_back(S("fixer", {{"command", pending_ ? "resume" : "diagnose"}}));
    return std::move(steps_);
  }

 private:
  // A path under a framework's folder, on this machine's %SystemRoot%.
  std::string FrameworkPath(const char* version_folder, const char* rest) const {
    return f_.system_root + "\\Microsoft.NET\\Framework\\" + version_folder + "\\" + rest;
  }

  std::string App() { return f_.apps.empty() ? "/LM/W3SVC/1/ROOT/shop" : r_.Pick(f_.apps); }

  void Request() {
    if (!f_.apps.empty()) steps_.push_back(S("request", {{"app", App()}}));
  }

  void Fixer() {
    std::map<std::string, std::string> args;
    const uint64_t verb = r_.Below(10);
    args["command"] = verb == 0 ? "diagnose" : verb == 1 ? "plan" : "apply";
    if (args["command"] != "diagnose" && r_.Chance(30)) args["strategy"] = "recreate";
    if (args["command"] == "apply") {
      if (r_.Chance(5)) args["dry_run"] = "true";
      if (r_.Chance(5)) args["temp_password"] = "Tmp#2003-xyz";
      switch (r_.Below(8)) {
        case 0: args["fail_at"] = std::to_string(1 + r_.Below(40)); break;
        case 1: {
          args["fail_op"] = r_.Pick(FixerOps());
          args["fail_error"] = std::to_string(r_.Pick(ErrorsFor(args["fail_op"])));  // one its call can give
          break;
        }
        case 2:
        case 3:
          args[r_.Chance(50) ? "crash_at" : "crash_after"] = std::to_string(1 + r_.Below(40));
          pending_ = true;
          break;
        default: break;
      }
    }
    steps_.push_back(S("fixer", std::move(args)));
  }

  // After a crash, the operator resumes or rolls back (or first looks, or does something else).
  void Recover() {
    pending_ = false;
    if (r_.Chance(20)) {
      Administrator();
      pending_ = true;
      return;
    }
    if (r_.Chance(10)) {
      // A look first, which changes nothing and leaves the journal: diagnose, plan or apply (which
      // say journal-pending), or a dry run of the recovery.
      static const std::vector<std::string> kLooks = {"diagnose", "plan", "apply", "resume", "rollback"};
      std::map<std::string, std::string> look{{"command", r_.Pick(kLooks)}};
      if (look["command"] == "resume" || look["command"] == "rollback") look["dry_run"] = "true";
      steps_.push_back(S("fixer", std::move(look)));
      pending_ = true;
      return;
    }
    std::map<std::string, std::string> args{{"command", r_.Chance(60) ? "resume" : "rollback"}};
    if (r_.Chance(15)) {
      args["crash_at"] = std::to_string(1 + r_.Below(20));
      pending_ = true;
    }
    steps_.push_back(S("fixer", std::move(args)));
  }

  void Legacy() {
    if (r_.Chance(75))
      steps_.push_back(S("legacy", {{"answer", kFixupCmdPassword}}));
    else
      steps_.push_back(S("legacy", {{"no_answer", "true"}}));
  }

  void Administrator() {
    const std::vector<std::string> services =
        f_.iis ? std::vector<std::string>{"W3SVC", "IISADMIN", "aspnet_state"} : std::vector<std::string>{"seclogon"};
    switch (r_.Below(f_.aspnet ? 20 : 6)) {
      case 0: steps_.push_back(S("stop_service", {{"name", r_.Pick(services)}})); break;
      case 1: steps_.push_back(S("start_service", {{"name", r_.Pick(services)}})); break;
      case 2: {
        const std::vector<std::string> types = {"auto", "manual", "disabled"};
        steps_.push_back(S("set_start_type", {{"name", r_.Pick(services)}, {"start_type", r_.Pick(types)}}));
        break;
      }
      case 3:
        steps_.push_back(S("advance_clock", {{"seconds", std::to_string(60 * (1 + r_.Below(60 * 24 * 50)))}}));
        break;
      case 4: {
        std::map<std::string, std::string> p;
        if (r_.Chance(50)) p["lockout_threshold"] = std::to_string(r_.Below(6));
        if (r_.Chance(50)) p["lockout_duration_minutes"] = std::to_string(r_.Below(61));
        if (r_.Chance(50)) p["min_length"] = std::to_string(r_.Below(15));
        if (p.empty() || r_.Chance(30)) p["complexity"] = r_.Chance(50) ? "true" : "false";
        steps_.push_back(S("set_policy", std::move(p)));
        break;
      }
      case 5: steps_.push_back(S("set_interactive_user", {{"user", r_.Chance(50) ? "Administrator" : "none"}})); break;
      case 6: steps_.push_back(S("disable_account", {{"name", "ASPNET"}})); break;
      case 7: steps_.push_back(S("enable_account", {{"name", "ASPNET"}})); break;
      case 8: steps_.push_back(S("logon", {{"user", "ASPNET"}, {"password", "wrong"}, {"type", "network"}})); break;
      case 9: steps_.push_back(S("set_password", {{"user", "ASPNET"}, {"password", "N3w-Passw0rd!"}})); break;
      case 10: {
        const std::vector<std::string> rights = {"SeBatchLogonRight", "SeDenyBatchLogonRight", "SeServiceLogonRight"};
        steps_.push_back(
            S(r_.Chance(50) ? "grant_right" : "revoke_right", {{"principal", "ASPNET"}, {"right", r_.Pick(rights)}}));
        break;
      }
      case 11:
        if (r_.Chance(20)) {
          // A deny on a folder ASP.NET needs (KB 811320): no repair can make the site answer.
          steps_.push_back(S("grant_ace", {{"path", FrameworkPath("v1.0.3705", "Temporary ASP.NET Files")},
                                           {"principal", "ASPNET"},
                                           {"mask", "full"},
                                           {"type", "deny"},
                                           {"flags", "OICI"}}));
          break;
        }
        steps_.push_back(S("grant_ace", {{"path", "C:\\Inetpub\\wwwroot\\data"},
                                         {"principal", "ASPNET"},
                                         {"mask", r_.Chance(50) ? "modify" : "read"},
                                         {"flags", "OICI"}}));
        break;
      case 12:
        if (f_.sql) steps_.push_back(S("grant_sql_login", {{"name", "ASPNET"}, {"database", "shop"}}));
        break;
      case 13:
        if (!f_.apps.empty()) {
          const std::vector<std::string> modes = {"Off", "InProc", "StateServer", "SQLServer"};
          steps_.push_back(S("map_application", {{"path", App()}, {"session_state", r_.Pick(modes)}}));
        }
        break;
      case 14:
        if (f_.bob) steps_.push_back(S("set_caller", {{"user", r_.Chance(50) ? "bob" : "Administrator"}}));
        break;
      case 15: steps_.push_back(S("install_framework", {{"version", "1.1"}})); break;
      case 16: Accounts(); break;
      case 17: OtherAccount(); break;
      case 18: ProcessModel(); break;
      case 19: Command(); break;
      default: break;
    }
  }

  // `net user ASPNET /delete`, often followed by `net user ASPNET ... /add`: the same name with a
  // new SID, which the ACEs, rights and logins left behind do not name.
  void Accounts() {
    if (!aspnet_deleted_) {
      steps_.push_back(S("delete_account", {{"name", "ASPNET"}}));
      aspnet_deleted_ = true;
      if (r_.Chance(50)) return;
    }
    steps_.push_back(S("create_account", {{"name", "ASPNET"}, {"password", kNewAccountPassword}}));
    aspnet_deleted_ = false;
  }

  // machine.config's identity for 1.0 changed by hand: back to the default, SYSTEM, or a custom
  // account (one that may not exist, or carol with her password).
  void ProcessModel() {
    std::map<std::string, std::string> args{{"framework", "1.0"}, {"password", "AutoGenerate"}};
    switch (r_.Below(4)) {
      case 0: args["userName"] = "machine"; break;
      case 1: args["userName"] = "SYSTEM"; break;
      case 2:
        args["userName"] = ".\\carol";
        args["password"] = kNewAccountPassword;
        break;
      default:
        args["userName"] = ".\\webworker";
        args["password"] = "W0rker!pass";
        break;
    }
    steps_.push_back(S("set_process_model", std::move(args)));
  }

  // What an administrator types between runs: re-registering ASP.NET 1.0 (-i: a new ASPNET
  // password in the LSA, the default rights and ACLs; -r: every application remapped to 1.0;
  // -u: 1.0's applications moved to 1.1 or unmapped), 1.1's -i, restarting or stopping IIS,
  // stopping or starting the web service; and ASPNET's groups changed by hand.
  void Command() {
    std::vector<std::string> lines = {"net localgroup Users ASPNET /delete", "net localgroup Users ASPNET /add",
                                      "net localgroup Administrators ASPNET /add"};
    if (f_.iis) {
      const std::string v10 = FrameworkPath("v1.0.3705", "aspnet_regiis.exe");
      const std::string v11 = FrameworkPath("v1.1.4322", "aspnet_regiis.exe");
      lines.insert(lines.end(),
                   {v10 + " -i", v10 + " -i", v10 + " -r", v10 + " -u", v11 + " -i", "iisreset", "iisreset /stop",
                    "iisreset /start", "net stop w3svc", "net start w3svc", "net stop iisadmin /y"});
    }
    if (r_.Chance(15)) {
      ManualWorkaround();
    } else {
      steps_.push_back(S("command", {{"line", r_.Pick(lines)}}));
    }
  }

  // The workaround by hand, as support engineers typed it before fixup.cmd: a known password on
  // ASPNET, `runas /profile` to make its profile (the LSA secret no longer matches), and
  // sometimes aspnet_regiis -i afterwards to put a new password in both places.
  void ManualWorkaround() {
    steps_.push_back(S("command", {{"line", std::string("net user ASPNET ") + kNewAccountPassword}}));
    steps_.push_back(S("command", {{"line", "runas /profile /user:ASPNET cmd.exe"}, {"answer", kNewAccountPassword}}));
    if (f_.iis && r_.Chance(50)) {
      steps_.push_back(S("command", {{"line", FrameworkPath("v1.0.3705", "aspnet_regiis.exe") + " -i"}}));
    }
  }

  // An account besides the worker comes or goes (bob, when the machine has him, or a new carol).
  void OtherAccount() {
    if (f_.bob && r_.Chance(30)) {
      steps_.push_back(S("delete_account", {{"name", "bob"}}));
      f_.bob = false;
    } else if (!carol_) {
      steps_.push_back(S("create_account", {{"name", "carol"}, {"password", kNewAccountPassword}}));
      carol_ = true;
    } else {
      steps_.push_back(S("delete_account", {{"name", "carol"}}));
      carol_ = false;
    }
  }

  ExploreRandom& r_;
  MachineFacts f_;
  std::vector<Step> steps_;
  bool pending_ = false;                         // a crash left a journal
  bool aspnet_deleted_ = false, carol_ = false;  // by this history (a fixer run may create ASPNET again)
};

}  // namespace

std::vector<Step> GenerateHistory(ExploreRandom& random, const std::vector<MachineFeature>& machine) {
  return HistoryBuilder(random, FactsOf(machine)).Build();
}

ExploreCase GenerateCase(uint64_t seed, uint64_t index) {
  ExploreRandom random(seed, index);
  ExploreCase c{seed, index, GenerateMachine(random), {}};
  c.steps = GenerateHistory(random, c.machine);
  return c;
}

}  // namespace sim
