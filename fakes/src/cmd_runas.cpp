// runas [/profile | /noprofile] [/env] /user:NAME PROGRAM over the fake logon service.
//
// Dialogue [S: docs/windows-reference.md#runas]: "Enter the password for NAME: " (typed without
// echo; runas ends the line itself), "Attempting to start PROGRAM as user "COMPUTER\NAME" ...", and on failure
// "RUNAS ERROR: Unable to run - PROGRAM" then "<code>: <message>". /profile is the default
// [M]. Choices:
//  - runas opens PROGRAM in a NEW window and returns at once
//    [docs/windows-reference.md#choice-runas-no-wait]; nothing of that
//    window reaches this console, so it is recorded as a Console note instead.
//  - Closed input (end of file) is taken as an empty password [I]; the logon then fails as
//    Windows would for that password (1326, or 1327 for an account whose password is blank).
//  - errorlevel 0 on success, 1 on any failure or a usage error [M].
#include "cmd_common.h"
#include "fakes/commands.h"
#include "fakes/logon.h"
#include "fakes/modelling_choices.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

// runas's usage text, whole [S: docs/windows-reference.md#runas; M: choice-runas-usage-text].
int RunasUsage(Console& con) {
  con.Write(
      "RUNAS USAGE:\n\n"
      "RUNAS [ [/noprofile | /profile] [/env] [/savecred | /netonly] ]\n"
      "        /user:<UserName> program\n\n"
      "RUNAS [ [/noprofile | /profile] [/env] [/savecred] ]\n"
      "        /smartcard [/user:<UserName>] program\n\n"
      "RUNAS /trustlevel:<TrustLevel> program\n\n"
      "   /noprofile        specifies that the user's profile should not be loaded.\n"
      "                     This causes the application to load more quickly, but\n"
      "                     can cause some applications to malfunction.\n"
      "   /profile          specifies that the user's profile should be loaded.\n"
      "                     This is the default.\n"
      "   /env              to use current environment instead of user's.\n"
      "   /netonly          use if the credentials specified are for remote\n"
      "                     access only.\n"
      "   /savecred         to use credentials previously saved by the user.\n"
      "   /smartcard        use if the credentials are to be supplied from a\n"
      "                     smartcard.\n"
      "   /user             <UserName> should be in form USER@DOMAIN or DOMAIN\\USER\n"
      "   /showtrustlevels  displays the trust levels that can be used as arguments\n"
      "                     to /trustlevel.\n"
      "   /trustlevel       <Level> should be one of levels enumerated\n"
      "                     in /showtrustlevels.\n"
      "   program         command line for EXE.  See below for examples\n\n"
      "Examples:\n"
      "> runas /noprofile /user:mymachine\\administrator cmd\n"
      "> runas /profile /env /user:mydomain\\admin \"mmc %windir%\\system32\\dsa.msc\"\n"
      "> runas /env /user:user@domain.microsoft.com \"notepad \\\"my file.txt\\\"\"\n\n"
      "NOTE:  Enter user's password only when prompted.\n"
      "NOTE:  /profile is not compatible with /netonly.\n"
      "NOTE:  /savecred is not compatible with /smartcard.\n",
      Stream::kErr);
  return 1;
}

// "XPPRO\ASPNET", ".\ASPNET" or "ASPNET@XPPRO" -> "ASPNET" when it names this machine; the
// account part as given otherwise (a domain account the fake machine does not know).
std::string LocalName(const std::string& user, const std::string& computer, bool* foreign) {
  *foreign = false;
  if (auto slash = user.find('\\'); slash != std::string::npos) {
    const std::string domain = user.substr(0, slash);
    *foreign = !(domain == "." || fixer::SameWindowsName(domain, computer));
    return user.substr(slash + 1);
  }
  if (auto at = user.find('@'); at != std::string::npos) {
    *foreign = !fixer::SameWindowsName(user.substr(at + 1), computer);
    return user.substr(0, at);
  }
  return user;
}

// XP's runas switches the fake does not model (Microsoft Learn, "Runas", Windows XP: /netonly,
// /savecred, /smartcard, /showtrustlevels, /trustlevel); they are no typo, so no usage text.
bool IsUnmodelledRunasSwitch(const std::string& lower) {
  return lower == "/netonly" || lower == "/savecred" || lower == "/smartcard" || lower == "/showtrustlevels" ||
         lower == "/trustlevel" || lower.rfind("/trustlevel:", 0) == 0;
}

}  // namespace

int RunRunas(Console& con, const std::vector<std::string>& args) {
  bool profile = true;
  std::string user;
  std::string program;
  for (const auto& a : args) {
    const std::string lower = fixer::FoldWindowsName(a);
    if (lower == "/profile")
      profile = true;
    else if (lower == "/noprofile")
      profile = false;
    else if (lower == "/env")
      continue;
    else if (lower.rfind("/user:", 0) == 0)
      user = Unquote(a.substr(6));
    else if (IsUnmodelledRunasSwitch(lower))
      throw NotModelled{"runas's " + a + " switch"};
    else if (!a.empty() && a[0] == '/')
      return RunasUsage(con);
    else if (program.empty())
      program = Unquote(a);
    else
      return RunasUsage(con);
  }
  if (user.empty() || program.empty()) return RunasUsage(con);

  const std::string computer = con.machine.state().products.os.computer_name;
  con.Write("Enter the password for " + user + ": ");
  const std::optional<std::string> typed = con.input.ReadLine(false);
  con.Write("\n");
  const fixer::Secret password = fixer::Secret::FromString(typed.value_or(""));

  bool foreign = false;
  const std::string name = LocalName(user, computer, &foreign);
  const std::string shown = user.find('\\') != std::string::npos ? user : computer + "\\" + name;
  con.Write("Attempting to start " + program + " as user \"" + shown + "\" ...\n");

  fixer::Status status;
  bool loaded = false;
  if (foreign) {
    status = fixer::Status::Win(fixer::kErrorLogonFailure);
  } else if (profile) {
    RelyOn("choice-runas-no-wait");
    auto token = LogonService(con.machine).RunWithProfile(name, password, program);
    status = token.status();
    loaded = token.ok() && token->profile_loaded;
  } else {
    // Without a profile runas still goes through the Secondary Logon service.
    LogonService logon(con.machine);
    status = logon.ReachSecondaryLogon();
    if (status.ok()) status = logon.LogonUser(name, password, LogonType::kInteractive).status();
  }
  if (!status.ok()) {
    con.Write("RUNAS ERROR: Unable to run - " + program + "\n" + std::to_string(status.code()) + ": " +
                  status.message() + "\n",
              Stream::kErr);
    return 1;
  }
  con.notes.push_back({"runas opened a new window: " + program + " as " + computer + "\\" + name +
                       (loaded ? " (user profile loaded)" : " (no user profile)")});
  return 0;
}

}  // namespace fakes
