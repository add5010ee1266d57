// SqlServer: Windows logins and database users of a SQL Server 2000 on a fake machine.
//
// Choices:
//  - SQL Server not installed: every change answers 1060 (ERROR_SERVICE_DOES_NOT_EXIST, what
//    `net start mssqlserver` gives on such a box); reads answer "nothing".
//  - sp_grantlogin wants DOMAIN\name; a name without a domain gives 15407, as SQL 2000 does.
//    The domain must be this computer, BUILTIN or NT AUTHORITY; anything else does not
//    resolve here (15401).
//  - The login is stored under the canonical name (computer name and account as the SAM
//    spells them), like syslogins does.
//  - A database user needs its database to exist (911).
//  - LoginWorksFor also counts logins of the local groups the account belongs to (a login
//    for BUILTIN\Administrators lets every administrator in, as in SQL Server).
//  - Messages name the login or user, as SQL Server's do (docs/windows-reference.md#sql-server).
//    sp_grantlogin for an account that already has its login changes nothing and succeeds;
//    a login of that name holding another SID (an orphan) is refused with 15025
//    (choice-sql-regrant).
#include "fakes/sql.h"

#include <algorithm>

#include "fakes/modelling_choices.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

constexpr uint32_t kSqlInvalidWindowsName = 15407;
constexpr uint32_t kSqlUserNotInDatabase = 15008;
constexpr uint32_t kSqlNoSuchDatabase = 911;

fixer::Status NotInstalled() { return fixer::Status::Win(fixer::kErrorServiceDoesNotExist); }

// SQL Server's texts, with the name each one quotes (docs/windows-reference.md#sql-server).
fixer::Status WindowsNameNotFound(const std::string& name) {
  return fixer::Status(fixer::kSqlWindowsUserNotFound,
                       "Windows NT user or group '" + name + "' not found. Check the name again.");
}

fixer::Status LoginExists(const std::string& name) {
  return fixer::Status(fixer::kSqlLoginExists, "The server principal '" + name + "' already exists.");
}

fixer::Status DbUserExists(const std::string& name) {
  return fixer::Status(fixer::kSqlUserExists, "User or role '" + name + "' already exists in the current database.");
}

}  // namespace

fixer::Status SqlServer::GrantLogin(const std::string& windows_name) {
  if (!m_.state().sql.installed) return NotInstalled();
  const size_t cut = windows_name.find('\\');
  if (cut == std::string::npos || cut == 0 || cut + 1 == windows_name.size()) {
    return fixer::Status(kSqlInvalidWindowsName, "'" + windows_name +
                                                     "' is not a valid Windows NT name. Give the complete name: "
                                                     "<domain\\username>.");
  }
  const std::string domain = windows_name.substr(0, cut);
  const std::string account = windows_name.substr(cut + 1);
  const std::string& computer = m_.state().products.os.computer_name;
  const bool local_domain = fixer::SameWindowsName(domain, computer) || fixer::SameWindowsName(domain, "BUILTIN") ||
                            fixer::SameWindowsName(domain, "NT AUTHORITY");
  Sam sam(m_);
  fixer::Result<fixer::Sid> sid = fixer::Status::Win(fixer::kErrorNoneMapped);
  if (local_domain) sid = sam.LookupName(account);
  if (!sid) return WindowsNameNotFound(windows_name);
  // Canonical spelling: the domain part as Windows names it, the account as the SAM has it.
  std::string canonical_domain = fixer::SameWindowsName(domain, computer) ? computer : domain;
  if (fixer::SameWindowsName(domain, "BUILTIN")) canonical_domain = "BUILTIN";
  if (fixer::SameWindowsName(domain, "NT AUTHORITY")) canonical_domain = "NT AUTHORITY";
  auto name = sam.LookupSid(*sid);
  const std::string login_name = canonical_domain + "\\" + (name ? *name : account);
  // Login names are unique (CreateLogin), so the login of that name is the only candidate.
  const fixer::SqlLogin* same_name = m_.state().sql.logins.FindName(login_name);
  const bool already_granted = same_name != nullptr && same_name->sid == *sid;
  if (already_granted) {
    RelyOn("choice-sql-regrant");
    return fixer::Status::Ok();
  }
  return CreateLogin({.name = login_name, .sid = *sid});
}

fixer::Status SqlServer::CreateLogin(const fixer::SqlLogin& login) {
  if (!m_.state().sql.installed) return NotInstalled();
  auto& logins = m_.state().sql.logins;
  if (logins.FindName(login.name)) return LoginExists(login.name);
  if (auto st = m_.Mutate("sql.create_login", login.name); !st.ok()) return st;
  logins.push_back(login);
  return fixer::Status::Ok();
}

fixer::Status SqlServer::DropLogin(const std::string& name) {
  if (!m_.state().sql.installed) return NotInstalled();
  auto& logins = m_.state().sql.logins;
  if (!logins.FindName(name)) return WindowsNameNotFound(name);
  if (auto st = m_.Mutate("sql.drop_login", name); !st.ok()) return st;
  // Login names are unique (CreateLogin refuses a second, the loader too).
  logins.erase_if([&](const fixer::SqlLogin& l) { return fixer::SameWindowsName(l.name, name); });
  return fixer::Status::Ok();
}

fixer::Status SqlServer::CreateDbUser(const fixer::SqlDbUser& user) {
  if (!m_.state().sql.installed) return NotInstalled();
  if (!m_.state().sql.databases.FindName(user.database)) {
    return fixer::Status(kSqlNoSuchDatabase, "Could not locate entry in sysdatabases for database '" + user.database +
                                                 "'. No entry found with that name. Make sure that the name is "
                                                 "entered correctly.");
  }
  auto& users = m_.state().sql.users;
  if (users.FindName({user.database, user.name})) return DbUserExists(user.name);
  if (auto st = m_.Mutate("sql.create_user", user.database + "." + user.name); !st.ok()) return st;
  users.push_back(user);
  return fixer::Status::Ok();
}

fixer::Status SqlServer::DropDbUser(const std::string& database, const std::string& name) {
  if (!m_.state().sql.installed) return NotInstalled();
  auto& users = m_.state().sql.users;
  const fixer::SqlDbUser* user = users.FindName({database, name});
  if (!user) {
    return fixer::Status(kSqlUserNotInDatabase, "User '" + name + "' does not exist in the current database.");
  }
  if (auto st = m_.Mutate("sql.drop_user", database + "." + name); !st.ok()) return st;
  users.erase(user);
  return fixer::Status::Ok();
}

std::vector<fixer::SqlLogin> SqlServer::LoginsFor(const fixer::Sid& sid) const {
  std::vector<fixer::SqlLogin> out;
  if (!m_.state().sql.installed) return out;
  for (const auto& l : m_.state().sql.logins)
    if (l.sid == sid) out.push_back(l);
  return out;
}

std::vector<fixer::SqlLogin> SqlServer::LoginsNamed(const std::string& name) const {
  std::vector<fixer::SqlLogin> out;
  if (!m_.state().sql.installed) return out;
  const std::string folded = fixer::FoldWindowsName(name);
  for (const auto& l : m_.state().sql.logins)
    if (fixer::FoldWindowsName(l.name) == folded) out.push_back(l);
  return out;
}

std::vector<fixer::SqlDbUser> SqlServer::DbUsersFor(const fixer::Sid& sid) const {
  std::vector<fixer::SqlDbUser> out;
  if (!m_.state().sql.installed) return out;
  for (const auto& u : m_.state().sql.users)
    if (u.login_sid == sid) out.push_back(u);
  return out;
}

bool SqlServer::LoginWorksFor(const fixer::Sid& sid) const { return SqlLoginWorksIn(m_.state(), sid); }

bool SqlLoginWorksIn(const MachineState& state, const fixer::Sid& sid) {
  if (!state.sql.installed) return false;
  std::vector<fixer::Sid> token = GroupsOfIn(state, sid);
  token.push_back(sid);
  const auto& logins = state.sql.logins;
  return std::any_of(logins.begin(), logins.end(), [&](const fixer::SqlLogin& l) {
    return std::find(token.begin(), token.end(), l.sid) != token.end();
  });
}

}  // namespace fakes
