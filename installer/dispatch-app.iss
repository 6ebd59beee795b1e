; Inno Setup 6 script: the Windows installer of dispatch-app (科技副总 / 科技轻骑队 调度台).
;
; Build (on Windows, after the PyInstaller bundle; see installer/README.md):
;   python tools\build_bundle.py --installer
; or by hand:
;   ISCC /DAppVersion=0.1.0 /DBundleDir=..\build\dist\dispatch-app installer\dispatch-app.iss
;
; Per-user: no administrator rights are asked for. The program goes to
; %LOCALAPPDATA%\Programs\dispatch-app; the user's databases, backups and settings live in
; %LOCALAPPDATA%\dispatch-app (platformdirs' user data/config folder, see src/dispatch_app/paths.py),
; which the uninstaller never removes.

#ifndef AppVersion
  #error Pass the package's version: ISCC /DAppVersion=X.Y.Z (tools\build_bundle.py --installer does)
#endif
#ifndef BundleDir
  #define BundleDir "..\build\dist\dispatch-app"
#endif
#define AppName "dispatch-app"
#define AppExe "dispatch-app.exe"
#define CliExe "dispatch-app-cli.exe"

; The Simplified Chinese messages are one of Inno Setup's "unofficial" translations: put
; ChineseSimplified.isl in installer\languages\ (README.md says where it comes from) or in
; Inno Setup's own Languages folder.
#if FileExists(AddBackslash(SourcePath) + "languages\ChineseSimplified.isl")
  #define ChineseIsl "languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found: see installer\README.md, "Chinese installer messages"
#endif

[Setup]
; Never change AppId: it is how an update finds the installed copy.
AppId={{6D3F1C2A-8B4E-4F7A-9C1D-2E5B7A9F0D41}
AppName={cm:AppTitle}
AppVersion={#AppVersion}
AppVerName={cm:AppTitle} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={cm:AppTitle}
DisableProgramGroupPage=yes
; Always per user: the data folder below is the installing user's own.
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\build\installer
OutputBaseFilename=dispatch-app-{#AppVersion}-setup
SetupIconFile=..\resources\icons\dispatch-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppTitle} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; The program must be closed before its files are replaced.
CloseApplications=yes

[Languages]
; Chinese first: the default when Windows' language is not English.
Name: "zh"; MessagesFile: "{#ChineseIsl}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh.AppTitle=科技副总 科技轻骑队 调度台
en.AppTitle=dispatch-app (tech vice-presidents and light-cavalry teams)
zh.CliShortcut=调度台命令行
en.CliShortcut=dispatch-app command line
zh.DataFolderShortcut=调度台数据文件夹
en.DataFolderShortcut=dispatch-app data folder
zh.DesktopIcon=在桌面上创建快捷方式
en.DesktopIcon=Create a desktop shortcut
zh.KeptData=程序已卸载。您的数据库、备份和设置仍保留在：%n%1%n如不再需要，可手动删除该文件夹。
en.KeptData=The program was removed. Your databases, backups and settings are kept in:%n%1%nDelete that folder yourself if you no longer need them.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both launchers and _internal\ (Qt, Python, resources\).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The user's data folder: made now so the first start can write the demo database there, and
; never removed by the uninstaller.
Name: "{localappdata}\{#AppName}"; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{localappdata}\{#AppName}"
; A console in the data folder where `dispatch-app-cli` is on PATH (import, export, bundle ...).
Name: "{autoprograms}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k set ""PATH={app};%PATH%"" && dispatch-app-cli --help"; WorkingDir: "{localappdata}\{#AppName}"
Name: "{autoprograms}\{cm:DataFolderShortcut}"; Filename: "{localappdata}\{#AppName}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{localappdata}\{#AppName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may have left in its own folder (byte-code caches); never the
; data folder.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(ExpandConstant('{localappdata}\{#AppName}')) then
    if not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('KeptData'), [ExpandConstant('{localappdata}\{#AppName}')]),
        mbInformation, MB_OK);
end;
