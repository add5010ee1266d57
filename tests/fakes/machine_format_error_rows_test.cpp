// docs/machine-format.md's table of what the loader rejects shows each message as the tool writes
// it: every row whose example is an entry under a section (`ENTRY` under `SECTION:`) is loaded as
// that file, m.yaml, and must give exactly the error the row shows (audit 15 item 9).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

std::string DocText() {
  std::ifstream in(std::filesystem::path(FIXUP_SOURCE_DIR) / "docs" / "machine-format.md", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The text between the first pair of backticks at or after `from` in `cell`.
std::string Quoted(const std::string& cell, size_t from = 0) {
  const size_t open = cell.find('`', from);
  const size_t close = open == std::string::npos ? std::string::npos : cell.find('`', open + 1);
  return close == std::string::npos ? "" : cell.substr(open + 1, close - open - 1);
}

struct Row {
  std::string input, section, before, error;
};

// The table's rows whose example is a whole file: `ENTRY` under `SECTION:`, and or `after` the
// line before it (`next_rid: 999` after `base: empty`).
std::vector<Row> EntryRows(const std::string& doc) {
  std::vector<Row> rows;
  std::istringstream lines(doc.substr(doc.find("What is rejected")));
  for (std::string line; std::getline(lines, line) && line.rfind("## ", 0) != 0;) {
    if (line.rfind("| ", 0) != 0) continue;
    std::vector<std::string> cells;
    for (size_t at = 2; at < line.size();) {
      const size_t bar = line.find(" | ", at);
      cells.push_back(line.substr(at, bar == std::string::npos ? std::string::npos : bar - at));
      if (bar == std::string::npos) break;
      at = bar + 3;
    }
    if (cells.size() != 3) continue;
    const size_t under = cells[1].find("` under `");
    const size_t after = cells[1].find("` after `");
    if (under == std::string::npos && after == std::string::npos) continue;
    rows.push_back({Quoted(cells[1]), under == std::string::npos ? "" : Quoted(cells[1], under + 1),
                    after == std::string::npos ? "" : Quoted(cells[1], after + 1), Quoted(cells[2])});
  }
  return rows;
}

TEST(MachineFormatErrorRows, EachEntryUnderASectionGivesExactlyTheErrorShown) {
  const std::vector<Row> rows = EntryRows(DocText());
  ASSERT_GE(rows.size(), 4u) << "the unknown-SID, RID and next_rid rows";
  for (const Row& row : rows) {
    std::string text = row.before.empty() ? "" : row.before + "\n";
    text += row.section.empty() ? row.input + "\n" : row.section + "\n  " + row.input + "\n";
    const auto loaded = fakes::LoadMachineText(text, "m.yaml");
    ASSERT_FALSE(loaded.ok()) << text << "loaded";
    EXPECT_EQ(loaded.error->ToString(), row.error) << text;
  }
}

}  // namespace
