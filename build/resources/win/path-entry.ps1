# Adds Copydesk's bin folder to the machine's PATH (-Add <folder>) or takes it out (-Remove
# <folder>), run by the installer (build/resources/installer.nsh). PowerShell rather than NSIS
# string handling, which truncates a long PATH; entries are compared without a trailing
# backslash and case-insensitively, and the value keeps its unexpanded %VARIABLES%.
param([string]$Add = '', [string]$Remove = '')
$ErrorActionPreference = 'Stop'
$folder = if ($Add -ne '') { $Add } else { $Remove }
if ($folder -eq '') { exit 2 }
$key = Get-Item -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'
$path = [string]$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames)
$same = { param($entry) $entry.TrimEnd('\') -ieq $folder.TrimEnd('\') }
$entries = @($path -split ';' | Where-Object { $_ -ne '' -and -not (& $same $_) })
if ($Add -ne '') { $entries += $Add }
Set-ItemProperty -LiteralPath $key.PSPath -Name 'Path' -Value ($entries -join ';') -Type ExpandString
