// win32::ReplaceFile (replace_file.h) and win32::CheckCanWrite and WriteFileDurably (win32/files.h)
// on the file system the suite runs on (Windows, or Wine): each failure carries the step that
// failed, a name free at the check is taken only while it stays free, and no temporary file is
// left beside the target.
// (The suite is not named ReplaceFile: windows.h makes that name ReplaceFileW.)
#include "replace_file.h"

#include <windows.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "win32/files.h"

namespace {

namespace fs = std::filesystem;

// A fresh folder under the temporary folder, removed with what it holds at the end.
class ScratchFolder {
 public:
  ScratchFolder() : path_(fs::temp_directory_path() / ("fxsim_files_" + std::to_string(std::random_device()()))) {
    fs::create_directory(path_);
  }
  ~ScratchFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  fs::path operator/(const std::string& name) const { return path_ / name; }
  // The names in it, sorted.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(path_)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path path_;
};

std::string Slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void Put(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

TEST(DurableReplace, WritesTheTargetAndLeavesNoTemporaryFile) {
  const ScratchFolder dir;
  Put(dir / "journal.txt", "old\n");
  EXPECT_FALSE(win32::ReplaceFile((dir / "journal.txt").wstring(), (dir / "journal.tmp").wstring(), "new\n"));
  EXPECT_EQ(Slurp(dir / "journal.txt"), "new\n");
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"journal.txt"});
}

// The temporary file cannot be made (its folder does not exist): that step, with 3.
TEST(DurableReplace, SaysTheTemporaryFileCouldNotBeCreated) {
  const ScratchFolder dir;
  const std::optional<win32::ReplaceFailure> failed =
      win32::ReplaceFile((dir / "journal.txt").wstring(), (dir / "none" / "journal.tmp").wstring(), "new\n");
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->step, win32::ReplaceStep::kCreateTemporary);
  EXPECT_EQ(failed->error, static_cast<DWORD>(ERROR_PATH_NOT_FOUND));
  EXPECT_TRUE(dir.Names().empty());
}

// The move cannot put the file over a folder: that step, the folder as it was, the temporary file
// removed.
TEST(DurableReplace, SaysTheMoveFailedAndRemovesTheTemporaryFile) {
  const ScratchFolder dir;
  fs::create_directory(dir / "journal.txt");
  const std::optional<win32::ReplaceFailure> failed =
      win32::ReplaceFile((dir / "journal.txt").wstring(), (dir / "journal.tmp").wstring(), "new\n");
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->step, win32::ReplaceStep::kMoveOverTarget);
  EXPECT_NE(failed->error, static_cast<DWORD>(ERROR_SUCCESS));
  EXPECT_TRUE(fs::is_directory(dir / "journal.txt"));
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"journal.txt"});
}

// capture --out of a name no file had at the check: a file another process put there meanwhile
// is not replaced (MoveFileExW without MOVEFILE_REPLACE_EXISTING: 183), said as the Linux tool
// says it, that file kept and nothing left beside it.
TEST(WriteFileDurably, ANameFreeAtTheCheckIsNotTakenFromAFileMadeMeanwhile) {
  const ScratchFolder dir;
  const std::string out = (dir / "c.yaml").string();
  const fixer::Result<win32::Replace> checked = win32::CheckCanWrite(out);
  ASSERT_TRUE(checked.ok()) << checked.status();
  EXPECT_EQ(*checked, win32::Replace::kNothing);
  Put(dir / "c.yaml", "another process's\n");
  const fixer::Status written = win32::WriteFileDurably(out, "{}\n", *checked);
  EXPECT_EQ(written.code(), static_cast<uint32_t>(ERROR_ALREADY_EXISTS)) << written;
  EXPECT_EQ(written.message(), out + ": cannot write: 183: Cannot create a file when that file already exists.");
  EXPECT_EQ(Slurp(dir / "c.yaml"), "another process's\n");
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"c.yaml"});
}

// The same name still free at the write is taken.
TEST(WriteFileDurably, ANameFreeAtTheCheckAndTheWriteIsWritten) {
  const ScratchFolder dir;
  const std::string out = (dir / "c.yaml").string();
  const fixer::Result<win32::Replace> checked = win32::CheckCanWrite(out);
  ASSERT_TRUE(checked.ok()) << checked.status();
  EXPECT_TRUE(win32::WriteFileDurably(out, "{}\n", *checked).ok());
  EXPECT_EQ(Slurp(dir / "c.yaml"), "{}\n");
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"c.yaml"});
}

// A file there at the check (an older capture) is replaced.
TEST(WriteFileDurably, AFileThereAtTheCheckIsReplaced) {
  const ScratchFolder dir;
  const std::string out = (dir / "c.yaml").string();
  Put(dir / "c.yaml", "an older capture\n");
  const fixer::Result<win32::Replace> checked = win32::CheckCanWrite(out);
  ASSERT_TRUE(checked.ok()) << checked.status();
  EXPECT_EQ(*checked, win32::Replace::kAny);
  EXPECT_TRUE(win32::WriteFileDurably(out, "{}\n", *checked).ok());
  EXPECT_EQ(Slurp(dir / "c.yaml"), "{}\n");
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"c.yaml"});
}

}  // namespace
