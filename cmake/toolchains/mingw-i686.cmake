# Cross-compiling for 32-bit Windows (XP SP1 and later) with Debian's MinGW-w64, posix thread
# model (std::thread and std::mutex need it; libwinpthread is linked statically).
#   cmake --preset windows-x86        (CMakePresets.json; docs/windows.md)
set(FIXUP_MINGW_TRIPLET i686-w64-mingw32)
include(${CMAKE_CURRENT_LIST_DIR}/mingw-common.cmake)
