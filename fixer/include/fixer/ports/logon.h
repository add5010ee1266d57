// Logon: run a program as another user, loading (and so creating) that user's profile.
//
// Real backend (win32/src/logon_win32.cpp): LogonUser, whose errors are the ones below, then
// LoadUserProfile, which creates the profile (XP has no CreateProfile), then the program through
// CreateProcessWithLogonW(LOGON_WITH_PROFILE), which is what runas uses; that needs the Secondary
// Logon service (1058 if it is disabled) and the interactive logon right (1385).
//
//   fixer::Secret temp_password = fixer::Secret::FromString("Tmp-pa55word!x");
//   fixer::Status st = logon.RunWithProfile("ASPNET", temp_password, "cmd.exe /c exit");
//   // 1326 bad password, 1327 restriction (blank password), 1330 expired, 1331 disabled,
//   // 1385 logon type not granted, 1907 must change password at next logon, 1909 locked out
//   fixer::Status same = logon.CheckPassword("ASPNET", temp_password);    // 1326: not ASPNET's password
#pragma once

#include <string>

#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

class Logon {
 public:
  virtual ~Logon() = default;
  // Logs the user on interactively with its profile loaded, runs `command_line` to completion,
  // then unloads the profile. Creates the profile on first use.
  virtual Status RunWithProfile(const std::string& user, const Secret& password, const std::string& command_line) = 0;
  // Logs the local user on as aspnet_wp.exe does (LogonUser, a batch logon) and closes the token:
  // OK when the password is the account's; 1326 when it is not (counted toward the lockout, as the
  // worker's own failed logon is), and the other errors above, of which 1909 (locked out) is
  // answered before the password is compared. Loads no profile.
  virtual Status CheckPassword(const std::string& user, const Secret& password) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class LogonWrapper : public Logon {
 public:
  explicit LogonWrapper(Logon& target) : target_(target) {}
  Logon& target() { return target_; }
  Status RunWithProfile(const std::string& user, const Secret& password, const std::string& command_line) override {
    return target_.RunWithProfile(user, password, command_line);
  }
  Status CheckPassword(const std::string& user, const Secret& password) override {
    return target_.CheckPassword(user, password);
  }

 private:
  Logon& target_;
};

}  // namespace fixer
