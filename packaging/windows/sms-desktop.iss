; Inno Setup script for SMS Desktop (销售管理系统): a per-user or all-users install of the
; PyInstaller folder, a Start-menu entry, an optional desktop icon and an uninstaller.
;
; Built by packaging/build_dist.py on Windows (the installers workflow), which passes:
;   iscc /DAppVersion=0.1.0 /DSourceDir=build\pyinstaller\dist\sms-desktop
;        /DOutputDir=dist /DIconFile=build\icons\sms-desktop.ico packaging\windows\sms-desktop.iss
;
; The user's data (the database, its backups, the error log) lives in
; %LOCALAPPDATA%\sms-desktop, which this installer never writes to: the uninstaller removes
; only what it installed, so the data folder is kept (there is no [UninstallDelete] for it,
; on purpose).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\pyinstaller\dist\sms-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\sms-desktop.ico"
#endif

[Setup]
; A fixed AppId: upgrades replace the earlier version instead of installing beside it.
AppId={{6C3F4D2A-8B1E-4F7A-9C55-2D1E7B0A5F13}
AppName=SMS Desktop
AppVerName=SMS Desktop {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=SMS Desktop developers
VersionInfoVersion={#AppVersion}
VersionInfoProductName=SMS Desktop
DefaultDirName={autopf}\SMS Desktop
DefaultGroupName=SMS Desktop
DisableProgramGroupPage=yes
; Install for the current user without asking for administrator rights; an administrator
; may choose "all users" in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=sms-desktop-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\sms-desktop.exe
UninstallDisplayName=SMS Desktop {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese is one of Inno Setup's official languages from 6.5 on; with an older
; Inno Setup the wizard is in English only (the app itself is Chinese either way).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "zh_CN"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
en.AppName=SMS Desktop
zh_CN.AppName=销售管理系统
en.LaunchApp=Start SMS Desktop
zh_CN.LaunchApp=启动销售管理系统

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppName}"; Filename: "{app}\sms-desktop.exe"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{cm:AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\sms-desktop.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\sms-desktop.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent
