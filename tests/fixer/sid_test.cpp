#include "fixer/sid.h"

#include <fmt/format.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

namespace fixer {
namespace {

TEST(Sid, ParsesAndFormatsAnAccountSid) {
  auto sid = Sid::Parse("S-1-5-21-1004336348-1177238915-682003330-1004");
  ASSERT_TRUE(sid.ok());
  EXPECT_EQ(sid->ToString(), "S-1-5-21-1004336348-1177238915-682003330-1004");
  EXPECT_EQ(sid->Rid(), 1004u);
  EXPECT_TRUE(sid->IsAccountSid());
  EXPECT_EQ(sid->Domain().ToString(), "S-1-5-21-1004336348-1177238915-682003330");
  EXPECT_EQ(sid->Domain().WithRid(1004), *sid);
}

// Up to six sub-authorities are held inline, more in the process-wide pool: both must copy, move, compare
// and order as values, a prefix before a longer SID.
TEST(Sid, LongAndShortSidsAreValues) {
  auto longest = Sid::Parse("S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14");  // 15 sub-authorities
  ASSERT_TRUE(longest.ok());
  EXPECT_EQ(longest->ToString(), "S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14");
  EXPECT_EQ(longest->Rid(), 14u);
  EXPECT_FALSE(Sid::Parse("S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15").ok());  // 16
  Sid copy = *longest;
  EXPECT_EQ(copy, *longest);
  Sid moved = std::move(copy);
  EXPECT_EQ(moved, *longest);
  copy = Sid::Users();  // a moved-from SID takes a new value
  EXPECT_EQ(copy, Sid::Users());
  moved = Sid::LocalSystem();  // heap to inline
  EXPECT_EQ(moved, Sid::LocalSystem());
  copy = *longest;  // inline to heap
  EXPECT_EQ(copy.ToString(), longest->ToString());
  EXPECT_EQ(std::hash<Sid>()(*longest), std::hash<Sid>()(copy));

  const Sid machine = Sid::Machine(1, 2, 3);
  EXPECT_LT(machine, machine.WithRid(0));  // a prefix first
  EXPECT_LT(machine.WithRid(1000), machine.WithRid(1001));
  EXPECT_LT(machine, Sid::Users());                // S-1-5-21-... before S-1-5-32-545
  EXPECT_LT(Sid::Everyone(), Sid::LocalSystem());  // by authority first
  EXPECT_NE(machine, machine.WithRid(0));
}

TEST(Sid, WellKnownSidsFormatAsWindowsPrintsThem) {
  EXPECT_EQ(Sid::LocalSystem().ToString(), "S-1-5-18");
  EXPECT_EQ(Sid::NetworkService().ToString(), "S-1-5-20");
  EXPECT_EQ(Sid::Administrators().ToString(), "S-1-5-32-544");
  EXPECT_EQ(Sid::Users().ToString(), "S-1-5-32-545");
  EXPECT_EQ(Sid::Everyone().ToString(), "S-1-1-0");
  EXPECT_FALSE(Sid::Users().IsAccountSid());
}

TEST(Sid, RejectsMalformedTextWithInvalidSid) {
  for (const char* bad : {"", "S-", "S-1", "S-1-5-", "X-1-5-18", "S-2-5-18", "S-1-5-x", "S-1-5-4294967296", "S-1--5"}) {
    auto sid = Sid::Parse(bad);
    ASSERT_FALSE(sid.ok()) << bad;
    EXPECT_EQ(sid.status().code(), kErrorInvalidSid) << bad;
  }
}

TEST(Sid, OrdersAndComparesByValue) {
  EXPECT_LT(Sid::Machine(1, 2, 3).WithRid(1000), Sid::Machine(1, 2, 3).WithRid(1001));
  EXPECT_EQ(*Sid::Parse("s-1-5-18"), Sid::LocalSystem());
}

// ToString writes into one buffer: the longest text (a 48-bit authority and fifteen sub-authorities
// of 32 bits) must fit, and the null SID keeps Windows' "S-1-0-0".
TEST(Sid, FormatsTheLongestAndTheNullSid) {
  const std::string widest = "S-1-281474976710655" + [] {
    std::string subs;
    for (int i = 0; i < 15; ++i) subs += "-4294967295";
    return subs;
  }();
  auto sid = Sid::Parse(widest);
  ASSERT_TRUE(sid.ok());
  EXPECT_EQ(sid->ToString(), widest);
  EXPECT_EQ(Sid().ToString(), "S-1-0-0");
  EXPECT_TRUE(Sid().IsNull());
}

// Equality compares every sub-authority (the last first): SIDs that differ only in the first,
// in the count, or in the authority are different SIDs. A Sid is a value copied as bytes: a move
// is a copy, and the source keeps its value.
TEST(Sid, EqualityComparesEverySubAuthority) {
  EXPECT_NE(Sid(5, {21, 1, 2, 3, 1004}), Sid(5, {22, 1, 2, 3, 1004}));
  EXPECT_NE(Sid(5, {32, 544}), Sid(5, {32, 544, 0}));
  EXPECT_NE(Sid(5, {18}), Sid(1, {18}));
  EXPECT_EQ(Sid(5, {21, 1, 2, 3, 4, 5, 6, 7}), Sid(5, {21, 1, 2, 3, 4, 5, 6, 7}));  // pooled
  EXPECT_NE(Sid(5, {21, 1, 2, 3, 4, 5, 6, 7}), Sid(5, {21, 9, 2, 3, 4, 5, 6, 7}));
  Sid from = Sid::Users();
  Sid to = std::move(from);
  EXPECT_EQ(from, Sid::Users());  // NOLINT(bugprone-use-after-move): a move copies
  EXPECT_EQ(to, Sid::Users());
}

// A SID is equal to another exactly when authority and sub-authorities are, however each was
// built: parsed, constructed, extended by WithRid, cut by Domain, copied, moved, or assigned over
// a longer one (inline slots a shorter SID leaves unused must not keep a longer one's values).
TEST(Sid, EqualSidsBuiltDifferentWaysAreEqual) {
  const Sid account = *Sid::Parse("S-1-5-21-7-8-9-1004");
  EXPECT_EQ(account, Sid(5, {21, 7, 8, 9, 1004}));
  EXPECT_EQ(account, Sid::Machine(7, 8, 9).WithRid(1004));
  EXPECT_EQ(account.Domain(), Sid::Machine(7, 8, 9));
  EXPECT_EQ(account.Domain().WithRid(1004), account);
  Sid assigned = *Sid::Parse("S-1-5-21-1-2-3-4-5-6-7-8");  // pooled
  assigned = Sid(5, {32, 544});                            // then inline, two slots used
  EXPECT_EQ(assigned, Sid::Administrators());
  Sid wider = Sid(5, {21, 7, 8, 9, 1004, 77});
  wider = Sid::Users();  // six slots used, then two
  EXPECT_EQ(wider, Sid::Users());
  Sid copied = Sid(5, {21, 7, 8, 9, 1004, 77});
  copied = Sid::Machine(7, 8, 9);  // copy-assigned over a longer inline SID
  EXPECT_EQ(copied, account.Domain());
  Sid pooled = *Sid::Parse("S-1-5-21-1-2-3-4-5-6-7-8");
  Sid taken = std::move(pooled);
  EXPECT_EQ(pooled, taken);  // NOLINT(bugprone-use-after-move): a long SID's move copies its index
  EXPECT_EQ(taken, *Sid::Parse("S-1-5-21-1-2-3-4-5-6-7-8"));
  EXPECT_EQ(taken.ToString(), "S-1-5-21-1-2-3-4-5-6-7-8");
  EXPECT_NE(Sid(5, {21, 7, 8, 9}), Sid(5, {21, 7, 8, 9, 0}));  // a zero sub-authority is not an unused slot
  EXPECT_NE(Sid(0, {0}), Sid());                               // S-1-0-0 parsed is not the null SID
  EXPECT_EQ(Sid(0, {0}).ToString(), Sid().ToString());         // though both print so
}

// Equality, ordering and hashing agree with (authority, sub-authorities) compared as plain values,
// on SIDs of every length from 0 to 15 (inline and pooled) with few distinct values, so that
// equal SIDs, prefixes and SIDs that differ in one place all come up; each SID is compared with
// a twin built another way (parsed from its text) too.
TEST(Sid, EqualityOrderAndHashAgreeWithTheValues) {
  std::mt19937 rng(15);
  using Value = std::tuple<uint64_t, std::vector<uint32_t>>;
  std::vector<Value> values;
  std::vector<Sid> sids;
  for (int i = 0; i < 400; ++i) {
    Value v{rng() % 3 + 4, std::vector<uint32_t>(rng() % 16)};
    for (uint32_t& sub : std::get<1>(v)) sub = rng() % 3 == 0 ? 0xFFFFFFFFu : rng() % 2;
    sids.emplace_back(std::get<0>(v), std::span<const uint32_t>(std::get<1>(v)));
    values.push_back(std::move(v));
  }
  for (size_t a = 0; a < sids.size(); ++a) {
    const Sid twin = sids[a].sub_authorities().empty() ? Sid(sids[a]) : *Sid::Parse(sids[a].ToString());
    ASSERT_EQ(sids[a], twin) << twin;
    ASSERT_EQ(std::hash<Sid>()(sids[a]), std::hash<Sid>()(twin)) << twin;
    for (size_t b = 0; b < sids.size(); ++b) {
      ASSERT_EQ(sids[a] == sids[b], values[a] == values[b]) << sids[a] << " " << sids[b];
      ASSERT_EQ(twin == sids[b], values[a] == values[b]) << twin << " " << sids[b];
      ASSERT_TRUE((sids[a] <=> sids[b]) == (values[a] <=> values[b])) << sids[a] << " " << sids[b];
    }
  }
}

// ToString writes digits two at a time from the end: every number of digits from 1 to 10 (and
// to 15 for the authority), each digit boundary (9/10, 99/100, ...) and zeros inside a number
// must print as the plain decimal text, on SIDs of every length.
TEST(Sid, PrintsEveryNumberAsItsDecimalText) {
  auto text_of = [](uint64_t authority, const std::vector<uint32_t>& subs) {
    std::string t = "S-1-" + std::to_string(authority);
    if (subs.empty()) t += "-0";
    for (uint32_t s : subs) t += "-" + std::to_string(s);
    return t;
  };
  std::vector<uint64_t> boundaries = {0, 1, 5, 1000000007, 4294967295u, 281474976710655u};
  for (uint64_t p = 10; p <= 1000000000; p *= 10) {
    boundaries.insert(boundaries.end(), {p - 1, p, p + 1, p * 2 + 5});
  }
  std::mt19937_64 rng(32);
  for (int i = 0; i < 2000; ++i) {
    std::vector<uint32_t> subs(i % 16);
    for (uint32_t& s : subs) {
      const uint64_t b = boundaries[rng() % boundaries.size()];
      s = rng() % 4 == 0 ? static_cast<uint32_t>(rng()) : static_cast<uint32_t>(std::min<uint64_t>(b, UINT32_MAX));
    }
    const uint64_t authority = rng() % 3 == 0 ? rng() % (uint64_t{1} << 48) : boundaries[rng() % boundaries.size()];
    const Sid sid(authority, std::span<const uint32_t>(subs));
    const std::string expected = text_of(authority, subs);
    ASSERT_EQ(sid.ToString(), expected);
    if (!subs.empty()) {
      ASSERT_EQ(*Sid::Parse(expected), sid) << expected;
    }
  }
  EXPECT_EQ(Sid(5, {0}).ToString(), "S-1-5-0");
  EXPECT_EQ(Sid(5, {21, 100, 1000, 10000, 1000}).ToString(), "S-1-5-21-100-1000-10000-1000");
  EXPECT_EQ(Sid(0, {0}).ToString(), "S-1-0-0");
  EXPECT_EQ(Sid(16, {12288}).ToString(), "S-1-16-12288");  // a mandatory label (high integrity)
}

// WithRid may extend a SID past the 15 sub-authorities Parse accepts; it stays a value and
// prints every sub-authority.
TEST(Sid, ExtendsAndPrintsPastFifteenSubAuthorities) {
  const Sid fifteen = *Sid::Parse("S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14");
  const Sid sixteen = fifteen.WithRid(4294967295u);
  EXPECT_EQ(sixteen.ToString(), "S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-12-13-14-4294967295");
  EXPECT_EQ(sixteen.WithRid(7).ToString(), sixteen.ToString() + "-7");
  EXPECT_EQ(sixteen.Rid(), 4294967295u);
  EXPECT_NE(sixteen, fifteen);
  EXPECT_EQ(Sid::Machine(1, 2, 3).WithRid(500).ToString(), "S-1-5-21-1-2-3-500");
  EXPECT_EQ(Sid().WithRid(7), Sid(0, {7}));
}

// Parse reads at most fifteen sub-authorities of 32 bits and a 48-bit authority.
TEST(Sid, ParsesTheLimitsAndNoFurther) {
  EXPECT_EQ(*Sid::Parse("S-1-5-4294967295"), Sid(5, {4294967295u}));
  EXPECT_EQ(*Sid::Parse("S-1-281474976710655-0"), Sid(281474976710655u, {0}));
  EXPECT_EQ(*Sid::Parse("S-001-05-0018"), Sid::LocalSystem());  // leading zeros are read as digits
  EXPECT_EQ(*Sid::Parse("s-1-5-21-0-0-0-0"), Sid(5, {21, 0, 0, 0, 0}));
  for (const char* bad :
       {"S-1-281474976710656-0", "S-1-5", "S-1-5-18-", "S-1-5-18x", "S-1-5--18", "S-1-5-+18",
        "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", "S-1-5-18446744073709551616", "S-1-5-18446744073709551615",
        "S-1-5-4294967296", "S-1-18446744073709551615-0", "S-1-99999999999999999999999-0", "S-1-5- 18", "S-1-5-18 ",
        "S-1-5-1/", "S-1-5-:1", "S-2-5-18"}) {
    EXPECT_FALSE(Sid::Parse(bad).ok()) << bad;
  }
  EXPECT_FALSE(Sid::Parse(std::string_view("S-1-5-1\0"
                                           "2",
                                           9))
                   .ok());  // a NUL inside
}

// fmt prints a SID as ToString() does, format specs included (log lines and messages use it).
TEST(Sid, FormatsThroughFmtAsItsText) {
  EXPECT_EQ(fmt::format("{}", Sid::Users()), "S-1-5-32-545");
  EXPECT_EQ(fmt::format("[{:>10}]", Sid::LocalSystem()), "[  S-1-5-18]");
}

// Long SIDs (more than six sub-authorities) are pooled once per process: threads that build the
// same long SIDs at once (the sweep's workers) get equal Sids, and each reads back what it built.
TEST(Sid, LongSidsBuiltOnManyThreadsAtOnceAreEqualAndReadBack) {
  constexpr uint32_t kSids = 2000;
  auto build = [](std::vector<Sid>& out) {
    for (uint32_t i = 0; i < kSids; ++i) out.push_back(Sid(5, {21, 1, 2, 3, 4, 5, 900000 + i}));
  };
  std::vector<std::vector<Sid>> built(4);
  std::vector<std::thread> threads;
  for (auto& out : built) threads.emplace_back(build, std::ref(out));
  for (auto& t : threads) t.join();
  for (uint32_t i = 0; i < kSids; ++i) {
    for (const auto& out : built) ASSERT_EQ(out[i], built[0][i]);
    EXPECT_EQ(built[3][i].ToString(), "S-1-5-21-1-2-3-4-5-" + std::to_string(900000 + i));
    EXPECT_EQ(built[2][i].Rid(), 900000 + i);
  }
  EXPECT_NE(built[0][0], built[0][1]);
}

}  // namespace
}  // namespace fixer
