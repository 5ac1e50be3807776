#Requires -Version 7.0
<#
.SYNOPSIS
  Builds GridDesk's Windows installers (.msi, WiX through jpackage) from the packaging description in
  installer\jpackage — the same description installer/build-package.sh makes the Linux app-image and
  .deb from.

.DESCRIPTION
  Run on Windows after the tree is built (.\mvnw.cmd -B -ntp -DskipTests package writes target\griddesk.jar,
  target\lib, target\javafx and target\THIRD-PARTY.txt). Needs JAVA_HOME = a JDK 25 and the WiX Toolset
  3.14 on PATH (candle.exe, light.exe). The workflow .github\workflows\windows-installer.yml runs it.

  Writes target\dist\GridDesk (the app-image), then
    target\dist\GridDesk-<version>.msi        per machine (C:\Program Files\GridDesk, administrators)
    target\dist\GridDesk-<version>-user.msi   per user    (%LOCALAPPDATA%\GridDeskApp, no administrator)
  The data folder %LOCALAPPDATA%\GridDesk is neither install folder: upgrades and uninstalls leave it.

.EXAMPLE
  installer\build-msi.ps1 -Version 1.2.0
  installer\build-msi.ps1 -Scope user -SkipAot
#>
param(
    [string]$Version,
    [ValidateSet('machine', 'user', 'both')][string]$Scope = 'both',
    [switch]$SkipAot
)
$ErrorActionPreference = 'Stop'
$here = $PSScriptRoot
$repo = (Resolve-Path (Join-Path $here '..')).Path
$target = Join-Path $repo 'target'
if (-not $env:JAVA_HOME) { throw 'JAVA_HOME must name a JDK 25' }
$jdk = Join-Path $env:JAVA_HOME 'bin'
if (-not $Version) {
    # the project's version without -SNAPSHOT: an MSI version is numbers only
    $Version = ([xml](Get-Content (Join-Path $repo 'pom.xml'))).project.version -replace '-.*$', ''
}

function Invoke-Tool([string]$tool, [string[]]$arguments) {
    & (Join-Path $jdk $tool) @arguments
    if ($LASTEXITCODE -ne 0) { throw "$tool exited with $LASTEXITCODE" }
}

$dist = Join-Path $target 'dist'
$image = Join-Path $dist 'GridDesk'
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
$inputDir = New-Item -ItemType Directory -Path (Join-Path $dist 'input')
$notices = New-Item -ItemType Directory -Path (Join-Path $dist 'notices')
Copy-Item (Join-Path $target 'griddesk.jar') $inputDir
Copy-Item (Join-Path $target 'lib\*.jar') $inputDir

# every bundled library must be named with its licence in the notices
$thirdParty = Join-Path $target 'THIRD-PARTY.txt'
if (-not (Test-Path $thirdParty)) { throw "no ${thirdParty}: build the tree with .\mvnw.cmd package first" }
$named = Get-Content -Raw -Encoding UTF8 $thirdParty
$missing = @(Get-ChildItem (Join-Path $target 'lib\*.jar'), (Join-Path $target 'javafx\*.jar') | ForEach-Object {
        $artifact = $_.BaseName -replace '-[0-9][0-9A-Za-z.+_-]*$', '' -replace '-(linux|win|mac)$', ''
        if ($named -notmatch [regex]::Escape(":${artifact}:")) { $artifact }
    })
if ($missing.Count -gt 0) { throw "THIRD-PARTY.txt does not name: $($missing -join ', ')" }
# copy-dependencies leaves an updated library's old jar beside the new one: never package both
$twice = @(Get-ChildItem (Join-Path $target 'lib\*.jar') | Group-Object { $_.BaseName -replace '-[0-9][0-9A-Za-z.+_-]*$', '' } |
        Where-Object Count -gt 1 | ForEach-Object Name)
if ($twice.Count -gt 0) { throw "two jars of $($twice -join ', ') in target\lib: .\mvnw.cmd clean package" }
Copy-Item (Join-Path $here 'LICENSE.txt'), $thirdParty $notices

Write-Output 'jlink: runtime with the JDK modules and JavaFX, compressed, with a default CDS archive'
Invoke-Tool 'jlink.exe' @('--module-path', (Join-Path $target 'javafx'),
    '--add-modules', 'java.se,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.management,jdk.net,javafx.controls,javafx.fxml',
    '--include-locales=zh-CN,zh,en,en-US', '--strip-debug', '--no-header-files', '--no-man-pages',
    '--compress=zip-6', '--generate-cds-archive', '--output', (Join-Path $dist 'runtime'))
# the second archive is for heaps over 32 GB (no compressed pointers): a desk never has one
Remove-Item -ErrorAction SilentlyContinue (Join-Path $dist 'runtime\bin\server\classes_nocoops.jsa')

# the launchers' JVM options (src\main\jvm\griddesk.options), one --java-options each
$jvmOptions = @(Get-Content (Join-Path $repo 'src\main\jvm\griddesk.options') |
        Where-Object { $_ -and -not $_.StartsWith('#') } | ForEach-Object { '--java-options'; $_ })

Push-Location $here
try {
    Write-Output 'jpackage: app-image'
    # the @ of an argument file is quoted: PowerShell would read @name as splatting
    Invoke-Tool 'jpackage.exe' (@('--type', 'app-image', '@jpackage/app.args', '@jpackage/windows-app.args',
            '--app-version', $Version, '--input', $inputDir.FullName, '--runtime-image', (Join-Path $dist 'runtime'),
            '--dest', $dist, '--app-content', (Join-Path $notices 'THIRD-PARTY.txt')) + $jvmOptions)
    Write-Output ("smoke: " + (& (Join-Path $image 'griddesk-cli.exe') --version | Select-Object -First 1))

    if (-not $SkipAot) {
        # AOT cache: one training run of a whole first start on a throw-away data folder (as build-package.sh)
        $train = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) ("griddesk-aot-" + [guid]::NewGuid()))
        $aot = Join-Path $image 'app\griddesk.aot'
        $env:JAVA_TOOL_OPTIONS = "-XX:AOTCacheOutput=`"$aot`""
        $run = Start-Process -FilePath (Join-Path $image 'GridDesk.exe') -PassThru -ArgumentList (
            "--data-dir `"$(Join-Path $train 'data')`" --startup-report `"$(Join-Path $train 'startup.json')`" --startup-report-whole")
        if (-not $run.WaitForExit(180000)) { Stop-Process -Id $run.Id -Force; $run.WaitForExit() }
        Remove-Item Env:JAVA_TOOL_OPTIONS
        if ($run.ExitCode -eq 0 -and (Test-Path $aot)) {
            foreach ($cfg in 'GridDesk.cfg', 'griddesk-cli.cfg') {
                $file = Join-Path $image "app\$cfg"
                $lines = Get-Content $file | ForEach-Object { $_; if ($_ -eq '[JavaOptions]') { 'java-options=-XX:AOTCache=$APPDIR\griddesk.aot' } }
                Set-Content -Path $file -Value $lines -Encoding utf8NoBOM
            }
            Write-Output "AOT cache: $([math]::Round((Get-Item $aot).Length / 1MB)) MB; training run: $(Get-Content (Join-Path $train 'startup.json'))"
        } else {
            Write-Warning "AOT training failed (exit $($run.ExitCode)); the image works without a cache"
            if (Test-Path $aot) { Remove-Item $aot }
        }
        Remove-Item -Recurse -Force $train
    }

    $scopes = if ($Scope -eq 'both') { @('machine', 'user') } else { @($Scope) }
    foreach ($s in $scopes) {
        Write-Output "jpackage: msi ($s)"
        $out = New-Item -ItemType Directory -Path (Join-Path $dist "msi-$s")
        Invoke-Tool 'jpackage.exe' @('--type', 'msi', '@jpackage/windows-package.args', "@jpackage/windows-$s.args",
            '--app-image', $image, '--name', 'GridDesk', '--app-version', $Version, '--dest', $out.FullName)
        $suffix = if ($s -eq 'user') { '-user' } else { '' }
        $msi = Join-Path $dist "GridDesk-$Version$suffix.msi"
        Move-Item (Get-ChildItem (Join-Path $out '*.msi')).FullName $msi
        Remove-Item $out
        Write-Output "msi: $msi ($([math]::Round((Get-Item $msi).Length / 1MB)) MB)"
    }
} finally {
    Pop-Location
}
