REM fixup.cmd as a customer edited it: a password their policy accepts, kept in a variable,
REM and the state service restarted at the end.
@echo off
set TEMPPW=Xp-Fixup#2003long
if exist %SystemRoot%\microsoft.net\framework\v1.1.4322\mscorlib.dll goto v11_installed
cd /d %SystemRoot%\microsoft.net\framework\v1.0.3705
iisreset /stop
net stop aspnet_state >nul 2>&1
net user ASPNET /delete
net user ASPNET %TEMPPW% /add /y
if errorlevel 1 goto add_failed
echo "Type the temporary password when runas asks for it"
runas /profile /user:ASPNET cmd.exe
aspnet_regiis -i
iisreset /start
net start aspnet_state
goto done
:add_failed
echo "The temporary password does not meet the policy: edit TEMPPW"
goto done
:v11_installed
echo "v1.1 is installed"
:done
