# Writes fixup/version.h from cmake/version.h.in with the commit HEAD is at now. Run by the target
# fixup_version_header at every build, so `--version` names the commit the binary was built from,
# not the one CMake was configured at; configure_file leaves the header alone (and nothing
# recompiles) while the commit is the same. "unknown" outside a git checkout.
#   cmake -DSOURCE_DIR=... -DTEMPLATE=... -DOUTPUT=... -DPROJECT_VERSION=... -P WriteVersion.cmake
execute_process(COMMAND git rev-parse --short HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE FIXUP_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE git_rc)
if(NOT git_rc EQUAL 0 OR FIXUP_GIT_COMMIT STREQUAL "")
  set(FIXUP_GIT_COMMIT unknown)
endif()
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
