// fixer/config_xml.h: machine.config read as an XML 1.0 processor reads it (audit 10 items 5 and
// 6): references decoded, UTF-16 read, only configuration/system.web/processModel taken, a
// document that is not well-formed (or a section given twice) refused with 13.
#include "fixer/config_xml.h"

#include <gtest/gtest.h>

namespace {

constexpr std::string_view kHead = R"(<?xml version="1.0" encoding="UTF-8"?><configuration><system.web>)";
constexpr std::string_view kTail = "</system.web></configuration>";

std::string Config(std::string_view body) { return std::string(kHead) + std::string(body) + std::string(kTail); }

TEST(ReadProcessModel, ReadsMachineConfigAsShippedOutsideComments) {
  const std::string config = R"(<configuration>
  <!-- <processModel userName="SYSTEM" password="AutoGenerate"/> -->
  <system.web>
    <processModel enable="true" userName="machine"
        password='Auto&amp;Generate' />
    <sessionState mode="StateServer"/>
  </system.web>
</configuration>)";
  auto pm = fixer::ReadProcessModel(config);
  ASSERT_TRUE(pm.ok()) << pm.status();
  EXPECT_EQ(pm->user_name, "machine");
  EXPECT_EQ(pm->password, "Auto&Generate");
  EXPECT_TRUE(pm->enable);
  EXPECT_EQ(fixer::ReadSystemWebAttribute(config, "sessionState", "mode"), "StateServer");
}

TEST(ReadProcessModel, CharacterReferencesAreDecoded) {
  auto pm = fixer::ReadProcessModel(Config(R"(<processModel userName="S&#89;STEM" password="&#65;utoGenerate"/>)"));
  ASSERT_TRUE(pm.ok()) << pm.status();
  EXPECT_EQ(pm->user_name, "SYSTEM");
  EXPECT_EQ(pm->password, "AutoGenerate");
  pm = fixer::ReadProcessModel(Config(R"(<processModel userName="&#x53;YSTEM" password="x&#xE9;&#233;"/>)"));
  ASSERT_TRUE(pm.ok()) << pm.status();
  EXPECT_EQ(pm->user_name, "SYSTEM");
  EXPECT_EQ(pm->password, "x\xC3\xA9\xC3\xA9");
  pm = fixer::ReadProcessModel(Config(R"(<processModel userName="XPPRO\R&amp;D"/>)"));
  ASSERT_TRUE(pm.ok()) << pm.status();
  EXPECT_EQ(pm->user_name, "XPPRO\\R&D");
}

std::string Utf16(std::string_view ascii, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

TEST(ReadProcessModel, Utf16WithItsByteOrderMarkIsRead) {
  const std::string text =
      R"(<?xml version="1.0" encoding="UTF-16"?><configuration><system.web><processModel userName="SYSTEM"/>)"
      "</system.web></configuration>";
  for (bool big_endian : {false, true}) {
    auto pm = fixer::ReadProcessModel(Utf16(text, big_endian));
    ASSERT_TRUE(pm.ok()) << pm.status();
    EXPECT_EQ(pm->user_name, "SYSTEM");
  }
  auto bom8 = fixer::ReadProcessModel("\xEF\xBB\xBF" + Config(R"(<processModel userName="SYSTEM"/>)"));
  ASSERT_TRUE(bom8.ok());
  EXPECT_EQ(bom8->user_name, "SYSTEM");
}

TEST(ReadProcessModel, OnlyTheSectionInsideSystemWebCounts) {
  auto pm = fixer::ReadProcessModel(
      R"(<configuration><x><processModel userName="SYSTEM"/></x><system.web><processModel userName="machine"/>)"
      "</system.web></configuration>");
  ASSERT_TRUE(pm.ok()) << pm.status();
  EXPECT_EQ(pm->user_name, "machine");
  auto none = fixer::ReadProcessModel(R"(<configuration><processModel userName="SYSTEM"/></configuration>)");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->user_name, "machine");  // the default: no section where ASP.NET reads one
}

TEST(ReadProcessModel, TheSectionTwiceIsRefusedNotGuessed) {
  auto pm = fixer::ReadProcessModel(Config(R"(<processModel userName="SYSTEM"/><processModel userName="machine"/>)"));
  ASSERT_FALSE(pm.ok());
  EXPECT_EQ(pm.status().code(), 13u);
  EXPECT_NE(pm.status().message().find("more than once"), std::string::npos) << pm.status();
}

TEST(ReadProcessModel, NotWellFormedIsRefusedWithWhere) {
  for (std::string_view bad :
       {R"(<processModel userName="machine" userName="SYSTEM"/>)",  // Unique Att Spec
        R"(<processModel userName="&bogus;"/>)",                    // undeclared entity
        R"(<processModel userName="a<b"/>)", R"(<processModel userName="&#0;"/>)", R"(<processModel userName="x")"}) {
    auto pm = fixer::ReadProcessModel(Config(bad));
    ASSERT_FALSE(pm.ok()) << bad;
    EXPECT_EQ(pm.status().code(), 13u);
    EXPECT_NE(pm.status().message().find("not well-formed"), std::string::npos) << pm.status();
  }
  EXPECT_FALSE(fixer::ReadProcessModel("<configuration><system.web></configuration>").ok());
  EXPECT_FALSE(fixer::ReadProcessModel("").ok());
  EXPECT_FALSE(fixer::ReadProcessModel("<!-- unterminated").ok());
}

TEST(ReadProcessModel, EnableFalseIsRead) {
  auto pm = fixer::ReadProcessModel(Config(R"(<processModel enable="false" userName="machine"/>)"));
  ASSERT_TRUE(pm.ok());
  EXPECT_FALSE(pm->enable);
  pm = fixer::ReadProcessModel(Config(R"(<processModel enable="False"/>)"));
  ASSERT_TRUE(pm.ok());
  EXPECT_FALSE(pm->enable);
}

TEST(ReadSystemWebAttribute, AbsentSectionOrAttributeIsNullopt) {
  const std::string config = Config(R"(<processModelX userName="a"/><processModel enable="true"/>)");
  EXPECT_EQ(fixer::ReadSystemWebAttribute(config, "processModel", "userName"), std::nullopt);
  EXPECT_EQ(fixer::ReadSystemWebAttribute(config, "sessionState", "mode"), std::nullopt);
  EXPECT_EQ(fixer::ReadSystemWebAttribute("<!-- unterminated", "processModel", "userName"), std::nullopt);
}

}  // namespace
