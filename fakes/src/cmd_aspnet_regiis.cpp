// aspnet_regiis -i | -r | -u of one framework folder, over the fake ASP.NET setup.
//
// What each option does [S: docs/windows-reference.md#aspnet-regiis]: -i registers that version (ASPNET created if
// absent, new random password into the LSA, default rights and ACLs) and remaps applications
// whose maps point to an OLDER version; -r does the same and remaps ALL applications; -u
// remaps the applications of this version to the highest remaining version (none left: no
// map). Choices where no source gives the text [M]: "Start installing ASP.NET (<v>.0)." /
// "Finished installing ASP.NET (<v>.0)." and the uninstalling pair; [I] the -r pair and the
// failure line "An error has occurred: 0x<HRESULT> <text>" with errorlevel 1. An unknown or
// missing option prints the usage and leaves errorlevel 1 [I]. Not an administrator: 5.
#include <algorithm>
#include <cstdio>

#include "cmd_common.h"
#include "fakes/aspnet_setup.h"
#include "fakes/commands.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

int RegiisUsage(Console& con) {
  con.Write(
      "Administration utility to install and uninstall ASP.NET on the local machine.\n"
      "Copyright (C) Microsoft Corporation 2001.  All rights reserved.\n\n"
      "Usage: aspnet_regiis [-i|-u|-r|-s <path>|-sn <path>|-k <path>|-kn <path>|-lv|-lk|-c|-e|-ea]\n\n"
      "  -i         - Install this version of ASP.NET and update scriptmaps at the IIS\n"
      "               metabase root and for all scriptmaps below the root.\n"
      "  -u         - Uninstall this version of ASP.NET.\n"
      "  -r         - Install this version of ASP.NET and update all scriptmaps to point\n"
      "               to this version.\n",
      Stream::kErr);
  return 1;
}

int Failed(Console& con, const fixer::Status& st) {
  // HRESULT_FROM_WIN32: 0x8007xxxx.
  char hr[16];
  std::snprintf(hr, sizeof hr, "0x%08x", 0x80070000u | (st.code() & 0xFFFFu));
  con.Write(std::string("An error has occurred: ") + hr + " " + st.message() + "\n", Stream::kErr);
  return 1;
}

// Remaps every application's script maps to `version` (-r), one mutation each.
fixer::Status RemapAll(Machine& m, const std::string& version) {
  for (auto& app : m.state().products.applications) {
    if (app.framework_version == version) continue;
    if (auto st = m.Mutate("aspnet.script_map", app.path); !st.ok()) return st;
    app.framework_version = version;
  }
  return fixer::Status::Ok();
}

fixer::Status Uninstall(Machine& m, const std::string& version) {
  std::string highest;
  for (const auto& fw : m.state().products.frameworks)
    if (fw.version != version && fw.tools_present && fw.version > highest) highest = fw.version;
  for (auto& app : m.state().products.applications) {
    if (app.framework_version != version) continue;
    if (auto st = m.Mutate("aspnet.script_map", app.path); !st.ok()) return st;
    app.framework_version = highest;
  }
  return fixer::Status::Ok();
}

}  // namespace

int RunAspnetRegiis(Console& con, const std::string& version, const std::vector<std::string>& args) {
  // The other switches its usage line lists are real (MSDN "ASP.NET IIS Registration Tool"):
  // listing versions, one path's script maps, the client-side scripts; the fake does not model them.
  for (const std::string& arg : args) {
    const std::string folded = fixer::FoldWindowsName(arg);
    for (const char* real : {"s", "sn", "k", "kn", "lv", "lk", "c", "e", "ea"})
      if (folded == std::string("-") + real || folded == std::string("/") + real)
        throw NotModelled{"aspnet_regiis's " + arg + " switch"};
  }
  if (args.size() != 1) return RegiisUsage(con);
  const std::string option = fixer::FoldWindowsName(args[0]);
  if (option != "-i" && option != "/i" && option != "-r" && option != "/r" && option != "-u" && option != "/u")
    return RegiisUsage(con);
  const char op = option[1];
  const std::string build = version + ".0";
  if (op == 'u')
    con.Write("Start uninstalling ASP.NET (" + build + ").\n");
  else if (op == 'r')
    con.Write("Start installing ASP.NET (" + build + ") and remapping all scriptmaps.\n");
  else
    con.Write("Start installing ASP.NET (" + build + ").\n");

  if (!CallerIsAdmin(con.machine)) return Failed(con, fixer::Status::Win(fixer::kErrorAccessDenied));
  fixer::Status st;
  if (op == 'u') {
    st = Uninstall(con.machine, version);
  } else {
    st = AspNetSetup(con.machine).Register(version);
    if (st.ok() && op == 'r') st = RemapAll(con.machine, version);
  }
  if (!st.ok()) return Failed(con, st);
  if (op == 'u')
    con.Write("Finished uninstalling ASP.NET (" + build + ").\n");
  else if (op == 'r')
    con.Write("Finished installing ASP.NET (" + build + ") and remapping all scriptmaps.\n");
  else
    con.Write("Finished installing ASP.NET (" + build + ").\n");
  return 0;
}

}  // namespace fakes
