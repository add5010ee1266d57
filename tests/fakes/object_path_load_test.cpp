// A `file:` object's path is a full Win32 path, as Windows allows one ("Naming Files, Paths, and
// Namespaces"): a drive letter, a colon and a backslash, then names that hold none of
// < > : " | ? * nor a control character. Anything else is a load error at the value, with
// Windows' own error (123), in the fresh and the saved form alike. It was taken as written:
// `show` listed `file C:\Data\a|b?*<>"` and a recreate reported re-granting ASPNET's ACE on it,
// an object no disk can hold and no capture can write. The fake's object store answers 123 for
// such a name too, as CreateFile and GetNamedSecurityInfo do.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine.h"
#include "fakes/machine_yaml.h"
#include "fakes/objects.h"
#include "fixer/file_path.h"
#include "fixer/win_error.h"

namespace {

using ::testing::HasSubstr;

fakes::Loaded<fakes::MachineState> Load(const std::string& path, bool saved_form = false) {
  const std::string text = std::string(saved_form ? "base: empty\n" : "frameworks: [1.0]\n") + "objects:\n  - file: '" +
                           path + "'\n    acl:\n      - {allow: Administrators, mask: modify}\n";
  return fakes::LoadMachineText(text, "m.yaml");
}

TEST(ObjectPathLoad, FullPathsWindowsAllowsLoad) {
  for (const char* path : {"C:\\", "C:\\Data", "d:\\Inetpub\\wwwroot\\shop app", "C:/Data/x", "C:\\a b\\#1;=,[]+"}) {
    const auto loaded = Load(path);
    ASSERT_TRUE(loaded.ok()) << path << ": " << loaded.error->ToString();
    EXPECT_EQ(fixer::FilePathFault(path), "") << path;
  }
}

TEST(ObjectPathLoad, ANameWithACharacterWindowsRefusesIsAnErrorAtTheValue) {
  for (bool saved : {false, true}) {
    for (const char* path :
         {"C:\\Data\\a|b", "C:\\Data\\a?", "C:\\Data\\*", "C:\\Data\\<x>", "C:\\Data\\a\"b", "C:\\Data\\a:b"}) {
      const auto loaded = Load(path, saved);
      ASSERT_FALSE(loaded.ok()) << path;
      EXPECT_EQ(loaded.error->line, 3) << loaded.error->ToString();
      EXPECT_EQ(loaded.error->column, 11) << loaded.error->ToString();
      EXPECT_THAT(loaded.error->message, HasSubstr("is no Windows file path: a file name may not hold"));
      EXPECT_THAT(loaded.error->message,
                  HasSubstr("(123: The filename, directory name, or volume label syntax is incorrect.)"));
    }
  }
}

TEST(ObjectPathLoad, ARelativePathIsAnErrorAtTheValue) {
  for (const char* path : {"relative\\folder", "\\Data", "C:Data", "\\\\server\\share\\x", "1:\\x"}) {
    const auto loaded = Load(path);
    ASSERT_FALSE(loaded.ok()) << path;
    EXPECT_THAT(
        loaded.error->ToString(),
        HasSubstr("m.yaml:3:11: objects[1].file: '" + std::string(path) +
                  "' is no Windows file path: a full path starts with a drive letter, a colon and a backslash"));
  }
}

TEST(ObjectPathLoad, TheObjectStoreAnswers123ForSuchAName) {
  fakes::Machine machine;
  fakes::ObjectStore store(machine);
  const fixer::ObjectRef bad{fixer::ObjectNamespace::kFile, "C:\\Data\\a|b"};
  EXPECT_EQ(store.Create(bad.ns, bad.path, true, fixer::Sid::Administrators(), {}).code(), fixer::kErrorInvalidName);
  EXPECT_FALSE(store.Exists(bad));
  EXPECT_EQ(store.AddAce(bad, {fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kFileModify, 0}).code(),
            fixer::kErrorInvalidName);
}

}  // namespace
