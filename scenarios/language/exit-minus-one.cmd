@echo off
rem A script that ends with a negative ERRORLEVEL: cmd keeps it as a signed 32-bit number.
exit /b -1
