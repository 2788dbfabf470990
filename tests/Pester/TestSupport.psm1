# Shared set-up for the Pester suite: the built module, and an emulator child process with a fresh key.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../../build/EmulatorProcess.psm1')

function Import-ModuleUnderTest {
    $path = $env:VODPS_TEST_MODULE
    if (-not $path) { throw 'VODPS_TEST_MODULE is not set: run the suite through ./build.ps1 Test.' }
    Import-Module (Join-Path $path 'VodPowerShell.psd1') -Force -Global
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

Export-ModuleMember -Function Import-ModuleUnderTest, Start-TestEmulator, Stop-TestEmulator, Get-EmulatorLedger, Reset-Emulator
