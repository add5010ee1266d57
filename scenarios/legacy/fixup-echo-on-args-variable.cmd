REM fixup.cmd as a customer edited it: the account's name, temporary password and switch in one
REM variable (shown with set to check it), echoed as the account is made.
set NEWUSER=ASPNET Args#Fixup2003long /add
set NEWUSER
if exist %SystemRoot%\microsoft.net\framework\v1.1.4322\mscorlib.dll goto v11_installed
cd /d %SystemRoot%\microsoft.net\framework\v1.0.3705
iisreset /stop
net stop aspnet_state
net user ASPNET /delete
echo Creating %NEWUSER%
net user %NEWUSER%
runas /profile /user:ASPNET cmd.exe
aspnet_regiis -i
iisreset /start
goto done
:v11_installed
echo "ASP.NET v1.1 appears to be installed: you should not need to run this batch file"
:done
