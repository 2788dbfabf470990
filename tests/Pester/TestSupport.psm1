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
    param([string[]] $ArgumentList = @(), [string] $SecretKey)

    $secretId = 'AKIDPester' + (Get-Random -Minimum 10000000 -Maximum 99999999)
    $secretKey = if ($SecretKey) { $SecretKey } else { New-EmulatorSecret }
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

# What each API version answers for the same situation: the suites assert through this table, so one set of
# tests covers both versions. ErrorId/Category are ours; Code (v2) and CodeDesc (v3) are the service's.
$script:Expectations = @{
    V2 = @{
        TaskIdPattern   = '^CreateImageSprite-[0-9a-f]{32}$'
        MissingFile     = @{ ErrorId = 'InvalidArgument'; Category = 'InvalidArgument'; Code = 1000 }
        UnknownTemplate = @{ ErrorId = 'InvalidArgument'; Category = 'InvalidArgument'; Code = 1000 }
        FileNotReady    = @{ ErrorId = 'UnexpectedFileStatus'; Category = 'InvalidOperation'; Code = 10009 }
        WrongKey        = @{ ErrorId = 'AuthenticationFailed'; Category = 'AuthenticationError'; Code = 4100 }
        UnknownTask     = @{ ErrorId = 'TaskNotFound'; Category = 'ObjectNotFound'; Code = 70014 }
        RedactedSecret  = 'Signature=\*\*\*'
        EventFormat     = '4.0'
        EventType       = 'CreateImageSpriteComplete'
        QuotaRejected   = { param($entry) $entry.code -eq 4400 }
        TaskInfo        = @{ Action = 'GetTaskInfo'; IdName = 'vodTaskId' }
    }
    V3 = @{
        TaskIdPattern   = '^Procedure-[0-9a-f]+$'
        MissingFile     = @{ ErrorId = 'InvalidParameterValue'; Category = 'ObjectNotFound'; CodeDesc = 'InvalidParameterValue.FileId' }
        UnknownTemplate = @{ ErrorId = 'InvalidParameterValue'; Category = 'InvalidArgument'; CodeDesc = 'InvalidParameterValue.Definition' }
        FileNotReady    = @{ ErrorId = 'UnsupportedOperation'; Category = 'InvalidOperation'; CodeDesc = 'UnsupportedOperation' }
        WrongKey        = @{ ErrorId = 'AuthFailure'; Category = 'AuthenticationError'; CodeDesc = 'AuthFailure.SignatureFailure' }
        UnknownTask     = @{ ErrorId = 'InvalidParameterValue'; Category = 'ObjectNotFound'; CodeDesc = 'InvalidParameterValue.TaskId' }
        RedactedSecret  = 'Authorization=\*\*\*'
        EventFormat     = '3.0'
        EventType       = 'ProcedureStateChanged'
        QuotaRejected   = { param($entry) $entry.errorCode -eq 'RequestLimitExceeded' }
        TaskInfo        = @{ Action = 'DescribeTaskDetail'; IdName = 'TaskId' }
    }
}

function Get-Expectation {
    param([Parameter(Mandatory)] [string] $ApiVersion, [Parameter(Mandatory)] [string] $Case)
    $script:Expectations[$ApiVersion][$Case]
}

# Asserts that a result and its ErrorRecord carry what the service said for this case.
function Assert-ServiceFailure {
    param([Parameter(Mandatory)] $Result, $ErrorRecord, [Parameter(Mandatory)] [hashtable] $Expected)
    $Result.ErrorId | Should -Be $Expected.ErrorId
    if ($Expected.ContainsKey('Code')) { $Result.Code | Should -Be $Expected.Code }
    if ($Expected.ContainsKey('CodeDesc')) { $Result.CodeDesc | Should -Be $Expected.CodeDesc }
    if ($ErrorRecord) {
        $ErrorRecord.FullyQualifiedErrorId | Should -BeLike "$($Expected.ErrorId),*"
        $ErrorRecord.CategoryInfo.Category | Should -Be $Expected.Category
    }
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

function Invoke-ChildPowerShell {
    # Runs a script in a fresh pwsh, so what it loads cannot leak into (or come from) the test session, and
    # returns the JSON it writes as its last line. Values reach it through environment variables.
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
    $file = Join-Path ([IO.Path]::GetTempPath()) ("vodps-child-{0}.ps1" -f [guid]::NewGuid())
    Set-Content -LiteralPath $file -Value $Script
    $saved = @{ NO_COLOR = $env:NO_COLOR }
    foreach ($pair in $Environment.GetEnumerator()) { $saved[$pair.Key] = [Environment]::GetEnvironmentVariable($pair.Key); [Environment]::SetEnvironmentVariable($pair.Key, [string]$pair.Value) }
    try {
        # Plain text: escape codes in a failure message would make the NUnit report invalid XML.
        $env:NO_COLOR = '1'
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The child pwsh exited $LASTEXITCODE`n$(($output -join "`n") -replace '\e\[[0-9;]*m', '')" }
        @($output)[-1] | ConvertFrom-Json
    }
    finally {
        Restore-Environment $saved
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

function Get-NuGetPackagePath {
    # Where restore (build/tools/BuildTools.csproj) put a package: tests use old library versions from there.
    param([Parameter(Mandatory)] [string] $RelativePath)
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    Join-Path $packages $RelativePath
}

Export-ModuleMember -Function Invoke-ChildPowerShell, Get-NuGetPackagePath, Get-Expectation, Assert-ServiceFailure, Import-ModuleUnderTest, Use-IsolatedCredentialSources, Restore-Environment, Start-TestEmulator, Stop-TestEmulator, Get-EmulatorLedger, Reset-Emulator
