// WinErrorText: the network (NERR_*) texts against net.exe's message table, netmsg.dll, as
// ReactOS's netmsg.mc has it (docs/windows-reference.md#net-commands, [ReactOS netmsg]).
#include "fixer/win_error.h"

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
