# The tools as Debian packages (CPack DEB), built with `cpack` in the build directory:
#   fixup-sim         component tools: /usr/bin/fixup-sim, /usr/bin/aspnet-fixer, their man pages,
#                     the scenarios and the rebuilt fixup.cmd under /usr/share/fixup-sim/, the docs
#   libfixup-sim-dev  component dev (FixupInstall.cmake): headers, static libraries, CMake package
# scripts/check-package.sh builds, installs, runs and lints both; docs/library.md says why two.
set(FIXUP_TOOLS fixup-sim aspnet-fixer)
set(FIXUP_DATADIR ${CMAKE_INSTALL_DATADIR}/fixup-sim)
set(FIXUP_DEB_DIR ${CMAKE_CURRENT_LIST_DIR}/debian)
set(FIXUP_GEN_DIR ${CMAKE_BINARY_DIR}/debian)

install(TARGETS ${FIXUP_TOOLS} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
# The scenarios, fixup.cmd among them (scenarios/legacy/), so `fixup-sim legacy` and `compare`
# find it above an installed scenario as they do in the source tree.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/scenarios DESTINATION ${FIXUP_DATADIR} COMPONENT tools
        PATTERN ".git*" EXCLUDE)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/fixup-sim COMPONENT tools)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/fixup-sim COMPONENT tools
        FILES_MATCHING PATTERN "*.md")

# Per package: the copyright file and the gzip -9n changelog Debian policy asks for.
configure_file(${FIXUP_DEB_DIR}/changelog.in ${FIXUP_GEN_DIR}/changelog @ONLY)
add_custom_command(OUTPUT ${FIXUP_GEN_DIR}/changelog.Debian.gz
                   COMMAND ${CMAKE_COMMAND} -E copy changelog changelog.Debian
                   COMMAND gzip -9nf changelog.Debian
                   DEPENDS ${FIXUP_GEN_DIR}/changelog WORKING_DIRECTORY ${FIXUP_GEN_DIR} VERBATIM)
set(FIXUP_PACKAGE_FILES ${FIXUP_GEN_DIR}/changelog.Debian.gz)

# A man page per tool, made from its --help (and each subcommand's) by help2man at build time.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(fixup_sim_summary "run the MS03-032 / ASP.NET 1.0 scenarios, sweeps and fixup.cmd replays")
  set(aspnet_fixer_summary "repair ASP.NET 1.0 \"Server Application Unavailable\" on a machine state file")
  set(fixup_sim_see_also "aspnet-fixer(1)")
  set(aspnet_fixer_see_also "fixup-sim(1)")
  foreach(tool IN LISTS FIXUP_TOOLS)
    string(REPLACE "-" "_" var ${tool})
    add_custom_command(OUTPUT ${FIXUP_GEN_DIR}/${tool}.1.gz
                       COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:${tool}> -DOUTPUT=${FIXUP_GEN_DIR}/${tool}.h2m
                               -DSEE_ALSO=${${var}_see_also}
                               -P ${CMAKE_CURRENT_LIST_DIR}/ManSubcommands.cmake
                       COMMAND ${HELP2MAN} --no-info --version-string=${PROJECT_VERSION} --name=${${var}_summary}
                               --include=${FIXUP_GEN_DIR}/${tool}.h2m --output=${FIXUP_GEN_DIR}/${tool}.1
                               $<TARGET_FILE:${tool}>
                       COMMAND gzip -9nf ${FIXUP_GEN_DIR}/${tool}.1
                       DEPENDS ${tool} ${CMAKE_CURRENT_LIST_DIR}/ManSubcommands.cmake VERBATIM)
    list(APPEND FIXUP_PACKAGE_FILES ${FIXUP_GEN_DIR}/${tool}.1.gz)
    install(FILES ${FIXUP_GEN_DIR}/${tool}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT tools)
  endforeach()
else()
  message(STATUS "help2man not found: no man pages (scripts/setup.sh installs it)")
endif()
add_custom_target(package_files ALL DEPENDS ${FIXUP_PACKAGE_FILES})

foreach(package fixup-sim libfixup-sim-dev)
  if(package STREQUAL "fixup-sim")
    set(component tools)
  else()
    set(component dev)
  endif()
  install(FILES ${FIXUP_DEB_DIR}/copyright ${FIXUP_GEN_DIR}/changelog.Debian.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME fixup-sim)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "fixup-sim maintainers <maintainers@users.noreply.r-seed-f0022ec5.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL tools dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME fixup-sim)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SHLIBDEPS ON)
# The first line is the synopsis; CPack indents the rest. No double quotes: CPack mangles them.
set(CPACK_COMPONENT_TOOLS_DESCRIPTION "simulator of the MS03-032 ASP.NET 1.0 failure and its repair
fixup-sim runs scenario files against an in-memory Windows XP-era machine:
the MS03-032 Internet Explorer update that broke ASP.NET 1.0 (Server
Application Unavailable), Microsoft's fixup.cmd workaround replayed command
by command, and a repair tool, aspnet-fixer, that keeps the worker account's
SID, with fault sweeps at every mutating call. The scenarios and fixup.cmd
are installed in /usr/share/fixup-sim.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libfixup-sim-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libspdlog-dev, libfmt-dev, libcli11-dev, nlohmann-json3-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS "libgmock-dev, libgtest-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION "fake Windows XP-era machine for tests (static libraries, CMake package)
The in-memory Windows machine of fixup-sim (SAM accounts and SIDs, LSA rights,
logons and profiles, ACLs, SQL logins, services, IIS and ASP.NET) with fault
injection at every mutating call, the repair logic written against its ports,
and GoogleTest matchers for suites that test against it. Use it from CMake
with find_package(fixup-sim REQUIRED COMPONENTS testing).")
include(CPack)
