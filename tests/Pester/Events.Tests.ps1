param([ValidateSet('V2', 'V3')] [string] $ApiVersion = 'V2')

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:emulator = Start-TestEmulator -ArgumentList '--task-waiting-ms', '50', '--task-processing-ms', '50',
        '--long-poll-ms', '200', '--visibility-timeout-ms', '1500'
    $script:common = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = $ApiVersion; RetryIntervalSec = 0 }

    # Submits sprites and returns their task ids once the emulator has finished them.
    function New-FinishedTask([string[]] $FileId) {
        $FileId | New-VodImageSprite @common | Wait-VodTask @common -PollIntervalSec 0.1 -Timeout 60 | ForEach-Object TaskId
    }
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe "Pulling and confirming events ($ApiVersion)" {
    BeforeEach { Reset-Emulator $emulator }

    It 'delivers one completion event per finished task, each with a handle' {
        $taskIds = New-FinishedTask 'ev-1', 'ev-2'

        $events = Receive-VodEvent @common -MaxEvents 2 -Timeout 20

        @($events).Count | Should -Be 2
        ($events.TaskId | Sort-Object) | Should -Be ($taskIds | Sort-Object)
        $events | ForEach-Object {
            $_.EventType | Should -Be (Get-Expectation -ApiVersion $ApiVersion -Case EventType)
            $_.FormatVersion | Should -Be (Get-Expectation -ApiVersion $ApiVersion -Case EventFormat)
            $_.EventHandle | Should -Not -BeNullOrEmpty
            $_.Succeeded | Should -BeTrue
            $_.ImageSpriteUrls.Count | Should -BeGreaterThan 0
        }
    }

    It 'stops delivering an event once it is confirmed' {
        $null = New-FinishedTask 'confirm-1'
        Receive-VodEvent @common -MaxEvents 1 -Timeout 20 | Confirm-VodEvent @common

        Start-Sleep -Milliseconds 1600  # past the visibility timeout
        @(Receive-VodEvent @common).Count | Should -Be 0
    }

    It 'delivers an unconfirmed event again after the visibility timeout' {
        $taskId = New-FinishedTask 'redeliver-1'
        $first = Receive-VodEvent @common -MaxEvents 1 -Timeout 20
        $first.TaskId | Should -Be $taskId

        $again = Receive-VodEvent @common -MaxEvents 1 -Timeout 10
        $again.TaskId | Should -Be $taskId
        $again.EventHandle | Should -Not -BeNullOrEmpty
        Confirm-VodEvent @common -EventHandle $again.EventHandle
    }

    It 'confirms by itself with -AutoConfirm' {
        $null = New-FinishedTask 'auto-1'
        @(Receive-VodEvent @common -MaxEvents 1 -Timeout 20 -AutoConfirm).Count | Should -Be 1

        Start-Sleep -Milliseconds 1600
        @(Receive-VodEvent @common).Count | Should -Be 0
    }

    It 'leaves events of other types in the queue' {
        $null = New-FinishedTask 'filtered-1'
        @(Receive-VodEvent @common -EventType 'NewFileUpload' -Timeout 1).Count | Should -Be 0
        $type = Get-Expectation -ApiVersion $ApiVersion -Case EventType
        @(Receive-VodEvent @common -EventType "$($type.Substring(0, 8))*" -MaxEvents 1 -Timeout 10 -AutoConfirm).Count | Should -Be 1
    }
}

Describe 'ConvertFrom-VodEvent' -Skip:($ApiVersion -ne 'V2') {
    It 'reads the v2 callback body of Tencent''s example (docs/protocol.md §9.2)' {
        $body = '{"version":"4.0","eventType":"CreateImageSpriteComplete","data":{"status":0,"message":"","vodTaskId":"CreateImageSprite-1edb7eb88a599d05abe451cfc541cfbd","fileId":"14508071098244929440","definition":10,"totalCount":106,"imageSpriteUrl":["http://x/1.png","http://x/2.png"],"webVttUrl":"http://x/xxx.vtt"}}'
        $event = $body | ConvertFrom-VodEvent
        $event.TaskId | Should -Be 'CreateImageSprite-1edb7eb88a599d05abe451cfc541cfbd'
        $event.TotalCount | Should -Be 106
        $event.ImageSpriteUrls.Count | Should -Be 2
        $event.PSObject.TypeNames[0] | Should -Be 'VodPowerShell.Core.Models.VodEvent'
    }

    It 'reads the API 3.0 callback format into the same object' {
        $body = '{"EventType":"CreateImageSpriteComplete","CreateImageSpriteCompleteEvent":{"ErrCode":0,"Message":"","TaskId":"CreateImageSprite-9","FileId":"52","Definition":10,"TotalCount":3,"ImageSpriteUrlSet":["a/1.jpg"],"WebVttUrl":"a/x.vtt"}}'
        $event = ConvertFrom-VodEvent -InputObject $body
        $event.FormatVersion | Should -Be '3.0'
        $event.TaskId | Should -Be 'CreateImageSprite-9'
    }

    It 'reports text that is not an event as a non-terminating InvalidEvent error and goes on' {
        $events = '<html>', '{"version":"4.0","eventType":"NewFileUpload","data":{"fileId":"1"}}' |
            ConvertFrom-VodEvent -ErrorVariable failures -ErrorAction SilentlyContinue
        @($events).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidEvent,*'
        $failures[0].TargetObject | Should -Be '<html>'
    }
}

# Push mode in the v2 (4.0) format for the V2 run and the 3.0 format for the V3 run: ConvertFrom-VodEvent reads both.
Describe "Push callbacks ($ApiVersion)" {
    BeforeAll {
        # A loopback receiver on a free port, standing in for the app's callback URL.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $script:listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/callback/")
        $listener.Start()
        $script:pushing = Start-TestEmulator -ArgumentList '--task-waiting-ms', '50', '--task-processing-ms', '50',
            '--callback-url', "http://127.0.0.1:$port/callback/", '--callback-format', $ApiVersion.ToLowerInvariant()
    }

    AfterAll {
        $pushing | Stop-TestEmulator
        $listener.Close()
    }

    It 'receives the event body that ConvertFrom-VodEvent reads' {
        $on = @{ Endpoint = $pushing.Endpoint; Credential = $pushing.Credential; ApiVersion = $ApiVersion }
        $submitted = New-VodImageSprite @on -FileId 'pushed-1'

        $pending = $listener.GetContextAsync()
        $pending.Wait(30000) | Should -BeTrue
        $context = $pending.Result
        $body = [System.IO.StreamReader]::new($context.Request.InputStream).ReadToEnd()
        $context.Response.StatusCode = 200
        $context.Response.Close()

        $event = $body | ConvertFrom-VodEvent
        $event.FormatVersion | Should -Be $(if ($ApiVersion -eq 'V2') { '4.0' } else { '3.0' })
        $event.EventType | Should -Be 'CreateImageSpriteComplete'
        $event.TaskId | Should -Be $submitted.VodTaskId
        $event.Succeeded | Should -BeTrue
        $event.EventHandle | Should -BeNullOrEmpty
        $context.Request.HttpMethod | Should -Be 'POST'
    }
}
