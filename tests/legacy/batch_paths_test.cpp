// Paths as the fake machine knows them: `if exist`, `cd` and a program named by its path answer
// from what it models, and stop on what it does not, never a guess.
#include "fakes/path_knowledge.h"
#include "fakes/sam.h"
#include "legacy_fixture.h"
#include "sim/batch.h"

namespace legacy_test {
namespace {

class BatchPaths : public LegacyFixture {
 public:
  BatchPaths() : LegacyFixture("applications:\n  - path: /LM/W3SVC/1/ROOT/shop\n") {}
};

// `if exist` was false for what every XP has (net.exe in system32, C:\WINDOWS\nul, Program Files),
// and `cd /d "C:\Program Files"` could not find the path.
TEST_F(BatchPaths, IfExistAnswersFromWhatTheMachineModels) {
  auto r =
      Go("@echo off\r\n"
         "if exist C:\\WINDOWS\\system32\\net.exe echo net\r\n"
         "if exist C:\\WINDOWS\\nul echo windows-nul\r\n"
         "if exist \"%ProgramFiles%\" echo pf\r\n"
         "if exist \"%ProgramFiles%\\nul\" echo pf-nul\r\n"
         "if exist C:\\Inetpub\\wwwroot\\shop\\nul echo shop-nul\r\n"
         "if exist %SystemRoot%\\system32\\sc.exe echo sc\r\n"
         "if exist %SystemRoot%\\system32\\iisreset.exe echo iisreset\r\n"
         "if not exist %SystemRoot%\\system32\\frobnicate.exe echo no-frobnicate\r\n"
         "if not exist C:\\WINDOWS\\system32\\net.exe\\nul echo net-is-no-folder\r\n"
         "if not exist %SystemRoot%\\Microsoft.NET\\Framework\\v1.1.4322\\mscorlib.dll echo no-eleven\r\n"
         "if exist %SystemRoot%\\Microsoft.NET\\Framework\\v1.0.3705\\CONFIG\\machine.config echo config\r\n"
         "if not exist \"C:\\Documents and Settings\\NOBODY\" echo no-profile\r\n"
         "cd /d \"C:\\Program Files\"\r\necho %CD%\r\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(),
            "net\nwindows-nul\npf\npf-nul\nshop-nul\nsc\niisreset\nno-frobnicate\nnet-is-no-folder\nno-eleven\n"
            "config\nno-profile\nC:\\Program Files\n");
}

TEST_F(BatchPaths, APathTheMachineDoesNotModelStops) {
  for (const std::string line :
       {"if exist C:\\NOPE echo x", "if not exist C:\\NOPE\\nul echo x", "if exist D:\\x echo x",
        "if exist C:\\WINDOWS\\system32\\kernel32.dll echo x", "if exist \"%ProgramFiles%\\Internet Explorer\" echo x",
        "if exist C:\\WINDOWS\\*.log echo x", "cd /d C:\\NOPE", "C:\\NOPE\\tool.exe"}) {
    SCOPED_TRACE(line);
    auto r = Go("@echo off\r\n" + line + "\r\necho after\r\n");
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->line, 2);
    EXPECT_NE(r.error->message.find("not supported"), std::string::npos) << r.error->message;
    EXPECT_EQ(Out(), "");
  }
}

TEST_F(BatchPaths, CdAnswersAbsentFoldersAndFilesAsCmd) {
  auto r =
      Go("@echo off\r\ncd /d C:\\WINDOWS\\Microsoft.NET\\Framework\\v9.9\r\necho %ERRORLEVEL% %CD%\r\n"
         "cd C:\\WINDOWS\\system32\\net.exe\r\necho %ERRORLEVEL% %CD%\r\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "The system cannot find the path specified.\n1 C:\\\nThe directory name is invalid.\n1 C:\\\n");
}

// A program named by its path was "not recognized" (9009) and the script went on, where bare `sc`
// and `net1` stopped as not supported and a bare `net` ran.
TEST_F(BatchPaths, AProgramNamedByItsPathIsThatProgram) {
  auto r =
      Go("@echo off\r\nC:\\WINDOWS\\system32\\NET.EXE user NOBODY /delete >nul 2>nul\r\necho %ERRORLEVEL%\r\n"
         "%SystemRoot%\\system32\\net user ASPNET >nul\r\necho %ERRORLEVEL%\r\n"
         "\"c:\\windows\\system32\\net.exe\" stop aspnet_state >nul 2>nul\r\necho %ERRORLEVEL%\r\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(), "2\n0\n2\n");
  for (const std::string line :
       {"c:\\windows\\system32\\sc.exe query w3svc", "%SystemRoot%\\system32\\net1.exe user aspnet /delete",
        "C:\\WINDOWS\\SYSTEM32\\cacls C:\\Inetpub", "C:\\WINDOWS\\notepad.exe",
        "C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.0.3705\\aspnet_wp.exe"}) {
    SCOPED_TRACE(line);
    auto stopped = Go("@echo off\r\n" + line + "\r\necho after\r\n");
    ASSERT_TRUE(stopped.error);
    EXPECT_NE(stopped.error->message.find("not supported"), std::string::npos) << stopped.error->message;
    EXPECT_EQ(Out(), "");
  }
  ASSERT_NE(fakes::Sam(machine).FindUser("ASPNET"), nullptr);
}

TEST_F(BatchPaths, AProgramAFolderIsKnownNotToHoldIsNotRecognized) {
  auto r =
      Go("@echo off\r\nC:\\WINDOWS\\system32\\frobnicate.exe\r\necho %ERRORLEVEL%\r\n"
         "C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.1.4322\\aspnet_regiis.exe -i\r\necho %ERRORLEVEL%\r\n");
  EXPECT_FALSE(r.error) << r.error->ToString();
  EXPECT_EQ(Out(),
            "'C:\\WINDOWS\\system32\\frobnicate.exe' is not recognized as an internal or external command,\n"
            "operable program or batch file.\n9009\n"
            "The system cannot find the path specified.\n3\n");
}

}  // namespace
}  // namespace legacy_test
