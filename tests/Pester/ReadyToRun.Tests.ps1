# The net8.0 build is compiled ReadyToRun for linux-x64 on .NET 10 (see README "Two builds, one module"), so the
# first call after import runs precompiled code. If the native code is rejected (compiled for another runtime
# version) or missing (crossgen could not see PowerShell's types), every one of our methods is JIT-compiled
# instead: this counts them, in a fresh pwsh, with the runtime's own JIT events.
BeforeDiscovery {
    $script:precompiledHere = $IsLinux -and [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'X64' -and [Environment]::Version.Major -eq 10
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:emulator = Start-TestEmulator
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe 'ReadyToRun code of the net8.0 build' -Skip:(-not $precompiledHere) {
    It 'serves the first New-VodImageSprite after import: none of the module''s methods is JIT-compiled' {
        $report = Invoke-ChildPowerShell -Environment @{
            VODPS_CHILD_MODULE = Join-Path $env:VODPS_TEST_MODULE 'VodPowerShell.psd1'
            VODPS_CHILD_ENDPOINT = $emulator.Endpoint; VODPS_CHILD_ID = $emulator.SecretId; VODPS_CHILD_KEY = $emulator.SecretKey
        } -Script @'
$ErrorActionPreference = 'Stop'
Add-Type -TypeDefinition @"
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
public sealed class JitCompiledMethods : EventListener
{
    public readonly ConcurrentQueue<string> Names = new ConcurrentQueue<string>();
    protected override void OnEventSourceCreated(EventSource source)
    {
        // The runtime's provider, JIT keyword (0x10), verbose: one MethodLoadVerbose event per compiled method.
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x10);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName == null || !e.EventName.StartsWith("MethodLoadVerbose")) return;
        Names.Enqueue(e.Payload[e.PayloadNames.IndexOf("MethodNamespace")] + "::" + e.Payload[e.PayloadNames.IndexOf("MethodName")]);
    }
}
"@
$listener = [JitCompiledMethods]::new()
Import-Module $env:VODPS_CHILD_MODULE
$credential = [pscredential]::new($env:VODPS_CHILD_ID, (ConvertTo-SecureString $env:VODPS_CHILD_KEY -AsPlainText -Force))
$result = New-VodImageSprite -FileId 'precompiled-1' -Endpoint $env:VODPS_CHILD_ENDPOINT -Credential $credential -ApiVersion V2
$listener.Dispose()
$all = @($listener.Names.ToArray())
@{ Status = [string]$result.Status; Compiled = $all.Count; Ours = @($all | Where-Object { $_ -like 'VodPowerShell.*' }) } | ConvertTo-Json -Compress
'@
        $report.Status | Should -Be 'Submitted'
        $report.Compiled | Should -BeGreaterThan 0 -Because 'the listener must see the JIT at work (PowerShell''s own methods)'
        @($report.Ours) | Should -BeNullOrEmpty
    }
}
