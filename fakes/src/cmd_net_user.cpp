// net user over the fake SAM: list, show, /add, /delete, change a password, /active.
//
// Texts [S: docs/windows-reference.md#net-commands]: 2221, 2224, 2245, 2202; access denied as
// "System error 5 has occurred.".
// A new account joins Users with default flags [M]. `*` prompts for the password twice without
// echo [M: "Type a password for the user:" / "Retype the password to confirm:"].
// Switches are checked first, their first letters taken for them (cmd_net_switches.h: 3505, 3506,
// 3507); /add asks before a password longer than 14 characters (Y/N, default Y); the groups print
// two to a row in 22-column cells
// [S: docs/windows-reference.md#net-unknown-option, #net-user-long-password, #net-commands].
#include <algorithm>
#include <array>
#include <chrono>
#include <string_view>

#include <fmt/format.h>

#include "cmd_common.h"
#include "cmd_net.h"
#include "cmd_net_switches.h"
#include "fakes/account_lockout.h"
#include "fakes/commands.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"
#include "fixer/utf16.h"
#include "who_may.h"

namespace fakes::cmd {
namespace {

struct UserArgs {
  std::vector<std::string> words;  // name [password]
  bool add = false;
  bool del = false;
  std::optional<bool> active;
  std::optional<std::string> full_name;
  std::optional<std::string> comment;
  bool ok = true;
};

// net user's switch table (user_switches) in its order, /COMMENT listed twice as there
// [S: docs/windows-reference.md#net-unknown-option, WS03 netcmd swtchtbl.c].
constexpr NetSwitch kUserSwitches[] = {
    {"/ADD", SwitchValue::kNone},
    {"/DELETE", SwitchValue::kNone},
    {"/DOMAIN", SwitchValue::kNone},
    {"/COMMENT", SwitchValue::kRequired},
    {"/REMARK", SwitchValue::kRequired, "/COMMENT"},
    {"/COMMENT", SwitchValue::kRequired},
    {"/NETWARE", SwitchValue::kOptional},
    {"/RANDOM", SwitchValue::kOptional},
    {"/ACTIVE", SwitchValue::kOptional},
    {"/COUNTRYCODE", SwitchValue::kRequired},
    {"/EXPIRES", SwitchValue::kRequired},
    {"/ENABLESCRIPT", SwitchValue::kRequired},
    {"/FULLNAME", SwitchValue::kRequired},
    {"/HOMEDIR", SwitchValue::kRequired},
    {"/PARMS", SwitchValue::kRequired},
    {"/PASSWORDREQ", SwitchValue::kRequired},
    {"/PASSWORDCHG", SwitchValue::kRequired},
    {"/SCRIPTPATH", SwitchValue::kRequired},
    {"/TIMES", SwitchValue::kRequired},
    {"/USERCOMMENT", SwitchValue::kRequired},
    {"/WORKSTATIONS", SwitchValue::kRequired},
    {"/PROFILEPATH", SwitchValue::kRequired},
};

// net user's options the fake does not model [S: Microsoft Learn "Net user" (Windows Server
// 2003); WS03 netcmd]: a line with one is not guessed (NotModelled).
constexpr std::array<std::string_view, 15> kUnmodelledOptions = {
    "/countrycode", "/expires",    "/homedir", "/passwordchg",  "/passwordreq",
    "/profilepath", "/scriptpath", "/times",   "/usercomment",  "/workstations",
    "/domain",      "/netware",    "/random",  "/enablescript", "/parms"};

// The option's name, up to its colon, folded: "/TIMES:all" -> "/times".
std::string OptionName(const std::string& option) { return fixer::FoldWindowsName(option.substr(0, option.find(':'))); }

constexpr std::string_view kUserUsage =
    "NET USER\n"
    "[username [password | *] [options]] [/DOMAIN]\n"
    "         username {password | *} /ADD [options] [/DOMAIN]\n"
    "         username [/DELETE] [/DOMAIN]\n";

UserArgs ParseUserArgs(const std::vector<std::string>& args) {
  NetArgs split = SplitNetArgs(args);
  UserArgs u;
  u.words = std::move(split.words);
  u.add = split.add;
  u.del = split.del;
  for (const auto& a : split.options) {
    const std::string lower = fixer::FoldWindowsName(a);
    if (lower == "/active" || lower == "/active:yes")
      u.active = true;
    else if (lower == "/active:no")
      u.active = false;
    else if (lower.rfind("/fullname:", 0) == 0)
      u.full_name = Unquote(a.substr(10));
    else if (lower.rfind("/comment:", 0) == 0)
      u.comment = Unquote(a.substr(9));
    else if (OptionName(a) == "/active")
      // ReactOS's net prints an invalid-value message for it; no source gives XP's text [M].
      throw NotModelled{"an invalid value of net user's /ACTIVE option"};
    else if (std::find(kUnmodelledOptions.begin(), kUnmodelledOptions.end(), OptionName(a)) != kUnmodelledOptions.end())
      throw NotModelled{"net user's " + OptionName(a) + " option"};
    else
      u.ok = false;
  }
  // /DELETE takes the name alone and no other switch, itself twice included (the grammar's
  // oneswitch_optional); /ADD given twice is read twice, as user_munge reads every switch.
  if (u.del && split.switches != 1) u.ok = false;
  if (u.words.size() > 2 || (u.del && u.words.size() != 1)) u.ok = false;
  return u;
}

int Syntax(Console& con) { return NetSyntax(con, kUserUsage); }

// LM20_PWLEN, the longest password Windows before 2000 takes, and net's question
// (APE_UserPasswordCompatWarning) about one longer.
constexpr size_t kLmPasswordLength = 14;
constexpr std::string_view kLongPasswordQuestion =
    "The password entered is longer than 14 characters.  Computers\n"
    "with Windows prior to Windows 2000 will not be able to use\n"
    "this account. Do you want to continue this operation?";

int AccessDenied(Console& con) { return NetError(con, fixer::kErrorAccessDenied); }

// `*`: asks twice, without echo.
std::optional<fixer::Secret> AskPassword(Console& con) {
  con.Write("Type a password for the user: ");
  auto first = con.input.ReadLine(false);
  con.Write("\nRetype the password to confirm: ");
  auto second = con.input.ReadLine(false);
  con.Write("\n");
  if (!first || !second || *first != *second) {
    con.Write("The passwords do not match.\n\n", Stream::kErr);
    return std::nullopt;
  }
  return fixer::Secret::FromString(*first);
}

int List(Console& con) {
  const MachineState& s = con.machine.state();
  NetListHeading(con, "User accounts");
  std::vector<std::string> names;
  for (const auto& u : s.sam.users) names.push_back(u.name);
  SortAsNetLists(names);
  std::string line;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string cell = names[i];
    if (i % 3 != 2) cell.resize(std::max<size_t>(cell.size(), 25), ' ');
    line += cell;
    if (i % 3 == 2 || i + 1 == names.size()) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      con.Write(line + "\n");
      line.clear();
    }
  }
  NetOk(con);
  return 0;
}

// "8/22/2003 12:00 AM": a time of the machine's clock as net.exe prints it (the short date and
// the time without seconds of the user's locale), on an en-US machine whose clock is UTC [M].
std::string NetDateTime(int64_t seconds) {
  namespace chrono = std::chrono;
  const chrono::sys_seconds at{chrono::seconds(seconds)};
  const chrono::sys_days day = chrono::floor<chrono::days>(at);
  const chrono::year_month_day date{day};
  const chrono::hh_mm_ss time{at - day};
  const long hour = time.hours().count();
  const long hour12 = hour % 12 == 0 ? 12 : hour % 12;
  return fmt::format("{}/{}/{} {}:{:02} {}", static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     static_cast<int>(date.year()), hour12, time.minutes().count(), hour < 12 ? "AM" : "PM");
}

// net user's group rows (print_aliases): the label padded to `label_width`, then each group as
// `*` and its name padded or cut to 21 columns, two to a row, a further row under the first
// group; the label alone when there is none (docs/windows-reference.md#net-commands).
std::string GroupRows(std::string_view label, const std::vector<std::string>& groups, size_t label_width) {
  constexpr size_t kNameWidth = 21;
  constexpr size_t kPerRow = 2;
  std::string out = PaddedColumns(label, label_width);
  for (size_t i = 0; i < groups.size(); ++i) {
    if (i != 0 && i % kPerRow == 0) out += std::string(label_width, ' ');
    out += "*" + PaddedColumns(groups[i], kNameWidth);
    if ((i + 1) % kPerRow == 0) out += "\n";
  }
  if (groups.empty() || groups.size() % kPerRow != 0) out += "\n";
  return out;
}

// `net user NAME`: XP's fields in XP's order (docs/windows-reference.md#net-commands). The model
// keeps no country code, account expiry, workstation list, logon script, profile path, home
// folder or logon hours: they print as a fresh account's [M].
int Show(Console& con, const std::string& name) {
  Sam sam(con.machine);
  const UserAccount* u = sam.FindUser(name);
  if (!u) return NetError(con, fixer::kNerrUserNotFound);
  const MachineState& state = con.machine.state();
  constexpr size_t kLabelWidth = 29;
  auto row = [&](const std::string& label, const std::string& value) {
    std::string l = label;
    l.resize(kLabelWidth, ' ');
    con.Write(l + value + "\n");
  };
  const std::optional<int64_t> expires = PasswordAgeLimitAt(*u, state);
  row("User name", u->name);
  row("Full Name", u->full_name);
  row("Comment", u->comment);
  row("User's comment", "");
  row("Country code", "000 (System Default)");
  row("Account active", u->flags.disabled ? "No" : (IsLockedOutNow(*u, state) ? "Locked" : "Yes"));
  row("Account expires", "Never");
  con.Write("\n");
  row("Password last set", NetDateTime(u->password_last_set));
  row("Password expires", expires ? NetDateTime(*expires) : "Never");
  row("Password changeable", NetDateTime(PasswordChangeableAt(*u, state)));
  row("Password required", u->password_not_required ? "No" : "Yes");
  row("User may change password", u->flags.cannot_change_password ? "No" : "Yes");
  con.Write("\n");
  row("Workstations allowed", "All");
  row("Logon script", "");
  row("User profile", "");
  row("Home directory", "");
  // net.exe prints Never for a last logon of 0 (ReactOS cmdUser.c, DisplayUser) [ReactOS net].
  row("Last logon", u->last_logon == 0 ? "Never" : NetDateTime(u->last_logon));
  con.Write("\n");
  row("Logon hours allowed", "All");
  con.Write("\n");
  // The local groups by their bare names, in net's order (case-insensitive); a workstation's
  // only global group is "None".
  std::vector<std::string> groups;
  for (const fixer::Sid& g : sam.GroupsOf(sam.SidOf(*u))) {
    const std::string qualified = sam.DisplayName(g);
    groups.push_back(qualified.substr(qualified.find('\\') + 1));
  }
  SortAsNetLists(groups);
  con.Write(GroupRows("Local Group Memberships", groups, kLabelWidth));
  con.Write(GroupRows("Global Group memberships", {std::string(kNoneGroupName)}, kLabelWidth));
  NetOk(con);
  return 0;
}

}  // namespace

int NetUser(Console& con, const std::vector<std::string>& typed, std::optional<bool> confirm) {
  std::vector<std::string> args = typed;
  if (auto level = CheckNetSwitches(con, args, kUserSwitches, kUserUsage)) return *level;
  UserArgs u = ParseUserArgs(args);
  if (!u.ok) return Syntax(con);
  if (u.words.empty()) {
    if (u.add || u.del || u.active || u.full_name || u.comment) return Syntax(con);
    return List(con);
  }
  const std::string& name = u.words[0];
  const bool changes = u.add || u.del || u.words.size() == 2 || u.active || u.full_name || u.comment;
  if (!changes) return Show(con, name);
  // Power Users may create accounts; changing one needs an administrator here, as the model does
  // not record who created an account (docs/windows-reference.md#power-users).
  if (!(u.add ? MayCreateAccounts(con.machine) : MayChangeAccounts(con.machine)).ok()) return AccessDenied(con);

  Sam sam(con.machine);
  std::optional<fixer::Secret> password;
  if (u.words.size() == 2) {
    if (u.words[1] == "*") {
      password = AskPassword(con);
      if (!password) return kNetFailed;
    } else {
      password = fixer::Secret::FromString(u.words[1]);
      con.RememberSecret(u.words[1]);
    }
    // 127 characters as Windows counts them: UTF-16 units, not UTF-8 bytes
    // (docs/windows-reference.md#net-commands).
    if (fixer::Utf16Length(password->Reveal()) > 127) return NetError(con, fixer::kNerrBadPassword);
    // user_add asks before it sets a typed password longer than LM20_PWLEN (14), as Windows
    // counts it; user_change does not ask (docs/windows-reference.md#net-commands).
    if (u.add && u.words[1] != "*" && fixer::Utf16Length(password->Reveal()) > kLmPasswordLength) {
      const std::optional<bool> go_on = NetAsk(con, kLongPasswordQuestion, true, confirm);
      if (go_on != true) return kNetFailed;
    }
  }

  if (u.del) {
    if (auto st = sam.DeleteUser(name); !st.ok()) return NetError(con, st.code(), st.message());
    NetOk(con);
    return 0;
  }
  if (u.add) {
    fixer::NewAccount spec;
    spec.name = name;
    spec.full_name = u.full_name.value_or("");
    spec.comment = u.comment.value_or("");
    spec.flags.disabled = u.active.has_value() && !*u.active;
    auto sid = sam.CreateUser(spec, password.value_or(fixer::Secret()));
    if (!sid.ok()) return NetError(con, sid.status().code(), sid.status().message());
    NetOk(con);
    return 0;
  }
  if (!sam.FindUser(name)) return NetError(con, fixer::kNerrUserNotFound);
  if (password) {
    if (auto st = sam.SetPassword(name, *password); !st.ok()) return NetError(con, st.code(), st.message());
  }
  if (u.active) {
    fixer::AccountFlags flags = sam.FindUser(name)->flags;
    flags.disabled = !*u.active;
    if (auto st = sam.SetFlags(name, flags); !st.ok()) return NetError(con, st.code(), st.message());
  }
  if (u.full_name || u.comment) {
    if (auto st = con.machine.Mutate("sam.set_info", name); !st.ok()) return NetError(con, st.code(), st.message());
    UserAccount* user = sam.FindUser(name);
    if (u.full_name) user->full_name = *u.full_name;
    if (u.comment) user->comment = *u.comment;
  }
  NetOk(con);
  return 0;
}

}  // namespace fakes::cmd
