// FindXmlAttribute (win32/src/xml_attributes.h), on the host: machine.config's <processModel>
// as Microsoft ships it, comments skipped, entities decoded.
#include "xml_attributes.h"

#include <gtest/gtest.h>

namespace {

TEST(XmlAttributes, ReadsTheFirstElementOutsideComments) {
  const std::string config = R"(<configuration>
  <!-- <processModel userName="SYSTEM" password="AutoGenerate"/> -->
  <system.web>
    <processModel enable="true" userName="machine"
        password='Auto&amp;Generate' />
    <sessionState mode="StateServer"/>
  </system.web>
</configuration>)";
  EXPECT_EQ(win32::FindXmlAttribute(config, "processModel", "userName"), "machine");
  EXPECT_EQ(win32::FindXmlAttribute(config, "processModel", "password"), "Auto&Generate");
  EXPECT_EQ(win32::FindXmlAttribute(config, "sessionState", "mode"), "StateServer");
}

TEST(XmlAttributes, AbsentElementOrAttributeIsNullopt) {
  const std::string config = R"(<processModelX userName="a"/><processModel enable="true"/>)";
  EXPECT_EQ(win32::FindXmlAttribute(config, "processModel", "userName"), std::nullopt);
  EXPECT_EQ(win32::FindXmlAttribute(config, "sessionState", "mode"), std::nullopt);
  EXPECT_EQ(win32::FindXmlAttribute("<!-- unterminated", "processModel", "userName"), std::nullopt);
}

}  // namespace
