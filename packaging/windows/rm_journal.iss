; Inno Setup 6 script: the Windows installer of rm_journal.
;
;   packaging\windows\build.ps1 runs it after PyInstaller, as
;   ISCC /DAppVersion=<rm_journal.__version__> packaging\windows\rm_journal.iss
;   -> dist\rm_journal-<version>-setup.exe
;
; Per user, no administrator: installs in %LOCALAPPDATA%\Programs\rm_journal, adds a
; Start-menu shortcut and opens .rmjx exchange files with rm_journal, all under
; HKEY_CURRENT_USER. The uninstaller removes the program and those entries only:
; the journals (%LOCALAPPDATA%\rm_journal), the automatic backups in it and the
; settings (%APPDATA%\rm_journal) stay where they are, because they are the person's
; encrypted data, not the program's. (Delete that folder by hand to remove them.)
;
; Never compiled on this project's machines (no Windows here): see packaging\README.md.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 rm_journal.iss (build.ps1 does)
#endif
#ifndef AppNumber
  #define AppNumber AppVersion
#endif
#define AppName "rm_journal"
#define AppExe "rm-journal.exe"
#define CliExe "rm-journal-cli.exe"
#define ProgId "rm_journal.exchange"
#define RepoRoot SourcePath + "..\.."
#ifndef BundleDir
  #define BundleDir RepoRoot + "\dist\rm_journal-" + AppVersion
#endif

[Setup]
; The AppId ties every version's installer to one installed program: never change it.
AppId={{8BB0B655-C791-4AE5-A754-0B553F82276A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
; The setup file's own version resource wants numbers only (0.1.0.0 for 0.1.0rc1).
VersionInfoVersion={#AppNumber}
AppPublisher=The rm_journal developers
AppPublisherURL=https://github.com/rmjournal/rm_journal
AppSupportURL=https://github.com/rmjournal/rm_journal/issues
AppCopyright=Copyright (C) 2026 the rm_journal developers, GPL-3.0-or-later
; Per-user install, no elevation prompt, and no offer to install for all users
; (PrivilegesRequiredOverridesAllowed is left at its default: none).
PrivilegesRequired=lowest
; Not {localappdata}\rm_journal: that folder holds the journals, which an
; uninstall must never touch.
DefaultDirName={localappdata}\Programs\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
LicenseFile={#RepoRoot}\LICENSE
SetupIconFile={#RepoRoot}\build\icons\rm_journal.ico
UninstallDisplayIcon={app}\{#AppExe},0
UninstallDisplayName={#AppName}
OutputDir={#RepoRoot}\dist
OutputBaseFilename=rm_journal-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 or later (what PySide6 6.8+ and Python 3.11 support).
MinVersion=10.0.17763
ChangesAssociations=yes
CloseApplications=yes
; build.ps1 passes /Ssigntool=... when a certificate is there; setup and uninstaller
; are then signed with it.
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: both programs and their _internal\ libraries.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#RepoRoot}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Confidential, encrypted journals for reverse-mentoring pairs"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .rmjx -> our ProgId (kept beside any other program's: OpenWithProgids), and the ProgId
; says how to show and open one. All under HKCU\Software\Classes, removed on uninstall.
Root: HKCU; Subkey: "Software\Classes\.rmjx"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.rmjx\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "rm_journal exchange file"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" lists the app by its name.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".rmjx"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes what [Files] put in
; {app} and nothing else, so %LOCALAPPDATA%\rm_journal (journals, backups) and
; %APPDATA%\rm_journal (settings) are kept.
