# The header-only third-party libraries for a MinGW (Windows) build: fmt, spdlog, CLI11 and
# nlohmann_json come from Debian's -dev packages, whose CMake configs describe the host (fmt and
# spdlog as compiled Linux libraries). Here each becomes an INTERFACE target of the same name,
# header-only, so fixer/ and app/ link them unchanged.
#
# The include directory is a folder in the build tree holding one symlink per library, never
# /usr/include itself: that would put glibc's headers in front of MinGW's.
#   include(cmake/FixupWindowsDeps.cmake)   # instead of find_package(fmt) ... (top CMakeLists.txt)
set(FIXUP_WINDOWS_DEPS_INCLUDE ${CMAKE_BINARY_DIR}/third-party-include)
file(MAKE_DIRECTORY ${FIXUP_WINDOWS_DEPS_INCLUDE})
foreach(dir fmt spdlog CLI nlohmann)
  if(NOT IS_DIRECTORY /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} missing: run scripts/setup.sh (the Debian -dev packages)")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${FIXUP_WINDOWS_DEPS_INCLUDE}/${dir} SYMBOLIC)
endforeach()

function(fixup_header_only_target name)
  cmake_parse_arguments(arg "" "" "DEFINES" ${ARGN})
  add_library(${name} INTERFACE IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${FIXUP_WINDOWS_DEPS_INCLUDE}
                                           INTERFACE_SYSTEM_INCLUDE_DIRECTORIES ${FIXUP_WINDOWS_DEPS_INCLUDE}
                                           INTERFACE_COMPILE_DEFINITIONS "${arg_DEFINES}")
endfunction()

fixup_header_only_target(fmt::fmt DEFINES FMT_HEADER_ONLY=1)
# spdlog's own compiled part, header-only, on the fmt above (not spdlog's bundled copy).
fixup_header_only_target(spdlog::spdlog DEFINES SPDLOG_HEADER_ONLY SPDLOG_FMT_EXTERNAL FMT_HEADER_ONLY=1)
fixup_header_only_target(CLI11::CLI11)
fixup_header_only_target(nlohmann_json::nlohmann_json)
