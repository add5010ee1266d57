// WinErrorText: the network (NERR_*) texts against net.exe's message table, netmsg.dll, as
// ReactOS's netmsg.mc has it (docs/windows-reference.md#net-commands, [ReactOS netmsg]).
#include "fixer/win_error.h"

#include <cerrno>

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

// Every logon failure runas and LogonUser give (docs/windows-reference.md#logon-order), in XP's
// English wording ([winerror]): 1328 and 1329 too, which the model never causes (it keeps no logon
// hours or workstation list) but a program passing a Windows number through may print.
TEST(WinErrorText, EveryLogonFailureHasXpsText) {
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorLogonFailure), "Logon failure: unknown user name or bad password.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorInvalidLogonHours),
            "Logon failure: account logon time restriction violation.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorInvalidWorkstation),
            "Logon failure: user not allowed to log on to this computer.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorPasswordExpired),
            "Logon failure: the specified account password has expired.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorAccountDisabled), "Logon failure: account currently disabled.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorLogonTypeNotGranted),
            "Logon failure: the user has not been granted the requested logon type at this computer.");
}

// The account errors of winerror.h and lmerr.h beside the ones the fake gives: a program passing
// SAM's or NetUserAdd's number through prints Windows' words, never "cannot find message text".
TEST(WinErrorText, AccountErrorsHaveXpsText) {
  EXPECT_EQ(fixer::WinErrorText(1315), "The name provided is not a properly formed account name.");
  EXPECT_EQ(fixer::WinErrorText(1316), "The specified user already exists.");
  EXPECT_EQ(fixer::WinErrorText(1317), "The specified user does not exist.");
  EXPECT_EQ(fixer::WinErrorText(1379), "The specified local group already exists.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kNerrGroupExists), "The group already exists.");
  EXPECT_EQ(fixer::WinErrorText(fixer::kErrorSpecialAccount), "Cannot perform this operation on built-in accounts.");
}

// A file call's errno in Windows' words: links that loop are a reparse point Windows cannot
// resolve, 1921 (Wine: ELOOP -> STATUS_REPARSE_POINT_NOT_RESOLVED -> ERROR_CANT_RESOLVE_FILENAME),
// and a write past the file-size limit is 223 ERROR_FILE_TOO_LARGE; neither is 1920's "cannot be
// accessed" (docs/windows-reference.md#file-errors).
TEST(WinErrorOfErrno, LinksThatLoopAndTooLargeAFileAreWindowsOwnErrors) {
  EXPECT_EQ(fixer::WinErrorOfErrno(ELOOP), 1921u);
  EXPECT_EQ(fixer::ErrnoReason(ELOOP, fixer::ReasonWords::kWindows),
            "1921: The name of the file cannot be resolved by the system.");
  EXPECT_EQ(fixer::WinErrorOfErrno(EFBIG), 223u);
  EXPECT_EQ(fixer::ErrnoReason(EFBIG, fixer::ReasonWords::kWindows),
            "223: The file size exceeds the limit allowed and cannot be saved.");
  EXPECT_EQ(fixer::WinErrorOfErrno(ENOSPC), 112u);
  EXPECT_EQ(fixer::WinErrorOfErrno(EIO), 1920u);  // anything else
}

// A name too long is Windows' 206 (Wine: STATUS_NAME_TOO_LONG -> ERROR_FILENAME_EXCED_RANGE), and
// every errno Wine gives a Windows error of its own has it; none falls to 1920 without its reason.
TEST(WinErrorOfErrno, EveryErrnoWindowsHasAWordForIsThatWordAndTheRestSayWhy) {
  EXPECT_EQ(fixer::ErrnoReason(ENAMETOOLONG, fixer::ReasonWords::kWindows),
            "206: The filename or extension is too long.");
  EXPECT_EQ(fixer::WinErrorOfErrno(EMFILE), 4u);
  EXPECT_EQ(fixer::WinErrorOfErrno(ENFILE), 4u);
  EXPECT_EQ(fixer::WinErrorOfErrno(ENOTEMPTY), 145u);
  EXPECT_EQ(fixer::WinErrorOfErrno(EBUSY), 170u);
  EXPECT_EQ(fixer::WinErrorOfErrno(EINVAL), 87u);
  // A closed standard output (EBADF): Wine's STATUS_INVALID_HANDLE, WriteFile's 6 (audit 8 item 10).
  EXPECT_EQ(fixer::WinErrorOfErrno(EBADF), 6u);
  EXPECT_EQ(fixer::ErrnoReason(EBADF, fixer::ReasonWords::kWindows), "6: The handle is invalid.");
  for (const int err : {ENAMETOOLONG, EMFILE, ENOTEMPTY, EBUSY, EINVAL, EBADF})
    EXPECT_TRUE(fixer::HasWinErrorText(fixer::WinErrorOfErrno(err))) << err;
  EXPECT_EQ(fixer::ErrnoReason(EIO, fixer::ReasonWords::kWindows),
            "1920: The file cannot be accessed by the system. (Input/output error)");
  EXPECT_EQ(fixer::ErrnoReason(ENAMETOOLONG, fixer::ReasonWords::kSystem), "File name too long");
}

}  // namespace

// The worker's password is the LSA secret aspnet_WP_PASSWORD, not L$ASP.NETAutoGenKeys (the
// machineKey material): impacket's secretsdump and Metasploit's lsa_dump_secrets decode
// aspnet_WP_PASSWORD as "ASPNET: <password>" (docs/windows-reference.md#aspnet-secret). The Win32
// backend reads and the fake stores the secret by this name.
TEST(WindowsNames, TheWorkerPasswordSecretIsAspnetWpPassword) {
  EXPECT_EQ(fixer::kAspNetWorkerSecret, "aspnet_WP_PASSWORD");
}
