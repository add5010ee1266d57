// The probe's address from a site's ServerBindings entry (win32/src/site_binding.h), on the host:
// "IP:Port:Hostname", an empty IP or host name a wildcard.
#include "site_binding.h"

#include <gtest/gtest.h>

namespace {

using win32::ProbeAddress;
using win32::ProbeAddressOf;

TEST(SiteBinding, AWildcardAddressIsRequestedOnLocalhost) {
  EXPECT_EQ(ProbeAddressOf(L":80:"), (ProbeAddress{.host = "localhost", .port = 80}));
  EXPECT_EQ(ProbeAddressOf(L":8080:").Url("/app/"), "http://localhost:8080/app/");
}

TEST(SiteBinding, ASiteBoundToOneAddressIsRequestedThere) {
  EXPECT_EQ(ProbeAddressOf(L"192.168.0.10:80:"), (ProbeAddress{.host = "192.168.0.10", .port = 80}));
  EXPECT_EQ(ProbeAddressOf(L"10.0.0.5:81:").Url("/shop/"), "http://10.0.0.5:81/shop/");
}

TEST(SiteBinding, AHostNameIsKeptForTheHostHeader) {
  EXPECT_EQ(ProbeAddressOf(L":80:www.contoso.com"),
            (ProbeAddress{.host = "localhost", .port = 80, .host_header = "www.contoso.com"}));
}

TEST(SiteBinding, NoBindingOrABrokenPortIsLocalhostOn80) {
  const ProbeAddress fallback{.host = "localhost", .port = 80};
  EXPECT_EQ(ProbeAddressOf(std::nullopt), fallback);
  EXPECT_EQ(ProbeAddressOf(L"no colon"), fallback);
  EXPECT_EQ(ProbeAddressOf(L":0:"), fallback);
  EXPECT_EQ(ProbeAddressOf(L":65536:"), fallback);
  EXPECT_EQ(ProbeAddressOf(L":99999999999:"), fallback);
  EXPECT_EQ(ProbeAddressOf(L":8o:"), fallback);
  EXPECT_EQ(ProbeAddressOf(L"::"), fallback);
}

TEST(SiteBinding, AnAddressWithCharactersNoURLHoldsIsAWildcard) {
  EXPECT_EQ(ProbeAddressOf(L"a b:80:").host, "localhost");
  EXPECT_EQ(ProbeAddressOf(L"\u00e9:80:").host, "localhost");
}

}  // namespace
