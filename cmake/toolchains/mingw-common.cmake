# What both MinGW-w64 toolchains share; FIXUP_MINGW_TRIPLET names the target (i686-w64-mingw32,
# x86_64-w64-mingw32). Included by mingw-i686.cmake and mingw-x86_64.cmake only.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_VERSION 5.1)  # Windows XP
set(CMAKE_C_COMPILER ${FIXUP_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${FIXUP_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${FIXUP_MINGW_TRIPLET}-windres)

# Libraries and headers of the target only; programs (git, the host's tools) from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${FIXUP_MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# XP is the oldest target: the SDK headers then declare nothing newer than XP (winsdkver).
# UNICODE: every Win32 call takes UTF-16 (the W functions); the code converts at the edge.
add_compile_definitions(_WIN32_WINNT=0x0501 WINVER=0x0501 UNICODE _UNICODE WIN32_LEAN_AND_MEAN NOMINMAX)
# One self-contained .exe: libgcc, libstdc++ and libwinpthread linked in, no MinGW DLLs to ship.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
