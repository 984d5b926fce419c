# Build the Windows installer: dist\rm_journal-<version>-setup.exe.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Python .venv\Scripts\python.exe]
#
# Steps: translations, icons (.ico), PyInstaller (packaging\rm_journal.spec: a windowed
# rm-journal.exe and a console rm-journal-cli.exe in dist\rm_journal-<version>\), a
# smoke test of the command line, optional Authenticode signing, then Inno Setup 6
# (packaging\windows\rm_journal.iss) and the installer's SHA-256.
#
# Signing happens only when both secrets are in the environment (CI passes them from
# the repository's secrets; never write them in a file):
#   WINDOWS_CERT_PFX_BASE64   the code-signing certificate, a .pfx file in base64
#   WINDOWS_CERT_PASSWORD     its password
# Otherwise the build says so and goes on unsigned (SmartScreen then warns the person).
#
# Written for windows-latest on GitHub Actions (.github\workflows\desktop.yml); it has
# never run on this project's machines, which have no Windows: see packaging\README.md.
param(
    [string]$Python = ".venv\Scripts\python.exe"
)
Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"
$ProgressPreference = "SilentlyContinue"
Set-Location (Resolve-Path "$PSScriptRoot\..\..")

function Invoke-Checked {
    # Run a program with the rest of the arguments; stop the build if it fails
    # (PowerShell does not, for native programs). A simple function on purpose: $args
    # takes "-m" and "--data-dir" as they are, where a param() block would bind them.
    $program, $rest = $args
    & $program @rest
    if ($LASTEXITCODE -ne 0) { throw "$program $($rest -join ' ') failed ($LASTEXITCODE)" }
}

Invoke-Checked $Python -m pip install -q "pyinstaller>=6.10,<7"
Invoke-Checked $Python packaging\build_translations.py
Invoke-Checked $Python packaging\build_icons.py build\icons
Invoke-Checked $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --workpath build\pyinstaller --distpath dist packaging\rm_journal.spec

$version = (& $Python -c "import rm_journal; print(rm_journal.__version__)").Trim()
$number = (& $Python packaging\platform_meta.py numbers $version).Trim()
$bundle = "dist\rm_journal-$version"
foreach ($exe in "rm-journal.exe", "rm-journal-cli.exe") {
    if (-not (Test-Path "$bundle\$exe")) { throw "$bundle\$exe was not built" }
}

# Smoke test of the console program, in an empty data folder: it answers, makes a demo
# vault, exports a summary and checks the vault. (The windowed program opens the app;
# the workflow starts it and checks it keeps running.)
$work = Join-Path ([IO.Path]::GetTempPath()) ("rm_journal-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $work | Out-Null
try {
    $cli = Resolve-Path "$bundle\rm-journal-cli.exe"
    $said = (& $cli --version).Trim()
    if ($said -ne "rm-journal $version") { throw "smoke: --version said '$said'" }
    $demo = & $cli demo "$work\demo"
    if ($LASTEXITCODE -ne 0) { throw "smoke: demo failed" }
    $line = $demo | Select-String -Pattern '^Its passphrase is: (.+)$'
    if (-not $line) { throw "smoke: demo printed no passphrase" }
    $env:RM_JOURNAL_PASSPHRASE = $line.Matches[0].Groups[1].Value
    $env:RM_JOURNAL_PDF_PASSWORD = "smoke test password"
    Invoke-Checked $cli --data-dir "$work\demo" export-pdf 1 -o "$work\summary.pdf"
    Invoke-Checked $cli --data-dir "$work\demo" verify-pdf "$work\summary.pdf"
    Invoke-Checked $cli --data-dir "$work\demo" check
    Write-Host "smoke: $cli passed"
} finally {
    Remove-Item Env:RM_JOURNAL_PASSPHRASE, Env:RM_JOURNAL_PDF_PASSWORD -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
}

# Inno Setup 6: on the PATH, where its installer puts it, or installed now.
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (-not (Test-Path $iscc)) {
    Invoke-Checked choco install innosetup --no-progress -y
}
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 (ISCC.exe) not found" }

$isccArgs = @("/DAppVersion=$version", "/DAppNumber=$number")
$pfx = $null
$thumbprint = $null
try {
    if ($env:WINDOWS_CERT_PFX_BASE64 -and $env:WINDOWS_CERT_PASSWORD) {
        $signtool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
            Sort-Object FullName | Select-Object -Last 1 -ExpandProperty FullName
        if (-not $signtool) { throw "signtool.exe (Windows SDK) not found" }
        # Into the user's certificate store, so that no password is on a command line.
        $pfx = Join-Path ([IO.Path]::GetTempPath()) ("rm_journal-" + [guid]::NewGuid() + ".pfx")
        [IO.File]::WriteAllBytes($pfx, [Convert]::FromBase64String($env:WINDOWS_CERT_PFX_BASE64))
        $password = ConvertTo-SecureString $env:WINDOWS_CERT_PASSWORD -AsPlainText -Force
        $thumbprint = (Import-PfxCertificate -FilePath $pfx -CertStoreLocation Cert:\CurrentUser\My `
                -Password $password).Thumbprint
        $sign = @("sign", "/sha1", $thumbprint, "/fd", "sha256", "/tr", "http://timestamp.digicert.com", "/td", "sha256")
        foreach ($exe in "rm-journal.exe", "rm-journal-cli.exe") {
            Invoke-Checked $signtool @sign "$bundle\$exe"
        }
        # Inno Setup signs the setup and its uninstaller with the same command ($f: the file).
        # ($q is Inno Setup's quote: the path to signtool may hold spaces.)
        $isccArgs += @("/DSign", "/Ssigntool=`$q$signtool`$q $($sign -join ' ') `$f")
    } else {
        Write-Host "signing: WINDOWS_CERT_PFX_BASE64 and WINDOWS_CERT_PASSWORD are not both set;" `
            "the programs and the installer are NOT signed (SmartScreen will warn)."
    }
    Invoke-Checked $iscc @isccArgs packaging\windows\rm_journal.iss
    $setup = "dist\rm_journal-$version-setup.exe"
    if ($thumbprint) { Invoke-Checked $signtool verify /pa /v $setup }
} finally {
    if ($thumbprint) { Remove-Item "Cert:\CurrentUser\My\$thumbprint" -ErrorAction SilentlyContinue }
    if ($pfx) { Remove-Item $pfx -Force -ErrorAction SilentlyContinue }
}
$hash = (Get-FileHash -Algorithm SHA256 $setup).Hash.ToLower()
Write-Host "installer: $setup (sha256 $hash)"
