// WinErrorText: the network (NERR_*) texts against net.exe's message table, netmsg.dll, as
// ReactOS's netmsg.mc has it (docs/windows-reference.md#net-commands, [ReactOS netmsg]).
#include "fixer/win_error.h"

#include "fixer/ports/secrets.h"

#include <gtest/gtest.h>

namespace {

TEST(WinErrorText, NetworkTextsAreNetmsgs) {
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrBadUsername), "The user name or group name parameter is invalid.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrBadPassword), "The password parameter is invalid.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrGroupNotFound), "The group name could not be found.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrUserNotFound), "The user name could not be found.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrUserExists), "The account already exists.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrPasswordTooShort),
            "The password does not meet the password policy requirements. Check the minimum password length, "
            "password complexity and password history requirements.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrLastAdmin),
            "This operation is not allowed on the last administrative account.");
}

}  // namespace

// The worker's password is the LSA secret aspnet_WP_PASSWORD, not L$ASP.NETAutoGenKeys (the
// machineKey material): impacket's secretsdump and Metasploit's lsa_dump_secrets decode
// aspnet_WP_PASSWORD as "ASPNET: <password>" (docs/windows-reference.md#aspnet-secret). The Win32
// backend reads and the fake stores the secret by this name.
TEST(WindowsNames, TheWorkerPasswordSecretIsAspnetWpPassword) {
  EXPECT_EQ(fixer::kAspNetWorkerSecret, "aspnet_WP_PASSWORD");
}
