// LogonService: LogonUser and CreateProcessWithLogonW on a fake machine.
//
// A logon checks, in Windows' order: the user exists (1326), not locked out (1909, whatever the
// password), the password matches (1326; a bad one counts toward lockout and may lock the
// account), disabled (1331), password to be changed at next logon (1907) or too old (1330),
// blank password away from the console (1327), the logon type's right and deny right (1385).
// The Secondary Logon service (seclogon) must not be disabled for RunWithProfile (1058). A
// successful logon resets the bad-password count and sets the account's last logon to the clock
// (net user's "Last logon"), a change the model never fails (Machine::Bookkeep).
//
//   fixer::Secret pw = fixer::Secret::FromString("1pass@word");
//   fakes::LogonService logon(machine);
//   fixer::Result<fakes::Token> token = logon.LogonUser("ASPNET", pw, fakes::LogonType::kInteractive);
//   fixer::Status st = logon.RunWithProfile("ASPNET", pw, "cmd.exe").status();  // creates the profile on first use
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fakes/lsa.h"
#include "fakes/machine.h"

namespace fakes {

struct Token {
  fixer::Sid user;
  std::string user_name;
  std::vector<fixer::Sid> groups;  // its groups plus Everyone, Authenticated Users, logon SID
  bool profile_loaded = false;
  // User + groups, for access checks.
  std::vector<fixer::Sid> AllSids() const;
};

// What a logon would answer, and the change to the account that answer comes with.
struct LogonVerdict {
  enum class Change {
    kNone,
    kCountBadPassword,  // a wrong password: one more toward lockout ("sam.bad_password")
    kResetCount,        // a success clears the bad-password count ("sam.logon_reset")
  };
  fixer::Result<Token> answer;
  Change change = Change::kNone;
};
// LogonUser's answer from a state alone, with no side effect: what a copy of the machine would
// answer (the web stack's read-only probe, the sweep's checks).
LogonVerdict EvaluateLogon(const MachineState& state, const std::string& user, const fixer::Secret& password,
                           LogonType type);

class LogonService {
 public:
  explicit LogonService(Machine& machine) : m_(machine) {}

  // A failed password attempt is a mutation ("sam.bad_password"), as it changes the account.
  fixer::Result<Token> LogonUser(const std::string& user, const fixer::Secret& password, LogonType type);
  // LogonUser's answer without its side effects (see EvaluateLogon).
  fixer::Result<Token> CheckLogon(const std::string& user, const fixer::Secret& password, LogonType type) const;
  // What CreateProcessWithLogonW reaches before any logon, with or without a profile: the
  // Secondary Logon service. 1060 if it is missing, 1058 if it is disabled.
  fixer::Status ReachSecondaryLogon() const;
  // runas /profile: interactive logon, load (create) the profile, run, unload.
  fixer::Result<Token> RunWithProfile(const std::string& user, const fixer::Secret& password,
                                      const std::string& command_line);
  // Winlogon: `user` logs on at the console with the right password typed; its profile is
  // loaded, created at this first logon if it has none, and it becomes the interactive user
  // (docs/windows-reference.md#profiles). Refused as LogonUser refuses: 1326 unknown user,
  // 1909, 1331, 1907, 1330, 1385 (no interactive logon right, or a deny).
  fixer::Result<Token> ConsoleLogon(const std::string& user);
  // The token of a built-in identity that needs no password: SYSTEM, NETWORK SERVICE,
  // LOCAL SERVICE (profile_loaded: true, they have one).
  std::optional<Token> ServiceToken(const std::string& identity) const;

 private:
  Machine& m_;
};

}  // namespace fakes
