REM fixup.cmd as a customer edited it to watch it run: echo left on, the temporary password in a
REM variable (shown with set to check it), banners, and the runas hint naming the variable.
REM This batch file works around the MS03-032 issue with ASP.NET v1.0 on Windows XP Professional.
set "TEMPPW=Var#Fixup2003long"
set TEMPPW
if exist %SystemRoot%\microsoft.net\framework\v1.1.4322\mscorlib.dll goto v11_installed
cd /d %SystemRoot%\microsoft.net\framework\v1.0.3705
iisreset /stop
net stop aspnet_state
echo ********  Recreating the ASPNET account  ********
net user ASPNET /delete
net user ASPNET %TEMPPW% /add
if errorlevel 1 net user ASPNET  %TEMPPW%
echo "When prompted for the password, type %TEMPPW%"
runas /profile /user:ASPNET cmd.exe
aspnet_regiis -i
iisreset /start
echo ********  Done  ********
goto done
:v11_installed
echo "ASP.NET v1.1 appears to be installed: you should not need to run this batch file"
:done
