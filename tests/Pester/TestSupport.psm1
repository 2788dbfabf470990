# Shared set-up for the Pester suite: the built module, and an emulator child process with a fresh key.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../build/EmulatorProcess.psm1')

function Import-ModuleUnderTest {
    $path = $env:VODPS_TEST_MODULE
    if (-not $path) { throw 'VODPS_TEST_MODULE is not set: run the suite through ./build.ps1 Test.' }
    Import-Module (Join-Path $path 'VodPowerShell.psd1') -Force -Global
}

function Use-IsolatedCredentialSources {
    # Points every credential source a test could stumble on at an empty temporary home, and returns what to
    # restore: the machine's own profiles, Tencent files and variables must never leak into (or out of) a test.
    param([Parameter(Mandatory)] [string] $Directory)
    $names = 'HOME', 'USERPROFILE', 'XDG_CONFIG_HOME', 'VODPOWERSHELL_PROFILE_PATH', 'TENCENTCLOUD_CREDENTIALS_FILE', 'TCCLI_PROFILE',
        'TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TENCENTCLOUD_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN', 'TENCENTCLOUD_REGION'
    $saved = @{}
    foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $null) }
    $home = Join-Path $Directory 'home'
    $null = New-Item -ItemType Directory -Force -Path $home
    if (-not $IsWindows) { chmod 700 $home }
    $env:HOME = $home
    $env:USERPROFILE = $home
    $env:VODPOWERSHELL_PROFILE_PATH = Join-Path $home '.config/VodPowerShell/profiles.json'
    $saved
}

function Restore-Environment {
    param([Parameter(Mandatory)] [hashtable] $Saved)
    foreach ($pair in $Saved.GetEnumerator()) { [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value) }
}

function Start-TestEmulator {
    param([string[]] $ArgumentList = @())

    $secretId = 'AKIDPester' + (Get-Random -Minimum 10000000 -Maximum 99999999)
    $secretKey = New-EmulatorSecret
    $emulator = Start-VodEmulatorProcess -EmulatorPath $env:VODPS_TEST_EMULATOR `
        -ArgumentList (@('--secret-id', $secretId, '--secret-key', $secretKey) + $ArgumentList)
    $secure = ConvertTo-SecureString $secretKey -AsPlainText -Force
    [pscustomobject]@{
        Endpoint   = $emulator.Endpoint
        SecretId   = $secretId
        SecretKey  = $secretKey
        SecureKey  = $secure
        Credential = [pscredential]::new($secretId, $secure)
        Process    = $emulator.Process
    }
}

function Stop-TestEmulator {
    param([Parameter(ValueFromPipeline)] $Emulator)
    process { if ($Emulator) { Stop-VodEmulatorProcess -Emulator $Emulator } }
}

function Get-EmulatorLedger {
    param([Parameter(Mandatory)] $Emulator)
    # One object per request, unrolled: callers count with @(...).
    Invoke-RestMethod -Uri ([uri]::new($Emulator.Endpoint, '/_emulator/ledger')) | Write-Output
}

function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    $null = Invoke-RestMethod -Method Post -Uri ([uri]::new($Emulator.Endpoint, '/_emulator/reset'))
}

Export-ModuleMember -Function Import-ModuleUnderTest, Use-IsolatedCredentialSources, Restore-Environment, Start-TestEmulator, Stop-TestEmulator, Get-EmulatorLedger, Reset-Emulator
