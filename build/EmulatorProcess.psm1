# Starts and stops the VOD emulator as a child process, for build.ps1 Demo/Bench and the Pester suite.
# The emulator prints one line 'VodEmulator listening on <url>' when ready and exits when its stdin closes,
# so it can never outlive the process that started it.

Set-StrictMode -Version Latest

function Start-VodEmulatorProcess {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [string[]] $ArgumentList = @(),
        [int] $TimeoutSec = 60
    )

    if (-not (Test-Path -LiteralPath $EmulatorPath)) {
        throw "The emulator is not built at '$EmulatorPath'. Run ./build.ps1 Build first."
    }

    # The built VodPowerShell.Emulator.dll runs under dotnet; the installed .NET tool (vod-emulator) runs as it is.
    if ($EmulatorPath -like '*.dll') {
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        $startInfo.ArgumentList.Add($EmulatorPath)
    }
    else {
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($EmulatorPath)
    }
    foreach ($argument in $ArgumentList) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.ArgumentList.Add('--exit-on-stdin-close')
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true

    $process = [System.Diagnostics.Process]::Start($startInfo)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        $read = $process.StandardOutput.ReadLineAsync()
        $remaining = [Math]::Max(1, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $read.Wait([int]$remaining)) { break }
        $line = $read.Result
        if ($null -eq $line) { break }
        if ($line -match '^VodEmulator listening on (?<url>\S+)') {
            # Keep draining stdout so a chatty emulator can never block on a full pipe.
            $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)
            return [pscustomobject]@{
                PSTypeName = 'VodPowerShell.EmulatorProcess'
                Endpoint   = [uri]$Matches.url
                Process    = $process
            }
        }
    }

    Stop-VodEmulatorProcess -Emulator ([pscustomobject]@{ Process = $process })
    throw "The emulator did not report that it listens within $TimeoutSec s (exit code: $(if ($process.HasExited) { $process.ExitCode } else { 'still running' }))."
}

function Stop-VodEmulatorProcess {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)

    process {
        $process = $Emulator.Process
        if ($process.HasExited) { return }
        try { $process.StandardInput.Close() } catch { Write-Verbose "stdin already closed: $_" }
        if (-not $process.WaitForExit(10000)) { $process.Kill($true) }
        $process.Dispose()
    }
}

function New-EmulatorSecret {
    # A fresh key per run, so nothing depends on (or leaks) a fixed secret.
    [OutputType([string])]
    param()
    -join ((1..32) | ForEach-Object { [char](Get-Random -InputObject (48..57 + 65..90 + 97..122)) })
}

Export-ModuleMember -Function Start-VodEmulatorProcess, Stop-VodEmulatorProcess, New-EmulatorSecret
