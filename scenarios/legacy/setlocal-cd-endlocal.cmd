@echo off
setlocal
cd /d %SystemRoot%\microsoft.net\framework\v1.0.3705
endlocal
aspnet_regiis -i
