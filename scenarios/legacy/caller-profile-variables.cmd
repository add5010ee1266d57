@echo off
echo profile [%USERPROFILE%] temp [%TEMP%] home [%HOMEDRIVE%%HOMEPATH%]
cd /d "%USERPROFILE%"
echo now in %CD%
