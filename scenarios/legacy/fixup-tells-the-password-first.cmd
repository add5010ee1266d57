REM fixup.cmd as a customer edited it: its own temporary password, which it tells the user before
REM the line that sets it, and the password an earlier batch gave dave.
REM This batch file works around the MS03-032 issue with ASP.NET v1.0 on Windows XP Professional.
REM Only run it on Windows XP Professional with ASP.NET v1.0 (and not v1.1) installed;
REM other configurations should not need it.
@echo off
if exist %SystemRoot%\microsoft.net\framework\v1.1.4322\mscorlib.dll goto v11_installed
cd /d %SystemRoot%\microsoft.net\framework\v1.0.3705
echo "Stopping IIS"
iisreset /stop
echo "----------------------"
echo "Stopping the ASP.NET state service if it is running"
net stop aspnet_state
echo "----------------------"
echo "Deleting the ASPNET account"
net user ASPNET /delete
echo "----------------------"
echo "Creating a new ASPNET account with the temporary password Told#First-2003"
net user ASPNET Told#First-2003 /add
echo "----------------------"
echo "Creating the ASPNET user profile: a new command window will appear. When prompted for the password, type Told#First-2003"
runas /profile /user:ASPNET cmd.exe
echo "----------------------"
echo "Re-registering ASP.NET and resetting the ASPNET account"
aspnet_regiis -i
echo "A new random password has been created for the ASPNET account"
echo "----------------------"
echo "Restarting IIS"
iisreset /start
echo "----------------------"
echo "dave keeps Dave#Earlier-2003"
echo "Done. Browse to an ASP.NET page to test. Re-create any custom access control settings for ASPNET, and restart the ASP.NET state service if you use it."
goto done
:v11_installed
echo "ASP.NET v1.1 appears to be installed: you should not need to run this batch file"
:done
