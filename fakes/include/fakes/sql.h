// SqlServer: SQL Server 2000 logins and database users for Windows accounts on a fake machine.
//
// A Windows login stores the account's SID when granted (sp_grantlogin resolves the name; 15401
// if it does not resolve). After the account is deleted and recreated the login still holds the
// old SID: the name looks right but the new account cannot use it (orphaned).
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fakes::SqlServer sql(machine);
//   fixer::Status st = sql.GrantLogin("XPPRO\\ASPNET");         // stores ASPNET's current SID
//   bool works = sql.LoginWorksFor(aspnet_sid);           // a login with that SID exists
#pragma once

#include <string>
#include <vector>

#include "fakes/machine.h"
#include "fixer/ports/security.h"

namespace fakes {

// LoginWorksFor straight from a state (no Machine, no copy).
bool SqlLoginWorksIn(const MachineState& state, const fixer::Sid& sid);

class SqlServer {
 public:
  explicit SqlServer(Machine& machine) : m_(machine) {}

  // sp_grantlogin: "sql.create_login"; 15401 if the Windows name does not resolve, 15025 if
  // a login of that name holds another SID; Ok, and no change, if the account has its login.
  fixer::Status GrantLogin(const std::string& windows_name);
  fixer::Status CreateLogin(const fixer::SqlLogin& login);                         // "sql.create_login"; 15025
  fixer::Status DropLogin(const std::string& name);                                // "sql.drop_login"; 15401 if absent
  fixer::Status CreateDbUser(const fixer::SqlDbUser& user);                        // "sql.create_user"; 15023
  fixer::Status DropDbUser(const std::string& database, const std::string& name);  // "sql.drop_user"

  std::vector<fixer::SqlLogin> LoginsFor(const fixer::Sid& sid) const;
  std::vector<fixer::SqlDbUser> DbUsersFor(const fixer::Sid& sid) const;
  // Logins of that name (case-insensitive), whatever SID they store.
  std::vector<fixer::SqlLogin> LoginsNamed(const std::string& name) const;
  // Can the account with this SID connect with Windows authentication?
  bool LoginWorksFor(const fixer::Sid& sid) const;

 private:
  Machine& m_;
};

}  // namespace fakes
