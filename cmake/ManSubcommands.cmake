# Writes a help2man --include file with one section per subcommand of a CLI11 tool, each the
# subcommand's own --help, so the man page documents every option and not only the top level;
# and a SEE ALSO section naming the other pages and the installed documentation.
#   cmake -DTOOL=path/to/fixup-sim -DOUTPUT=fixup-sim.h2m "-DSEE_ALSO=aspnet-fixer(1)" -P ManSubcommands.cmake
execute_process(COMMAND ${TOOL} --help OUTPUT_VARIABLE top COMMAND_ERROR_IS_FATAL ANY)
get_filename_component(tool_name ${TOOL} NAME)
set(see_also "[SEE ALSO]\n${SEE_ALSO}; README.md and docs/*.md in /usr/share/doc/fixup-sim/.\n")
if(NOT top MATCHES "\nSubcommands:\n")
  file(WRITE ${OUTPUT} "${see_also}")  # a tool without subcommands: its --help is the whole page
  return()
endif()
string(REGEX REPLACE ".*\nSubcommands:\n" "" listing "${top}")
string(REGEX MATCHALL "(^|\n)  [a-z][a-z0-9-]*" names "${listing}")
set(out "[SUBCOMMANDS]\n")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  execute_process(COMMAND ${TOOL} ${name} --help OUTPUT_VARIABLE help COMMAND_ERROR_IS_FATAL ANY)
  string(REPLACE "${TOOL}" "${tool_name}" help "${help}")  # the usage line names the build's path
  # roff: a backslash is \e; a line starting with . or ' would be a request.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND out ".SS \"${name}\"\n.nf\n${help}.fi\n")
endforeach()
file(WRITE ${OUTPUT} "${out}${see_also}")
