# The CMake package fixup-sim: the libraries other projects link, their headers, and the config
# files find_package(fixup-sim) reads. Included from the top CMakeLists.txt after the targets.
#
# Every library is known as fixup::<name>, an ALIAS inside this build and an imported target of
# the installed package, so a consumer's target_link_libraries reads the same either way.
# Installed layout (under the prefix):
#   include/fixup-sim/{fixer,fakes,app}/...  headers, #include "fakes/machine.h" as in the tree
#   lib/libfixup-sim-<name>.a                static libraries
#   lib/cmake/fixup-sim/                     fixup-simConfig.cmake, version file, targets
# Component `dev` holds all of it; the tools and their data are component `tools` (FixupDebian).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
# Installed directories are 0755 whatever the umask (Debian policy; lintian checks the .deb).
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(FIXUP_INSTALL_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/fixup-sim)
set(FIXUP_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/fixup-sim)

# fixup_install_library(<target> [EXPORT_SET <set>]): installs a static library of this tree, its
# public headers (its include/ directories), and adds it to an export set (default: the core
# set, fixup-simTargets; `Testing` for the GoogleTest support, which needs GTest).
function(fixup_install_library target)
  cmake_parse_arguments(arg "" "EXPORT_SET" "" ${ARGN})
  add_library(fixup::${target} ALIAS ${target})
  # Installed names carry the project's name: /usr/lib/libfakes.a would claim a generic name.
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${target} OUTPUT_NAME fixup-sim-${target})
  target_compile_features(${target} PUBLIC cxx_std_20)  # the headers are C++20

  # Build-tree include directories are absolute source paths, which an export must not hold:
  # keep them for the build only and point installed consumers at the installed headers.
  get_target_property(includes ${target} INTERFACE_INCLUDE_DIRECTORIES)
  if(NOT includes)
    set(includes "")
  endif()
  set(wrapped "")
  foreach(dir IN LISTS includes)
    if(dir MATCHES "^\\$<")
      list(APPEND wrapped "${dir}")
    else()
      list(APPEND wrapped "$<BUILD_INTERFACE:${dir}>")
      install(DIRECTORY ${dir}/ DESTINATION ${FIXUP_INSTALL_INCLUDEDIR} COMPONENT dev
              FILES_MATCHING PATTERN "*.h")
    endif()
  endforeach()
  list(APPEND wrapped "$<INSTALL_INTERFACE:${FIXUP_INSTALL_INCLUDEDIR}>")
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${wrapped}")

  # A static library lists its PRIVATE links as $<LINK_ONLY:...>; fixup_warnings only carries
  # compile flags, so it adds nothing at link time and stays out of the export.
  get_target_property(links ${target} INTERFACE_LINK_LIBRARIES)
  if(NOT links)
    set(links "")
  endif()
  list(REMOVE_ITEM links "$<LINK_ONLY:fixup_warnings>")
  set_target_properties(${target} PROPERTIES INTERFACE_LINK_LIBRARIES "${links}")

  if(NOT arg_EXPORT_SET)
    set(arg_EXPORT_SET "")
  endif()
  install(TARGETS ${target} EXPORT fixup-sim${arg_EXPORT_SET}Targets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
  # `cmake --install --strip` and cpack strip executables only; a static library loses its debug
  # sections here, as Debian policy asks (strip --strip-debug keeps the symbols a link needs).
  set(installed "\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:${target}>")
  install(CODE "if(CMAKE_INSTALL_DO_STRIP)
                  execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug --remove-section=.comment \"${installed}\"
                                  COMMAND_ERROR_IS_FATAL ANY)
                endif()"
          COMPONENT dev)
endfunction()

# One line per library other projects may link.
fixup_install_library(fixer)
fixup_install_library(fakes)
fixup_install_library(fixup_app)
if(TARGET fakes_testing)
  fixup_install_library(fakes_testing EXPORT_SET Testing)
  install(EXPORT fixup-simTestingTargets NAMESPACE fixup:: DESTINATION ${FIXUP_INSTALL_CMAKEDIR} COMPONENT dev)
endif()
install(EXPORT fixup-simTargets NAMESPACE fixup:: DESTINATION ${FIXUP_INSTALL_CMAKEDIR} COMPONENT dev)

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/fixup-simConfig.cmake.in
                              ${CMAKE_BINARY_DIR}/fixup-simConfig.cmake
                              INSTALL_DESTINATION ${FIXUP_INSTALL_CMAKEDIR})
# 0.x: a new minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/fixup-simConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/fixup-simConfig.cmake ${CMAKE_BINARY_DIR}/fixup-simConfigVersion.cmake
        DESTINATION ${FIXUP_INSTALL_CMAKEDIR} COMPONENT dev)
