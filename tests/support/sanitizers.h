// Whether this test binary runs under AddressSanitizer (the `asan` preset, GCC or clang), for
// the few tests that scale their work down there; what they check stays the same.
//
//   const size_t shards = test_support::kUnderSanitizers ? 4 : 1;
#pragma once

namespace test_support {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderSanitizers = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderSanitizers = true;
#else
inline constexpr bool kUnderSanitizers = false;
#endif
#else
inline constexpr bool kUnderSanitizers = false;
#endif

}  // namespace test_support
