@echo off
rem A variable doubled until it passes cmd's 8191 characters (KB 830473): the line that would
rem expand past it is not run and the script ends there.
setlocal
set A=x
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
set A=%A%%A%
echo not reached
