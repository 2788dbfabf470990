# The manifest gives PowerShell 7 the net8.0 build, so the rest of the suite never runs the netstandard2.0 one,
# which Windows PowerShell 5.1 loads. Here a fresh pwsh imports that build's cmdlet assembly directly and
# does a signed round trip of each API version against the emulator (on .NET, not on .NET Framework).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:emulator = Start-TestEmulator
    $script:report = Invoke-ChildPowerShell -Environment @{
        VODPS_CHILD_BUILD = Join-Path $env:VODPS_TEST_MODULE 'Desktop'
        VODPS_CHILD_ENDPOINT = $emulator.Endpoint; VODPS_CHILD_ID = $emulator.SecretId; VODPS_CHILD_KEY = $emulator.SecretKey
    } -Script @'
$ErrorActionPreference = 'Stop'
# Its module initializer hooks the engine's loading from this build's dependencies/, as under the manifest.
Import-Module (Join-Path $env:VODPS_CHILD_BUILD 'VodPowerShell.dll')
$credential = [pscredential]::new($env:VODPS_CHILD_ID, (ConvertTo-SecureString $env:VODPS_CHILD_KEY -AsPlainText -Force))
$results = foreach ($version in 'V2', 'V3') {
    $submitted = New-VodImageSprite -FileId "netstandard-$version" -Endpoint $env:VODPS_CHILD_ENDPOINT -Credential $credential -ApiVersion $version
    $task = Get-VodTask -TaskId $submitted.VodTaskId -Endpoint $env:VODPS_CHILD_ENDPOINT -Credential $credential -ApiVersion $version
    @{ Version = $version; Status = [string]$submitted.Status; SubmittedTaskId = $submitted.VodTaskId; ReadTaskId = $task.TaskId }
}
$event = '{"version":"4.0","eventType":"CreateImageSpriteComplete","data":{"status":0,"message":"","vodTaskId":"CreateImageSprite-1","fileId":"1","definition":10,"totalCount":1,"imageSpriteUrl":["http://x/1.png"],"webVttUrl":"http://x/x.vtt"}}' | ConvertFrom-VodEvent
$frameworks = foreach ($name in 'VodPowerShell', 'VodPowerShell.Core') {
    $assembly = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $name }
    @{ Name = $name; Framework = $assembly.GetCustomAttributes([Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName; Location = $assembly.Location }
}
@{ Results = @($results); EventType = $event.EventType; Assemblies = @($frameworks) } | ConvertTo-Json -Compress -Depth 4
'@
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe 'The netstandard2.0 build (the one Windows PowerShell 5.1 loads)' {
    It 'is the build that ran: cmdlets and engine from Desktop/' {
        foreach ($assembly in $report.Assemblies) {
            $assembly.Framework | Should -Be '.NETStandard,Version=v2.0'
            $assembly.Location | Should -BeLike "*Desktop*"
        }
        ($report.Assemblies | Where-Object Name -EQ 'VodPowerShell.Core').Location | Should -BeLike '*dependencies*'
    }

    It 'signs and submits with <_> against the emulator, then reads the task back' -ForEach 'V2', 'V3' {
        $result = $report.Results | Where-Object Version -EQ $_
        $result.Status | Should -Be 'Submitted'
        $result.SubmittedTaskId | Should -Not -BeNullOrEmpty
        $result.ReadTaskId | Should -Be $result.SubmittedTaskId
    }

    It 'parses a callback event' {
        $report.EventType | Should -Be 'CreateImageSpriteComplete'
    }
}
