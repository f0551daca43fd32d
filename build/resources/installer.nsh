; Copydesk's additions to electron-builder's NSIS installer (build/electron-builder.yml `nsis.include`):
; the `copydesk` command. `bin\copydesk.cmd` (win.extraFiles) goes on the machine's PATH at install
; and comes off at uninstall; the edit itself is resources\path-entry.ps1 (PowerShell, so a long
; PATH is never truncated). Windows then tells running programs that the environment changed.
!include WinMessages.nsh
!macro customInstall
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\path-entry.ps1" -Add "$INSTDIR\bin"'
  Pop $0
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customUnInstall
  nsExec::ExecToLog 'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\path-entry.ps1" -Remove "$INSTDIR\bin"'
  Pop $0
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend
