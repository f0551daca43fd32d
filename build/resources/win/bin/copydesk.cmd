@echo off
rem `copydesk` on Windows: Copydesk.exe answering a command (electron/README.md). A batch file
rem waits for the GUI executable and passes on its exit code, which cmd.exe would not.
"%~dp0..\Copydesk.exe" %*
exit /b %ERRORLEVEL%
