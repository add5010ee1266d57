@echo off
if "%PROCESSOR_ARCHITECTURE%"=="x86" echo arch x86
if "%USERDOMAIN%"=="%COMPUTERNAME%" echo local logon
echo extensions %CMDEXTVERSION% prompt %PROMPT%
echo run at %DATE% %TIME%
