// net user over the fake SAM: list, show, /add, /delete, change a password, /active.
//
// Texts [S: docs/windows-reference.md#net-commands]: 2221, 2224, 2245, 2202; access denied as
// "System error 5 has occurred.".
// A new account joins Users with default flags [M]. `*` prompts for the password twice without
// echo [M: "Type a password for the user:" / "Retype the password to confirm:"].
#include <algorithm>

#include "cmd_common.h"
#include "cmd_net.h"
#include "fakes/commands.h"
#include "fakes/sam.h"

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

UserArgs Parse(const std::vector<std::string>& args) {
  UserArgs u;
  for (const auto& a : args) {
    const std::string lower = Lower(a);
    if (lower == "/add")
      u.add = true;
    else if (lower == "/delete" || lower == "/del")
      u.del = true;
    else if (lower == "/active" || lower == "/active:yes")
      u.active = true;
    else if (lower == "/active:no")
      u.active = false;
    else if (lower.rfind("/fullname:", 0) == 0)
      u.full_name = Unquote(a.substr(10));
    else if (lower.rfind("/comment:", 0) == 0)
      u.comment = Unquote(a.substr(9));
    else if (!a.empty() && a[0] == '/')
      u.ok = false;
    else
      u.words.push_back(Unquote(a));
  }
  if (u.add && u.del) u.ok = false;
  if (u.words.size() > 2 || (u.del && u.words.size() != 1)) u.ok = false;
  return u;
}

int Syntax(Console& con) {
  con.Write(
      "The syntax of this command is:\n\n\n"
      "NET USER\n"
      "[username [password | *] [options]] [/DOMAIN]\n"
      "         username {password | *} /ADD [options] [/DOMAIN]\n"
      "         username [/DELETE] [/DOMAIN]\n\n",
      Stream::kErr);
  return kNetSyntax;
}

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
  con.Write("\nUser accounts for \\\\" + s.products.os.computer_name + "\n\n" + std::string(79, '-') + "\n");
  std::vector<std::string> names;
  for (const auto& u : s.sam.users) names.push_back(u.name);
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return FoldCase(a) < FoldCase(b); });
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

int Show(Console& con, const std::string& name) {
  Sam sam(con.machine);
  const UserAccount* u = sam.FindUser(name);
  if (!u) return NetError(con, fixer::kNerrUserNotFound);
  auto row = [&](const std::string& label, const std::string& value) {
    std::string l = label;
    l.resize(29, ' ');
    con.Write(l + value + "\n");
  };
  row("User name", u->name);
  row("Full Name", u->full_name);
  row("Comment", u->comment);
  row("Account active", u->flags.disabled ? "No" : (u->flags.locked_out ? "Locked" : "Yes"));
  row("User may change password", u->flags.cannot_change_password ? "No" : "Yes");
  std::string groups;
  for (const fixer::Sid& g : sam.GroupsOf(sam.SidOf(*u))) groups += "*" + sam.DisplayName(g) + "  ";
  while (!groups.empty() && groups.back() == ' ') groups.pop_back();
  con.Write("\n");
  row("Local Group Memberships", groups);
  NetOk(con);
  return 0;
}

}  // namespace

int NetUser(Console& con, const std::vector<std::string>& args) {
  UserArgs u = Parse(args);
  if (!u.ok) return Syntax(con);
  if (u.words.empty()) {
    if (u.add || u.del || u.active || u.full_name || u.comment) return Syntax(con);
    return List(con);
  }
  const std::string& name = u.words[0];
  const bool changes = u.add || u.del || u.words.size() == 2 || u.active || u.full_name || u.comment;
  if (!changes) return Show(con, name);
  if (!CallerIsAdmin(con.machine)) return AccessDenied(con);

  Sam sam(con.machine);
  std::optional<fixer::Secret> password;
  if (u.words.size() == 2) {
    if (u.words[1] == "*") {
      password = AskPassword(con);
      if (!password) return kNetFailed;
    } else {
      password = fixer::Secret::FromString(u.words[1]);
    }
    if (password->size() > 127) return NetError(con, fixer::kNerrBadPassword);
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
