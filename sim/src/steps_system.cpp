// Steps that change services, ACLs, SQL logins, ASP.NET configuration and installed products.
#include <charconv>

#include "fakes/aspnet_setup.h"
#include "fakes/hotfix_catalog.h"
#include "fakes/objects.h"
#include "fakes/sam.h"
#include "fakes/scm.h"
#include "fakes/sql.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

StepReport StopService(RunContext& ctx, const Step& step) {
  const std::string name = RequiredArg(step, "name");
  auto stopped = fakes::Scm(ctx.machine).StopWithDependents(name);
  std::string what = "stop " + fixer::CappedValue(name);
  if (stopped) {
    what += " (stopped:";
    for (const auto& s : *stopped) what += " " + fixer::CappedValue(s);
    what += ")";
  }
  return {true, "", StepDone(stopped.status(), what), ""};
}

StepReport StartService(RunContext& ctx, const Step& step) {
  const std::string name = RequiredArg(step, "name");
  return {true, "", StepDone(fakes::Scm(ctx.machine).Start(name), "start " + fixer::CappedValue(name)), ""};
}

StepReport SetStartType(RunContext& ctx, const Step& step) {
  const std::string name = RequiredArg(step, "name");
  const std::string wanted = RequiredArg(step, "start_type");
  for (fixer::StartType type : kAllStartTypes) {
    if (fixer::ToString(type) != wanted) continue;
    return {true, "",
            StepDone(fakes::Scm(ctx.machine).SetStartType(name, type),
                     "start type of " + fixer::CappedValue(name) + ": " + wanted),
            ""};
  }
  throw StepError{"start type " + fixer::QuotedValue(wanted) + " is not one of boot, system, auto, manual, disabled"};
}

fixer::ObjectNamespace Namespace(const std::string& s) {
  if (s == "file" || s.empty()) return fixer::ObjectNamespace::kFile;
  if (s == "registry") return fixer::ObjectNamespace::kRegistry;
  if (s == "metabase") return fixer::ObjectNamespace::kMetabase;
  throw StepError{"namespace " + fixer::QuotedValue(s) + " is not one of file, registry, metabase"};
}

std::optional<uint32_t> ParseMask(const std::string& s) {
  if (s == "read") return fixer::kFileGenericRead;
  if (s == "write") return fixer::kFileGenericWrite;
  if (s == "modify") return fixer::kFileModify;
  if (s == "full") return fixer::kFileAllAccess;
  if (s.rfind("0x", 0) == 0) {
    uint32_t v = 0;
    auto [p, ec] = std::from_chars(s.data() + 2, s.data() + s.size(), v, 16);
    if (s.size() > 2 && ec == std::errc() && p == s.data() + s.size()) return v;
  }
  return std::nullopt;
}

std::optional<std::string> MaskProblem(const std::string& s) {
  if (ParseMask(s)) return std::nullopt;
  return fixer::QuotedValue(s) + " is not one of read, write, modify, full, or a 32-bit hex mask 0x…";
}

std::optional<uint32_t> ParseAceFlags(const std::string& s) {
  uint32_t flags = 0;
  if (s.size() % 2 != 0) return std::nullopt;
  for (size_t i = 0; i < s.size(); i += 2) {
    const std::string f = s.substr(i, 2);
    if (f == "OI")
      flags |= fixer::kObjectInheritAce;
    else if (f == "CI")
      flags |= fixer::kContainerInheritAce;
    else if (f == "IO")
      flags |= fixer::kInheritOnlyAce;
    else
      return std::nullopt;
  }
  return flags;
}

std::optional<std::string> AceFlagsProblem(const std::string& s) {
  if (ParseAceFlags(s)) return std::nullopt;
  return fixer::QuotedValue(s) + " is not made of OI, CI, IO written together (OICI)";
}

// The values the loader let through (MaskProblem, AceFlagsProblem).
uint32_t Mask(const std::string& s) {
  if (auto mask = ParseMask(s)) return *mask;
  throw StepError{"mask " + *MaskProblem(s)};
}

uint32_t AceFlags(const std::string& s) {
  if (auto flags = ParseAceFlags(s)) return *flags;
  throw StepError{"ACE flags " + *AceFlagsProblem(s)};
}

StepReport GrantAce(RunContext& ctx, const Step& step) {
  const std::string path = RequiredArg(step, "path");
  const std::string who = RequiredArg(step, "principal");
  auto sid = fakes::Sam(ctx.machine).LookupName(who);
  if (!sid) throw StepError{"principal " + fixer::QuotedValue(who) + " does not resolve to an account"};
  const std::string type = Arg(step, "type", "allow");
  if (type != "allow" && type != "deny") throw StepError{"ACE type must be allow or deny"};
  fixer::Ace ace{type == "allow" ? fixer::AceType::kAllow : fixer::AceType::kDeny, *sid,
                 Mask(Arg(step, "mask", "read")), AceFlags(Arg(step, "flags"))};
  fixer::ObjectRef ref{Namespace(Arg(step, "namespace")), path};
  fakes::ObjectStore objects(ctx.machine);
  if (!objects.Exists(ref)) {
    auto st = objects.Create(ref.ns, path, true, fixer::Sid::Administrators(), {});
    if (!st.ok()) return {true, "", StepDone(st, "create " + fixer::CappedValue(path)), ""};
  }
  return {true, "",
          StepDone(objects.AddAce(ref, ace), (type == "allow" ? "grant " : "deny ") +
                                                 fixer::CappedValue(Arg(step, "mask", "read")) + " on " +
                                                 fixer::CappedValue(path) + " to " + fixer::CappedValue(who)),
          ""};
}

StepReport GrantSqlLogin(RunContext& ctx, const Step& step) {
  const std::string name = RequiredArg(step, "name");
  auto& state = ctx.machine.state();
  const std::string windows_name =
      name.find('\\') == std::string::npos ? state.products.os.computer_name + "\\" + name : name;
  fakes::SqlServer sql(ctx.machine);
  auto st = sql.GrantLogin(windows_name);
  std::string what = "sp_grantlogin " + fixer::QuotedValue(windows_name);
  if (st.ok() && !Arg(step, "database").empty()) {
    auto sid = fakes::Sam(ctx.machine).LookupName(name.substr(name.find('\\') + 1));
    fixer::SqlDbUser user{Arg(step, "database"), name.substr(name.find('\\') + 1), sid ? *sid : fixer::Sid(), {}};
    const std::string roles = Arg(step, "roles");
    for (size_t start = 0; start < roles.size();) {
      size_t end = roles.find(',', start);
      if (end == std::string::npos) end = roles.size();
      user.roles.push_back(roles.substr(start, end - start));
      start = end + 1;
    }
    st = sql.CreateDbUser(user);
    what += " + sp_grantdbaccess in " + fixer::CappedValue(user.database);
  }
  return {true, "", StepDone(st, what), ""};
}

fixer::FrameworkInfo& Framework(RunContext& ctx, const std::string& version) {
  for (auto& fw : ctx.machine.state().products.frameworks) {
    if (fw.version == version || fw.version.rfind(version + ".", 0) == 0) return fw;
  }
  throw StepError{"framework " + fixer::QuotedValue(version) + " is not installed"};
}

StepReport SetProcessModel(RunContext& ctx, const Step& step) {
  auto& fw = Framework(ctx, Arg(step, "framework", "1.0"));
  fw.process_model.user_name = Arg(step, "userName", fw.process_model.user_name);
  fw.process_model.password = Arg(step, "password", fw.process_model.password);
  return {true, "",
          "processModel of " + fixer::CappedValue(fw.version) + ": userName=\"" +
              fixer::CappedValue(fw.process_model.user_name) + "\"",
          ""};
}

fixer::SessionStateMode SessionMode(const std::string& s) {
  if (s == "Off") return fixer::SessionStateMode::kOff;
  if (s == "InProc" || s.empty()) return fixer::SessionStateMode::kInProc;
  if (s == "StateServer") return fixer::SessionStateMode::kStateServer;
  if (s == "SQLServer") return fixer::SessionStateMode::kSqlServer;
  throw StepError{"session_state " + fixer::QuotedValue(s) + " is not one of Off, InProc, StateServer, SQLServer"};
}

StepReport MapApplication(RunContext& ctx, const Step& step) {
  const std::string path = RequiredArg(step, "path");
  const std::string version = Framework(ctx, Arg(step, "framework", "1.0")).version;
  auto& apps = ctx.machine.state().products.applications;
  fixer::ApplicationInfo* it = apps.FindName(path);
  if (it == nullptr) {
    apps.push_back(
        {path, Arg(step, "physical_path", "C:\\Inetpub\\wwwroot"), version, SessionMode(Arg(step, "session_state"))});
  } else {
    it->framework_version = version;
    if (step.args.count("session_state")) it->session_state = SessionMode(Arg(step, "session_state"));
    if (step.args.count("physical_path")) it->physical_path = Arg(step, "physical_path");
  }
  return {true, "", "application " + fixer::CappedValue(path) + " -> ASP.NET " + fixer::CappedValue(version), ""};
}

std::string FullVersion(const std::string& v) {
  if (v == "1.0") return std::string(fixer::kFramework10);
  if (v == "1.1") return std::string(fixer::kFramework11);
  return v;
}

StepReport InstallFramework(RunContext& ctx, const Step& step) {
  const std::string version = FullVersion(RequiredArg(step, "version"));
  return {true, "",
          StepDone(fakes::AspNetSetup(ctx.machine).InstallFramework(version),
                   "install .NET " + fixer::CappedValue(version)),
          ""};
}

StepReport InstallHotfix(RunContext& ctx, const Step& step) {
  const std::string id = RequiredArg(step, "id");
  return {true, "", StepDone(fakes::InstallHotfix(ctx.machine, id), "install " + fixer::CappedValue(id)), ""};
}

const std::vector<std::string_view> kFrameworkVersions = {"1.0", "1.1", "1.0.3705", "1.1.4322"};

}  // namespace

std::vector<Word> SystemStepWords() {
  return {
      {.name = "install_hotfix",
       .scalar_arg = "id",
       .params = {{.name = "id", .required = true}},
       .doc = "installs an update from the catalog: `MS03-026`, `MS03-032`, `MS03-040`, or its KB (`KB822925`)",
       .run = InstallHotfix},
      {.name = "install_framework",
       .scalar_arg = "version",
       .params = {{.name = "version", .kind = ValueKind::kWord, .words = kFrameworkVersions, .required = true}},
       .doc = "installs a .NET Framework and registers ASP.NET (`aspnet_regiis -i`: ASPNET, its secret, rights, "
              "ACLs; applications mapped to an older version move to this one)",
       .run = InstallFramework},
      {.name = "stop_service",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true}},
       .doc = "stops a service and its running dependents (as `net stop NAME /y`)",
       .run = StopService},
      {.name = "start_service",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true}},
       .doc = "starts a service and its dependencies",
       .run = StartService},
      {.name = "set_start_type",
       .scalar_arg = "",
       .params = {{.name = "name", .required = true},
                  {.name = "start_type", .kind = ValueKind::kWord, .words = StartTypeNames(), .required = true}},
       .doc = "sets a service's start type, as an administrator does in services.msc (`sc config NAME start= "
              "TYPE`); a disabled service then refuses to start (1058); `boot` and `system`, for drivers only, "
              "fail with 87",
       .run = SetStartType},
      {.name = "grant_ace",
       .scalar_arg = "",
       .params =
           {{.name = "path", .required = true},
            ObjectNamespaceParam(),
            {.name = "principal", .required = true, .note = "(an account or group name)"},
            {.name = "mask", .note = "`read` (default), `write`, `modify`, `full`, or hex `0x…`", .rule = MaskProblem},
            {.name = "type", .kind = ValueKind::kWord, .words = {"allow", "deny"}, .note = "(default `allow`)"},
            {.name = "flags", .note = "pairs of `OI`, `CI`, `IO` written together (`OICI`)", .rule = AceFlagsProblem}},
       .doc = "adds an ACE to an object; a missing object is created (a container, owned by Administrators, with "
              "only this ACE); a file's or key's inheritable ACE reaches the objects below it, as SetNamedSecurityInfo "
              "propagates it",
       .run = GrantAce},
      {.name = "grant_sql_login",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true, .note = "(an account; `COMPUTER\\` is added to a bare name)"},
                  {.name = "database"},
                  {.name = "roles", .note = "(a list)"}},
       .doc = "`sp_grantlogin`, and with `database` also `sp_grantdbaccess` with the roles",
       .run = GrantSqlLogin},
      {.name = "set_process_model",
       .scalar_arg = "",
       .params =
           {{.name = "framework", .kind = ValueKind::kWord, .words = kFrameworkVersions, .note = "(default `1.0`)"},
            {.name = "userName", .note = "(machine.config's attribute, as a machine file's `process_model` spells it)"},
            {.name = "password"}},
       .doc = "changes `<processModel userName password>` in that framework's machine.config (must be installed)",
       .run = SetProcessModel},
      {.name = "map_application",
       .scalar_arg = "",
       .params =
           {{.name = "path", .required = true},
            {.name = "framework", .kind = ValueKind::kWord, .words = kFrameworkVersions, .note = "(default `1.0`)"},
            {.name = "physical_path", .note = "(default `C:\\Inetpub\\wwwroot` for a new application)"},
            {.name = "session_state",
             .kind = ValueKind::kWord,
             .words = {"Off", "InProc", "StateServer", "SQLServer"},
             .note = "(default `InProc`)"}},
       .doc = "creates an IIS application or remaps an existing one (only the keys given change)",
       .run = MapApplication},
  };
}

}  // namespace sim
