// The Windows journal file's line format (win32/src/journal_file.h), on the host: what Append
// writes, Load reads back whole, whatever the names and values hold.
#include "journal_file.h"

#include <gtest/gtest.h>

namespace {

fixer::JournalRecord Record(uint32_t seq, std::string step, fixer::JournalPhase phase,
                            std::map<std::string, std::string> data) {
  fixer::JournalRecord r;
  r.seq = seq;
  r.step = std::move(step);
  r.phase = phase;
  r.data = std::move(data);
  return r;
}

TEST(JournalFile, RecordsRoundTripWithSeparatorsInNamesAndValues) {
  std::vector<fixer::JournalRecord> written = {
      Record(1, "stop-services", fixer::JournalPhase::kBegin, {{"running", "W3SVC,IISADMIN"}}),
      Record(2, "odd|step;name", fixer::JournalPhase::kDone, {{"k=ey", "v=a|l;u,e%\r\n"}, {"", ""}}),
      Record(3, "finish", fixer::JournalPhase::kFinished, {}),
  };
  std::string text;
  for (const auto& r : written) text += win32::FormatJournalLine(r);
  auto read = win32::ParseJournal(text);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, written);
}

TEST(JournalFile, GrantsRoundTripTyped) {
  auto grants = std::make_shared<fixer::RecordedGrants>();
  fixer::Sid sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
  grants->aces = {{{fixer::ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\app)"},
                   {{fixer::AceType::kAllow, sid, fixer::kFileModify, fixer::kObjectInheritAce}}}};
  fixer::JournalRecord r = Record(4, "record-grants", fixer::JournalPhase::kDone, {{"sid", sid.ToString()}});
  r.grants = grants;
  auto read = win32::ParseJournal(win32::FormatJournalLine(r));
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ(read->front(), r);
  ASSERT_NE(read->front().grants, nullptr);
  EXPECT_EQ(read->front().grants->aces, grants->aces);
}

TEST(JournalFile, EmptyTextIsNoRecords) {
  auto read = win32::ParseJournal("");
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->empty());
}

// A line edited by hand is a journal this fixer will not act on (an input error of every verb,
// exit 2), told by its reason from a read that failed (exit 3 for apply), and named by its record.
TEST(JournalFile, MalformedLinesAreAnUnusableJournal) {
  for (const char* bad :
       {"x|step|begin|\r\n", "1|step|no-such-phase|\r\n", "1|step|begin\r\n", "1|step|begin|novalue\r\n"}) {
    auto read = win32::ParseJournal(bad);
    ASSERT_FALSE(read.ok()) << bad;
    EXPECT_TRUE(fixer::IsUnreadableJournal(read.status())) << bad << ": " << read.status();
    EXPECT_NE(read.status().message().find("Journal record 1: not a journal aspnet-fixer can resume"),
              std::string::npos)
        << read.status();
  }
  auto second = win32::ParseJournal("1|step|begin|\r\nx|step|begin|\r\n");
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("Journal record 2: "), std::string::npos) << second.status();
}

// A recorded grant that does not decode is named with its reason, as a machine file's journal says
// it: the key, the bad SID in the loaders' words, and Windows' 1337.
TEST(JournalFile, AGrantThatDoesNotDecodeIsNamedWithItsReason) {
  const fixer::JournalRecord r = Record(4, "record-grants", fixer::JournalPhase::kDone,
                                        {{"ace.0", R"(file|C:\WINDOWS\Temp|allow|S-1-5-xx|0x1f01ff|0x3)"}});
  auto read = win32::ParseJournal(win32::FormatJournalLine(r));
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(fixer::IsUnreadableJournal(read.status())) << read.status();
  EXPECT_NE(read.status().message().find("its recorded grant ace.0: malformed SID 'S-1-5-xx'"), std::string::npos)
      << read.status();
  EXPECT_NE(read.status().message().find("1337"), std::string::npos) << read.status();
}

}  // namespace
