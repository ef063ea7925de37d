# Installs promise on Windows: downloads the archive, checks its SHA-256
# against the release's SHA256SUMS, and puts promise.exe in
# %LOCALAPPDATA%\Programs\promise (or PROMISE_INSTALL). Nothing is installed
# if a check fails.
#
#   powershell -ExecutionPolicy Bypass -c "irm <the release's address>/install.ps1 | iex"
#
# The copy attached to each release downloads from that release; set
# PROMISE_FROM to download from elsewhere.
$ErrorActionPreference = "Stop"

$DefaultFrom = ""
$From = if ($env:PROMISE_FROM) { $env:PROMISE_FROM } else { $DefaultFrom }
$Into = if ($env:PROMISE_INSTALL) { $env:PROMISE_INSTALL } else { Join-Path $env:LOCALAPPDATA "Programs\promise" }

function Fail($Words) {
    Write-Error "promise installer: $Words"
    exit 1
}

if (-not $From) { Fail "say where to download promise from: set PROMISE_FROM to a release's download address" }
if (-not ($From.StartsWith("https://") -or $From -match '^http://(127\.0\.0\.1|localhost)[:/]')) {
    Fail "$From is not an https address: promise is only downloaded over https"
}
# Windows on Arm runs the x86_64 build.
if (-not [Environment]::Is64BitOperatingSystem) {
    Fail "there is no promise binary for 32-bit Windows. Build it from its source instead: install Rust (https://rustup.rs), then run 'cargo install --locked --path .' in a copy of promise's source."
}
$Target = "x86_64-pc-windows-msvc"
$Archive = "promise-$Target.zip"

$Work = Join-Path ([IO.Path]::GetTempPath()) ([Guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    Write-Host "Downloading $Archive from $From"
    try {
        Invoke-WebRequest -UseBasicParsing -Uri "$From/$Archive" -OutFile (Join-Path $Work $Archive)
        Invoke-WebRequest -UseBasicParsing -Uri "$From/SHA256SUMS" -OutFile (Join-Path $Work "SHA256SUMS")
    } catch {
        Fail "could not download from ${From}: is the address right, and is this computer online?"
    }
    $Line = Get-Content (Join-Path $Work "SHA256SUMS") | Where-Object { ($_ -split '\s+')[1] -in @($Archive, "*$Archive") } | Select-Object -First 1
    if (-not $Line) { Fail "SHA256SUMS has no line for $Archive, so it cannot be checked. Nothing was installed." }
    $Expected = ($Line -split '\s+')[0].ToLower()
    $Actual = (Get-FileHash -Algorithm SHA256 (Join-Path $Work $Archive)).Hash.ToLower()
    if ($Actual -ne $Expected) {
        Fail "$Archive is not the file the release lists (its SHA-256 is $Actual, the release says $Expected): it was damaged or changed on the way. Nothing was installed."
    }
    Expand-Archive -Path (Join-Path $Work $Archive) -DestinationPath $Work
    New-Item -ItemType Directory -Force -Path $Into | Out-Null
    Copy-Item (Join-Path $Work "promise-$Target\promise.exe") (Join-Path $Into "promise.exe") -Force
    $Version = & (Join-Path $Into "promise.exe") --version
    Write-Host "Installed $Version as $(Join-Path $Into 'promise.exe')"
    if (-not (($env:PATH -split ';') -contains $Into)) {
        Write-Host "$Into is not on your PATH: add it in Settings, under 'Edit environment variables for your account', or run $(Join-Path $Into 'promise.exe')"
    }
} finally {
    Remove-Item -Recurse -Force $Work
}
