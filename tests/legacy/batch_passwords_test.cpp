// What a batch file's console shows of the passwords it gives net user: masked in the echo of a
// command line, the rest of the line as written.
#include "fakes/commands.h"
#include "legacy_fixture.h"
#include "sim/batch.h"

namespace legacy_test {
namespace {

constexpr size_t npos = std::string::npos;

class BatchPasswords : public LegacyFixture {
 protected:
  sim::BatchResult Go(const std::string& text) {
    con->output.clear();
    return sim::RunBatch(*con, text, "t.cmd");
  }
};

// A line with nothing to hide is echoed as written, even one that holds the mask's own text; a
// masked line keeps its spacing around the mask.
TEST_F(BatchPasswords, TheEchoKeepsEachLinesSpacing) {
  Go("echo  a  ********  b\r\nnet user  ASPNET   Sp#aced2003  /active:yes\r\n");
  EXPECT_NE(Out().find("\nC:\\>echo  a  ********  b\n a  ********  b\n"), npos) << Out();
  EXPECT_NE(Out().find("\nC:\\>net user  ASPNET   ********  /active:yes\n"), npos) << Out();
  EXPECT_EQ(Out().find("Sp#aced2003"), npos) << Out();
}

}  // namespace
}  // namespace legacy_test
