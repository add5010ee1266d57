# Cross-compiling for 64-bit Windows (XP x64 / Server 2003 x64 and later) with Debian's
# MinGW-w64, posix thread model; the executable that runs under wine64 in CI.
#   cmake --preset windows-x64        (CMakePresets.json; docs/windows.md)
set(FIXUP_MINGW_TRIPLET x86_64-w64-mingw32)
include(${CMAKE_CURRENT_LIST_DIR}/mingw-common.cmake)
