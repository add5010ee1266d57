// The machine generator of explore (explore.h): a machine within what the machine file can say,
// as features of one line each, so shrinking can drop them one by one (docs/explore.md lists
// what is generated and how often).
#include <string>
#include <vector>

#include "sim/explore.h"

namespace sim {
namespace {

struct Os {
  const char* name;
  const char* computer;
  int max_service_pack;
  int weight;
};
// XP's service packs stop at SP1: the 2003 bulletins the machines take do not install on SP2
// (docs/windows-reference.md#updates-older-than-the-service-pack).
constexpr Os kOses[] = {
    {"windows-xp-professional", "XPPRO", 1, 55},    {"windows-xp-home", "XPHOME", 1, 8},
    {"windows-2000-professional", "W2KPRO", 4, 12}, {"windows-2000-server", "W2KSRV", 4, 10},
    {"windows-server-2003", "W2K3SRV", 1, 15},
};

const Os& PickOs(ExploreRandom& r) {
  int total = 0;
  for (const Os& os : kOses) total += os.weight;
  int x = static_cast<int>(r.Below(static_cast<uint64_t>(total)));
  for (const Os& os : kOses) {
    if (x < os.weight) return os;
    x -= os.weight;
  }
  return kOses[0];
}

class MachineBuilder {
 public:
  explicit MachineBuilder(ExploreRandom& r) : r_(r) {}

  std::vector<MachineFeature> Build() {
    const Os& os = PickOs(r_);
    computer_ = os.computer;
    os_ = os.name;
    Add("os", "", os.name);
    if (r_.Chance(40))
      Add("service_pack", "", std::to_string(r_.Below(static_cast<uint64_t>(os.max_service_pack) + 1)));
    WebServer(os);
    Accounts();
    Frameworks();
    if (r_.Chance(70)) Add("hotfixes", "", "MS03-032");
    if (r_.Chance(12)) Add("hotfixes", "", "MS03-040");
    if (r_.Chance(12)) Add("hotfixes", "", "MS03-026");
    if (aspnet_) Worker();
    Policy();
    Services();
    Session();
    Applications();
    return std::move(features_);
  }

 private:
  void Add(std::string section, std::string key, std::string value) {
    features_.push_back({std::move(section), std::move(key), std::move(value)});
  }

  void WebServer(const Os& os) {
    const std::string name = os.name;
    iis_ = name != "windows-xp-home";
    if (name == "windows-xp-home") {
      if (r_.Chance(60)) {
        Add("web_server", "", "cassini");
      } else {
        no_web_server_ = true;  // XP Home's default: no application can be listed (a load error)
      }
    } else if (name == "windows-server-2003") {
      if (r_.Chance(50)) Add("web_server", "", "{kind: iis-6.0, iis5_isolation_mode: true}");
    } else if (r_.Chance(8)) {
      Add("web_server", "", "cassini");
      iis_ = false;
    }
    cassini_ = !iis_;
  }

  void Accounts() {
    if (r_.Chance(35)) {
      alice_ = true;
      Add("accounts", "alice", "password: 'Wonder1and!'");
      Add("accounts", "alice", "groups: [Users, Administrators]");
    }
    if (r_.Chance(30)) {
      bob_ = true;
      Add("accounts", "bob", "password: 'B0b-Builder!'");
    }
  }

  void Frameworks() {
    if (r_.Chance(88)) {
      aspnet_ = has10_ = true;
      switch (r_.Below(10)) {
        case 0:
          Add("frameworks", "", "{version: '1.0', process_model: {userName: SYSTEM, password: AutoGenerate}}");
          break;
        case 1:
          Add("accounts", "webworker", "password: 'W3b-Worker-2003'");
          Add("rights", "webworker", "[SeBatchLogonRight]");
          Add("frameworks", "",
              "{version: '1.0', process_model: {userName: '" + computer_ +
                  "\\webworker', password: 'W3b-Worker-2003'}}");
          break;
        case 2:
          Add("accounts", "webworker", "password: 'W3b-Worker-2003'");
          Add("objects", "",
              "{registry: 'HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG', acl: [{allow: SYSTEM, mask: full}, {allow: "
              "Administrators, mask: full}], values: {userName: webworker, password: 'W3b-Worker-2003'}}");
          Add("frameworks", "",
              "{version: '1.0', process_model: {userName: 'registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,userName', "
              "password: 'registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,password'}}");
          break;
        default: Add("frameworks", "", "'1.0'");
      }
    }
    if (r_.Chance(25)) {
      aspnet_ = has11_ = true;
      Add("frameworks", "", "'1.1'");
    }
  }

  // ASPNET as aspnet_regiis left it, or as an administrator or a policy changed it since.
  void Worker() {
    switch (r_.Below(12)) {
      case 0: Add("accounts", "ASPNET", "flags: [disabled]"); break;
      case 1:
        Add("accounts", "ASPNET", "flags: [locked_out]");
        Add("accounts", "ASPNET", "bad_password_count: " + std::to_string(1 + r_.Below(5)));
        break;
      case 2: Add("accounts", "ASPNET", "password_expired: true"); break;
      default: break;
    }
    switch (r_.Below(10)) {
      case 0: Add("profiles", "ASPNET", "present"); break;
      case 1:  // the profile folder a first logon would take, already held by another SID
        if (bob_) Add("profiles", "bob", "{path: 'C:\\Documents and Settings\\ASPNET', folder: true}");
        break;
      case 2: Add("objects", "", "{file: 'C:\\Documents and Settings\\ASPNET'}"); break;  // no ProfileList entry
      default: break;
    }
    if (r_.Chance(12)) {
      const std::vector<std::string> sets = {"[SeServiceLogonRight, SeDenyInteractiveLogonRight]",
                                             "[SeBatchLogonRight, SeServiceLogonRight, SeDenyBatchLogonRight]",
                                             "[SeBatchLogonRight, SeServiceLogonRight, SeNetworkLogonRight]"};
      Add("rights", "ASPNET", r_.Pick(sets));
    }
    if (iis_ && r_.Chance(40))
      Add("objects", "",
          "{file: 'C:\\Inetpub\\wwwroot\\shop\\App_Data', acl: [{allow: Administrators, mask: full, flags: [OI, CI]}, "
          "{allow: ASPNET, mask: modify, flags: [OI, CI]}]}");
    if (r_.Chance(15))
      Add("objects", "",
          "{registry: 'HKLM\\SOFTWARE\\Shop', acl: [{allow: SYSTEM, mask: full}, {allow: ASPNET, mask: read}]}");
    if (r_.Chance(25)) {
      const std::string login = "'" + computer_ + "\\ASPNET'";
      Add("sql", "databases", "[shop]");
      Add("sql", "logins", "[{name: " + login + "}]");
      if (r_.Chance(70))
        Add("sql", "users", "[{database: shop, name: ASPNET, login: " + login + ", roles: [db_datareader]}]");
    }
  }

  void Policy() {
    if (r_.Chance(20)) {
      Add("policy", "password", "min_length: " + std::to_string(r_.Below(15)));
      if (r_.Chance(50)) Add("policy", "password", "complexity: true");
      if (r_.Chance(30)) Add("policy", "password", "history: " + std::to_string(r_.Below(5)));
    }
    if (r_.Chance(20)) {
      Add("policy", "lockout", "threshold: " + std::to_string(1 + r_.Below(5)));
      Add("policy", "lockout", "duration_minutes: " + std::to_string(r_.Below(61)));
    }
  }

  void Services() {
    bool w3svc_stopped = iis_ && r_.Chance(8);
    if (w3svc_stopped) Add("services", "W3SVC", "state: stopped");
    if (iis_ && r_.Chance(5)) Add("services", "W3SVC", "start_type: disabled");
    const bool iisadmin_stopped = iis_ && r_.Chance(4);
    if (iisadmin_stopped) {
      // Stopping IISADMIN stops its dependents first: none runs without it (a load error).
      Add("services", "IISADMIN", "state: stopped");
      if (!w3svc_stopped) Add("services", "W3SVC", "state: stopped");
      w3svc_stopped = true;
      for (const std::string& dependent : IisDependents()) Add("services", dependent, "state: stopped");
    }
    if (aspnet_ && r_.Chance(10)) {
      Add("services", "aspnet_state", "state: running");
      Add("services", "aspnet_state", "start_type: auto");
    }
    if (iis_) Paused(w3svc_stopped, iisadmin_stopped);
  }

  // A service an administrator paused on purpose: an IIS dependent the repair must leave paused
  // again, or the web server itself (W3SVC, IISADMIN), which the fixer refuses. A service stays
  // paused only while what it depends on is started, so none is paused under a stopped IISADMIN.
  void Paused(bool w3svc_stopped, bool iisadmin_stopped) {
    const std::vector<std::string> dependents = IisDependents();
    if (!iisadmin_stopped && r_.Chance(10)) Add("services", r_.Pick(dependents), "state: paused");
    if (!w3svc_stopped && !iisadmin_stopped && r_.Chance(3)) Add("services", "W3SVC", "state: paused");
    if (!iisadmin_stopped && r_.Chance(2)) Add("services", "IISADMIN", "state: paused");
  }

  // IISADMIN's dependents besides W3SVC on a fresh install of this edition's IIS
  // (fakes/src/fresh_install_services.cpp): SMTP, and FTP on Windows 2000; HTTP SSL on IIS 6.
  std::vector<std::string> IisDependents() const {
    if (os_ == "windows-server-2003") return {"HTTPFilter"};
    if (os_.starts_with("windows-2000")) return {"SMTPSVC", "MSFTPSVC"};
    return {"SMTPSVC"};
  }

  void Session() {
    if (bob_ && r_.Chance(12)) Add("session", "caller", "bob");
    if (cassini_ || r_.Chance(20)) {
      const std::string user = alice_ && r_.Chance(50) ? "alice" : "Administrator";
      Add("session", "interactive_user", user);
    }
  }

  void Applications() {
    if (!aspnet_ || no_web_server_) return;
    const std::vector<std::string> modes = {"InProc", "InProc", "Off", "StateServer", "SQLServer"};
    const std::string first = has10_ ? "'1.0'" : "'1.1'";
    const std::string where = iis_ ? "" : ", physical_path: 'C:\\sites\\shop'";
    Add("applications", "",
        "{path: /LM/W3SVC/1/ROOT/shop, framework: " + first + ", session_state: " + r_.Pick(modes) + where + "}");
    if (r_.Chance(30)) {
      const std::string second = has11_ && r_.Chance(50) ? "'1.1'" : first;
      const std::string where2 = iis_ ? "" : ", physical_path: 'C:\\sites\\admin'";
      Add("applications", "", "{path: /LM/W3SVC/1/ROOT/admin, framework: " + second + where2 + "}");
    }
  }

  ExploreRandom& r_;
  std::vector<MachineFeature> features_;
  std::string computer_;
  std::string os_;  // "windows-xp-professional"
  bool no_web_server_ = false;
  bool iis_ = true, cassini_ = false, aspnet_ = false, has10_ = false, has11_ = false, alice_ = false, bob_ = false;
};

}  // namespace

std::vector<MachineFeature> GenerateMachine(ExploreRandom& random) { return MachineBuilder(random).Build(); }

}  // namespace sim
