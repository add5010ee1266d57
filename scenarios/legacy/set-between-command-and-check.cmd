@echo off
net stop aspnet_state >nul 2>nul
set STEP=delete
if errorlevel 1 goto failed
echo continuing
goto :eof
:failed
echo FAILED at %STEP%
