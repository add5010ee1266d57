@echo off
net user nosuch >nul 2>nul
net helpmsg 2221 >nul
goto eof
echo skipped
