# fixup_allocator: what the executables (the tools, the benchmarks) allocate with.
#
# mimalloc (Debian's libmimalloc-dev), linked so that it replaces malloc and operator new for the
# whole process: the simulator and the tool allocate many small strings, vectors and map nodes,
# and glibc's malloc/free were about 40% of their instructions (docs/performance.md, "mimalloc").
# Libraries never link it: a program that uses fixup::fakes keeps its own allocator. Off under
# the sanitizers, whose own allocator must see every allocation, and on Windows.
#   target_link_libraries(my-tool PRIVATE fixup_allocator)
option(FIXUP_USE_MIMALLOC "Link the executables with mimalloc (libmimalloc-dev); OFF: glibc's malloc" ON)
add_library(fixup_allocator INTERFACE)
if(FIXUP_USE_MIMALLOC AND CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  message(STATUS "FIXUP_USE_MIMALLOC: off under -fsanitize (the sanitizer's allocator must see every call)")
  set(FIXUP_USE_MIMALLOC OFF)
endif()
if(FIXUP_USE_MIMALLOC AND NOT WIN32)
  find_package(mimalloc CONFIG QUIET)
  if(NOT mimalloc_FOUND)
    message(FATAL_ERROR "mimalloc not found: install libmimalloc-dev (scripts/setup.sh does), "
                        "or configure with -DFIXUP_USE_MIMALLOC=OFF to use glibc's malloc")
  endif()
  # --no-as-needed: nothing calls mimalloc by name (it replaces malloc by interposition), so the
  # linker's default --as-needed would drop it.
  target_link_libraries(fixup_allocator INTERFACE "-Wl,--push-state,--no-as-needed" mimalloc "-Wl,--pop-state")
  message(STATUS "Allocator: mimalloc ${mimalloc_VERSION}")
endif()
