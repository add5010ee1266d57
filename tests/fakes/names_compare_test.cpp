// Names compare as Windows compares account, group, service and right names here: A-Z equal to
// a-z, every other byte (digits, punctuation, UTF-8's bytes of 0x80 and above) only to itself
// (fakes/state.h). EqualsIgnoreCase compares eight bytes at a time; these tests hold it to the
// byte-by-byte rule at every position and length, and hold the lookups built on it to "any
// spelling finds the same account".
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/scm.h"
#include "fakes/state.h"
#include "test_machine.h"

namespace {

char FoldByte(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool ReferenceEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldByte(a[i]) != FoldByte(b[i])) return false;
  }
  return true;
}

// Every pair of byte values, at each of the 8 positions of a word and in a tail, in strings of
// 1 to 19 bytes: only A-Z/a-z pairs (and equal bytes) compare equal.
TEST(EqualsIgnoreCase, AgreesWithTheByteRuleForEveryPairOfBytes) {
  for (size_t length : {1u, 7u, 8u, 9u, 16u, 19u}) {
    for (size_t at = 0; at < length; ++at) {
      std::string a(length, 'q'), b(length, 'Q');
      for (int x = 0; x < 256; ++x) {
        for (int y = 0; y < 256; ++y) {
          a[at] = static_cast<char>(x);
          b[at] = static_cast<char>(y);
          ASSERT_EQ(fakes::EqualsIgnoreCase(a, b), ReferenceEquals(a, b)) << "bytes " << x << ", " << y << " at " << at;
        }
      }
    }
  }
}

// Random names over letters around the case boundaries ('@', '[', '`', '{'), digits and high
// bytes: the comparison answers as the byte rule does, both ways round.
TEST(EqualsIgnoreCase, AgreesWithTheByteRuleOnRandomNames) {
  static constexpr std::string_view kAlphabet = "aAzZmM@[`{09 _.\\\x80\xC1\xE1\xFF";
  std::mt19937 rng(8);
  int equal = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string a(rng() % 24, ' ');
    for (char& c : a) c = kAlphabet[rng() % kAlphabet.size()];
    std::string b = a;
    for (char& c : b) {
      if (rng() % 2 == 0) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (rng() % 3 == 0 && !b.empty()) b[rng() % b.size()] = kAlphabet[rng() % kAlphabet.size()];
    if (rng() % 10 == 0) b.push_back('a');
    const bool expected = ReferenceEquals(a, b);
    equal += expected;
    ASSERT_EQ(fakes::EqualsIgnoreCase(a, b), expected) << a << " / " << b;
    ASSERT_EQ(fakes::EqualsIgnoreCase(b, a), expected) << b << " / " << a;
  }
  EXPECT_GT(equal, 50000);  // both answers came up many times
  EXPECT_LT(equal, 150000);
}

// Lookups by name find the same account, group, service or right however it is spelled, and
// nothing for a name that differs in one letter or in length.
TEST(NameLookups, FindTheSameEntryByAnySpelling) {
  fakes::Machine m(fakes_test::MinimalXpState());
  fakes::Sam sam(m);
  ASSERT_TRUE(sam.CreateUser({.name = "ASPNET", .full_name = "aspnet_wp account"}, fakes_test::Pw("1pass@word")).ok());
  const fakes::UserAccount* aspnet = std::as_const(sam).FindUser("ASPNET");
  ASSERT_NE(aspnet, nullptr);
  for (const char* spelling : {"aspnet", "AspNet", "aSPNET", "ASPNET"}) {
    EXPECT_EQ(std::as_const(sam).FindUser(spelling), aspnet) << spelling;
    EXPECT_EQ(sam.FindUser(spelling), aspnet) << spelling;
    EXPECT_EQ(fakes::FindUserIn(m.state(), spelling), aspnet) << spelling;
    EXPECT_EQ(*sam.LookupName(spelling), sam.SidOf(*aspnet)) << spelling;
    EXPECT_EQ(*sam.LookupName(std::string("xppro\\") + spelling), sam.SidOf(*aspnet)) << spelling;
  }
  for (const char* other : {"ASPNE", "ASPNETT", "ASPNEU", "ASP NET", "aspnet\xC3\xA9"}) {
    EXPECT_EQ(std::as_const(sam).FindUser(other), nullptr) << other;
    EXPECT_FALSE(sam.LookupName(other).ok()) << other;
  }
  EXPECT_EQ(*sam.LookupName("builtin\\ADMINISTRATORS"), fixer::Sid::Administrators());
  EXPECT_EQ(*sam.LookupName("nt authority\\system"), fixer::Sid::LocalSystem());
  EXPECT_NE(sam.FindGroup("power users"), nullptr);
  EXPECT_EQ(sam.FindGroup("power-users"), nullptr);

  fakes::Scm scm(m);
  EXPECT_NE(std::as_const(scm).Find("SECLOGON"), nullptr);
  EXPECT_EQ(std::as_const(scm).Find("secondary logon"), std::as_const(scm).Find("seclogon"));
  EXPECT_EQ(std::as_const(scm).Find("seclogin"), nullptr);

  // LSA rights: any spelling grants the one canonical right (1313 for an unknown one).
  fakes::Lsa lsa(m);
  const fixer::Sid sid = sam.SidOf(*aspnet);
  ASSERT_TRUE(lsa.Grant(sid, "sebatchlogonright").ok());
  ASSERT_TRUE(lsa.Grant(sid, "SEBATCHLOGONRIGHT").ok());
  ASSERT_TRUE(lsa.Grant(sid, "SeChangeNotifyPRIVILEGE").ok());
  EXPECT_EQ(lsa.RightsOf(sid), (std::vector<std::string>{"SeBatchLogonRight", "SeChangeNotifyPrivilege"}));
  EXPECT_EQ(lsa.Grant(sid, "SeBatchLogonRights").code(), fixer::kErrorNoSuchPrivilege);
  EXPECT_EQ(lsa.Grant(sid, "SeBatchLogonRigh").code(), fixer::kErrorNoSuchPrivilege);
  ASSERT_TRUE(lsa.Revoke(sid, "SEBATCHLOGONRIGHT").ok());
  EXPECT_EQ(lsa.RightsOf(sid), (std::vector<std::string>{"SeChangeNotifyPrivilege"}));
  EXPECT_TRUE(fakes::IsKnownRight("seundockprivilege"));
  EXPECT_FALSE(fakes::IsKnownRight("SeUndockPrivileges"));
}

}  // namespace
