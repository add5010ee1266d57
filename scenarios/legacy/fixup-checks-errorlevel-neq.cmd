@echo off
cd /d %SystemRoot%\microsoft.net\framework\v1.0.3705
iisreset /stop
net user ASPNET /delete
if %errorlevel% neq 0 goto failed
net user ASPNET 1pass@word /add
if %ERRORLEVEL% GTR 0 goto failed
runas /profile /user:ASPNET cmd.exe
aspnet_regiis -i
iisreset /start
goto :eof
:failed
echo FIXUP FAILED
iisreset /start
