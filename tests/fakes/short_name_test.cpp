// The 8.3 short name of a folder (fakes/short_name.h) counts characters, never bytes, and makes
// what Windows makes. The rule it replaces counted bytes: `Straußberg` became `STRAU` and half of
// `ß`, then `~1` (no UTF-8 at all), and `Günther`, 8 bytes, was kept as `GüNTHER`; it kept spaces
// and characters no 8.3 name may hold, and upper-cased a legal 8.3 name.
#include "fakes/short_name.h"

#include <gtest/gtest.h>

namespace {

TEST(ShortName, ALegal83NameIsItsOwnShortName) {
  EXPECT_EQ(fakes::ShortName("bob"), "bob");
  EXPECT_EQ(fakes::ShortName("Owner"), "Owner");  // its case kept: no second name is made
  EXPECT_EQ(fakes::ShortName("ASPNET"), "ASPNET");
  EXPECT_EQ(fakes::ShortName("Temp"), "Temp");
  EXPECT_EQ(fakes::ShortName("Abcdefgh"), "Abcdefgh");  // exactly 8
  EXPECT_EQ(fakes::ShortName("readme.txt"), "readme.txt");
}

TEST(ShortName, ALongAsciiNameKeepsSixCharactersUpperCased) {
  EXPECT_EQ(fakes::ShortName("Administrator"), "ADMINI~1");
  EXPECT_EQ(fakes::ShortName("Abcdefghi"), "ABCDEF~1");  // 9: one too many
  EXPECT_EQ(fakes::ShortName("Documents and Settings"), "DOCUME~1");
  EXPECT_EQ(fakes::ShortName("Local Settings"), "LOCALS~1");
}

TEST(ShortName, SpacesAndDotsAreLeftOutAndIllegalCharactersBecomeUnderscores) {
  EXPECT_EQ(fakes::ShortName("web user"), "WEBUSE~1");           // 8 characters, but a space
  EXPECT_EQ(fakes::ShortName("john.smith"), "JOHN~1.SMI");       // the extension too long for 8.3: cut to 3
  EXPECT_EQ(fakes::ShortName("web.user.name"), "WEBUSE~1.NAM");  // what follows the last dot is the extension
  EXPECT_EQ(fakes::ShortName("svc+web=1"), "SVC_WE~1");
  EXPECT_EQ(fakes::ShortName("Long file name.txt"), "LONGFI~1.TXT");
  EXPECT_EQ(fakes::ShortName("archive.tar.gz"), "ARCHIV~1.GZ");
}

// Extended characters are left out (NTFS generates without them by default); what is kept is
// counted in characters. The file names and short names below are those ReactOS's conformance
// test of RtlGenerate8dot3Name expects, as Windows gives them (AllowExtendedCharacters FALSE).
TEST(ShortName, NonAsciiCharactersAreCountedAsCharactersAndLeftOut) {
  EXPECT_EQ(fakes::ShortName("Menu D\u00e9marrer"), "MENUDM~1");
  EXPECT_EQ(fakes::ShortName("S\u00e9lecteur de configuration clavier.lnk"), "SLECTE~1.LNK");
  EXPECT_EQ(fakes::ShortName("\u00e9\u00e8\u00e0\u00f9\u00e7eeauc.txt"), "EEAUC~1.TXT");
  EXPECT_EQ(fakes::ShortName("\u00e9e\u00e8\u00e9\u00e7c\u00f9u.txt"), "ECU~1.TXT");
  EXPECT_EQ(fakes::ShortName("test.\u00e9x\u00e8"), "TEST~1.X");
  EXPECT_EQ(fakes::ShortName("t\u00a3$t\u00a4.txt"), "T$T~1.TXT");
  // User names: never a character cut in two, never more than six kept.
  EXPECT_EQ(fakes::ShortName("J\u00e9r\u00f4me-Dupont"), "JRME-D~1");
  EXPECT_EQ(fakes::ShortName("Jos\u00e9"), "JOS~1");  // four characters, five bytes: not a legal 8.3 name
  EXPECT_EQ(fakes::ShortName("Strau\u00dfberg"), "STRAUB~1");
  EXPECT_EQ(fakes::ShortName("G\u00fcnther"), "GNTHER~1");
}

// At most two characters kept: the name's checksum (four hex digits) tells it apart.
TEST(ShortName, ANameWithAtMostTwoCharactersKeptGetsItsChecksum) {
  EXPECT_EQ(fakes::ShortName("\u00e9\u00e8\u00e0\u00f9\u00e7.txt"), "5C2D~1.TXT");
  EXPECT_EQ(fakes::ShortName("\u00e7\u00f9\u00e0\u00e8\u00e9.txt"), "423C~1.TXT");
  EXPECT_EQ(fakes::ShortName("\u00e9\u00e8\u00e0\u00f9.txt"), "925E~1.TXT");
  EXPECT_EQ(fakes::ShortName("\u00e7\u00f9\u00e0\u00e8.txt"), "7E4C~1.TXT");
  const std::string cyrillic = fakes::ShortName("\u0418\u0432\u0430\u043d");  // Иван: nothing kept
  EXPECT_EQ(cyrillic.size(), 6u) << cyrillic;
  EXPECT_EQ(cyrillic.substr(4), "~1") << cyrillic;
  EXPECT_EQ(cyrillic.find_first_not_of("0123456789ABCDEF~1"), std::string::npos) << cyrillic;
}

}  // namespace
